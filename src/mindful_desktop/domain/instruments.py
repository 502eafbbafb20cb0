"""The PHQ-9 and GAD-7 questionnaires: exact wording, scoring, bands and change over time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from mindful_desktop.domain.words import count

# Required with every display of either questionnaire (CONTENT.md, word for word).
ATTRIBUTION = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc. No permission required to reproduce, "
    "translate, display or distribute."
)

SELF_MONITORING_NOTE = (
    "These totals are for keeping an eye on how you are over time. They are not a diagnosis; "
    "your doctor or therapist can help you make sense of them."
)

EVERY_DAYS = 14  # both questionnaires ask about the last two weeks
EVERY_DAYS_AFTER_COURSE = 28  # after the eight weeks, keeping watch without a fortnightly test
PHQ9_ITEM9_INDEX = 8  # thoughts of being better off dead or of hurting yourself
CLINICIAN_THRESHOLD = 10  # the usual cut-point on both; from here on we suggest a conversation


@dataclass(frozen=True)
class Answer:
    value: int
    label: str


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    label: str  # the published name of the range, in lower case


@dataclass(frozen=True)
class ExtraItem:
    """An item asked after the others and never added to the total."""

    text: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str
    stem: str
    items: tuple[str, ...]
    answers: tuple[Answer, ...]
    bands: tuple[Band, ...]
    meaningful_change: int  # the minimal clinically important difference
    max_score: int
    extra_item: ExtraItem | None = None
    # More than the test's own ups and downs (the reliable change index); None: not claimed.
    reliable_change: int | None = None

    def __post_init__(self) -> None:
        # A typo in the tables below would silently mis-band someone's score; fail at import.
        top = max(a.value for a in self.answers)
        if self.max_score != top * len(self.items):
            raise ValueError(f"{self.name}: max_score does not match the items")
        expected = 0
        for b in self.bands:
            if b.low != expected or b.high < b.low:
                raise ValueError(f"{self.name}: bands must cover 0..max without gaps")
            expected = b.high + 1
        if expected != self.max_score + 1:
            raise ValueError(f"{self.name}: bands must end at max_score")


FREQUENCY_ANSWERS = (
    Answer(0, "Not at all"),
    Answer(1, "Several days"),
    Answer(2, "More than half the days"),
    Answer(3, "Nearly every day"),
)

# Wording as on the English (US) forms published at phqscreeners.com. Do not edit: a reworded
# item is no longer the validated questionnaire.

# Both forms end with this unscored item, word for word the same on each.
DIFFICULTY_ITEM = ExtraItem(
    text=(
        "If you checked off any problems, how difficult have these problems made it for you "
        "to do your work, take care of things at home, or get along with other people?"
    ),
    answers=(
        "Not difficult at all",
        "Somewhat difficult",
        "Very difficult",
        "Extremely difficult",
    ),
)

PHQ9 = Instrument(
    id="phq9",
    name="PHQ-9",
    stem=(
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    ),
    items=(
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself \u2014 or that you are a failure or have let yourself or "
        "your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite "
        "\u2014 being so fidgety or restless that you have been moving around a lot more than "
        "usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    answers=FREQUENCY_ANSWERS,
    bands=(
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 19, "moderately severe"),
        Band(20, 27, "severe"),
    ),
    meaningful_change=5,
    max_score=27,
    extra_item=DIFFICULTY_ITEM,
    reliable_change=6,
)

GAD7 = Instrument(
    id="gad7",
    name="GAD-7",
    stem="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=(
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid, as if something awful might happen",
    ),
    answers=FREQUENCY_ANSWERS,
    bands=(
        Band(0, 4, "minimal"),
        Band(5, 9, "mild"),
        Band(10, 14, "moderate"),
        Band(15, 21, "severe"),
    ),
    meaningful_change=4,
    max_score=21,
    extra_item=DIFFICULTY_ITEM,
)

INSTRUMENTS: dict[str, Instrument] = {PHQ9.id: PHQ9, GAD7.id: GAD7}


def _answer_value(instrument: Instrument, value: object, number: int) -> int:
    top = instrument.answers[-1].value
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
        raise ValueError(
            f"{instrument.name} item {number}: each answer must be a whole number from 0 to "
            f"{top}, not {value!r}."
        )
    return value


def score(instrument: Instrument, answers: Sequence[int]) -> int:
    """The total of all scored items; refuses a missing, extra or out-of-range answer."""
    if len(answers) != len(instrument.items):
        raise ValueError(
            f"{instrument.name} needs exactly {len(instrument.items)} answers, "
            f"one for each item; got {len(answers)}."
        )
    return sum(_answer_value(instrument, value, n) for n, value in enumerate(answers, 1))


def validate_extra_answer(instrument: Instrument, answer: int | None) -> int | None:
    """The unscored extra item may be skipped (None); otherwise it is an index into its answers."""
    extra = instrument.extra_item
    if answer is None:
        return None
    if extra is None:
        raise ValueError(f"{instrument.name} has no extra item to answer.")
    last = len(extra.answers) - 1
    if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer <= last:
        raise ValueError(
            f"{instrument.name} extra item: the answer must be a whole number from 0 to {last}."
        )
    return answer


def _check_total(instrument: Instrument, total: int) -> int:
    if isinstance(total, bool) or not isinstance(total, int):
        raise ValueError(f"A {instrument.name} total must be a whole number.")
    if not 0 <= total <= instrument.max_score:
        raise ValueError(
            f"A {instrument.name} total must be from 0 to {instrument.max_score}, not {total}."
        )
    return total


def band(instrument: Instrument, total: int) -> Band:
    _check_total(instrument, total)
    for b in instrument.bands:
        if b.low <= total <= b.high:
            return b
    raise AssertionError("bands are checked to cover every total")  # pragma: no cover


def result_sentence(instrument: Instrument, total: int) -> str:
    """What a total means, in words that report the range's name without diagnosing anyone."""
    b = band(instrument, total)
    text = (
        f"Your {instrument.name} total is {total} out of {instrument.max_score}. "
        f"On the {instrument.name}, totals from {b.low} to {b.high} are in the range called "
        f"\u201c{b.label}\u201d."
    )
    if total >= CLINICIAN_THRESHOLD:
        text += (
            f" Totals of {CLINICIAN_THRESHOLD} or more are worth talking over with your doctor "
            "or therapist."
        )
    return text


def needs_crisis_screen(answers: Sequence[int | None]) -> bool:
    """True as soon as PHQ-9 item 9 is answered above "Not at all".

    Takes a partly filled form (None or missing for unanswered items), because the crisis
    screen must appear at once, before the score and without waiting for the other items.
    """
    if len(answers) > len(PHQ9.items):
        raise ValueError(f"PHQ-9 has {len(PHQ9.items)} scored items; got {len(answers)} answers.")
    if len(answers) <= PHQ9_ITEM9_INDEX:
        return False
    value = answers[PHQ9_ITEM9_INDEX]
    if value is None:
        return False
    return _answer_value(PHQ9, value, PHQ9_ITEM9_INDEX + 1) > 0


# --- change over time ------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    earlier: int
    current: int
    meaningful: bool  # at least the instrument's minimal clinically important difference
    reliable: bool = False  # at least its reliable change: more than the test's ups and downs
    crosses_band: bool = False  # the two totals are in different ranges

    @property
    def points(self) -> int:
        """Signed: negative is a lower total (these problems bothered you less often)."""
        return self.current - self.earlier


@dataclass(frozen=True)
class ChangeSummary:
    current: int
    since_previous: Change | None
    since_first: Change | None
    sentences: tuple[str, ...]


def _points(n: int) -> str:
    return count(n, "point")


def measure_change(instrument: Instrument, earlier: int, current: int) -> Change:
    """How far apart two totals are, against the instrument's thresholds and its ranges."""
    _check_total(instrument, earlier)
    _check_total(instrument, current)
    d = abs(current - earlier)
    reliable = instrument.reliable_change is not None and d >= instrument.reliable_change
    return Change(
        earlier,
        current,
        meaningful=d >= instrument.meaningful_change,
        reliable=reliable,
        crosses_band=band(instrument, earlier) != band(instrument, current),
    )


def _size_words(instrument: Instrument, change: Change) -> str:
    """What a meaningful change means, and, past the reliable change, that it is more."""
    words = (
        f" A change of {instrument.meaningful_change} points or more counts as a meaningful "
        "change: about the smallest difference people tend to feel in their everyday lives."
    )
    if change.reliable:
        words += (
            f" At {instrument.reliable_change} points or more it is also more than the test's "
            "usual ups and downs."
        )
    return words


def _previous_sentence(instrument: Instrument, change: Change) -> str:
    d = abs(change.points)
    m = instrument.meaningful_change
    span = f"(from {change.earlier} to {change.current})"
    if d == 0:
        return f"Your {instrument.name} total is the same as last time ({change.current})."
    direction = "lower" if change.points < 0 else "higher"
    text = f"Your {instrument.name} total is {_points(d)} {direction} than last time {span}."
    if change.crosses_band:
        text += (
            f" That takes it from the range called \u201c{band(instrument, change.earlier).label}"
            f"\u201d into the one called \u201c{band(instrument, change.current).label}\u201d."
        )
    if not change.meaningful:
        if not change.crosses_band:
            return (
                f"{text} Changes smaller than {m} points often come and go from one fortnight "
                "to the next, so this is best read as much the same."
            )
        # Less than a meaningful change, but into another range: not "much the same".
        if change.points < 0:
            return (
                f"{text} It is less than the {m} points of a meaningful change; the next one "
                "will show whether it stays there."
            )
        return (
            f"{text} It is less than the {m} points of a meaningful change, but worth keeping "
            "a kind eye on: see how the next one goes."
        )
    text += _size_words(instrument, change)
    if change.points < 0:
        return f"{text} By your own answers, these problems have bothered you less often lately."
    return (
        f"{text} It may be worth a kind look at how things are going, and perhaps a word with "
        "someone you trust or your doctor or therapist."
    )


def _first_sentence(instrument: Instrument, change: Change) -> str:
    d = abs(change.points)
    start = f"Since your first {instrument.name} here ({change.earlier}), your total has"
    if d == 0:
        return f"{start} come back to where it started."
    moved = "come down" if change.points < 0 else "gone up"
    text = f"{start} {moved} by {_points(d)}."
    if change.reliable:
        return f"{text} That is a meaningful change, and more than the test's usual ups and downs."
    if change.meaningful:
        return f"{text} That is a meaningful change."
    return text


def change_summary(
    instrument: Instrument, first: int | None, previous: int | None, current: int
) -> ChangeSummary:
    """Compare the newest total with the previous one and with the first, as self-monitoring.

    A change is meaningful at `instrument.meaningful_change` points or more either way (the
    minimal clinically important difference), and also more than the test's usual ups and
    downs at `instrument.reliable_change`; a smaller change into another range is said as such,
    never as "much the same".
    """
    _check_total(instrument, current)
    if previous is None:
        sentence = (
            f"This is your first {instrument.name} here. Taking it again every two weeks lets "
            "you see how things change over time."
        )
        return ChangeSummary(current, None, None, (sentence,))
    since_previous = measure_change(instrument, previous, current)
    sentences = [_previous_sentence(instrument, since_previous)]
    # With only two totals the first *is* the previous; saying it twice helps nobody.
    since_first = None
    if first is not None:
        since_first = measure_change(instrument, first, current)
        if first != previous:
            sentences.append(_first_sentence(instrument, since_first))
    return ChangeSummary(current, since_previous, since_first, tuple(sentences))


def is_due(last_taken: dt.date | None, today: dt.date, every_days: int = EVERY_DAYS) -> bool:
    """Suggested again once `every_days` have passed; a date in the future (clock moved) waits."""
    if every_days < 1:
        raise ValueError("every_days must be at least 1.")
    if last_taken is None:
        return True
    return (today - last_taken).days >= every_days


def next_due(last_taken: dt.date | None, today: dt.date, every_days: int = EVERY_DAYS) -> dt.date:
    """The day the questionnaire is next suggested: today if it is due already."""
    if last_taken is None or is_due(last_taken, today, every_days):
        return today
    return last_taken + dt.timedelta(days=every_days)
