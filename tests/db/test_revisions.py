"""The migration chain read from the files agrees with alembic's own reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from mindful_desktop.db.migrate import script_directory
from mindful_desktop.db.revisions import read_chain
from mindful_desktop.paths import migrations_dir


def test_the_chain_matches_alembic() -> None:
    chain = read_chain(migrations_dir() / "versions")
    scripts = script_directory()
    assert chain.head == scripts.get_current_head()
    assert chain.revisions == {rev.revision for rev in scripts.walk_revisions()}


def _revision(folder: Path, rev: str, down: str | None) -> None:
    down_text = "None" if down is None else repr(down)
    (folder / f"{rev}.py").write_text(
        f'"""{rev}"""\nrevision: str = {rev!r}\ndown_revision: str | None = {down_text}\n'
    )


def test_two_heads_are_refused(tmp_path: Path) -> None:
    _revision(tmp_path, "a1", None)
    _revision(tmp_path, "b2", "a1")
    _revision(tmp_path, "c3", "a1")
    with pytest.raises(ValueError, match="exactly one head"):
        read_chain(tmp_path)


def test_a_file_without_a_revision_is_refused(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("down_revision = None\n")
    with pytest.raises(ValueError, match="no revision"):
        read_chain(tmp_path)


def test_a_linear_chain(tmp_path: Path) -> None:
    _revision(tmp_path, "a1", None)
    _revision(tmp_path, "b2", "a1")
    chain = read_chain(tmp_path)
    assert chain.head == "b2" and chain.revisions == {"a1", "b2"}
