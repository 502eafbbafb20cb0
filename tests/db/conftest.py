"""The database tests run twice: over a plain journal, and over one protected by a passphrase
(SQLCipher), so migrations, search, backups and restore are shown to work both ways."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mindful_desktop.db import cipher
from mindful_desktop.paths import AppPaths

PASSPHRASE = "a test passphrase"


@pytest.fixture(params=["plain", "protected"])
def paths(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppPaths]:
    data = tmp_path / "data"
    monkeypatch.setenv("MINDFUL_DESKTOP_DATA_DIR", str(data))
    found = AppPaths(data)
    if request.param == "protected":
        found.ensure()
        cipher.unlock(data, PASSPHRASE)
        cipher.mark_path(found.db_path).write_text("protected\n")
    yield found
    cipher.lock(data)


def open_raw(path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    """A plain DB-API connection to a journal file, through the app's own door (keyed)."""
    return cipher.connect(path, **kwargs)  # type: ignore[arg-type]
