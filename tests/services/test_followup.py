"""PHQ-9 item 9 remembered: the follow-up survives a restart, hides, and comes back; the
staying-well watch counts item 9, not only the total."""

from __future__ import annotations

from mindful_desktop.domain.staying_well import ReasonKind
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.context import AppContext
from tests.conftest import FakeClock

ITEM9_SEVERAL_DAYS = [0, 1, 0, 0, 1, 0, 0, 0, 1]  # total 3: nothing else would show a note


def test_an_answer_given_in_the_form_is_remembered_across_a_restart(
    paths: AppPaths, clock: FakeClock
) -> None:
    ctx = AppContext.open(paths, clock)
    assert ctx.followup.due() is None
    ctx.followup.remember()  # answered in the form; the questionnaire was never submitted
    ctx.close()
    ctx = AppContext.open(paths, clock)
    assert ctx.followup.due() == clock().date()
    ctx.followup.hide()
    ctx.close()
    ctx = AppContext.open(paths, clock)
    assert ctx.followup.due() is None
    ctx.close()


def test_a_saved_result_counts_and_a_later_one_brings_the_note_back(
    paths: AppPaths, clock: FakeClock
) -> None:
    ctx = AppContext.open(paths, clock)
    seen: list[None] = []
    ctx.followup.changed.connect(lambda: seen.append(None))
    ctx.questionnaires.submit("phq9", [1] * 8 + [0])
    assert ctx.followup.due() is None  # item 9 was "not at all"
    ctx.questionnaires.submit("phq9", ITEM9_SEVERAL_DAYS)
    assert ctx.followup.due() == clock().date() and seen
    clock.advance(hours=2)
    ctx.followup.hide()
    assert ctx.followup.due() is None
    clock.advance(days=14)
    ctx.questionnaires.submit("phq9", [0] * 9)
    assert ctx.followup.due() is None  # a later "not at all" neither brings it back nor counts
    clock.advance(days=14)
    ctx.questionnaires.submit("phq9", [0] * 8 + [2])
    assert ctx.followup.due() == clock().date()
    ctx.close()


def test_a_damaged_setting_is_as_if_never_set(paths: AppPaths, clock: FakeClock) -> None:
    ctx = AppContext.open(paths, clock)
    ctx.settings.set("item9_answered_at", "yesterday-ish")
    assert ctx.followup.due() is None
    ctx.close()


def test_the_watch_counts_item_9_and_not_only_the_total(paths: AppPaths, clock: FakeClock) -> None:
    ctx = AppContext.open(paths, clock)
    ctx.questionnaires.submit("phq9", [0, 1, 0, 0, 1, 0, 0, 0, 0])  # 2
    clock.advance(days=14)
    ctx.questionnaires.submit("phq9", ITEM9_SEVERAL_DAYS)  # 3: no rise, no crossing, not high
    result = ctx.wellbeing.check()
    assert result is not None and result.kinds == {ReasonKind.PHQ9_ITEM9}
    assert result.show_crisis
    ctx.close()
