"""Helplines by country, each with where its number was checked and when.

Every line names its source (the service's own page, or a health ministry's) and the day it
was last checked against it; the crisis screen shows that date in small type. Add a country or
a line only with an official source for its number, and re-check every line before a release:
numbers change (Canada's 9-8-8 began on 30 November 2023, Spain's 024 in May 2022).

How the lines below were checked (7 December 2026): against the text of the official pages
named in `source`, read from stored copies, except where the comment says "not readable here":
those numbers are the ones `../shared/CONTENT.md` (the project's content reference) gives as
checked against official sources, and they match the service's own site as we know it; check
them again against the live page first when next reviewing this file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

CALL = "call"
TEXT = "text"
CALL_OR_TEXT = "call-or-text"
CHECKED = dt.date(2026, 12, 7)


@dataclass(frozen=True)
class Line:
    key: str  # stable: a person's correction replaces the line by this key
    name: str
    number: str
    about: str
    ways: str = CALL
    keyword: str = ""  # the word to text, where the service asks for one
    website: str = ""  # online chat, as text to type on another device; never a link
    source: str = ""
    checked: dt.date = CHECKED

    @property
    def how(self) -> str:
        if self.ways == TEXT:
            return f"Text {self.keyword} to" if self.keyword else "Text"
        return "Call or text" if self.ways == CALL_OR_TEXT else "Call"


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str
    emergency: str
    lines: tuple[Line, ...]
    emergency_source: str = ""


_SAMARITANS_ABOUT = (
    "A listening line for anyone who is struggling or in despair. Free, day or night."
)

COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country(
            "US",
            "United States",
            "911",
            (
                Line(
                    "us-988",
                    "988 Suicide & Crisis Lifeline",
                    "988",
                    "For anyone in distress or thinking about suicide. Free, any time. "
                    "Chat at 988lifeline.org.",
                    CALL_OR_TEXT,
                    source="https://health.wyo.gov/publichealth/prevention/wivpp/"
                    "suicide-prevention/988-suicide-crisis-lifeline/ (Wyoming Department of "
                    "Health: 'call or text 988, or chat online at 988Lifeline.org')",
                ),
            ),
            "https://www.fcc.gov/consumers/guides/text-911-quick-facts-faqs",
        ),
        Country(
            "CA",
            "Canada",
            "911",
            (
                Line(
                    "ca-988",
                    "9-8-8 Suicide Crisis Helpline",
                    "9-8-8",
                    "For anyone thinking about suicide, in English or French. Free, any time.",
                    CALL_OR_TEXT,
                    source="https://search.open.canada.ca/qpnotes/record/hc-sc,MHA-2023-QP-0001"
                    " (Health Canada: live since 30 November 2023, voice and text, 24/7)",
                ),
            ),
            "https://crtc.gc.ca/eng/phone/911/can.htm",
        ),
        Country(
            "GB",
            "United Kingdom",
            "999 or 112",
            (
                Line(
                    "gb-samaritans",
                    "Samaritans",
                    "116 123",
                    _SAMARITANS_ABOUT,
                    source="https://www.samaritans.org/how-we-can-help/contact-samaritan/",
                ),
                Line(
                    "gb-shout",
                    "Shout",
                    "85258",
                    "A text conversation with a trained volunteer, free, any time.",
                    TEXT,
                    keyword="SHOUT",
                    source="https://giveusashout.org/about-us/faq",
                ),
            ),
            "https://www.gov.uk/guidance/999-and-112-the-uks-national-emergency-numbers",
        ),
        Country(
            "IE",
            "Ireland",
            "112 or 999",
            (
                Line(
                    "ie-samaritans",
                    "Samaritans",
                    "116 123",
                    _SAMARITANS_ABOUT,
                    source="https://www.samaritans.org/news/samaritans-ireland-responds-one-"
                    "call-help-every-minute-last-year (free to call since March 2014)",
                ),
                Line(
                    "ie-50808",
                    "50808",
                    "50808",
                    "Send a text to start a conversation with a trained volunteer. Free, any time.",
                    TEXT,
                    source="https://50808.ie (not readable here; CONTENT.md)",
                ),
            ),
            "https://www.kildarestreet.com/wrans/?id=2025-11-25a.1853 (a Dáil written answer, "
            "25 November 2025: the Gardaí advise calling 112 or 999)",
        ),
        Country(
            "AU",
            "Australia",
            "000",
            (
                Line(
                    "au-lifeline",
                    "Lifeline",
                    "13 11 14",
                    "Crisis support at any hour. Free from mobiles.",
                    source="https://www.lifelineh2h.org.au/get-help/telephone-crisis-support/faqs/",
                ),
                Line(
                    "au-lifeline-text",
                    "Lifeline by text",
                    "0477 13 11 14",
                    "Lifeline's text service, any time.",
                    TEXT,
                    source="https://lifeinmind.org.au/news/lifelines-crisis-text-service-now-"
                    "available-24-7",
                ),
            ),
            "https://www.qld.gov.au/emergency/emergencies-services/assistance/triple-000",
        ),
        Country(
            "NZ",
            "New Zealand",
            "111",
            (
                Line(
                    "nz-1737",
                    "Need to talk? 1737",
                    "1737",
                    "A trained counsellor, any time, day or night. Free.",
                    CALL_OR_TEXT,
                    source="https://www.health.govt.nz/news-media/news-items/phone-counselling-"
                    "service-busy-following-christchurch-tragedy",
                ),
            ),
            "https://www.police.govt.nz/contact-us/calling-emergency-111",
        ),
        Country(
            "FR",
            "France",
            "112",
            (
                Line(
                    "fr-3114",
                    "3114",
                    "3114",
                    "The national suicide prevention line. Free, day and night.",
                    source="https://3114.fr/que-se-passe-t-il-quand-je-contacte-le-3114/",
                ),
            ),
        ),
        Country(
            "DE",
            "Germany",
            "112",
            (
                Line(
                    "de-telefonseelsorge",
                    "TelefonSeelsorge",
                    "0800 111 0 111 or 0800 111 0 222",
                    "A listening line, anonymous and free, round the clock.",
                    source="https://www.ekkw.de (the churches that run TelefonSeelsorge; "
                    "telefonseelsorge.de not readable here)",
                ),
            ),
        ),
        Country(
            "NL",
            "Netherlands",
            "112",
            (
                Line(
                    "nl-113",
                    "113 Zelfmoordpreventie",
                    "113 or 0800-0113",
                    "The Dutch suicide prevention line, free. Chat at 113.nl.",
                    source="https://www.113.nl/qa-nummerwijziging-113-en-gratis-nummer-0800-0113",
                ),
            ),
        ),
        Country(
            "ES",
            "Spain",
            "112",
            (
                Line(
                    "es-024",
                    "Línea 024",
                    "024",
                    "Spain's line for anyone thinking about suicide, and for the people close "
                    "to them. Free, any time.",
                    source="https://www.sanidad.gob.es (Ministerio de Sanidad; since 10 May 2022;"
                    " not readable here; CONTENT.md)",
                ),
            ),
        ),
        Country(
            "BR",
            "Brazil",
            "192 (SAMU)",
            (
                Line(
                    "br-cvv",
                    "CVV, Centro de Valorização da Vida",
                    "188",
                    "Emotional support and suicide prevention. Free, any time.",
                    source="https://cvv.org.br (not readable here; CONTENT.md)",
                ),
            ),
            "https://www.prefeitura.sp.gov.br (SAMU 192, São Paulo health department)",
        ),
        Country(
            "ZA",
            "South Africa",
            "10111, or 112 from a mobile",
            (
                Line(
                    "za-sadag",
                    "SADAG Suicide Crisis Helpline",
                    "0800 567 567",
                    "The South African Depression and Anxiety Group's crisis line. Free.",
                    source="https://www.sadag.org (not readable here; CONTENT.md)",
                ),
            ),
            "https://www.saps.gov.za/services/cc_10111.php",
        ),
        Country(
            "IN",
            "India",
            "112",
            (
                Line(
                    "in-tele-manas",
                    "Tele-MANAS",
                    "14416",
                    "India's national mental health helpline, in many languages. Free.",
                    source="https://telemanas.mohfw.gov.in (Ministry of Health; not readable "
                    "here; CONTENT.md)",
                ),
            ),
        ),
    )
}

LINE_KEYS = frozenset(line.key for country in COUNTRIES.values() for line in country.lines)
