"""The practice plan read without Qt, and written as an iCalendar file for a person's own
calendar (`mindful-desktop export --format ics OUT.ics`, and Settings)."""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from pathlib import Path
from typing import Any

from mindful_desktop.db.database import Database
from mindful_desktop.domain import plan as rules
from mindful_desktop.domain.ics import plan_to_ics
from mindful_desktop.domain.plan import PlannedSlot

_ZONEINFO_ROOTS = ("/usr/share/zoneinfo/", "/usr/lib/zoneinfo/", "/usr/share/lib/zoneinfo/")


COLUMNS = "id, weekdays, at, practice_id, title, minutes"


def slot_from_row(row: Any) -> PlannedSlot:
    """A row of `SELECT {COLUMNS} FROM plan_slot` (or `columns_of` an ORM row) as the
    domain's value."""
    hours, _, minutes = str(row["at"]).partition(":")
    return PlannedSlot(
        id=int(row["id"]),
        weekdays=rules.weekdays_from_text(str(row["weekdays"])),
        time=dt.time(int(hours), int(minutes)),
        practice_id=str(row["practice_id"]),
        title=str(row["title"]),
        minutes=int(row["minutes"]),
    )


def read_slots(db: Database) -> list[PlannedSlot]:
    """Every planned time: in the order of the week's first day it falls on, then time."""
    rows = db.query(f"SELECT {COLUMNS} FROM plan_slot")
    views = [slot_from_row(r) for r in rows]
    return sorted(views, key=lambda s: (min(s.weekdays, default=7), s.time, s.id))


def local_tzid() -> str | None:
    """This computer's time zone as an IANA name ('Europe/London'), or None when it can't be
    told (then the calendar gets floating times: the same wall-clock time, which is what a
    plan means anyway)."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        target = ""
    for root in _ZONEINFO_ROOTS:
        if target.startswith(root):
            candidates.append(target.removeprefix(root).removeprefix("posix/"))
    for name in candidates:
        if name and "/" in name and not name.startswith(("/", ".")):
            try:
                zoneinfo.ZoneInfo(name)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
                continue
            return name
    return None


def plan_calendar(slots: list[PlannedSlot], today: dt.date, tzid: str | None) -> str:
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return plan_to_ics(slots, starts=today, stamp=stamp, tzid=tzid)


def export_plan_ics(
    db: Database, out: Path, today: dt.date | None = None, tzid: str | None = None
) -> int:
    """Write the plan to `out` atomically; the number of planned times written."""
    from mindful_desktop.services.data import write_atomically

    slots = read_slots(db)
    text = plan_calendar(slots, today or dt.date.today(), tzid if tzid else local_tzid())
    write_atomically(out, text, newline="")  # CRLF line ends are the format's own
    return len(slots)
