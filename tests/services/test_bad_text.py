"""Half a character (a lone surrogate, from a bad paste) never crashes a save or an export:
it is stored as U+FFFD, and an export never fails on it or leaves a temporary file behind."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from mindful_desktop.db.database import Database
from mindful_desktop.domain.text import clean_text, clean_value
from mindful_desktop.services import data as data_module
from mindful_desktop.services.checkins import CheckInService
from mindful_desktop.services.data import export_json
from mindful_desktop.services.journal import JournalService
from mindful_desktop.services.practice import PracticeService
from mindful_desktop.settings import SettingsStore
from tests.conftest import FakeClock

HALF = "calm \ud83d then"  # the first half of an emoji, alone


def test_clean_text_replaces_lone_halves_and_joins_pairs() -> None:
    assert clean_text(HALF) == "calm \ufffd then"
    assert clean_text("\ud83d\ude42") == "\U0001f642"  # a pair becomes its character
    assert clean_text("plain") == "plain"
    assert clean_value({"a\udc80": ["x\ud800", 1]}) == {"a\ufffd": ["x\ufffd", 1]}


def test_saves_with_half_a_character_keep_the_rest(
    db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    checkins = CheckInService(db, clock)
    checkins.add(5, HALF)
    assert checkins.history()[0].note == "calm \ufffd then"
    journal = JournalService(db, clock)
    entry = journal.create(f"A day. {HALF}")
    stored = journal.entry(entry.id)
    assert stored is not None and stored.body == "A day. calm \ufffd then"
    practice = PracticeService(db, tmp_path, tmp_path, clock)
    session = practice.log(
        "timer", "timer", "Sitting", dt.datetime(2026, 3, 4, 8), 10, True, note=HALF
    )
    edited = practice.update(session.id, note=f"again {HALF}")
    assert edited.note == "again calm \ufffd then"


def test_an_export_survives_a_draft_with_half_a_character(
    db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    SettingsStore(db).set("checkin_draft", HALF)  # JSON keeps it as an escape: "\\ud83d"
    out = tmp_path / "export.json"
    export_json(db, out)
    text = out.read_text(encoding="utf-8")
    assert "calm" in text
    json.loads(text)
    assert not list(tmp_path.glob(".export.json.*"))


def test_an_export_that_fails_leaves_no_temporary_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_data: object, **_kwargs: object) -> str:
        raise ValueError("a bug while writing")

    monkeypatch.setattr(data_module.json, "dumps", broken)
    with pytest.raises(ValueError):
        export_json(db, tmp_path / "export.json")
    monkeypatch.undo()

    real_open = data_module.os.fdopen

    def failing_fdopen(fd: int, *args: object, **kwargs: object) -> object:
        handle = real_open(fd, *args, **kwargs)  # type: ignore[call-overload]

        class Failing:
            def __enter__(self) -> Failing:
                return self

            def __exit__(self, *exc: object) -> None:
                handle.close()

            def write(self, _text: str) -> int:
                raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")

        return Failing()

    monkeypatch.setattr(data_module.os, "fdopen", failing_fdopen)
    with pytest.raises(UnicodeEncodeError):
        export_json(db, tmp_path / "export.json")
    assert not list(tmp_path.glob(".export.json.*")) and not (tmp_path / "export.json").exists()
