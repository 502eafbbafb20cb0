"""The course content model: lessons and worksheets parsed from bundled files and validated."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mindful_desktop.domain.toml_cache import TomlCache

WEEKLY_HEADINGS = (
    "This week's theme",
    "This week's practices",
    "Home practice for six days",
    "When practice is hard",
    "From the virtual group",
    "Reflection prompts",
)
MIN_WORDS_WEEKLY = 1500
MIN_WORDS_OTHER = 800
DAYS_GOAL = 6  # MBCT's aim: practise on six days of the week
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
# What a worksheet field may show beside its box (the safety plan's people and helplines).
FIELD_SHOWS = ("", "crisis-contacts", "crisis-lines")


class ContentError(ValueError):
    """A bundled file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class HomePracticeItem:
    id: str
    text: str
    tracks: tuple[str, ...] = ()  # logging any of these ticks the item
    per_day: int = 1
    # Counted by the day's logged minutes instead of by sessions (domain/home_practice.py).
    minutes: int | None = None


@dataclass(frozen=True)
class Prompt:
    id: str
    text: str


@dataclass(frozen=True)
class CheckQuestion:
    id: str
    text: str  # what the person ticks when it is true for them
    advice: str  # one sentence, shown under the question once it is ticked
    crisis: bool = False  # the advice also offers Crisis support


@dataclass(frozen=True)
class ReadinessCheck:
    """ "Is this the right time to start?": questions to tick, each with what to consider.
    Never a gate, and nothing is stored unless the person keeps a copy (`summary`)."""

    title: str
    intro: str
    closing: str
    questions: tuple[CheckQuestion, ...]

    def summary(self, ticked: Iterable[str]) -> str:
        """The words a kept copy holds: each ticked question with its advice, then the
        closing line. Unknown ids are ignored."""
        chosen = set(ticked)
        parts = [f"✓ {q.text}\n{q.advice}" for q in self.questions if q.id in chosen]
        if not parts:
            parts = ["None of these was true for me at the time."]
        return "\n\n".join([*parts, self.closing]) + "\n"


@dataclass(frozen=True)
class Lesson:
    slug: str
    week: int
    title: str
    summary: str
    practices: tuple[str, ...]
    worksheets: tuple[str, ...]
    home_practice: tuple[HomePracticeItem, ...]
    prompts: tuple[Prompt, ...]
    body: str
    source: str
    check: ReadinessCheck | None = None  # the orientation's "is this the right time?"

    @property
    def is_weekly(self) -> bool:
        return 1 <= self.week <= 8

    @property
    def label(self) -> str:
        if self.week == 0:
            return "Start here"
        if self.week == 9:
            return "When you finish"
        return f"Week {self.week}"

    def word_count(self) -> int:
        return len(re.findall(r"[\w'’-]+", self.body))

    def headings(self) -> list[str]:
        return re.findall(r"^## (.+?)\s*$", self.body, flags=re.MULTILINE)


@dataclass(frozen=True)
class WorksheetField:
    id: str
    label: str
    kind: str  # "line" | "text"
    placeholder: str = ""
    help: str = ""  # a short sentence under the label
    shows: str = ""  # one of FIELD_SHOWS: what the app already knows, offered beside the box


@dataclass(frozen=True)
class SeeAlso:
    """A button in a worksheet that opens another worksheet."""

    worksheet: str
    button: str


@dataclass(frozen=True)
class Worksheet:
    id: str
    title: str
    kind: str  # "calendar" | "document"
    intro: str
    fields: tuple[WorksheetField, ...]
    see_also: tuple[SeeAlso, ...] = ()


@dataclass(frozen=True)
class Course:
    lessons: tuple[Lesson, ...]
    worksheets: dict[str, Worksheet]

    def lesson(self, slug: str) -> Lesson:
        for lesson in self.lessons:
            if lesson.slug == slug:
                return lesson
        raise KeyError(slug)

    def by_week(self, week: int) -> Lesson:
        for lesson in self.lessons:
            if lesson.week == week:
                return lesson
        raise KeyError(week)


# --- parsing ---------------------------------------------------------------------------------


def _req(data: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in data:
        raise ContentError(f"{where}: missing field '{key}'")
    value = data[key]
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ContentError(f"{where}: field '{key}' must be a whole number")
    if not isinstance(value, kind):
        raise ContentError(f"{where}: field '{key}' must be a {kind.__name__}")
    return value


def _id(value: Any, field: str, where: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise ContentError(
            f"{where}: field '{field}' must be a lower-case id like 'body-scan', not {value!r}"
        )
    return value


def _str_list(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = data.get(key, [])
    if not isinstance(values, list):
        raise ContentError(f"{where}: field '{key}' must be a list")
    return tuple(_id(v, key, where) for v in values)


def split_front_matter(
    text: str, where: str, toml: TomlCache | None = None
) -> tuple[dict[str, Any], str]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "+++":
        raise ContentError(f"{where}: must start with a line '+++' (TOML front matter)")
    for i in range(1, len(lines)):
        if lines[i].strip() == "+++":
            try:
                front = "".join(lines[1:i])
                meta = toml.loads(front) if toml is not None else tomllib.loads(front)
            except tomllib.TOMLDecodeError as exc:
                raise ContentError(f"{where}: front matter is not valid TOML ({exc})") from exc
            return meta, "".join(lines[i + 1 :])
    raise ContentError(f"{where}: front matter has no closing '+++' line")


def _parse_check(raw: Any, where: str) -> ReadinessCheck:
    at = f"{where}: readiness"
    if not isinstance(raw, dict):
        raise ContentError(f"{at} must be a table")
    raw_questions = _req(raw, "questions", list, at)
    questions = []
    for n, q in enumerate(raw_questions, 1):
        qat = f"{at} question #{n}"
        if not isinstance(q, dict):
            raise ContentError(f"{qat} must be a table")
        crisis = q.get("crisis", False)
        if not isinstance(crisis, bool):
            raise ContentError(f"{qat}: field 'crisis' must be true or false")
        questions.append(
            CheckQuestion(
                id=_id(q.get("id"), "id", qat),
                text=_req(q, "text", str, qat),
                advice=_req(q, "advice", str, qat),
                crisis=crisis,
            )
        )
    if not questions:
        raise ContentError(f"{at}: needs at least one question")
    if len({q.id for q in questions}) != len(questions):
        raise ContentError(f"{at}: question ids must be unique")
    for q in questions:
        if not q.text.strip() or not q.advice.strip():
            raise ContentError(f"{at}: question '{q.id}' needs both 'text' and 'advice'")
    return ReadinessCheck(
        title=_req(raw, "title", str, at),
        intro=_req(raw, "intro", str, at),
        closing=_req(raw, "closing", str, at),
        questions=tuple(questions),
    )


def parse_lesson(text: str, where: str, toml: TomlCache | None = None) -> Lesson:
    meta, body = split_front_matter(text, where, toml)
    week = _req(meta, "week", int, where)
    if not 0 <= week <= 9:
        raise ContentError(f"{where}: field 'week' must be from 0 to 9, not {week}")
    items = []
    raw_items = meta.get("home_practice", [])
    if not isinstance(raw_items, list):
        raise ContentError(f"{where}: field 'home_practice' must be a list of tables")
    for n, raw in enumerate(raw_items, 1):
        at = f"{where}: home_practice #{n}"
        if not isinstance(raw, dict):
            raise ContentError(f"{at} must be a table")
        track = raw.get("track")
        tracks = ([] if track is None else [_id(track, "track", at)]) + list(
            _str_list(raw, "also_tracks", at)
        )
        per_day = raw.get("per_day", 1)
        if isinstance(per_day, bool) or not isinstance(per_day, int) or not 1 <= per_day <= 10:
            raise ContentError(f"{at}: field 'per_day' must be a whole number from 1 to 10")
        minutes = raw.get("minutes")
        if minutes is not None and (
            isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 240
        ):
            raise ContentError(f"{at}: field 'minutes' must be a whole number from 1 to 240")
        if minutes is not None and per_day != 1:
            raise ContentError(f"{at}: an item counted in minutes is done once a day (per_day 1)")
        items.append(
            HomePracticeItem(
                id=_id(raw.get("id"), "id", at),
                text=_req(raw, "text", str, at),
                tracks=tuple(tracks),
                per_day=per_day,
                minutes=minutes,
            )
        )
    prompts = []
    raw_prompts = meta.get("prompts", [])
    if not isinstance(raw_prompts, list):
        raise ContentError(f"{where}: field 'prompts' must be a list of tables")
    for n, raw in enumerate(raw_prompts, 1):
        at = f"{where}: prompts #{n}"
        if not isinstance(raw, dict):
            raise ContentError(f"{at} must be a table")
        prompts.append(Prompt(id=_id(raw.get("id"), "id", at), text=_req(raw, "text", str, at)))
    groups = (("home_practice", [i.id for i in items]), ("prompts", [q.id for q in prompts]))
    for kind, ids in groups:
        if len(set(ids)) != len(ids):
            raise ContentError(f"{where}: {kind} ids must be unique")
    return Lesson(
        slug=_id(meta.get("slug"), "slug", where),
        week=week,
        title=_req(meta, "title", str, where),
        summary=_req(meta, "summary", str, where),
        practices=_str_list(meta, "practices", where),
        worksheets=_str_list(meta, "worksheets", where),
        home_practice=tuple(items),
        prompts=tuple(prompts),
        body=body.strip() + "\n",
        source=where,
        check=_parse_check(meta["readiness"], where) if "readiness" in meta else None,
    )


def parse_worksheets(text: str, where: str, toml: TomlCache | None = None) -> dict[str, Worksheet]:
    try:
        data = toml.loads(text) if toml is not None else tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{where}: not valid TOML ({exc})") from exc
    sheets = {}
    for sheet_id, raw in data.items():
        at = f"{where}: [{sheet_id}]"
        _id(sheet_id, "id", at)
        kind = _req(raw, "kind", str, at)
        if kind not in ("calendar", "document"):
            raise ContentError(f"{at}: field 'kind' must be 'calendar' or 'document'")
        fields = []
        for n, f in enumerate(_req(raw, "fields", list, at), 1):
            fat = f"{at} field #{n}"
            fkind = _req(f, "kind", str, fat)
            if fkind not in ("line", "text"):
                raise ContentError(f"{fat}: field 'kind' must be 'line' or 'text'")
            shows = str(f.get("shows", ""))
            if shows not in FIELD_SHOWS:
                raise ContentError(f"{fat}: field 'shows' must be one of {FIELD_SHOWS[1:]}")
            fields.append(
                WorksheetField(
                    id=_id(f.get("id"), "id", fat),
                    label=_req(f, "label", str, fat),
                    kind=fkind,
                    placeholder=str(f.get("placeholder", "")),
                    help=str(f.get("help", "")),
                    shows=shows,
                )
            )
        if not fields:
            raise ContentError(f"{at}: needs at least one field")
        see_also = []
        for n, link in enumerate(raw.get("see_also", []), 1):
            lat = f"{at} see_also #{n}"
            if not isinstance(link, dict):
                raise ContentError(f"{lat}: must be a table with 'worksheet' and 'button'")
            see_also.append(
                SeeAlso(
                    _id(link.get("worksheet"), "worksheet", lat), _req(link, "button", str, lat)
                )
            )
        sheets[sheet_id] = Worksheet(
            id=sheet_id,
            title=_req(raw, "title", str, at),
            kind=kind,
            intro=_req(raw, "intro", str, at),
            fields=tuple(fields),
            see_also=tuple(see_also),
        )
    for sheet in sheets.values():
        for link in sheet.see_also:
            if link.worksheet not in sheets:
                raise ContentError(
                    f"{where}: [{sheet.id}] see_also names unknown '{link.worksheet}'"
                )
    return sheets


def load_course(
    lessons_dir: Path, track_ids: Iterable[str] | None = None, toml: TomlCache | None = None
) -> Course:
    """Read every lesson and the worksheets; cross-check ids. Raises ContentError."""
    files = sorted(lessons_dir.glob("*.md"))
    if not files:
        raise ContentError(f"{lessons_dir}: no lesson files found")
    lessons = [parse_lesson(f.read_text(encoding="utf-8"), f.name, toml) for f in files]
    sheets_file = lessons_dir / "worksheets.toml"
    worksheets = parse_worksheets(sheets_file.read_text(encoding="utf-8"), sheets_file.name, toml)
    seen_slugs: set[str] = set()
    seen_weeks: set[int] = set()
    known_tracks = None if track_ids is None else set(track_ids)
    for lesson in lessons:
        if lesson.slug in seen_slugs:
            raise ContentError(f"{lesson.source}: slug '{lesson.slug}' is used twice")
        if lesson.week in seen_weeks:
            raise ContentError(f"{lesson.source}: week {lesson.week} is used twice")
        seen_slugs.add(lesson.slug)
        seen_weeks.add(lesson.week)
        for sheet in lesson.worksheets:
            if sheet not in worksheets:
                raise ContentError(f"{lesson.source}: worksheets names unknown '{sheet}'")
        if known_tracks is not None:
            used = list(lesson.practices) + [t for i in lesson.home_practice for t in i.tracks]
            for track in used:
                if track not in known_tracks:
                    raise ContentError(f"{lesson.source}: practice track '{track}' does not exist")
    lessons.sort(key=lambda lesson: lesson.week)
    return Course(lessons=tuple(lessons), worksheets=worksheets)


def body_problems(lesson: Lesson) -> list[str]:
    """What a lesson's text lacks against the content rules (used by tests, not at start-up)."""
    problems = []
    minimum = MIN_WORDS_WEEKLY if lesson.is_weekly else MIN_WORDS_OTHER
    if lesson.word_count() < minimum:
        problems.append(f"{lesson.source}: {lesson.word_count()} words, needs {minimum}")
    if lesson.is_weekly:
        found = [h for h in lesson.headings() if h in WEEKLY_HEADINGS]
        if found != list(WEEKLY_HEADINGS):
            problems.append(f"{lesson.source}: sections {found}, need {list(WEEKLY_HEADINGS)}")
        if not lesson.home_practice:
            problems.append(f"{lesson.source}: no home practice")
        if not 2 <= len(lesson.prompts) <= 5:
            problems.append(f"{lesson.source}: {len(lesson.prompts)} prompts, want 2-5")
    return problems
