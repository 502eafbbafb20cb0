"""Crisis resources: the data matches the content guide, and the screen is ordered for people."""

from __future__ import annotations

import datetime as dt

import pytest

from mindful_desktop.domain import crisis
from mindful_desktop.domain.crisis import (
    COUNTRIES,
    ELSEWHERE_SITE,
    Contact,
    checked_text,
    clean_contact,
    default_country,
    screen_entries,
)
from mindful_desktop.domain.crisis_lines import LINE_KEYS


def test_every_country_in_the_guide_is_listed() -> None:
    assert list(COUNTRIES) == [
        "US", "CA", "GB", "IE", "AU", "NZ", "FR", "DE", "NL", "ES", "BR", "ZA", "IN"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "lines", "emergency"),
    [
        ("US", [("988", "Call or text")], "911"),
        ("CA", [("9-8-8", "Call or text")], "911"),
        ("GB", [("116 123", "Call"), ("85258", "Text SHOUT to")], "999 or 112"),
        ("IE", [("116 123", "Call"), ("50808", "Text")], "112 or 999"),
        ("AU", [("13 11 14", "Call"), ("0477 13 11 14", "Text")], "000"),
        ("NZ", [("1737", "Call or text")], "111"),
        ("FR", [("3114", "Call")], "112"),
        ("DE", [("0800 111 0 111 or 0800 111 0 222", "Call")], "112"),
        ("NL", [("113 or 0800-0113", "Call")], "112"),
        ("ES", [("024", "Call")], "112"),
        ("BR", [("188", "Call")], "192 (SAMU)"),
        ("ZA", [("0800 567 567", "Call")], "10111, or 112 from a mobile"),
        ("IN", [("14416", "Call")], "112"),
    ],
)
def test_numbers_match_the_content_guide(
    code: str, lines: list[tuple[str, str]], emergency: str
) -> None:
    country = COUNTRIES[code]
    assert [(line.number, line.how) for line in country.lines] == lines
    assert country.emergency == emergency


def test_every_line_says_where_it_was_checked_and_when() -> None:
    keys = [line.key for c in COUNTRIES.values() for line in c.lines]
    assert len(keys) == len(set(keys)) == len(LINE_KEYS)
    for country in COUNTRIES.values():
        for line in country.lines:
            assert line.key.startswith(country.code.lower() + "-")
            assert line.source.startswith("https://"), line.key
            assert dt.date(2026, 1, 1) <= line.checked <= dt.date.today()


def test_the_screen_shows_when_each_line_was_checked() -> None:
    entries = screen_entries("GB", [])
    lines = [e for e in entries if e.kind == "line"]
    assert [e.checked for e in lines] == [line.checked for line in COUNTRIES["GB"].lines]
    assert checked_text(dt.date(2026, 12, 7)) == "Number last checked 7 December 2026"


def test_a_persons_correction_stands_in_for_the_bundled_line() -> None:
    mine = Contact("Samaritans (my branch)", "116 123", "ask for Jo", replaces="gb-samaritans")
    entries = screen_entries("GB", [mine])
    assert [(e.kind, e.name) for e in entries[:3]] == [
        ("contact", "Samaritans (my branch)"),
        ("line", "Shout"),
        ("emergency", "Emergency services"),
    ]
    assert entries[0].key == "gb-samaritans"


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
        ("es_ES", "ES"),
        ("pt_BR", "BR"),
        ("en_ZA", "ZA"),
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
    kinds = ["contact", "contact", "line", "line", "emergency", "elsewhere"]
    assert [e.kind for e in entries] == kinds
    assert [e.name for e in entries[:2]] == ["Dr Okafor", "Sam"]
    assert entries[0].about == "my GP"
    assert entries[2].name == "Samaritans" and entries[2].number == "116 123"
    assert entries[3].name == "Shout" and entries[3].how == "Text SHOUT to"
    assert entries[4].number == "999 or 112"
    assert entries[5].website == ELSEWHERE_SITE and entries[5].number is None


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
    for number in ("112", "911", "999", "000", "111"):
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
