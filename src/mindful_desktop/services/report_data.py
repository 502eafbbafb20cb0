"""What goes into the report for a clinician, read from the journal for one period (no Qt).

The person chooses the period and the sections (`ReportRequest`); `gather` reads only what
those sections need, for days inside the period, with plain SQL (`Database.query`), so the
command line and the window make the same report from the same data.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from mindful_desktop.db.database import Database
from mindful_desktop.domain.content import Course
from mindful_desktop.domain.instruments import GAD7, PHQ9, PHQ9_ITEM9_INDEX, Instrument, band
from mindful_desktop.domain.stats import monday_of, trailing_average
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.services.report_medication import MedicationSection, gather_medication

QUESTIONNAIRES = "questionnaires"
MOOD = "mood"
PRACTICE = "practice"
MEDICATION = "medication"
COURSE = "course"
PLANS = "plans"
SAFETY_PLAN = "safety-plan"
NOTES = "notes"
# In the order the report shows them, each with the words the dialog and --help use.
SECTIONS: tuple[tuple[str, str], ...] = (
    (QUESTIONNAIRES, "PHQ-9 and GAD-7 results"),
    (MOOD, "Mood check-ins"),
    (PRACTICE, "Practice"),
    (MEDICATION, "My medication and questions for my appointment"),
    (COURSE, "The course"),
    (PLANS, "My action plan and early-warning signs"),
    (SAFETY_PLAN, "My safety plan"),
    (NOTES, "My own notes from check-ins"),
)
SECTION_IDS = tuple(key for key, _label in SECTIONS)
# Everything is in unless the person takes it out, except their own words.
DEFAULT_SECTIONS = frozenset(SECTION_IDS) - {NOTES}
PLAN_WORKSHEETS = ("action-plan", "early-warning-signs")
MAX_NOTE_CHARS = 4000
GOAL_DAYS = 6  # MBCT's aim: practise on six days of the seven
INSTRUMENTS: tuple[Instrument, ...] = (PHQ9, GAD7)
_BY_ID = {i.id: i for i in INSTRUMENTS}


def report_date(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def parse_day(text: str, what: str) -> dt.date:
    """A date typed on the command line, or a sentence saying how to write one."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInputError(
            f"The {what} date '{text}' isn't a date this can read. Write it as year-month-day, "
            "for example 2026-03-01."
        ) from None


def check_period(start: dt.date, end: dt.date, today: dt.date) -> None:
    """A period a report can cover: it starts on or before it ends, and has begun."""
    if start > end:
        raise InvalidInputError(
            f"The period starts on {report_date(start)}, after it ends on {report_date(end)}. "
            "Choose a start on or before the end."
        )
    if start > today:
        raise InvalidInputError(
            f"The period starts on {report_date(start)}, which hasn't come yet. Choose a start "
            f"on or before today, {report_date(today)}."
        )


@dataclass(frozen=True)
class ReportRequest:
    start: dt.date
    end: dt.date
    sections: frozenset[str] = DEFAULT_SECTIONS
    note: str = ""  # to the clinician, written in the dialog

    def has(self, section: str) -> bool:
        return section in self.sections


def make_request(
    start: dt.date,
    end: dt.date,
    today: dt.date,
    sections: frozenset[str] = DEFAULT_SECTIONS,
    note: str = "",
) -> ReportRequest:
    check_period(start, end, today)
    unknown = sorted(sections - set(SECTION_IDS))
    if unknown:
        raise InvalidInputError(
            f"There is no section called {', '.join(unknown)}. The sections are "
            f"{', '.join(SECTION_IDS)}."
        )
    clean = "\n".join(line.rstrip() for line in note.strip().splitlines())
    if len(clean) > MAX_NOTE_CHARS:
        raise InvalidInputError(
            f"The note is {len(clean):,} characters; the report holds {MAX_NOTE_CHARS:,}. "
            "Your note is still there to shorten."
        )
    return ReportRequest(start, end, frozenset(sections), clean)


# --- what the sections hold ------------------------------------------------------------------


@dataclass(frozen=True)
class ResultRow:
    day: dt.date
    instrument: Instrument
    total: int
    band: str
    change: int | None  # from the result before it (which may be before the period)
    item9: int | None  # PHQ-9 only: the answer to item 9 (0-3)

    @property
    def marked(self) -> bool:
        """A change of the instrument's meaningful size (5 for PHQ-9, 4 for GAD-7)."""
        return self.change is not None and abs(self.change) >= self.instrument.meaningful_change


@dataclass(frozen=True)
class MoodSummary:
    by_day: dict[dt.date, float]  # the mean of each day's check-ins
    average: dict[dt.date, float]  # 7-day trailing average
    check_ins: int

    @property
    def days(self) -> int:
        return len(self.by_day)

    @property
    def mean(self) -> float | None:
        return sum(self.by_day.values()) / len(self.by_day) if self.by_day else None


@dataclass(frozen=True)
class PracticeWeek:
    monday: dt.date
    days: int
    minutes: float


@dataclass(frozen=True)
class PracticeSummary:
    weeks: tuple[PracticeWeek, ...]
    sessions: int
    minutes: float
    days: int
    by_practice: tuple[tuple[str, int, float], ...]  # title, sessions, minutes; most first


@dataclass(frozen=True)
class CourseSummary:
    where: str  # "Week 3: Gathering the scattered mind", or when it was finished
    completed: int
    lessons: int


@dataclass(frozen=True)
class Sheet:
    title: str
    updated: dt.date
    fields: tuple[tuple[str, str], ...]  # label, what the person wrote (only filled ones)


@dataclass(frozen=True)
class ReportData:
    request: ReportRequest
    made_on: dt.date
    results: tuple[ResultRow, ...] = ()
    mood: MoodSummary | None = None
    practice: PracticeSummary | None = None
    course: CourseSummary | None = None
    sheets: tuple[Sheet, ...] = ()
    safety_plan: Sheet | None = None
    notes: tuple[tuple[dt.date, int, str], ...] = ()  # day, mood, note
    medication: MedicationSection | None = None

    @property
    def item9(self) -> tuple[ResultRow, ...]:
        """Every PHQ-9 in the period with item 9 answered above "not at all"."""
        return tuple(r for r in self.results if r.item9)

    def totals(self, instrument: Instrument) -> tuple[ResultRow, ...]:
        return tuple(r for r in self.results if r.instrument is instrument)


def _day(stored: str) -> dt.date:
    return dt.date.fromisoformat(str(stored)[:10])


def _item9(raw: str) -> int | None:
    try:
        answers = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(answers, list) or len(answers) <= PHQ9_ITEM9_INDEX:
        return None
    value = answers[PHQ9_ITEM9_INDEX]
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _results(db: Database, request: ReportRequest) -> tuple[ResultRow, ...]:
    rows = db.query(
        "SELECT instrument, local_date, total, answers FROM questionnaire_result "
        "WHERE local_date <= ? ORDER BY local_date, taken_at, id",
        (request.end.isoformat(),),
    )
    previous: dict[str, int] = {}
    out: list[ResultRow] = []
    for instrument_id, stored_day, total, answers in rows:
        instrument = _BY_ID.get(str(instrument_id))
        if instrument is None:
            continue
        day = _day(stored_day)
        before = previous.get(instrument.id)
        previous[instrument.id] = int(total)
        if day < request.start:
            continue
        out.append(
            ResultRow(
                day,
                instrument,
                int(total),
                band(instrument, int(total)).label,
                None if before is None else int(total) - before,
                _item9(str(answers)) if instrument is PHQ9 else None,
            )
        )
    return tuple(out)


def _span(request: ReportRequest) -> tuple[str, str]:
    return request.start.isoformat(), request.end.isoformat()


def _mood(db: Database, request: ReportRequest) -> MoodSummary:
    # A week before the start too, so the 7-day average on the first days is a real one.
    rows = db.query(
        "SELECT local_date, avg(mood), count(*) FROM check_in WHERE local_date BETWEEN ? AND ? "
        "GROUP BY local_date ORDER BY local_date",
        ((request.start - dt.timedelta(days=6)).isoformat(), request.end.isoformat()),
    )
    every = {_day(d): float(mean) for d, mean, _n in rows}
    average = trailing_average(every)
    inside = {d: v for d, v in every.items() if d >= request.start}
    return MoodSummary(
        inside,
        {d: v for d, v in average.items() if request.start <= d <= request.end},
        sum(int(n) for d, _mean, n in rows if _day(d) >= request.start),
    )


def _practice(db: Database, request: ReportRequest) -> PracticeSummary:
    span = _span(request)
    daily = db.query(
        "SELECT local_date, sum(minutes), count(*) FROM practice_session "
        "WHERE local_date BETWEEN ? AND ? GROUP BY local_date ORDER BY local_date",
        span,
    )
    weeks: dict[dt.date, list[float]] = {}
    monday = monday_of(request.start)
    while monday <= request.end:
        weeks[monday] = [0, 0.0]
        monday += dt.timedelta(days=7)
    sessions = 0
    minutes = 0.0
    for stored, total, n in daily:
        week = weeks[monday_of(_day(stored))]
        week[0] += 1
        week[1] += float(total or 0)
        sessions += int(n)
        minutes += float(total or 0)
    by_practice = db.query(
        "SELECT title, count(*), sum(minutes) FROM practice_session "
        "WHERE local_date BETWEEN ? AND ? GROUP BY practice_id, title "
        "ORDER BY sum(minutes) DESC, title",
        span,
    )
    merged: dict[str, list[float]] = {}
    for title, n, total in by_practice:
        entry = merged.setdefault(str(title), [0, 0.0])
        entry[0] += int(n)
        entry[1] += float(total or 0)
    return PracticeSummary(
        tuple(PracticeWeek(m, int(v[0]), float(v[1])) for m, v in weeks.items()),
        sessions,
        minutes,
        len(daily),
        tuple(
            (title, int(v[0]), float(v[1]))
            for title, v in sorted(merged.items(), key=lambda kv: (-kv[1][1], kv[0]))
        ),
    )


def _course(db: Database, course: Course) -> CourseSummary:
    done = {
        str(slug)
        for (slug,) in db.query("SELECT slug FROM lesson_progress WHERE completed_at IS NOT NULL")
    }
    lessons = course.lessons
    completed = sum(1 for lesson in lessons if lesson.slug in done)
    weekly = [lesson for lesson in lessons if lesson.is_weekly]
    current = next((lesson for lesson in weekly if lesson.slug not in done), None)
    if current is None:
        where = "All eight weeks completed"
    else:
        where = f"{current.label}: {current.title}"
    return CourseSummary(where, completed, len(lessons))


def _sheet(db: Database, course: Course, worksheet_id: str) -> Sheet | None:
    sheet = course.worksheets.get(worksheet_id)
    if sheet is None:
        return None
    row = db.query_one(
        "SELECT fields, local_date FROM worksheet_entry WHERE worksheet = ? "
        "ORDER BY local_date DESC, id DESC LIMIT 1",
        (worksheet_id,),
    )
    if row is None:
        return None
    try:
        raw = json.loads(row[0])
    except ValueError:
        raw = {}
    values = raw if isinstance(raw, dict) else {}
    filled = tuple(
        (f.label, str(values[f.id]).strip())
        for f in sheet.fields
        if str(values.get(f.id, "")).strip()
    )
    return Sheet(sheet.title, _day(row[1]), filled) if filled else None


def _notes(db: Database, request: ReportRequest) -> tuple[tuple[dt.date, int, str], ...]:
    rows = db.query(
        "SELECT local_date, mood, note FROM check_in WHERE local_date BETWEEN ? AND ? "
        "AND trim(note) != '' ORDER BY local_date, created_at, id",
        _span(request),
    )
    return tuple((_day(d), int(mood), str(note).strip()) for d, mood, note in rows)


def gather(db: Database, course: Course, request: ReportRequest, made_on: dt.date) -> ReportData:
    """Only the chosen sections, only days inside the period (the course and the worksheets
    are as they stand now)."""
    has = request.has
    sheets: Sequence[Sheet | None] = (
        [_sheet(db, course, w) for w in PLAN_WORKSHEETS] if has(PLANS) else []
    )
    return ReportData(
        request=request,
        made_on=made_on,
        results=_results(db, request) if has(QUESTIONNAIRES) else (),
        mood=_mood(db, request) if has(MOOD) else None,
        practice=_practice(db, request) if has(PRACTICE) else None,
        course=_course(db, course) if has(COURSE) else None,
        sheets=tuple(s for s in sheets if s is not None),
        safety_plan=_sheet(db, course, SAFETY_PLAN) if has(SAFETY_PLAN) else None,
        notes=_notes(db, request) if has(NOTES) else (),
        medication=(
            gather_medication(db, request.start, request.end, made_on) if has(MEDICATION) else None
        ),
    )


def first_day(db: Database) -> dt.date | None:
    """The first day anything was recorded: where "since I started" begins."""
    row = db.query_one(
        "SELECT min(day) FROM (SELECT min(local_date) AS day FROM check_in "
        "UNION ALL SELECT min(local_date) FROM practice_session "
        "UNION ALL SELECT min(local_date) FROM questionnaire_result)"
    )
    return _day(row[0]) if row is not None and row[0] else None
