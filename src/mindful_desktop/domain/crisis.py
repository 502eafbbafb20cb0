"""Crisis resources shown offline: helplines by country, the user's own contacts, and the words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from mindful_desktop.domain.crisis_lines import COUNTRIES, Country, Line

__all__ = ["COUNTRIES", "Country", "Line"]

# --- the words on the crisis screen ----------------------------------------------------------

CRISIS_TITLE = "You deserve support right now"

# Shown when PHQ-9 item 9 is answered above "Not at all", before any score.
CRISIS_LEAD_ITEM9 = (
    "You said that you have had thoughts of being better off dead, or of hurting yourself. "
    "That is a heavy thing to carry, and you don't have to carry it on your own. You deserve "
    "support with it now, not only when things get worse."
)

# Shown when the person opens the crisis screen themselves.
CRISIS_LEAD = (
    "If things feel like too much right now, you deserve support, and you deserve it now. "
    "The people and lines below are there to listen."
)

# For the questionnaire route: the person has just given answers.
CRISIS_PRIVACY = (
    "Nobody sees your answers. They stay on this computer, and the app never sends them anywhere."
)

CRISIS_CANNOT_CALL = (
    "This app cannot call for help or let anyone know how you are, so reaching out to a "
    "person is the step that matters: someone below, or someone you trust."
)

CRISIS_EMERGENCY = (
    "If you might act on thoughts of ending your life or hurting yourself, or you are in "
    "danger now, call your emergency number or go to the nearest hospital emergency department."
)

CRISIS_ADD_CONTACTS = (
    "You can add your own people here, such as a therapist, a doctor or someone you trust. "
    "They will be shown first."
)

CRISIS_BACK_TO_QUESTIONNAIRE = (
    "When you are ready, you can go back to the questionnaire. Your answers so far are kept."
)

NAME_MAX_CHARS = 80
PHONE_MAX_CHARS = 40
NOTE_MAX_CHARS = 200

# --- the data (domain/crisis_lines.py) -------------------------------------------------------

# Plain text, never a link: the app stays offline and must not open a browser on this screen.
ELSEWHERE_SITE = "findahelpline.com"
ELSEWHERE_NAME = "Find a helpline"
ELSEWHERE_ABOUT = (
    "If your country isn't listed, or you are away from home, findahelpline.com lists "
    "helplines in many countries. You can look it up in a web browser or on your phone."
)

EMERGENCY_NAME = "Emergency services"
EMERGENCY_ABOUT = "If you or someone else is in danger right now."
EMERGENCY_ANYWHERE_NAME = "Your local emergency number"
EMERGENCY_ANYWHERE_ABOUT = (
    "This is 112 in the EU and many other countries, 911 in the US and Canada, 999 in the UK, "
    "000 in Australia and 111 in New Zealand."
)
NO_COUNTRY = (
    "Choose your country to see its crisis lines here. Until then, this screen shows only "
    "the emergency numbers that work in many places, so it never shows another country's "
    "lines as if they were yours."
)

# Common spellings that are not ISO codes but turn up in locale names.
_ALIASES = {"UK": "GB"}


def default_country(locale_name: str) -> str | None:
    """The listed country a system locale points to ("en_GB" -> "GB"), else None.

    Accepts "en_GB", "en-GB", "en_GB.UTF-8", "sr_Latn_RS@latin"; "C", "POSIX" and a bare
    language ("en") name no country.
    """
    base = locale_name.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    parts = base.split("_")
    for part in reversed(parts[1:]):
        if len(part) == 2 and part.isalpha():
            code = part.upper()
            code = _ALIASES.get(code, code)
            return code if code in COUNTRIES else None
    return None


# --- the user's own contacts and the screen ----------------------------------------------------


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    note: str = ""
    replaces: str = ""  # the key of a bundled line this person's version stands in for


def clean_contact(name: str, phone: str, note: str = "", replaces: str = "") -> Contact:
    """Trim and check a contact typed by the user; a phone may be left empty (a neighbour)."""
    name, phone, note = name.strip(), phone.strip(), note.strip()
    if not name:
        raise ValueError("Please give this contact a name.")
    limits = (("name", name, NAME_MAX_CHARS), ("phone number", phone, PHONE_MAX_CHARS))
    for label, value, limit in (*limits, ("note", note, NOTE_MAX_CHARS)):
        if len(value) > limit:
            raise ValueError(f"That {label} is too long; it can hold {limit} characters.")
    return Contact(name=name, phone=phone, note=note, replaces=replaces)


EntryKind = Literal["contact", "line", "emergency", "elsewhere"]


@dataclass(frozen=True)
class ScreenEntry:
    kind: EntryKind
    name: str
    number: str | None  # None: nothing to dial (see `about`)
    how: str  # "Call", "Call or text", or "" when there is no number
    about: str
    hours: str | None = None
    website: str | None = None  # plain text to read out or copy; never a clickable link
    checked: dt.date | None = None  # a bundled line: the day its number was last checked
    key: str = ""  # a bundled line's key; a person's correction: the key it replaces


def with_article(country_name: str) -> str:
    """ "the United Kingdom", "the Netherlands", but "Ireland"."""
    plural = country_name.startswith("United ") or country_name.endswith(("lands", "ines"))
    return f"the {country_name}" if plural else country_name


def checked_text(day: dt.date) -> str:
    return f"Number last checked {day.day} {day:%B %Y}"


def screen_entries(country: str | None, contacts: Sequence[Contact]) -> tuple[ScreenEntry, ...]:
    """The crisis screen, top to bottom: own contacts, the country's lines, emergency, elsewhere.

    An unknown country code (a stale setting, say) falls back to the generic emergency entry
    rather than failing: this screen must always show something useful.
    """
    entries = [
        ScreenEntry(
            kind="contact",
            name=c.name,
            number=c.phone or None,
            how="Call" if c.phone else "",
            about=c.note,
            key=c.replaces,
        )
        for c in contacts
    ]
    corrected = {c.replaces for c in contacts if c.replaces}
    place = COUNTRIES.get(country) if country is not None else None
    if place is not None:
        entries.extend(
            ScreenEntry(
                kind="line",
                name=line.name,
                number=line.number,
                how=line.how,
                about=line.about,
                checked=line.checked,
                key=line.key,
            )
            for line in place.lines
            if line.key not in corrected
        )
        entries.append(
            ScreenEntry(
                kind="emergency",
                name=EMERGENCY_NAME,
                number=place.emergency,
                how="Call",
                about=EMERGENCY_ABOUT,
            )
        )
    else:
        entries.append(
            ScreenEntry(
                kind="emergency",
                name=EMERGENCY_ANYWHERE_NAME,
                number=None,
                how="",
                about=EMERGENCY_ANYWHERE_ABOUT,
            )
        )
    entries.append(
        ScreenEntry(
            kind="elsewhere",
            name=ELSEWHERE_NAME,
            number=None,
            how="",
            about=ELSEWHERE_ABOUT,
            website=ELSEWHERE_SITE,
        )
    )
    return tuple(entries)
