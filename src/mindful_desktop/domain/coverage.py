"""What a span of days really covers: "the last 90 days" only when there are 90 days to show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mindful_desktop.domain.stats import Span, span_start
from mindful_desktop.domain.words import count

_DAY = dt.timedelta(days=1)
LONG_DAYS = 365  # past a year "since you started" names the month, not a count of days


@dataclass(frozen=True)
class Coverage:
    """The days a span's view covers: from the later of the span's first day and the journal's
    first entry, up to today. `first_day` is None in an empty journal."""

    span: Span
    today: dt.date
    first_day: dt.date | None

    @property
    def start(self) -> dt.date | None:
        """The first day with anything to show, or None when nothing is logged."""
        if self.first_day is None:
            return None
        start = span_start(self.span, self.today)
        return self.first_day if start is None else max(start, self.first_day)

    @property
    def days(self) -> int:
        """How many days the view covers (today counts); 0 in an empty journal."""
        start = self.start
        if start is None:
            return 0
        return max(1, (self.today - start).days + 1)

    @property
    def full(self) -> bool:
        """Whether the journal goes back the whole span ("All" is never full)."""
        return self.span.days is not None and self.days >= self.span.days

    @property
    def first_day_only(self) -> bool:
        return self.days == 1 and not self.full

    def words(self) -> str:
        """'in the last 90 days', 'in your first 10 days', 'today, your first day',
        'since you started in March 2021', or 'yet' in an empty journal."""
        if self.first_day is None:
            return "yet"
        if self.full:
            return "in the last year" if self.span is Span.YEAR else f"in the last {self.days} days"
        if self.days == 1:
            return "today, your first day"
        if self.span is Span.ALL and self.days >= LONG_DAYS and self.start is not None:
            return f"since you started in {self.start:%B %Y}"
        return f"in your first {count(self.days, 'day')}"

    def weeks(self) -> float:
        return self.days / 7
