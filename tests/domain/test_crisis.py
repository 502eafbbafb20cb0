"""Crisis resources: the data matches the content guide, and the screen is ordered for people."""

from __future__ import annotations

import pytest

from mindful_desktop.domain import crisis
from mindful_desktop.domain.crisis import (
    COUNTRIES,
    ELSEWHERE_SITE,
    Contact,
    clean_contact,
    default_country,
    screen_entries,
)


def test_every_country_in_the_guide_is_listed() -> None:
    assert list(COUNTRIES) == ["US", "CA", "GB", "IE", "AU", "NZ", "FR", "DE", "NL", "IN"]


@pytest.mark.parametrize(
    ("code", "number", "emergency"),
    [
        ("US", "988", "911"),
        ("CA", "9-8-8", "911"),
        ("GB", "116 123", "999"),
        ("IE", "116 123", "112 or 999"),
        ("AU", "13 11 14", "000"),
        ("NZ", "1737", "111"),
        ("FR", "3114", "112"),
        ("DE", "0800 111 0 111", "112"),
        ("NL", "113 or 0800-0113", "112"),
        ("IN", "14416", "112"),
    ],
)
def test_numbers_match_the_content_guide(code: str, number: str, emergency: str) -> None:
    country = COUNTRIES[code]
    assert [line.number for line in country.lines] == [number]
    assert country.emergency == emergency


def test_only_lines_the_guide_says_take_texts_offer_texting() -> None:
    texting = [c for c in COUNTRIES.values() for line in c.lines if line.text_ok]
    assert [c.code for c in texting] == ["US"]
    assert COUNTRIES["US"].lines[0].how == "Call or text"
    assert COUNTRIES["GB"].lines[0].how == "Call"


def test_no_hours_are_invented() -> None:
    assert all(line.hours is None for c in COUNTRIES.values() for line in c.lines)


@pytest.mark.parametrize(
    ("locale_name", "code"),
    [
        ("en_GB", "GB"),
        ("de_DE", "DE"),
        ("en_US.UTF-8", "US"),
        ("fr_CA", "CA"),
        ("fr_FR", "FR"),
        ("en-IE", "IE"),
        ("en_AU", "AU"),
        ("en_NZ", "NZ"),
        ("nl_NL.utf8", "NL"),
        ("hi_IN", "IN"),
        ("en_gb", "GB"),
        ("en_UK", "GB"),
        ("de_DE@euro", "DE"),
        ("es_ES", None),
        ("de_AT", None),
        ("zh_Hant_TW", None),
        ("es_419", None),
        ("en", None),
        ("C", None),
        ("POSIX", None),
        ("", None),
    ],
)
def test_default_country_from_locale(locale_name: str, code: str | None) -> None:
    assert default_country(locale_name) == code


def test_own_contacts_come_first_then_lines_then_emergency_then_elsewhere() -> None:
    contacts = [Contact("Dr Okafor", "020 7946 0000", "my GP"), Contact("Sam", "07700 900123")]
    entries = screen_entries("GB", contacts)
    assert [e.kind for e in entries] == ["contact", "contact", "line", "emergency", "elsewhere"]
    assert [e.name for e in entries[:2]] == ["Dr Okafor", "Sam"]
    assert entries[0].about == "my GP"
    assert entries[2].name == "Samaritans" and entries[2].number == "116 123"
    assert entries[3].number == "999"
    assert entries[4].website == ELSEWHERE_SITE and entries[4].number is None


def test_without_contacts_the_lines_lead() -> None:
    entries = screen_entries("US", [])
    assert [e.kind for e in entries] == ["line", "emergency", "elsewhere"]
    assert entries[0].how == "Call or text"
    assert entries[1].number == "911"


@pytest.mark.parametrize("country", [None, "XX"])
def test_unknown_country_still_gives_a_useful_screen(country: str | None) -> None:
    entries = screen_entries(country, [Contact("Mum", "")])
    assert [e.kind for e in entries] == ["contact", "emergency", "elsewhere"]
    assert entries[0].number is None and entries[0].how == ""
    for number in ("112", "911", "999", "000"):
        assert number in entries[1].about


def test_elsewhere_is_text_never_a_link() -> None:
    for entry in screen_entries("DE", []):
        for text in (entry.name, entry.about, entry.website or ""):
            assert "http" not in text and "<a" not in text and "www." not in text
    assert ELSEWHERE_SITE == "findahelpline.com"


def test_contacts_are_trimmed_and_checked() -> None:
    assert clean_contact("  Ana ", " 555 0100 ", " therapist ") == Contact(
        "Ana", "555 0100", "therapist"
    )
    with pytest.raises(ValueError, match="name"):
        clean_contact("   ", "555")
    with pytest.raises(ValueError, match="phone number is too long"):
        clean_contact("Ana", "5" * 41)


def test_crisis_words_are_honest_and_warm() -> None:
    assert "Nobody sees your answers" in crisis.CRISIS_PRIVACY
    assert "cannot call for help" in crisis.CRISIS_CANNOT_CALL
    assert "deserve support" in crisis.CRISIS_LEAD_ITEM9
    assert "now" in crisis.CRISIS_LEAD_ITEM9
    assert "deserve support" in crisis.CRISIS_LEAD
    for name, value in vars(crisis).items():
        if name.startswith("CRISIS_") and isinstance(value, str):
            assert "must" not in value.lower()  # no orders to someone in distress
            assert value == value.strip() and "  " not in value
