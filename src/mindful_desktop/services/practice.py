"""The practice library and log: sessions from tracks, the timer, recordings and by hand."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from mindful_desktop.audio.catalog import Track, load_bundled_tracks
from mindful_desktop.clock import Clock, system_clock, to_utc_naive, utc_naive_to_local
from mindful_desktop.db.database import Database
from mindful_desktop.db.values import columns_of, day_param, instant_param, to_date, to_datetime
from mindful_desktop.domain.mood import clean_note, validate_mood
from mindful_desktop.domain.practice import validate_minutes
from mindful_desktop.errors import DataDirError, InvalidInputError
from mindful_desktop.services.undo import Deleted, put_back, snapshot

if TYPE_CHECKING:
    from mindful_desktop.audio.processing import ImportedRecording
    from mindful_desktop.db.models import PracticeSession

_COLUMNS = (
    "id, kind, practice_id, title, started_at, local_date, minutes, completed, note, "
    "mood_before, mood_after"
)

KINDS = ("track", "timer", "recording", "manual")
TIMER_ID = "timer"
TITLE_MAX_CHARS = 200  # the recording table's title column


@dataclass(frozen=True)
class SessionView:
    id: int
    kind: str
    practice_id: str
    title: str
    started: dt.datetime  # local, aware
    day: dt.date
    minutes: float
    completed: bool
    note: str
    mood_before: int | None = None  # optional, 0-10, one tap before the practice
    mood_after: int | None = None  # and one after


def _row_view(row: Any) -> SessionView:
    """A row of `SELECT {_COLUMNS} FROM practice_session`."""
    return SessionView(
        id=row["id"],
        kind=row["kind"],
        practice_id=row["practice_id"],
        title=row["title"],
        started=utc_naive_to_local(to_datetime(row["started_at"])),
        day=to_date(row["local_date"]),
        minutes=row["minutes"],
        completed=bool(row["completed"]),
        note=row["note"],
        mood_before=row["mood_before"],
        mood_after=row["mood_after"],
    )


def _checked_mood(value: object) -> int | None:
    """An optional mood rating: None, or a whole number from 0 to 10."""
    if value is None:
        return None
    try:
        return validate_mood(value)
    except ValueError as exc:
        raise InvalidInputError(str(exc)) from exc


def _view(row: PracticeSession) -> SessionView:
    return _row_view(columns_of(row, _COLUMNS))


class PracticeService(QObject):
    changed = Signal()
    # Emitted just before `changed` for one session, so lists change that row alone.
    saved = Signal(object)  # the view as saved (added, edited or put back)
    removed = Signal(int)  # its id
    sessionLogged = Signal(object)  # SessionView, so the UI can ask "What did you notice?"

    def __init__(
        self,
        db: Database,
        audio_dir: Path,
        recordings_dir: Path,
        clock: Clock = system_clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._clock = clock
        self.recordings_dir = recordings_dir
        self.bundled = load_bundled_tracks(audio_dir)
        self.bell_path = audio_dir / "bell.opus"

    def today(self) -> dt.date:
        return self._clock().date()

    # --- library --------------------------------------------------------------------------

    def recordings(self) -> list[Track]:
        rows = self._db.query(
            "SELECT id, title, source_name, duration_s, file_name FROM recording "
            "ORDER BY imported_at, rowid"
        )
        return [
            Track(
                id=r["id"],
                title=r["title"],
                description=f"Your recording, imported from {r['source_name']}.",
                duration_s=r["duration_s"],
                path=self.recordings_dir / r["file_name"],
                bundled=False,
            )
            for r in rows
        ]

    def library(self) -> list[Track]:
        return self.bundled + self.recordings()

    def track(self, track_id: str) -> Track | None:
        return next((t for t in self.library() if t.id == track_id), None)

    def titles(self) -> dict[str, str]:
        return {t.id: t.title for t in self.library()}

    def import_recording(self, src: Path, title: str | None = None) -> Track:
        """Convert and register in one go (the UI converts in a worker, then registers)."""
        from mindful_desktop.audio.processing import import_recording

        return self.register_recording(import_recording(src, self.recordings_dir, title))

    def register_recording(self, imported: ImportedRecording) -> Track:
        """Add a converted recording to the library; on failure its file is removed too."""
        from mindful_desktop.db.models import Recording

        try:
            with self._db.session() as session:
                session.add(
                    Recording(
                        id=imported.id,
                        title=imported.title,
                        file_name=imported.path.name,
                        duration_s=imported.duration_s,
                        source_name=imported.source_name,
                        imported_at=to_utc_naive(self._clock()),
                    )
                )
        except BaseException:
            imported.path.unlink(missing_ok=True)  # nothing half-imported is left behind
            raise
        self.changed.emit()
        track = self.track(imported.id)
        assert track is not None
        return track

    def rename_recording(self, recording_id: str, title: str) -> Track:
        """Give an imported recording a new name; past log entries keep the name they had."""
        from mindful_desktop.db.models import Recording

        name = " ".join(title.split())
        if not name:
            raise InvalidInputError("Give the recording a name: it can't be empty.")
        if len(name) > TITLE_MAX_CHARS:
            raise InvalidInputError(
                f"That name is too long. Keep it under {TITLE_MAX_CHARS} characters."
            )
        with self._db.session() as session:
            row = session.get(Recording, recording_id)
            if row is None:
                raise InvalidInputError("That recording is no longer in your library.")
            row.title = name
        self.changed.emit()
        track = self.track(recording_id)
        assert track is not None
        return track

    def sessions_with(self, practice_id: str) -> int:
        """How many logged sessions were of this practice."""
        row = self._db.query_one(
            "SELECT count(*) FROM practice_session WHERE practice_id = ?", (practice_id,)
        )
        return int(row[0]) if row is not None else 0

    def remove_recording(self, recording_id: str) -> None:
        """Take an imported recording out of the library and delete its file from the data
        folder. Sessions logged with it stay in the log, under the name they had."""
        from mindful_desktop.db.models import Recording

        with self._db.session() as session:
            row = session.get(Recording, recording_id)
            if row is None:
                return
            path = self.recordings_dir / row.file_name
            session.delete(row)
            session.flush()
            try:  # inside the transaction: if the file stays, so does the recording
                path.unlink(missing_ok=True)
            except OSError as exc:
                raise DataDirError.from_os_error(self.recordings_dir, exc) from exc
        self.changed.emit()

    # --- the log --------------------------------------------------------------------------

    def log(
        self,
        kind: str,
        practice_id: str,
        title: str,
        started: dt.datetime,
        minutes: float,
        completed: bool,
        note: str = "",
        mood_before: int | None = None,
    ) -> SessionView:
        if kind not in KINDS:
            raise ValueError(kind)
        before = _checked_mood(mood_before)
        from mindful_desktop.db.models import PracticeSession

        with self._db.session() as session:
            row = PracticeSession(
                kind=kind,
                practice_id=practice_id,
                title=title,
                started_at=to_utc_naive(started),
                local_date=started.date(),
                minutes=round(max(0.0, min(minutes, 1440.0)), 2),
                completed=completed,
                note=note,
                mood_before=before,
                created_at=to_utc_naive(self._clock()),
                updated_at=to_utc_naive(self._clock()),
            )
            session.add(row)
            session.flush()
            view = _view(row)
        self.saved.emit(view)
        self.changed.emit()
        if kind != "manual":
            self.sessionLogged.emit(view)
        return view

    def add_manual(
        self, day: dt.date, practice_id: str, title: str, minutes: object, note: str = ""
    ) -> SessionView:
        """Practice done away from the laptop."""
        try:
            mins = validate_minutes(minutes)
            text = clean_note(note)
        except ValueError as exc:
            raise InvalidInputError(str(exc)) from exc
        if day > self._clock().date():
            raise InvalidInputError("That date is in the future. Choose today or an earlier day.")
        if not title.strip():
            raise InvalidInputError("Say which practice it was.")
        local_noon = dt.datetime.combine(day, dt.time(12, 0)).astimezone()
        return self.log("manual", practice_id, title.strip(), local_noon, mins, True, text)

    def update(self, session_id: int, **changes: object) -> SessionView:
        """Edit a session. Any one's note, minutes and completed; only one added by hand
        (manual) also its day and practice: the app knows what it played and when."""
        from mindful_desktop.db.models import PracticeSession

        with self._db.session() as session:
            row = session.get(PracticeSession, session_id)
            if row is None:
                raise InvalidInputError("That practice is no longer in your log.")
            fixed = {"day", "title", "practice_id"} & changes.keys()
            if fixed and row.kind != "manual":
                raise InvalidInputError(
                    "The app logged this practice itself, so its day and practice stay as they "
                    "were. You can change its note, its length and whether you finished it."
                )
            try:
                if "note" in changes:
                    row.note = clean_note(str(changes.pop("note")))
                if "minutes" in changes:
                    row.minutes = validate_minutes(changes.pop("minutes"))
            except ValueError as exc:
                raise InvalidInputError(str(exc)) from exc
            if "completed" in changes:
                row.completed = bool(changes.pop("completed"))
            for mood in ("mood_before", "mood_after"):
                if mood in changes:
                    setattr(row, mood, _checked_mood(changes.pop(mood)))
            if "day" in changes:
                day = changes.pop("day")
                assert isinstance(day, dt.date)
                if day > self._clock().date():
                    raise InvalidInputError("That date is in the future.")
                row.local_date = day
                row.started_at = to_utc_naive(dt.datetime.combine(day, dt.time(12)).astimezone())
            if "title" in changes:
                row.title = str(changes.pop("title")).strip() or row.title
            if "practice_id" in changes:
                row.practice_id = str(changes.pop("practice_id"))
            if changes:
                raise ValueError(f"unknown fields: {sorted(changes)}")
            row.updated_at = to_utc_naive(self._clock())
            session.flush()
            view = _view(row)
        self.saved.emit(view)
        self.changed.emit()
        return view

    def delete(self, session_id: int) -> Deleted | None:
        """Remove a session at once; what it returns puts it back (`restore`)."""
        from mindful_desktop.db.models import PracticeSession

        with self._db.session() as session:
            row = session.get(PracticeSession, session_id)
            if row is None:
                return None
            day = f"{row.local_date:%d %B}".lstrip("0")
            deleted = snapshot(row, f"“{row.title}” of {day}")
            session.delete(row)
        self.removed.emit(int(deleted.id))
        self.changed.emit()
        return deleted

    def restore(self, deleted: Deleted) -> SessionView:
        """Undo a delete: the same session (id, times, note) back in the log."""
        from mindful_desktop.db.models import PracticeSession

        with self._db.session() as session:
            view = _view(put_back(session, PracticeSession, deleted))
        self.saved.emit(view)
        self.changed.emit()
        return view

    def session(self, session_id: int) -> SessionView | None:
        row = self._db.query_one(
            f"SELECT {_COLUMNS} FROM practice_session WHERE id = ?", (session_id,)
        )
        return None if row is None else _row_view(row)

    def sessions(
        self, limit: int | None = None, before: SessionView | None = None
    ) -> list[SessionView]:
        """Newest first (by the day practised, then the start); `before` continues after a
        session already shown (a keyset, so the oldest page costs what the newest does)."""
        where, params = "", tuple[object, ...]()
        if before is not None:
            where = "WHERE (local_date, started_at, id) < (?, ?, ?) "
            params = (day_param(before.day), instant_param(before.started), before.id)
        sql = (
            f"SELECT {_COLUMNS} FROM practice_session {where}"
            "ORDER BY local_date DESC, started_at DESC, id DESC"
        )
        if limit:
            rows = self._db.query(f"{sql} LIMIT ?", (*params, limit))
        else:
            rows = self._db.query(sql, params)
        return [_row_view(r) for r in rows]

    def practised_on(self, day: dt.date) -> list[tuple[str, dt.time]]:
        """The practices logged for `day`: (practice id, local start time), for the plan."""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM practice_session WHERE local_date = ?", (day_param(day),)
        )
        return [(s.practice_id, s.started.time()) for s in map(_row_view, rows)]

    def counts(self, start: dt.date, end: dt.date) -> dict[dt.date, dict[str, int]]:
        """Sessions per day per practice id: the course's PracticeCounter."""
        rows = self._db.query(
            "SELECT local_date, practice_id, count(*) FROM practice_session "
            "WHERE local_date >= ? AND local_date <= ? GROUP BY local_date, practice_id",
            (day_param(start), day_param(end)),
        )
        out: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for day, practice_id, n in rows:
            out[to_date(day)][practice_id] += int(n)
        return {d: dict(c) for d, c in out.items()}

    def minutes_on(self, day: dt.date) -> dict[str, float]:
        """Minutes logged on `day` per practice id: the course's MinutesCounter."""
        rows = self._db.query(
            "SELECT practice_id, sum(minutes) FROM practice_session WHERE local_date = ? "
            "GROUP BY practice_id",
            (day_param(day),),
        )
        return {practice_id: float(total or 0) for practice_id, total in rows}
