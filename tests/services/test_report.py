"""The report for a clinician: what goes in for a period (and nothing outside it), and the
PDF itself, read back with poppler's pdftotext and rendered with pdftoppm."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mindful_desktop.db.database import Database
from mindful_desktop.db.models import QuestionnaireResult
from mindful_desktop.domain.instruments import PHQ9, band
from mindful_desktop.errors import InvalidInputError, KnownError
from mindful_desktop.paths import assets_dir
from mindful_desktop.report.pdf import LETTER, paper_for_locale, write_pdf
from mindful_desktop.services.course import load_bundled_course
from mindful_desktop.services.data import fill_demo_data
from mindful_desktop.services.report_data import (
    DEFAULT_SECTIONS,
    NOTES,
    SECTION_IDS,
    ReportData,
    check_period,
    first_day,
    gather,
    make_request,
    parse_day,
    report_date,
)
from mindful_desktop.ui.theme import apply_theme

TODAY = dt.date(2026, 3, 14)
START, END = dt.date(2026, 1, 5), dt.date(2026, 2, 27)
MADE = dt.date(2026, 3, 20)  # a day on which nothing was recorded


def _poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:  # ./dev installs poppler-utils; say so rather than skip silently
        pytest.fail(f"{tool} is missing: install poppler-utils (./dev test does it on Debian)")
    return found


def _text(pdf: Path) -> str:
    """The PDF's text, its ligatures (ﬁ) read as letters."""
    return unicodedata.normalize("NFKC", _raw_text(pdf))


def _raw_text(pdf: Path) -> str:
    return subprocess.run(
        [_poppler("pdftotext"), "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _pages(pdf: Path, out: Path) -> list[Path]:
    subprocess.run(
        [_poppler("pdftoppm"), "-r", "40", "-png", str(pdf), str(out / "page")], check=True
    )
    return sorted(out.glob("page-*.png"))


def _phq(db: Database, day: dt.date, total_from: list[int]) -> None:
    total = sum(total_from)
    with db.session() as session:
        session.add(
            QuestionnaireResult(
                instrument="phq9",
                taken_at=dt.datetime.combine(day, dt.time(12)),
                local_date=day,
                answers=json.dumps(total_from),
                total=total,
                band=band(PHQ9, total).label,
            )
        )


@pytest.fixture
def journal(db: Database) -> Database:
    fill_demo_data(db, 120, seed=3, today=TODAY)
    # Item 9 above "not at all" once inside the period and once before it.
    _phq(db, dt.date(2026, 2, 11), [2, 2, 1, 2, 1, 1, 1, 1, 2])
    _phq(db, dt.date(2025, 12, 2), [1, 1, 1, 1, 1, 1, 1, 1, 3])
    return db


def _data(db: Database, sections: frozenset[str] = DEFAULT_SECTIONS, note: str = "") -> ReportData:
    course = load_bundled_course(assets_dir())
    return gather(db, course, make_request(START, END, TODAY, sections, note), MADE)


def _results(db: Database) -> list[tuple[dt.date, str, int]]:
    rows = db.query("SELECT local_date, instrument, total FROM questionnaire_result")
    return [(dt.date.fromisoformat(d), i, int(t)) for d, i, t in rows]


def test_the_pdf_holds_every_result_in_the_period_and_none_outside_it(
    journal: Database, qapp: QApplication, tmp_path: Path
) -> None:
    out = tmp_path / "report.pdf"
    pages = write_pdf(_data(journal), out)
    text = _text(out)
    names = {"phq9": "PHQ-9", "gad7": "GAD-7"}
    inside = [r for r in _results(journal) if START <= r[0] <= END]
    outside = [r for r in _results(journal) if not START <= r[0] <= END]
    assert len(inside) >= 6 and outside
    for day, instrument, total in inside:
        row = rf"{re.escape(report_date(day))}\s+{names[instrument]}\s+{total}\s"
        assert re.search(row, text), f"{day} {instrument} {total} missing"
    for day, _instrument, _total in outside:
        assert report_date(day) not in text
    # Item 9 above "not at all" is listed plainly with its date; the one before the period isn't.
    assert re.search(r"item 9.*answered above\s+“not at all”", text, flags=re.S)
    assert "11 Feb 2026 (nearly every day)" not in text  # the answer was 2, not 3
    assert "11 Feb 2026 (more than half the days)" in text
    assert "2 Dec 2025" not in text
    assert "5 Jan 2026 – 27 Feb 2026" in text and "made on 20 Mar 2026" in text
    assert "not a diagnosis" in text and "Pfizer" in text
    assert f"Page {pages} of {pages}" in text
    assert 1 <= pages <= 3
    rendered = _pages(out, tmp_path)
    assert len(rendered) == pages and all(p.stat().st_size > 2000 for p in rendered)


def test_the_same_journal_makes_the_same_pages_in_either_theme(
    journal: Database, qapp: QApplication, tmp_path: Path
) -> None:
    digests = []
    for number, theme in enumerate(("light", "dark", "light")):
        apply_theme(qapp, theme)
        folder = tmp_path / str(number)
        folder.mkdir()
        write_pdf(_data(journal), folder / "r.pdf")
        digests.append(
            [hashlib.sha256(p.read_bytes()).hexdigest() for p in _pages(folder / "r.pdf", folder)]
        )
    qapp.setStyleSheet("")
    assert digests[0] == digests[1] == digests[2]


def test_own_notes_stay_out_unless_chosen_and_sections_can_be_left_out(
    journal: Database, qapp: QApplication, tmp_path: Path
) -> None:
    note_rows = journal.query(
        "SELECT note FROM check_in WHERE local_date BETWEEN ? AND ? AND note != ''",
        (START.isoformat(), END.isoformat()),
    )
    assert note_rows
    a_note = str(note_rows[0][0])
    write_pdf(_data(journal), tmp_path / "a.pdf")
    assert a_note not in _text(tmp_path / "a.pdf")
    write_pdf(
        _data(journal, frozenset({NOTES}), note="Can we talk about sleep?"), tmp_path / "b.pdf"
    )
    text = _text(tmp_path / "b.pdf")
    assert a_note in text and "Can we talk about sleep?" in text
    assert "PHQ-9 (depression)" not in text and "Practice" not in text


def test_the_action_plan_and_warning_signs_are_in_it_as_written(
    journal: Database, qapp: QApplication, tmp_path: Path
) -> None:
    with journal.session() as session:
        from mindful_desktop.db.models import WorksheetEntry

        session.add(
            WorksheetEntry(
                worksheet="action-plan",
                local_date=dt.date(2026, 1, 20),
                fields=json.dumps({"first": "Ring my sister & go for a walk", "signs": ""}),
            )
        )
    data = _data(journal)
    assert [s.title for s in data.sheets] == ["My action plan"]
    write_pdf(data, tmp_path / "r.pdf")
    text = _text(tmp_path / "r.pdf")
    assert "The first thing I will do" in text and "Ring my sister & go for a walk" in text
    assert "When I notice these signs" not in text  # an empty box is left out


def test_changes_of_meaningful_size_are_marked(db: Database) -> None:
    for day, answers in (
        (dt.date(2026, 1, 1), [1, 1, 1, 1, 0, 0, 0, 0, 0]),  # 4
        (dt.date(2026, 1, 15), [2, 2, 1, 1, 1, 1, 1, 0, 0]),  # 9: +5
        (dt.date(2026, 1, 29), [2, 2, 1, 1, 1, 1, 0, 0, 0]),  # 8: -1
    ):
        _phq(db, day, answers)
    data = _data(db)
    assert [(r.total, r.change, r.marked) for r in data.results] == [(9, 5, True), (8, -1, False)]
    assert data.item9 == ()


def test_mood_and_practice_cover_only_the_period(journal: Database) -> None:
    data = _data(journal)
    assert data.mood is not None and data.practice is not None
    assert all(START <= d <= END for d in data.mood.by_day)
    days_in = journal.query_one(
        "SELECT count(DISTINCT local_date) FROM check_in WHERE local_date BETWEEN ? AND ?",
        (START.isoformat(), END.isoformat()),
    )
    assert days_in is not None and data.mood.days == days_in[0]
    minutes = journal.query_one(
        "SELECT sum(minutes) FROM practice_session WHERE local_date BETWEEN ? AND ?",
        (START.isoformat(), END.isoformat()),
    )
    assert minutes is not None and data.practice.minutes == pytest.approx(minutes[0])
    assert data.practice.weeks[0].monday == START  # a Monday
    assert sum(w.days for w in data.practice.weeks) == data.practice.days


def test_a_bad_period_is_refused_with_a_sentence() -> None:
    with pytest.raises(InvalidInputError, match="after it ends"):
        check_period(END, START, TODAY)
    with pytest.raises(InvalidInputError, match="hasn't come yet"):
        check_period(dt.date(2026, 4, 1), dt.date(2026, 4, 2), TODAY)
    with pytest.raises(InvalidInputError, match="year-month-day"):
        parse_day("14/03/2026", "start")
    with pytest.raises(InvalidInputError, match="no section called"):
        make_request(START, END, TODAY, frozenset({"everything"}))
    assert parse_day(" 2026-03-01 ", "start") == dt.date(2026, 3, 1)
    assert set(SECTION_IDS) - DEFAULT_SECTIONS == {NOTES}


def test_first_day_and_paper(journal: Database) -> None:
    assert first_day(journal) == dt.date(2025, 11, 15)
    assert paper_for_locale("en_US") == LETTER and paper_for_locale("fr_CA.UTF-8") == LETTER
    assert paper_for_locale("en_GB") == "a4" and paper_for_locale("C") == "a4"


def test_a_report_that_cannot_be_written_says_why_and_leaves_nothing(
    journal: Database, qapp: QApplication, tmp_path: Path
) -> None:
    with pytest.raises(KnownError, match="no folder"):
        write_pdf(_data(journal), tmp_path / "missing" / "r.pdf")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        try:
            (locked / "probe").write_text("x")
        except OSError:
            with pytest.raises(KnownError, match="couldn't be written"):
                write_pdf(_data(journal), locked / "r.pdf")
            assert list(locked.iterdir()) == []
        else:
            pytest.skip("root writes into a read-only folder anyway")
    finally:
        locked.chmod(0o700)


def test_the_medication_section_lists_the_changes_in_its_period_and_none_outside_it(
    db: Database, qapp: QApplication, tmp_path: Path
) -> None:
    from mindful_desktop.services.appointments import AppointmentService
    from mindful_desktop.services.medication import MedicationService
    from mindful_desktop.services.report_data import MEDICATION
    from tests.conftest import FakeClock

    clock = FakeClock(dt.datetime(2026, 3, 14, 9, tzinfo=dt.UTC).astimezone())
    meds = MedicationService(db, clock)
    med = meds.add("Mirtazapine", "30 mg", "at night", dt.date(2025, 10, 1), "started Oct")
    meds.record_change(med.id, dt.date(2025, 12, 20), "changed", "45 mg", "Dr Arendt")
    meds.record_change(med.id, dt.date(2026, 1, 12), "tapering", "30 mg", "Dr Arendt", "two weeks")
    meds.note_effect(dt.date(2026, 1, 30), "Less hungry at night", med.id)
    meds.record_change(med.id, dt.date(2026, 2, 16), "tapering", "15 mg", "Dr Arendt")
    meds.record_change(med.id, dt.date(2026, 3, 2), "stopped", agreed_with="Dr Arendt")
    visits = AppointmentService(db, clock)
    visits.add(dt.date(2026, 3, 24), "Dr Arendt")
    visits.tick_off(visits.add_question("Blood pressure check?").id, "done in January")
    visits.add_question("What if sleep gets worse after stopping?")

    data = _data(db)
    assert data.medication is not None
    assert [e.day for e in data.medication.events] == [
        dt.date(2026, 1, 12),
        dt.date(2026, 1, 30),
        dt.date(2026, 2, 16),
    ]
    assert [(m.name, m.dose) for m in data.medication.taking] == [("Mirtazapine", "15 mg")]
    write_pdf(data, tmp_path / "r.pdf")
    text = _text(tmp_path / "r.pdf")
    assert "Medication, and questions for my appointment" in text

    def row(day: str) -> str:
        return next(line for line in text.splitlines() if line.strip().startswith(day))

    assert re.search(r"Mirtazapine\s+Tapering to 30 mg, agreed\s+two weeks", row("12 Jan 2026"))
    assert re.search(r"Mirtazapine\s+Effect noticed\s+Less hungry at night", row("30 Jan 2026"))
    assert re.search(r"Mirtazapine\s+Tapering to 15 mg, agreed", row("16 Feb 2026"))
    for outside in ("20 Dec 2025", "45 mg", "1 Oct 2025 ", "2 Mar 2026", "Stopped"):
        assert outside not in text
    assert "Taking on 27 Feb 2026" in text and "at night" in text
    assert "Next appointment: 24 Mar 2026 with Dr Arendt" in text
    assert "What if sleep gets worse after stopping?" in text
    assert "Blood pressure check?" not in text  # talked about already
    write_pdf(_data(db, DEFAULT_SECTIONS - {MEDICATION}), tmp_path / "without.pdf")
    assert "Mirtazapine" not in _text(tmp_path / "without.pdf")


def test_the_safety_plan_is_in_it_when_chosen(
    journal: Database, qapp: QApplication, tmp_path: Path
) -> None:
    from mindful_desktop.db.models import WorksheetEntry
    from mindful_desktop.services.report_data import SAFETY_PLAN

    course = load_bundled_course(assets_dir())
    sheet = course.worksheets["safety-plan"]
    with journal.session() as session:
        session.add(
            WorksheetEntry(
                worksheet="safety-plan",
                local_date=dt.date(2026, 2, 1),
                fields=json.dumps({sheet.fields[-1].id: "My niece's laugh"}),
            )
        )
    write_pdf(_data(journal), tmp_path / "with.pdf")
    assert "My niece's laugh" in _text(tmp_path / "with.pdf")
    write_pdf(_data(journal, DEFAULT_SECTIONS - {SAFETY_PLAN}), tmp_path / "without.pdf")
    assert "My niece's laugh" not in _text(tmp_path / "without.pdf")
