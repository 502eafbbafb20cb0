"""Headless data work: health report, export, and synthetic demo data. Qt-free."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from mindful_desktop import __version__
from mindful_desktop.db.base import Base
from mindful_desktop.db.database import Database
from mindful_desktop.db.migrate import head_revision, known_revisions, read_state
from mindful_desktop.db.models import (
    CheckIn,
    JournalEntry,
    PracticeSession,
    QuestionnaireResult,
)
from mindful_desktop.domain.instruments import GAD7, PHQ9, Instrument, band
from mindful_desktop.domain.mood import EMOTION_WORDS
from mindful_desktop.domain.text import clean_text, clean_value
from mindful_desktop.errors import DataDirError, InvalidInputError
from mindful_desktop.paths import AppPaths

EXPORT_FORMAT = "mindful-desktop-export"
EXPORT_FORMAT_VERSION = 2
# Columns holding JSON text in the database; the export gives their values, not strings.
JSON_COLUMNS = {
    ("check_in", "emotions"),
    ("questionnaire_result", "answers"),
    ("worksheet_entry", "fields"),
    ("setting", "value"),
}


def doctor_report(paths: AppPaths) -> dict[str, Any]:
    """Look at the journal without changing it (read-only connection, no migration)."""
    db_path = paths.db_path
    head = head_revision()
    report: dict[str, Any] = {
        "app_version": __version__,
        "data_dir": str(paths.data_dir),
        "database": str(db_path),
        "database_exists": db_path.exists(),
        "schema_revision": None,
        "head_revision": head,
        "is_head": False,
        "quick_check": None,
        "tables": {},
        "healthy": False,
        "problems": [],
    }
    if not db_path.exists():
        report["problems"].append("No journal yet: it is created the first time the app starts.")
        return report
    try:
        state = read_state(db_path)
        from mindful_desktop.db.cipher import connect

        conn = connect(db_path, mode="ro")
        try:
            report["quick_check"] = conn.execute("PRAGMA quick_check").fetchone()[0]
            for name in state.tables:
                if name.startswith(("sqlite_", "search_index_")):  # internal and FTS shadows
                    continue
                count = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                report["tables"][name] = int(count)
        finally:
            conn.close()
    except Exception as exc:  # noqa: BLE001 - the doctor reports every failure instead of raising
        report["problems"].append(getattr(exc, "message", None) or str(exc))
        return report
    report["schema_revision"] = state.revision
    report["is_head"] = state.revision == head
    if state.revision is None and state.tables:
        report["problems"].append(
            "This file wasn't made by Mindful Desktop; the app won't open or change it."
        )
    elif state.revision is None:
        report["problems"].append("The journal file is empty.")
    elif state.revision not in known_revisions():
        report["problems"].append(
            f"Schema {state.revision} is from a newer version of Mindful Desktop; this version "
            "won't open or change it. Install the newer version again to use it."
        )
    elif not report["is_head"]:
        report["problems"].append(
            f"Schema {state.revision} is not the newest ({head}); the app upgrades it on start, "
            "after a checked backup."
        )
    if report["quick_check"] != "ok":
        report["problems"].append(f"SQLite quick_check says: {report['quick_check']}")
    report["open_to_others"] = open_to_others(paths)
    for name in report["open_to_others"]:
        report["problems"].append(f"{name} can be read by other users of this computer.")
    report["healthy"] = not report["problems"]
    return report


def open_to_others(paths: AppPaths) -> list[str]:
    """Files (0600 expected) and folders (0700) in the data folder that others could open."""
    found = []
    folders = [paths.data_dir, paths.backups_dir, paths.logs_dir, paths.recordings_dir]
    for folder in folders:
        try:
            entries = [folder, *folder.iterdir()] if folder.is_dir() else []
        except OSError:
            continue
        for path in entries:
            try:
                mode = path.stat().st_mode
            except OSError:
                continue
            if mode & 0o077:
                name = str(path.relative_to(paths.data_dir)) if path != paths.data_dir else "."
                if name not in found:
                    found.append(name)
    return found


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        # Stored instants are naive UTC; say so explicitly in the export.
        return value.replace(tzinfo=dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _exported(table: str, column: str, value: Any) -> Any:
    if (table, column) in JSON_COLUMNS and isinstance(value, str):
        try:
            return clean_value(json.loads(value))  # a stored "\\ud800" must not break the file
        except ValueError:
            return clean_text(value)  # keep what was stored rather than lose it
    return clean_value(_jsonable(value))


def export_data(db: Database) -> dict[str, Any]:
    """Every user table, every row, every column: nothing the user wrote is left behind."""
    tables: dict[str, list[dict[str, Any]]] = {}
    with db.session() as session:
        for table in Base.metadata.sorted_tables:
            order = list(table.primary_key.columns)
            rows = session.execute(select(table).order_by(*order)).mappings().all()
            tables[table.name] = [
                {k: _exported(table.name, k, v) for k, v in row.items()} for row in rows
            ]
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "app_version": __version__,
        "schema_revision": db.revision(),
        "exported_at": _jsonable(dt.datetime.now(dt.UTC).replace(tzinfo=None)),
        "tables": tables,
    }


def write_atomically(out: Path, text: str, newline: str | None = None) -> None:
    """Temp file in the same folder, fsync, rename: `out` is either old or complete, never half.
    `newline=""` writes the text's own line ends (an iCalendar file's CRLF) untranslated."""
    out = out.expanduser()
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise DataDirError(f"The folder {folder} doesn't exist. Choose an existing folder.")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o600)  # an export is as private as the journal
        os.replace(tmp_name, out)
    except BaseException as exc:
        if tmp_name:  # whatever went wrong, no half-written file is left behind
            Path(tmp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise DataDirError.from_os_error(folder, exc) from exc
        raise


def export_json(db: Database, out: Path) -> dict[str, int]:
    data = export_data(db)
    write_atomically(out, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return {name: len(rows) for name, rows in data["tables"].items()}


# --- demo data -------------------------------------------------------------------------------

_NOTES = (
    "Slept badly, but the walk at lunch helped a little.",
    "A good talk with my sister.",
    "Heavy morning. Did the breathing space in the car before work.",
    "Noticed I was on automatic pilot all afternoon.",
    "Tired, flat. Still made dinner.",
    "Sun came out. Sat in the garden for ten minutes.",
    "Worried about the appointment tomorrow.",
    "Felt more like myself today.",
    "Busy day; no time to think, which was maybe fine.",
    "Irritable with the kids, then apologised. Both of those count.",
    "Rain all day. Read a chapter of a book.",
    "The body scan was hard to stay awake for.",
)


# (practice id, title, minutes) as a person might use them over the course and after.
_PRACTICES = (
    ("body-scan", "Body scan", 37.0),
    ("body-scan-short", "Short body scan", 15.0),
    ("breath", "Mindfulness of the breath", 10.0),
    ("breathing-space", "Three-minute breathing space", 3.5),
    ("sitting-short", "Short sitting meditation", 18.0),
    ("sitting", "Sitting meditation", 37.0),
    ("movement", "Mindful movement", 20.0),
    ("walking", "Mindful walking", 10.0),
)
_PRACTICE_NOTES = (
    "Fell asleep halfway. Still counts.",
    "Mind everywhere today; kept coming back.",
    "Shoulders very tight. Softened a bit.",
    "Calmer afterwards.",
    "Noticed the urge to stop, and stayed.",
)


def _demo_practice(rng: random.Random, day: dt.date) -> list[PracticeSession]:
    sessions = []
    if rng.random() < 0.62:
        practice_id, title, full = rng.choice(_PRACTICES)
        done = rng.random() < 0.8
        minutes = full if done else round(full * rng.uniform(0.3, 0.8), 1)
        local = dt.datetime.combine(day, dt.time(rng.choice((7, 8, 13, 19, 21)), 5)).astimezone()
        utc = local.astimezone(dt.UTC).replace(tzinfo=None)
        sessions.append(
            PracticeSession(
                kind="track",
                practice_id=practice_id,
                title=title,
                started_at=utc,
                local_date=day,
                minutes=minutes,
                completed=done,
                note=rng.choice(_PRACTICE_NOTES) if rng.random() < 0.2 else "",
                created_at=utc,
                updated_at=utc,
                **_demo_moods(day, practice_id),
            )
        )
    if rng.random() < 0.12:
        local = dt.datetime.combine(day, dt.time(12, 0)).astimezone()
        utc = local.astimezone(dt.UTC).replace(tzinfo=None)
        minutes = float(rng.choice((10, 15, 20, 30)))
        sessions.append(
            PracticeSession(
                kind=rng.choice(("timer", "manual")),
                practice_id="timer",
                title=f"Silent sit, {int(minutes)} min",
                started_at=utc,
                local_date=day,
                minutes=minutes,
                completed=True,
                note="",
                created_at=utc,
                updated_at=utc,
            )
        )
    return sessions


_JOURNAL = (
    (
        "",
        "Hard morning. I noticed the old story starting: nothing ever changes. I wrote it "
        "down instead of arguing with it, and it lost a little of its grip.",
    ),
    (
        "Walk by the river",
        "Cold and bright. I let myself just walk instead of planning. "
        "Herons. My shoulders came down from around my ears.",
    ),
    (
        "",
        "Slept badly. Did the breathing space before work anyway. It didn't fix anything, "
        "but I felt less rushed.",
    ),
    ("A small win", "Called my sister back instead of putting it off for a week."),
    ("", "Irritable all afternoon. Noticed the tight jaw first, then the thoughts."),
    ("Sunday", "Slow day. Read in the garden. Let the dishes wait."),
)


def _answers(rng: random.Random, instrument: Instrument, total: int) -> list[int]:
    """Answers that add up to `total`; item 9 of the PHQ-9 stays 0 in invented data."""
    answers = [0] * len(instrument.items)
    slots = list(range(len(answers) - 1 if instrument is PHQ9 else len(answers)))
    for _ in range(total):
        open_slots = [i for i in slots if answers[i] < 3]
        if not open_slots:
            break
        answers[rng.choice(open_slots)] += 1
    return answers


def _demo_questionnaires(rng: random.Random, day: dt.date, level: float) -> list[Any]:
    rows: list[Any] = []
    for instrument, scale in ((PHQ9, 3.0), (GAD7, 2.2)):
        total = round(max(0.0, (7.5 - level) * scale + rng.gauss(0, 1.5)))
        total = min(total, instrument.max_score - (3 if instrument is PHQ9 else 0))
        answers = _answers(rng, instrument, total)
        total = sum(answers)
        local = dt.datetime.combine(day, dt.time(20, 30)).astimezone()
        rows.append(
            QuestionnaireResult(
                instrument=instrument.id,
                taken_at=local.astimezone(dt.UTC).replace(tzinfo=None),
                local_date=day,
                answers=json.dumps(answers),
                total=total,
                band=band(instrument, total).label,
                extra_answer=(min(3, total // 6) if total else None),  # both forms ask it
            )
        )
    return rows


def row_count(db: Database, *, skip: frozenset[str] = frozenset()) -> int:
    """Rows in every table of the journal but those named in `skip`."""
    total = 0
    with db.session() as session:
        for table in Base.metadata.sorted_tables:
            if table.name not in skip:
                total += session.execute(select(func.count()).select_from(table)).scalar_one()
    return total


def is_empty(db: Database) -> bool:
    return row_count(db) == 0


def fill_demo_data(db: Database, days: int, seed: int = 1, today: dt.date | None = None) -> int:
    """Plausible check-ins and practice over `days` days: drifts, rough patches, gaps, notes;
    medication and appointment notes too (services/demo_medication.py).

    Returns the number of check-ins added.
    """
    if days < 1 or days > 36_500:
        raise InvalidInputError("--days must be between 1 and 36500.")
    if not is_empty(db):
        raise InvalidInputError(
            "demo-data only fills an empty data folder, so it never mixes invented entries "
            "with real ones. Use --data-dir with a new folder."
        )
    rng = random.Random(seed)
    today = today or dt.date.today()
    start = today - dt.timedelta(days=days - 1)
    level = 5.5
    rows: list[Any] = []
    for offset in range(days):
        day = start + dt.timedelta(days=offset)
        # A slow random walk pulled back toward a healthy middle, with occasional dips.
        level += rng.gauss(0, 0.35) + (6.0 - level) * 0.05
        if rng.random() < 0.004:
            level -= rng.uniform(1.5, 3.0)
        level = min(9.0, max(1.5, level))
        rows.extend(_demo_practice(rng, day))
        if offset % 14 == 3:
            rows.extend(_demo_questionnaires(rng, day, level))
        if rng.random() < 0.18:
            title, body = rng.choice(_JOURNAL)
            local = dt.datetime.combine(day, dt.time(21, 40)).astimezone()
            utc = local.astimezone(dt.UTC).replace(tzinfo=None)
            rows.append(
                JournalEntry(title=title, body=body, local_date=day, created_at=utc, updated_at=utc)
            )
        if rng.random() < 0.22:
            continue  # a day without a check-in is normal
        for _ in range(1 if rng.random() < 0.85 else 2):
            hour = rng.choice((8, 9, 12, 18, 20, 21, 22))
            local = dt.datetime.combine(day, dt.time(hour, rng.randrange(60))).astimezone()
            utc = local.astimezone(dt.UTC).replace(tzinfo=None)
            mood = int(round(min(10.0, max(0.0, rng.gauss(level, 1.0)))))
            note = rng.choice(_NOTES) if rng.random() < 0.3 else ""
            pleasant = EMOTION_WORDS[:5] if mood >= 6 else EMOTION_WORDS[5:]
            words = sorted(set(rng.sample(pleasant, rng.randint(0, 2))), key=EMOTION_WORDS.index)
            sleep = round(min(10.0, max(3.0, rng.gauss(6.0 + mood / 10, 1.0))) * 2) / 2
            rows.append(
                CheckIn(
                    created_at=utc,
                    updated_at=utc,
                    local_date=day,
                    mood=mood,
                    note=note,
                    emotions=json.dumps(words),
                    sleep_hours=sleep if rng.random() < 0.7 else None,
                )
            )
    rows.extend(_demo_plan())
    from mindful_desktop.services.demo_medication import add_demo_medication

    with db.session() as session:
        session.add_all(rows)
        add_demo_medication(session, start, today)
    return sum(1 for row in rows if isinstance(row, CheckIn))


def _demo_moods(day: dt.date, practice_id: str) -> dict[str, int | None]:
    """About a third of guided practices rated before and after, usually a little better
    after, not always. Its own random numbers, so the rest of the demo stays as it was."""
    rng = random.Random(day.toordinal() * 31 + len(practice_id))
    if rng.random() >= 0.35:
        return {"mood_before": None, "mood_after": None}
    before = rng.randint(2, 8)
    after = min(10, max(0, before + rng.choice((-1, 0, 0, 1, 1, 1, 2))))
    return {"mood_before": before, "mood_after": after}


def _demo_plan() -> list[Any]:
    """A plan as week 8 might leave it: a longer practice most mornings, a breathing space
    at lunch on workdays, a walk at the weekend."""
    from mindful_desktop.db.models import PlanSlot

    return [
        PlanSlot(
            weekdays="0,1,2,3,4",
            at="07:30",
            practice_id="body-scan-short",
            title="Short body scan",
            minutes=15,
        ),
        PlanSlot(
            weekdays="0,1,2,3,4",
            at="13:00",
            practice_id="breathing-space",
            title="Three-minute breathing space",
            minutes=4,
        ),
        PlanSlot(
            weekdays="5,6", at="10:00", practice_id="walking", title="Mindful walking", minutes=10
        ),
    ]
