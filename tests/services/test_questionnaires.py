"""Questionnaire results: the GAD-7's difficulty item is stored, exported and imported like
the PHQ-9's, never scored; results saved before it was asked still import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mindful_desktop.db.database import Database
from mindful_desktop.db.migrate import open_database
from mindful_desktop.errors import InvalidInputError
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.data import export_data
from mindful_desktop.services.importer import import_data
from mindful_desktop.services.questionnaires import QuestionnaireService
from tests.conftest import FakeClock


def test_both_forms_keep_the_difficulty_answer_out_of_the_total(
    db: Database, clock: FakeClock
) -> None:
    service = QuestionnaireService(db, clock)
    gad = service.submit("gad7", [1, 1, 1, 1, 0, 0, 0], extra_answer=3)
    phq = service.submit("phq9", [1, 1, 1, 1, 0, 0, 0, 0, 0], extra_answer=3)
    for result in (gad, phq):
        assert (result.total, result.band, result.extra_answer) == (4, "minimal", 3)
    assert service.latest("gad7") == gad
    skipped = service.submit("gad7", [0] * 7)
    assert skipped.extra_answer is None
    with pytest.raises(InvalidInputError, match="0 to 3"):
        service.submit("gad7", [0] * 7, extra_answer=4)


def test_the_gad7_difficulty_answer_goes_out_and_comes_back(
    db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    QuestionnaireService(db, clock).submit("gad7", [2, 1, 0, 0, 0, 0, 1], extra_answer=1)
    exported = export_data(db)
    (row,) = exported["tables"]["questionnaire_result"]
    assert (row["instrument"], row["total"], row["extra_answer"]) == ("gad7", 4, 1)
    target = open_database(AppPaths(tmp_path / "new"))
    try:
        import_data(target, json.loads(json.dumps(exported)))
        assert export_data(target)["tables"] == exported["tables"]
        (back,) = QuestionnaireService(target, clock).history("gad7")
        assert back.extra_answer == 1
    finally:
        target.close()


@pytest.mark.parametrize("older", [{"extra_answer": None}, {}], ids=["null", "absent"])
def test_a_gad7_saved_before_the_item_was_asked_still_imports(
    tmp_path: Path, clock: FakeClock, older: dict[str, object]
) -> None:
    row = {
        "id": 3,
        "instrument": "gad7",
        "taken_at": "2026-01-10T20:30:00Z",
        "local_date": "2026-01-10",
        "answers": "[1, 1, 1, 0, 0, 0, 0]",
        "total": 3,
        "band": "minimal",
        **older,
    }
    export = {
        "format": "mindful-desktop-export",
        "format_version": 1,
        "app_version": "0.1.0",
        "schema_revision": "0004_journal",  # where questionnaires began
        "exported_at": "2026-01-11T10:00:00Z",
        "tables": {"questionnaire_result": [row]},
    }
    target = open_database(AppPaths(tmp_path / "new"))
    try:
        assert import_data(target, export)["questionnaire_result"] == 1
        (back,) = QuestionnaireService(target, clock).history("gad7")
        assert (back.total, back.extra_answer) == (3, None)
    finally:
        target.close()
