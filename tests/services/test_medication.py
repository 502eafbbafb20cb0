"""My medication and appointments: the person's words kept as typed, changes in order, the
dose now, deletes that Undo puts back, and sentences for what can't be saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mindful_desktop.db.database import Database
from mindful_desktop.db.migrate import open_database
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.appointments import AppointmentService
from mindful_desktop.services.data import export_data, export_json
from mindful_desktop.services.importer import import_json
from mindful_desktop.services.journal import MEDICATION, QUESTION, JournalService
from mindful_desktop.services.medication import MedicationService
from tests.conftest import FakeClock

DAY = dt.timedelta(days=1)


@pytest.fixture
def meds(db: Database, clock: FakeClock) -> MedicationService:
    return MedicationService(db, clock)


@pytest.fixture
def visits(db: Database, clock: FakeClock) -> AppointmentService:
    return AppointmentService(db, clock)


def test_a_start_a_change_a_taper_and_a_stop(
    meds: MedicationService, clock: FakeClock, qtbot: QtBot
) -> None:
    today = clock().date()
    with qtbot.waitSignal(meds.changed):
        med = meds.add(
            "  my morning\ntablet ", "50 mg", "one with breakfast", today - 90 * DAY, "GP said so"
        )
    assert (med.name, med.dose, med.schedule) == (
        "my morning tablet",
        "50 mg",
        "one with breakfast",
    )
    assert med.started_on == today - 90 * DAY and med.taking
    meds.record_change(med.id, today - 60 * DAY, "changed", "100 mg", "Dr Lee")
    meds.record_change(med.id, today - 30 * DAY, "tapering", "75 mg", "Dr Lee", "slowly")
    meds.record_change(med.id, today - 10 * DAY, "tapering", "25 mg", "Dr Lee")
    assert meds.medication(med.id).dose == "25 mg"  # type: ignore[union-attr]
    meds.record_change(med.id, today + 7 * DAY, "stopped", "ignored", "Dr Lee")  # agreed ahead
    now = meds.medication(med.id)
    assert now is not None and now.taking and now.dose == "25 mg"  # not yet
    clock.advance(days=8)
    now = meds.medication(med.id)
    assert now is not None and not now.taking and now.stopped_on == today + 7 * DAY
    kinds = [(e.kind, e.dose) for e in meds.events(medication_id=med.id)]
    assert kinds == [
        ("stopped", ""),
        ("tapering", "25 mg"),
        ("tapering", "75 mg"),
        ("changed", "100 mg"),
        ("started", "50 mg"),
    ]
    assert meds.events()[1].words() == "my morning tablet: tapering to 25 mg, agreed with Dr Lee"


def test_effects_noticed_with_or_without_a_medication(
    meds: MedicationService, clock: FakeClock
) -> None:
    today = clock().date()
    med = meds.add("Sertraline", "50 mg")
    meds.note_effect(today - DAY, "Dry mouth in the mornings", med.id)
    meds.note_effect(today, "Sleeping a little better", None)
    effects = [(e.name, e.note) for e in meds.events() if not e.is_change]
    assert effects == [
        ("", "Sleeping a little better"),
        ("Sertraline", "Dry mouth in the mornings"),
    ]
    with pytest.raises(InvalidInputError, match="what you noticed"):
        meds.note_effect(today, "   ")
    with pytest.raises(InvalidInputError, match="after today"):
        meds.note_effect(today + DAY, "a day that hasn't come")
    with pytest.raises(InvalidInputError, match="which medication"):
        meds.update_event(meds.events()[0].id, day=today, kind="changed", dose="1 mg")


def test_deleting_a_medication_takes_its_notes_and_undo_brings_them_all_back(
    meds: MedicationService, clock: FakeClock
) -> None:
    today = clock().date()
    med = meds.add("Sertraline", "50 mg", started_on=today - 20 * DAY)
    meds.record_change(med.id, today - 5 * DAY, "tapering", "25 mg")
    meds.note_effect(today, "Headaches", med.id)
    before = meds.events()
    deleted = meds.delete(med.id)
    assert deleted is not None and deleted.label == "Sertraline" and len(deleted.children) == 3
    assert meds.medications() == [] and meds.events() == []
    meds.restore(deleted)
    assert meds.events() == before
    gone = meds.delete_event(before[0].id)
    assert gone is not None and gone.label == f"Effect noted on {today.day} {today:%b %Y}"
    meds.restore_event(gone)
    assert meds.events() == before


def test_unworkable_input_is_refused_with_a_sentence(meds: MedicationService) -> None:
    with pytest.raises(InvalidInputError, match="medication's name"):
        meds.add("   ")
    with pytest.raises(InvalidInputError, match="holds 200"):
        meds.add("x" * 201)
    med = meds.add("Lithium")
    with pytest.raises(InvalidInputError, match="before 1900"):
        meds.record_change(med.id, dt.date(1800, 1, 1), "changed")
    with pytest.raises(InvalidInputError, match="what changed"):
        meds.record_change(med.id, dt.date(2026, 1, 1), "doubled")
    assert meds.add("half \ud800 a character").name == "half \ufffd a character"


def test_the_next_appointment_and_questions_ticked_off(
    visits: AppointmentService, clock: FakeClock
) -> None:
    today = clock().date()
    visits.add(today - 14 * DAY, "Dr Okafor")
    soon = visits.add(today + 3 * DAY, " Dr Okafor (GP) ", "bring the list")
    visits.add(today + 30 * DAY, "Therapist")
    assert visits.next_appointment() == soon
    assert [a.day for a in visits.appointments()] == [
        today + 30 * DAY,
        today + 3 * DAY,
        today - 14 * DAY,
    ]
    first = visits.add_question("Could we talk about the taper?")
    second = visits.add_question("Sleep")
    visits.tick_off(first.id, "Go down by 25 mg every four weeks")
    listed = visits.questions()
    assert [(q.body, q.done) for q in listed] == [
        ("Sleep", False),
        ("Could we talk about the taper?", True),
    ]
    assert visits.questions(open_only=True) == [second]
    assert listed[1].agreed == "Go down by 25 mg every four weeks" and listed[1].done_on == today
    reopened = visits.reopen(first.id)
    assert not reopened.done and reopened.agreed.startswith("Go down")
    deleted = visits.delete_question(second.id)
    assert deleted is not None
    visits.restore_question(deleted)
    assert {q.id for q in visits.questions()} == {first.id, second.id}
    with pytest.raises(InvalidInputError, match="question first"):
        visits.add_question(" ")


def test_a_medications_whole_story_round_trips_through_export_and_import(
    meds: MedicationService,
    visits: AppointmentService,
    db: Database,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    today = clock().date()
    med = meds.add("Venlafaxine", "75 mg", "morning", today - 120 * DAY, "started with Dr Lee")
    meds.record_change(med.id, today - 90 * DAY, "changed", "150 mg", "Dr Lee", "up, as agreed")
    for weeks, dose in ((8, "112.5 mg"), (6, "75 mg"), (4, "37.5 mg")):
        meds.record_change(med.id, today - weeks * 7 * DAY, "tapering", dose, "Dr Lee")
    meds.record_change(med.id, today - 14 * DAY, "stopped", agreed_with="Dr Lee")
    meds.note_effect(today - 12 * DAY, "Dizzy for a few days, brain zaps 🌀", med.id)
    visits.add(today - 14 * DAY, "Dr Lee", "review")
    question = visits.add_question("Is the dizziness expected? שאלה")
    visits.tick_off(question.id, "Yes, for a week or two; call if it lasts")
    out = tmp_path / "export.json"
    export_json(db, out)
    target = open_database(AppPaths(tmp_path / "new"))
    try:
        import_json(target, out)
        again = MedicationService(target, clock)
        assert again.events() == meds.events()
        assert again.medications() == meds.medications()
        stopped = again.medications()[0]
        assert not stopped.taking and stopped.dose == "37.5 mg"
        assert [e.kind for e in again.events(medication_id=stopped.id)] == [
            "noticed",
            "stopped",
            "tapering",
            "tapering",
            "tapering",
            "changed",
            "started",
        ]
        assert AppointmentService(target, clock).questions() == visits.questions()
        assert export_data(target)["tables"] == export_data(db)["tables"]
    finally:
        target.close()


def test_changes_effects_and_questions_are_in_the_journal_and_found_by_search(
    meds: MedicationService, visits: AppointmentService, db: Database, clock: FakeClock
) -> None:
    journal = JournalService(db, clock)
    today = clock().date()
    med = meds.add("Sertraline", "50 mg", started_on=today - 30 * DAY)
    taper = meds.record_change(med.id, today - 3 * DAY, "tapering", "25 mg", "Dr Lee")
    meds.note_effect(today - 2 * DAY, "Vivid dreams most nights", med.id)
    question = visits.add_question("Ask whether the vivid dreams will pass")
    items = journal.timeline()
    assert [(i.kind, i.day) for i in items] == [
        (QUESTION, today),
        (MEDICATION, today - 2 * DAY),
        (MEDICATION, today - 3 * DAY),
        (MEDICATION, today - 30 * DAY),
    ]
    assert items[2].title == "Sertraline" and items[2].origin == "tapering"
    assert dict(items[2].fields) == {"dose": "25 mg", "agreed_with": "Dr Lee"}
    found = journal.search("vivid dreams")
    assert [(i.kind, i.id) for i in found] == [(QUESTION, question.id), (MEDICATION, taper.id + 1)]
    assert "<b>vivid</b>" in found[1].snippet.lower()
    assert [i.origin for i in journal.search("sertraline taper")] == ["tapering"]
    assert [i.kind for i in journal.search("Lee")] == [MEDICATION]
    meds.update(med.id, "Zoloft", "")  # found by its new name from now on
    assert journal.search("sertraline") == []
    assert len(journal.search("zoloft")) == 3
    visits.tick_off(question.id, "They usually settle in a few weeks")
    done = journal.search("settle")
    assert done[0].origin == "done" and dict(done[0].fields)["done_on"] == today.isoformat()
    meds.delete(med.id)
    assert journal.search("zoloft") == [] and journal.search("dreams")[0].kind == QUESTION
