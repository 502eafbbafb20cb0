"""The journal: free writing kept exactly, one timeline and one safe search over everything."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mindful_desktop.db.database import Database
from mindful_desktop.db.migrate import open_database
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.paths import AppPaths, assets_dir
from mindful_desktop.services.checkins import CheckInService
from mindful_desktop.services.course import CourseService, load_bundled_course
from mindful_desktop.services.journal import (
    CHECKIN,
    JOURNAL,
    MAX_BODY_CHARS,
    PRACTICE,
    REFLECTION,
    WORKSHEET,
    JournalService,
    match_expression,
    snippet_html,
)
from mindful_desktop.services.practice import PracticeService
from mindful_desktop.services.worksheets import WorksheetService
from tests.conftest import FakeClock

COURSE = load_bundled_course(assets_dir())
RAISIN = "raisin-noticed"

AWKWARD = [
    "-",
    '"',
    '""',
    "AND",
    "a AND",
    "OR NOT",
    "(",
    ")",
    "*",
    "^",
    ":",
    "NEAR(",
    "title:x",
    "ünïcödé",
    "🙂",
    "🧘‍♀️ breath",
    "שלום",
    "\x00",
    "   ",
    "",
    "'; DROP TABLE journal_entry; --",
    "x" * 5000,
    " ".join(["word"] * 500),
]


@pytest.fixture
def journal(db: Database, clock: FakeClock) -> JournalService:
    return JournalService(db, clock)


@pytest.fixture
def everything(db: Database, clock: FakeClock, tmp_path: Path) -> dict[str, object]:
    """One of each kind, written an hour apart, all mentioning the word 'kettle'."""
    journal = JournalService(db, clock)
    course = CourseService(db, COURSE, clock)
    sheets = WorksheetService(db, COURSE, clock)
    audio = tmp_path / "no-audio"
    audio.mkdir()
    practice = PracticeService(db, audio, tmp_path / "recordings", clock)
    course.save_reflection("week-1", RAISIN, "The kettle sang while I ate the raisin.")
    clock.advance(hours=1)
    practice.log("timer", "timer", "Silent timer", clock(), 10, True, "Heard the kettle click.")
    practice.log("timer", "timer", "Silent timer", clock(), 5, True, "")  # no note: not shown
    clock.advance(hours=1)
    sheets.save("pleasant-events", {"event": "Tea from the kettle", "body": "Warm hands"})
    sheets.save("pleasant-events", {"event": "   "})  # nothing written: not shown
    clock.advance(hours=1)
    checkins = CheckInService(db, clock)
    checkins.add(6, "The kettle again, and a calmer hour.", emotions=["calm"])
    checkins.add(5, "  \n ")  # no words: not shown
    clock.advance(hours=1)
    entry = journal.create("Descaled the kettle. Felt oddly proud.", title="Small things")
    return {"journal": journal, "entry": entry}


def test_create_update_and_read_back(journal: JournalService, clock: FakeClock) -> None:
    entry = journal.create("First words.", title="  A title  ")
    assert entry.title == "A title"
    assert entry.body == "First words."
    assert entry.day == clock().date()
    assert entry.created == entry.updated == clock()
    clock.advance(minutes=5)
    edited = journal.update(entry.id, "First words, and more.", title="A title")
    assert edited.id == entry.id
    assert edited.created == entry.created
    assert edited.updated > entry.updated
    assert journal.entry(entry.id) == edited
    # Nothing changed: nothing written, nothing announced.
    assert journal.update(entry.id, "First words, and more.", title="A title") == edited


def test_changes_are_announced(journal: JournalService, qtbot: QtBot) -> None:
    with qtbot.waitSignal(journal.changed, timeout=1000):
        entry = journal.create("Hello")
    with qtbot.waitSignal(journal.changed, timeout=1000):
        journal.update(entry.id, "Hello again")
    with qtbot.waitSignal(journal.changed, timeout=1000):
        journal.delete(entry.id)


@pytest.mark.parametrize("body", ["", "   ", "\n\t\r\n"])
def test_a_blank_body_is_refused_kindly(journal: JournalService, body: str) -> None:
    with pytest.raises(InvalidInputError, match="needs a few words"):
        journal.create(body, title="Only a title")
    assert journal.timeline() == []


def test_an_absurd_length_is_refused_and_the_old_text_kept(journal: JournalService) -> None:
    entry = journal.create("Keep me.")
    with pytest.raises(InvalidInputError, match="200,000") as info:
        journal.update(entry.id, "x" * (MAX_BODY_CHARS + 1))
    assert "still in the box" in info.value.message
    with pytest.raises(InvalidInputError):
        journal.create("y" * (MAX_BODY_CHARS + 1))
    with pytest.raises(InvalidInputError, match="title"):
        journal.create("Fine", title="t" * 301)
    assert journal.entry(entry.id) == entry
    assert journal.create("z" * MAX_BODY_CHARS).body == "z" * MAX_BODY_CHARS


def test_updating_a_deleted_entry_says_so(journal: JournalService) -> None:
    entry = journal.create("Gone soon")
    journal.delete(entry.id)
    with pytest.raises(InvalidInputError, match="no longer in your journal"):
        journal.update(entry.id, "Still typing")


def test_delete_then_restore_keeps_the_same_id_and_is_searchable_again(
    journal: JournalService, clock: FakeClock
) -> None:
    older = journal.create("An older entry about the heron.")
    clock.advance(minutes=1)
    entry = journal.create("The heron stood still on the weir.", title="Heron")
    clock.advance(minutes=1)
    newer = journal.create("A newer one.")
    removed = journal.delete(entry.id)
    assert removed == entry
    assert journal.delete(entry.id) is None
    assert [i.id for i in journal.search("weir")] == []
    assert [i.id for i in journal.timeline()] == [newer.id, older.id]
    restored = journal.restore(removed)
    assert restored == entry  # same id, title, words, day and times
    assert [i.id for i in journal.timeline()] == [newer.id, entry.id, older.id]
    (hit,) = journal.search("weir")
    assert (hit.kind, hit.id) == (JOURNAL, entry.id)


def test_restore_never_overwrites_a_newer_entry_that_took_the_id(
    journal: JournalService,
) -> None:
    entry = journal.create("Last one")
    removed = journal.delete(entry.id)
    assert removed is not None
    reused = journal.create("Written after the delete")
    restored = journal.restore(removed)
    assert journal.entry(reused.id) == reused
    assert reused.id == entry.id  # SQLite hands out max(id) + 1 again
    assert restored.body == "Last one" and restored.id != entry.id


def test_timeline_merges_all_five_kinds_newest_first(everything: dict[str, object]) -> None:
    journal = everything["journal"]
    assert isinstance(journal, JournalService)
    items = journal.timeline()
    assert [i.kind for i in items] == [JOURNAL, CHECKIN, WORKSHEET, PRACTICE, REFLECTION]
    entry, checkin, sheet, note, reflection = items
    assert checkin.mood == 6 and checkin.fields == (("", "calm"),)
    assert entry.title == "Small things"
    assert sheet.title == sheet.source == "pleasant-events"
    assert sheet.fields == (("event", "Tea from the kettle"), ("body", "Warm hands"))
    assert note.body == "Heard the kettle click." and note.minutes == 10
    assert reflection.source == "week-1" and reflection.origin == "lesson"
    assert reflection.title == COURSE.lesson("week-1").prompts[0].text
    assert reflection.body.startswith("The kettle sang")
    # Paging: continue after an item already shown.
    assert journal.timeline(limit=2) == items[:2]
    assert journal.timeline(limit=3, before=items[1]) == items[2:]
    assert journal.timeline(limit=5, before=items[-1]) == []


def test_timeline_orders_by_the_day_written_for(
    journal: JournalService, db: Database, clock: FakeClock
) -> None:
    sheets = WorksheetService(db, COURSE, clock)
    today_entry = journal.create("Today")
    clock.advance(minutes=5)
    yesterday = clock().date() - dt.timedelta(days=1)
    sheets.save("pleasant-events", {"event": "Yesterday's sunset"}, day=yesterday)
    assert [(i.kind, i.day) for i in journal.timeline()] == [
        (JOURNAL, today_entry.day),
        (WORKSHEET, yesterday),
    ]


def test_search_finds_every_kind_newest_first_with_highlights(
    everything: dict[str, object],
) -> None:
    journal = everything["journal"]
    assert isinstance(journal, JournalService)
    hits = journal.search("kettle")
    assert [h.kind for h in hits] == [JOURNAL, CHECKIN, WORKSHEET, PRACTICE, REFLECTION]
    for hit in hits:
        assert "<b>kettle</b>" in hit.snippet.lower()
    assert journal.search("kettle")[0].snippet.startswith("Descaled the <b>kettle</b>")
    # As you type, the last word matches as a prefix; finished words must match whole.
    assert [h.kind for h in journal.search("ket")] == [h.kind for h in hits]
    assert journal.search("ket ") == []
    assert [h.kind for h in journal.search("warm ket")] == [WORKSHEET]
    assert [h.kind for h in journal.search("PROUD kettle")] == [JOURNAL]
    # Practice without a note and empty worksheets stay out of results as of the timeline.
    assert journal.search("silent timer")[0].body == "Heard the kettle click."
    assert len(journal.search("silent timer")) == 1


def test_check_in_notes_are_in_the_timeline_and_found_by_search(
    db: Database, journal: JournalService, clock: FakeClock
) -> None:
    checkins = CheckInService(db, clock)
    first = checkins.add(4, "Woke at four with the old worry about work.", emotions=["anxious"])
    checkins.add(7)  # a mood alone is not writing: not in the journal
    clock.advance(hours=2)
    journal.create("A walk helped.")
    timeline = journal.timeline()
    assert [(i.kind, i.id) for i in timeline] == [(JOURNAL, timeline[0].id), (CHECKIN, first.id)]
    noted = timeline[1]
    assert noted.body == first.note and noted.mood == 4 and noted.fields == (("", "anxious"),)
    found = journal.search("worry")
    assert [(h.kind, h.id) for h in found] == [(CHECKIN, first.id)]
    assert "<b>worry</b>" in found[0].snippet
    # Edited and deleted notes leave the search with their words.
    checkins.update(first.id, note="Woke early, rested anyway.")
    assert journal.search("worry") == [] and journal.search("rested")[0].id == first.id
    checkins.delete(first.id)
    assert journal.search("rested") == [] and [i.kind for i in journal.timeline()] == [JOURNAL]


def test_search_results_escape_what_the_user_wrote(journal: JournalService) -> None:
    journal.create('I typed <script>alert("hi")</script> & <b>bold</b> on purpose.')
    (hit,) = journal.search("script")
    assert "<script>" not in hit.snippet
    assert "&lt;<b>script</b>&gt;" in hit.snippet
    assert "&amp;" in hit.snippet
    assert "&lt;b&gt;bold&lt;/b&gt;" in hit.snippet
    assert hit.body.startswith("I typed <script>")  # the words themselves are untouched


def test_a_match_only_in_the_title_is_still_highlighted(journal: JournalService) -> None:
    journal.create("Nothing about birds here.", title="Heron <3")
    (hit,) = journal.search("heron")
    assert hit.snippet == "<b>Heron</b> &lt;3"


def test_snippet_markup_is_built_after_escaping() -> None:
    assert snippet_html("a <i>\x02x\x03</i>\nb") == "a &lt;i&gt;<b>x</b>&lt;/i&gt; b"


@pytest.mark.parametrize("query", AWKWARD)
def test_awkward_queries_never_raise(everything: dict[str, object], query: str) -> None:
    journal = everything["journal"]
    assert isinstance(journal, JournalService)
    assert isinstance(journal.search(query), list)


def test_queries_are_quoted_words() -> None:
    assert match_expression("") == ""
    assert match_expression('say "AND" -x') == '"say" """AND""" "-x"*'
    assert match_expression("two words ") == '"two" "words"'


def test_diacritics_emoji_and_rtl_are_searchable(journal: JournalService) -> None:
    journal.create("Une journée au café 🙂 — unicode — שלום עולם — مرحبا بالعالم")
    assert len(journal.search("ünïcödé")) == 1
    assert len(journal.search("cafe")) == 1
    assert len(journal.search("JOURNEE")) == 1
    assert len(journal.search("🙂")) == 1
    assert len(journal.search("שלום")) == 1
    assert len(journal.search("مرحبا")) == 1


TRICKY = (
    "🌊 Breathing in 🧘🏽‍♀️, breathing out 👨‍👩‍👧.\r\n"
    "שלום, זה יומן. مرحبا، هذا دفتر يومياتي.\r"
    "Mixed ⟨line endings⟩\n\n\n  trailing spaces   \t\n"
    "e\u0301 vs é, \u200f RLM, zero\u200bwidth, tab\tend "
)


def test_long_emoji_and_rtl_text_round_trip_exactly_through_a_restart(
    paths: AppPaths, clock: FakeClock
) -> None:
    long_body = (TRICKY * (100_000 // len(TRICKY) + 1))[:100_000]
    assert len(long_body) == 100_000
    db = open_database(paths)
    journal = JournalService(db, clock)
    long_entry = journal.create(long_body, title="Long")
    tricky = journal.create(TRICKY, title="עברית 🙂 العربية")
    db.close()

    again = JournalService(open_database(paths), clock)
    loaded = again.entry(long_entry.id)
    assert loaded is not None and loaded.body == long_body and loaded.title == "Long"
    loaded = again.entry(tricky.id)
    assert loaded is not None and loaded.body == TRICKY
    assert loaded.title == "עברית 🙂 العربية"
    assert {i.id for i in again.search("breathing")} == {long_entry.id, tricky.id}
    assert again.timeline()[0].body == TRICKY
    again._db.close()
