"""Bundled lessons parse, meet the content rules, and point only at things that exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from mindful_desktop.audio.catalog import load_bundled_tracks
from mindful_desktop.domain.content import (
    WEEKLY_HEADINGS,
    ContentError,
    Lesson,
    body_problems,
    load_course,
    parse_lesson,
    parse_worksheets,
)
from mindful_desktop.paths import assets_dir
from mindful_desktop.services.course import bundled_track_ids, load_bundled_course

COURSE = load_bundled_course(assets_dir())

GOOD = """+++
slug = "week-1"
week = 1
title = "T"
summary = "S"
practices = ["breath"]
worksheets = []

[[home_practice]]
id = "a"
text = "Do it"
track = "breath"

[[prompts]]
id = "p"
text = "Why?"
+++
## This week's theme
"""


def test_the_course_has_orientation_eight_weeks_and_after() -> None:
    assert [lesson.week for lesson in COURSE.lessons] == list(range(10))
    assert COURSE.lessons[0].slug == "before-you-begin"
    assert COURSE.lessons[-1].slug == "after-the-course"


@pytest.mark.parametrize("lesson", COURSE.lessons, ids=lambda lesson: lesson.slug)
def test_every_lesson_meets_the_word_and_section_rules(lesson: object) -> None:
    assert body_problems(lesson) == []  # type: ignore[arg-type]


@pytest.mark.parametrize("week", range(1, 9))
def test_weekly_lessons_have_every_section_in_order(week: int) -> None:
    lesson = COURSE.by_week(week)
    found = [h for h in lesson.headings() if h in WEEKLY_HEADINGS]
    assert found == list(WEEKLY_HEADINGS)
    assert lesson.word_count() >= 1500
    assert lesson.home_practice and lesson.prompts


def test_every_practice_named_by_a_lesson_exists() -> None:
    tracks = set(bundled_track_ids(assets_dir() / "audio"))
    for lesson in COURSE.lessons:
        used = set(lesson.practices) | {t for i in lesson.home_practice for t in i.tracks}
        assert used <= tracks, f"{lesson.source}: {used - tracks}"


@pytest.mark.parametrize("week", range(1, 9))
def test_no_logged_practice_ticks_two_items_of_a_week(week: int) -> None:
    items = COURSE.by_week(week).home_practice
    tracks = [t for item in items for t in item.tracks]
    assert len(tracks) == len(set(tracks)), f"week {week}: {tracks}"


def test_a_scheduled_breathing_space_never_ticks_the_when_difficulty_arises_item() -> None:
    responsive = [
        (lesson.week, item)
        for lesson in COURSE.lessons
        for item in lesson.home_practice
        if item.id == "breathing-space-responsive"
    ]
    assert [week for week, _ in responsive] == [4, 5, 6]
    for week, item in responsive:
        assert item.tracks == ("breathing-space-responsive",), f"week {week}"


def test_week_6_counts_its_forty_minutes_by_minutes() -> None:
    own = next(i for i in COURSE.by_week(6).home_practice if i.id == "own-practice")
    assert own.minutes == 40 and own.per_day == 1
    assert "40 minutes a day" in own.text
    # Every other item is counted by sessions.
    others = [i for lesson in COURSE.lessons for i in lesson.home_practice if i is not own]
    assert all(i.minutes is None for i in others)


def named_by(lesson: Lesson) -> set[str]:
    return set(lesson.practices) | {t for i in lesson.home_practice for t in i.tracks}


def test_every_track_is_offered_by_the_lesson_of_one_of_its_weeks() -> None:
    """A bundled track can be reached from the course, not only found on the Practice page."""
    for track in load_bundled_tracks(assets_dir() / "audio"):
        lessons = [COURSE.by_week(week) for week in track.weeks]
        assert any(track.id in named_by(lesson) for lesson in lessons), track.id


def test_week_6_leads_with_its_own_sitting_with_thoughts() -> None:
    week_6 = COURSE.by_week(6)
    assert week_6.practices[0] == "sitting-thoughts"  # also the month's booster for week 6
    # Its own-practice item counts the day's minutes of any practice, this one included.
    assert any(item.minutes for item in week_6.home_practice)


@pytest.mark.parametrize(
    ("track_id", "lessons"),
    [
        ("sitting-thoughts", {"week-6"}),
        ("breath-short", {"week-2", "after-the-course"}),
        ("grounding", {"before-you-begin", "week-1", "week-4", "week-5", "week-6"}),
        ("body-scan-seated", {"week-1", "week-8"}),
    ],
)
def test_the_short_and_eyes_open_options_are_offered_where_lessons_mention_them(
    track_id: str, lessons: set[str]
) -> None:
    tracks = {track.id: track for track in load_bundled_tracks(assets_dir() / "audio")}
    assert track_id in tracks  # rendered, with its JSON, so the Practice page lists it
    offering = {lesson.slug for lesson in COURSE.lessons if track_id in lesson.practices}
    assert lessons <= offering
    title = tracks[track_id].title
    assert any(title in COURSE.lesson(slug).body for slug in lessons), title


def test_body_scan_days_count_every_body_scan() -> None:
    for week in (1, 2, 8):
        (item,) = [i for i in COURSE.by_week(week).home_practice if i.id == "body-scan"]
        assert {"body-scan", "body-scan-short", "body-scan-seated"} <= set(item.tracks)


def test_worksheets_of_the_issue_are_offered_in_their_weeks() -> None:
    offered = {w: lesson.week for lesson in COURSE.lessons for w in lesson.worksheets}
    assert offered["pleasant-events"] == 2
    assert offered["unpleasant-events"] == 3
    assert offered["early-warning-signs"] == 6
    assert offered["nourishing-depleting"] == 7
    assert offered["action-plan"] in (7, 8, 9) and offered["future-letter"] in (7, 8)
    assert "practice-plan" in COURSE.by_week(8).worksheets


def test_a_lesson_pointing_at_a_missing_track_fails(tmp_path: Path) -> None:
    for f in (assets_dir() / "lessons").iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    week3 = tmp_path / "03-week-3.md"
    week3.write_text(week3.read_text().replace('track = "movement"', 'track = "yoga-nidra"'))
    with pytest.raises(ContentError, match=r"03-week-3\.md.*'yoga-nidra' does not exist"):
        load_course(tmp_path, bundled_track_ids(assets_dir() / "audio"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("week = 1", 'week = "one"'), r"x\.md: field 'week' must be a whole"),
        (lambda t: t.replace("week = 1", "week = 12"), r"x\.md: field 'week' must be from 0 to 9"),
        (lambda t: t.replace('title = "T"\n', ""), r"x\.md: missing field 'title'"),
        (lambda t: t.replace('slug = "week-1"', 'slug = "Week One"'), r"x\.md: field 'slug'"),
        (lambda t: t.replace('text = "Do it"\n', ""), r"home_practice #1: missing field 'text'"),
        (lambda t: t.replace("+++\n", "", 1), r"x\.md: must start with a line '\+\+\+'"),
        (lambda t: t.replace("+++\n## This", "## This"), r"x\.md: front matter has no closing"),
        (lambda t: t.replace("title = ", "title = = "), r"x\.md: front matter is not valid TOML"),
        (
            lambda t: t.replace('text = "Do it"\n', 'text = "Do it"\nminutes = 0\n'),
            r"home_practice #1: field 'minutes' must be a whole number from 1 to 240",
        ),
        (
            lambda t: t.replace('text = "Do it"\n', 'text = "Do it"\nminutes = "40"\n'),
            r"home_practice #1: field 'minutes' must be a whole number",
        ),
        (
            lambda t: t.replace('text = "Do it"\n', 'text = "Do it"\nminutes = 40\nper_day = 2\n'),
            r"home_practice #1: an item counted in minutes is done once a day",
        ),
    ],
)
def test_malformed_lessons_name_the_file_and_field(change: object, message: str) -> None:
    parse_lesson(GOOD, "x.md")  # the baseline is fine
    with pytest.raises(ContentError, match=message):
        parse_lesson(change(GOOD), "x.md")  # type: ignore[operator]


CHECK = """
[readiness]
title = "Is now a good time?"
intro = "Tick what is true."
closing = "You can go on either way."

[[readiness.questions]]
id = "one"
text = "First thing."
advice = "Consider this."

[[readiness.questions]]
id = "two"
text = "Second thing."
advice = "Consider that."
crisis = true
"""


def with_check(check: str) -> str:
    return GOOD.replace("+++\n## This", check.strip("\n") + "\n+++\n## This")


def test_the_orientation_has_the_right_time_check() -> None:
    check = COURSE.lesson("before-you-begin").check
    assert check is not None
    assert len(check.questions) == 5
    assert [q.id for q in check.questions if q.crisis] == ["suicidal-thoughts"]
    assert all(q.advice.count(". ") == 0 for q in check.questions)  # one sentence each
    assert "not a diagnosis" in check.closing
    assert [lesson.slug for lesson in COURSE.lessons if lesson.check] == ["before-you-begin"]


def test_a_kept_check_says_what_was_ticked_and_what_to_consider() -> None:
    check = parse_lesson(with_check(CHECK), "x.md").check
    assert check is not None
    assert check.questions[1].crisis and not check.questions[0].crisis
    assert check.summary(["two", "unknown"]) == (
        "✓ Second thing.\nConsider that.\n\nYou can go on either way.\n"
    )
    assert check.summary([]).startswith("None of these was true for me")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace('advice = "Consider this."\n', ""), r"question #1: missing field"),
        (lambda t: t.replace('id = "two"', 'id = "Two!"'), r"question #2: field 'id'"),
        (lambda t: t.replace('id = "two"', 'id = "one"'), r"question ids must be unique"),
        (lambda t: t.replace("crisis = true", 'crisis = "yes"'), r"#2: field 'crisis' must be"),
        (lambda t: t.replace('text = "First thing."', "text = 3"), r"#1: field 'text' must be"),
        (lambda t: t.replace('advice = "Consider that."', 'advice = " "'), r"'two' needs both"),
        (lambda t: t.replace('closing = "You can go on either way."\n', ""), r"'closing'"),
        (lambda t: t.split("[[readiness.questions]]")[0], r": missing field 'questions'"),
    ],
)
def test_a_malformed_check_names_the_file_and_question(change: object, message: str) -> None:
    parse_lesson(with_check(CHECK), "x.md")  # the baseline is fine
    with pytest.raises(ContentError, match=r"x\.md: readiness.*" + message):
        parse_lesson(with_check(change(CHECK)), "x.md")  # type: ignore[operator]
    not_a_table = GOOD.replace("worksheets = []", 'worksheets = []\nreadiness = "soon"')
    with pytest.raises(ContentError, match=r"x\.md: readiness must be a table"):
        parse_lesson(not_a_table, "x.md")


def test_the_safety_plan_has_the_seven_steps_in_order_each_with_an_example() -> None:
    plan = COURSE.worksheets["safety-plan"]
    assert plan.kind == "document"
    assert [f.id for f in plan.fields] == [
        "warning-signs",
        "on-my-own",
        "people-places",
        "ask-for-help",
        "professionals",
        "safer",
        "reasons",
    ]
    for field in plan.fields:
        assert field.kind == "text" and field.help, field.id
        assert field.placeholder.startswith("e.g. "), field.id
    shows = {f.id: f.shows for f in plan.fields if f.shows}
    assert shows == {"ask-for-help": "crisis-contacts", "professionals": "crisis-lines"}
    # One click from the action plan.
    assert [s.worksheet for s in COURSE.worksheets["action-plan"].see_also] == ["safety-plan"]


SHEET = """[a]
title = "A"
kind = "document"
intro = "I"
fields = [{ id = "x", label = "X", kind = "text" }]
"""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('see_also = [{ worksheet = "nope", button = "Go" }]', r"\[a\] see_also names unknown"),
        ('see_also = [{ worksheet = "a" }]', r"see_also #1: missing field 'button'"),
        ('see_also = ["a"]', r"see_also #1: must be a table"),
    ],
)
def test_worksheet_links_must_name_a_worksheet(extra: str, message: str) -> None:
    assert parse_worksheets(SHEET, "w.toml")["a"].see_also == ()
    with pytest.raises(ContentError, match=message):
        parse_worksheets(SHEET + extra + "\n", "w.toml")


def test_a_field_can_show_only_what_the_app_knows() -> None:
    good = SHEET.replace('kind = "text" }', 'kind = "text", shows = "crisis-lines" }')
    assert parse_worksheets(good, "w.toml")["a"].fields[0].shows == "crisis-lines"
    with pytest.raises(ContentError, match=r"field #1: field 'shows' must be one of"):
        parse_worksheets(good.replace("crisis-lines", "weather"), "w.toml")
