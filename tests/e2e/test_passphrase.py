"""A journal protected by a passphrase, from the command line as a person would use it: no
file in the data folder holds a word of it, the right passphrase opens it, a wrong one is
refused in a sentence and changes nothing, and change and remove round-trip."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from mindful_desktop.app import main
from mindful_desktop.clock import system_clock
from mindful_desktop.db import cipher
from mindful_desktop.db.migrate import open_database
from mindful_desktop.db.models import CheckIn
from mindful_desktop.paths import AppPaths
from mindful_desktop.services.journal import JournalService

WORDS = ("zephyrquill", "marrowlantern", "quillfeather")  # an entry's, and a check-in note's
FIRST, SECOND = "sea glass and pine", "a different long phrase"


def _files(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _holding(folder: Path, word: str) -> list[str]:
    needle = word.encode()
    return [str(p) for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[tuple[Path, Path, Path]]:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo-data", "--days", "20"]) == 0
    db = open_database(AppPaths(data))
    JournalService(db, system_clock).create(f"A walk by the {WORDS[0]} and the {WORDS[1]}.")
    with db.session() as session:
        session.add(CheckIn(local_date=dt.date(2026, 12, 1), mood=6, note=f"a {WORDS[2]} day"))
    db.close()
    assert main(["--data-dir", str(data), "backup"]) == 0
    first, second = tmp_path / "first", tmp_path / "second"
    first.write_text(FIRST + "\n")
    second.write_text(SECOND + "\n")
    yield data, first, second
    cipher.lock(data)


def _search(data: Path, word: str, passphrase: str | None) -> int:
    if passphrase is not None:
        cipher.unlock(data, passphrase)
    db = open_database(AppPaths(data))
    try:
        return len(JournalService(db, system_clock).search(word))
    finally:
        db.close()
        cipher.lock(data)


def test_after_set_no_file_holds_a_word_of_the_journal(
    journal: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, first, _second = journal
    assert all(_holding(data, w) for w in WORDS)  # the check can see them while plain
    code = main(["--data-dir", str(data), "passphrase", "set", "--new-passphrase-file", str(first)])
    assert code == 0
    cipher.lock(data)
    for word in WORDS:
        assert _holding(data, word) == [], word
    # A backup made while protected is protected too, and opens with the same passphrase.
    assert main(["--data-dir", str(data), "--passphrase-file", str(first), "backup"]) == 0
    cipher.lock(data)
    assert all(_holding(data, w) == [] for w in WORDS)
    assert FIRST not in capsys.readouterr().err
    for log in (data / "logs").glob("*"):
        assert FIRST not in log.read_text(errors="replace")
    assert _search(data, WORDS[0], FIRST) == 1


def test_a_wrong_passphrase_is_refused_in_a_sentence_and_changes_no_file(
    journal: tuple[Path, Path, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data, first, _second = journal
    main(["--data-dir", str(data), "passphrase", "set", "--new-passphrase-file", str(first)])
    cipher.lock(data)
    before = _files(data)
    wrong = tmp_path / "wrong"
    wrong.write_text("not the one\n")
    capsys.readouterr()
    assert main(["--data-dir", str(data), "--passphrase-file", str(wrong), "doctor"]) == 2
    err = capsys.readouterr().err
    assert "That passphrase doesn't open this journal" in err
    assert "damaged" not in err.lower()
    assert main(["--data-dir", str(data), "doctor"]) == 1  # none given: it says what to do
    assert "--passphrase-file" in capsys.readouterr().out
    after = _files(data)
    assert {k: v for k, v in after.items() if not k.startswith("logs")} == {
        k: v for k, v in before.items() if not k.startswith("logs")
    }


def test_change_and_remove_round_trip(journal: tuple[Path, Path, Path]) -> None:
    data, first, second = journal
    main(["--data-dir", str(data), "passphrase", "set", "--new-passphrase-file", str(first)])
    cipher.lock(data)
    assert (
        main(
            [
                "--data-dir",
                str(data),
                "passphrase",
                "change",
                "--passphrase-file",
                str(first),
                "--new-passphrase-file",
                str(second),
            ]
        )
        == 0
    )
    cipher.lock(data)
    assert not cipher.opens_with(data / "journal.sqlite3", FIRST)
    assert _search(data, WORDS[1], SECOND) == 1
    backups = list((data / "backups").glob("journal-*.sqlite3"))
    assert backups and all(cipher.opens_with(b, SECOND) for b in backups)
    code = main(["--data-dir", str(data), "passphrase", "remove", "--passphrase-file", str(second)])
    assert code == 0
    cipher.lock(data)
    assert cipher.is_plain(data / "journal.sqlite3") and not cipher.is_protected(
        data / "journal.sqlite3"
    )
    assert _search(data, WORDS[1], None) == 1
    assert all(_holding(data, w) for w in WORDS[:2])


def test_passphrase_needs_what_it_says(journal: tuple[Path, Path, Path], tmp_path: Path) -> None:
    data, first, _second = journal
    short = tmp_path / "short"
    short.write_text("abc\n")
    assert (
        main(["--data-dir", str(data), "passphrase", "set", "--new-passphrase-file", str(short)])
        == 2
    )
    assert main(["--data-dir", str(data), "passphrase", "remove"]) == 2  # not protected
    assert cipher.is_plain(data / "journal.sqlite3")


def test_report_and_import_work_on_a_protected_journal(
    journal: tuple[Path, Path, Path], tmp_path: Path, qapp: object
) -> None:
    data, first, _second = journal
    export = tmp_path / "export.json"
    assert main(["--data-dir", str(data), "export", str(export)]) == 0
    main(["--data-dir", str(data), "passphrase", "set", "--new-passphrase-file", str(first)])
    cipher.lock(data)
    out = tmp_path / "report.pdf"
    start = (dt.date.today() - dt.timedelta(days=27)).isoformat()
    end = dt.date.today().isoformat()
    report = ["report", "--from", start, "--to", end, str(out)]
    assert main(["--data-dir", str(data), "--passphrase-file", str(first), *report]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    cipher.lock(data)
    # A new, empty journal protected first, then filled from the export.
    other = tmp_path / "other"
    setting = ["passphrase", "set", "--new-passphrase-file", str(first)]
    assert main(["--data-dir", str(other), *setting]) == 0
    cipher.lock(other)
    imported = ["--data-dir", str(other), "--passphrase-file", str(first), "import", str(export)]
    assert main(imported) == 0
    cipher.lock(other)
    assert _holding(other, WORDS[0]) == []
    assert _search(other, WORDS[0], FIRST) == 1
