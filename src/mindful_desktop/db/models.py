"""The tables of the user's journal. Every change here needs an alembic migration."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from mindful_desktop.db.base import Base

# A note "has words" as the journal's timeline asks (services/timeline.py, migration 0005).
_HAS_WORDS = text("trim(note, ' ' || char(9, 10, 13)) != ''")


def utcnow() -> dt.datetime:
    """Naive UTC: SQLite has no time zones, so every stored instant is UTC by convention."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class CheckIn(Base):
    """One mood check-in. `local_date` is the day as the user lived it, kept for daily views."""

    __tablename__ = "check_in"
    __table_args__ = (
        CheckConstraint("mood >= 0 AND mood <= 10", name="mood_range"),
        Index("ix_check_in_noted", "local_date", "created_at", sqlite_where=_HAS_WORDS),
        Index("ix_check_in_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    local_date: Mapped[dt.date] = mapped_column(Date, index=True)
    mood: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    emotions: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # JSON list
    sleep_hours: Mapped[float | None] = mapped_column(Float, nullable=True)


class Setting(Base):
    """A user preference; the value is JSON text, its type declared in `settings.py`."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class LessonProgress(Base):
    """Per lesson, by slug (never by file or title), so editing content never breaks user data."""

    __tablename__ = "lesson_progress"

    slug: Mapped[str] = mapped_column(String(64), primary_key=True)
    first_opened_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class WorksheetEntry(Base):
    """One filled worksheet (or one calendar row); `fields` is JSON keyed by field id."""

    __tablename__ = "worksheet_entry"
    __table_args__ = (Index("ix_worksheet_entry_timeline", "local_date", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worksheet: Mapped[str] = mapped_column(String(64), index=True)
    local_date: Mapped[dt.date] = mapped_column(Date)
    fields: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Reflection(Base):
    """An answer to a reflection prompt, linked to where it was asked (a lesson or a practice)."""

    __tablename__ = "reflection"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_kind: Mapped[str] = mapped_column(String(16))  # "lesson" | "practice"
    source_id: Mapped[str] = mapped_column(String(64), index=True)  # lesson slug or track id
    prompt_id: Mapped[str] = mapped_column(String(64))
    prompt_text: Mapped[str] = mapped_column(Text)  # as shown, in case the content changes later
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class HomePracticeMark(Base):
    """A home-practice item ticked by hand on a day (logged practice ticks items by itself)."""

    __tablename__ = "home_practice_mark"
    __table_args__ = (UniqueConstraint("local_date", "lesson_slug", "item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    local_date: Mapped[dt.date] = mapped_column(Date, index=True)
    lesson_slug: Mapped[str] = mapped_column(String(64))
    item_id: Mapped[str] = mapped_column(String(64))
    times: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PracticeSession(Base):
    """A practice: a guided track, the silent timer, a recording, or one done away from here."""

    __tablename__ = "practice_session"
    __table_args__ = (
        CheckConstraint("minutes >= 0 AND minutes <= 1440", name="minutes_range"),
        CheckConstraint("kind IN ('track', 'timer', 'recording', 'manual')", name="kind_known"),
        Index("ix_practice_session_noted", "local_date", "started_at", sqlite_where=_HAS_WORDS),
        Index("ix_practice_session_log", "local_date", "started_at"),
        CheckConstraint(
            "mood_before IS NULL OR (mood_before >= 0 AND mood_before <= 10)",
            name="mood_before_range",
        ),
        CheckConstraint(
            "mood_after IS NULL OR (mood_after >= 0 AND mood_after <= 10)",
            name="mood_after_range",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    practice_id: Mapped[str] = mapped_column(String(80), index=True)  # track, recording or 'timer'
    title: Mapped[str] = mapped_column(String(200))  # as it was called when practised
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    local_date: Mapped[dt.date] = mapped_column(Date, index=True)
    minutes: Mapped[float] = mapped_column(Float)
    completed: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    # Optional, one tap each: how the person's mood was just before and just after (0-10).
    mood_before: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)
    mood_after: Mapped[int | None] = mapped_column(Integer, nullable=True, default=None)


class Recording(Base):
    """A recording the user imported (e.g. from their own MBCT teacher), kept in the data folder."""

    __tablename__ = "recording"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(200))
    duration_s: Mapped[float] = mapped_column(Float)
    source_name: Mapped[str] = mapped_column(String(300))
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class QuestionnaireResult(Base):
    """A completed PHQ-9 or GAD-7: every answer kept, with the total and band as shown."""

    __tablename__ = "questionnaire_result"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    instrument: Mapped[str] = mapped_column(String(16), index=True)  # "phq9" | "gad7"
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime)
    local_date: Mapped[dt.date] = mapped_column(Date, index=True)
    answers: Mapped[str] = mapped_column(Text)  # JSON list of 0-3
    total: Mapped[int] = mapped_column(Integer)
    band: Mapped[str] = mapped_column(String(32))
    extra_answer: Mapped[int | None] = mapped_column(Integer, nullable=True)


class JournalEntry(Base):
    """Free writing. Searchable with the rest of the journal through `search_index` (FTS5)."""

    __tablename__ = "journal_entry"
    __table_args__ = (Index("ix_journal_entry_timeline", "local_date", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text)
    local_date: Mapped[dt.date] = mapped_column(Date, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class CrisisContact(Base):
    """Someone the user chose to reach in a crisis; shown first on the crisis screen."""

    __tablename__ = "crisis_contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # The key of a bundled line this corrects (it is shown instead of that line), or "".
    replaces: Mapped[str] = mapped_column(String(40), default="", server_default="")


class PlanSlot(Base):
    """A time the user means to practise (domain/plan.py): on some weekdays, at a local time."""

    __tablename__ = "plan_slot"
    __table_args__ = (
        CheckConstraint("minutes >= 1 AND minutes <= 180", name="plan_minutes_range"),
        CheckConstraint("length(at) = 5 AND substr(at, 3, 1) = ':'", name="plan_at_hh_mm"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    weekdays: Mapped[str] = mapped_column(String(13))  # '0,1,2,3,4': Monday 0 … Sunday 6
    at: Mapped[str] = mapped_column(String(5))  # '07:30', local wall-clock time
    practice_id: Mapped[str] = mapped_column(String(80))  # track, recording or 'timer'
    title: Mapped[str] = mapped_column(String(200))
    minutes: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Medication(Base):
    """A medication as the person calls it. Its start, each change and what they noticed are
    `medication_event` rows; the dose now is the latest change's."""

    __tablename__ = "medication"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    schedule: Mapped[str] = mapped_column(String(200), default="")  # "one in the morning"
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class MedicationEvent(Base):
    """A day in a medication's story: started, changed, tapering, stopped (with the new dose
    and who agreed it), or an effect noticed. Searchable through `search_index` (kind 6)."""

    __tablename__ = "medication_event"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('started', 'changed', 'tapering', 'stopped', 'noticed')", name="kind_known"
        ),
        # Only a note of an effect may be about no medication in particular.
        CheckConstraint(
            "kind = 'noticed' OR medication_id IS NOT NULL", name="change_has_medication"
        ),
        Index("ix_medication_event_timeline", "local_date", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    medication_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("medication.id", ondelete="CASCADE"), nullable=True, index=True
    )
    local_date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    dose: Mapped[str] = mapped_column(String(200), default="")  # the new dose, as written
    agreed_with: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Appointment(Base):
    """An appointment on a day, with whom (a prescriber, a therapist), and a note."""

    __tablename__ = "appointment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    local_date: Mapped[dt.date] = mapped_column(Date, index=True)
    with_whom: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class AppointmentQuestion(Base):
    """Something to bring up at an appointment; ticked off afterwards (`done_on`) with what
    was agreed. Searchable through `search_index` (kind 7)."""

    __tablename__ = "appointment_question"
    __table_args__ = (Index("ix_appointment_question_timeline", "local_date", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    agreed: Mapped[str] = mapped_column(Text, default="")
    local_date: Mapped[dt.date] = mapped_column(Date)  # the day it was written down
    done_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
