"""Fixtures: every test gets a fresh data folder; nothing touches the real home or network."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before Qt or platformdirs is imported anywhere: headless, and a throwaway home directory.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_FAKE_HOME = Path(tempfile.mkdtemp(prefix="mindful-test-home-"))
for _var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_FAKE_HOME / _var.lower())
os.environ.pop("MINDFUL_DESKTOP_DATA_DIR", None)

from mindful_desktop.db.database import Database  # noqa: E402
from mindful_desktop.db.migrate import open_database  # noqa: E402
from mindful_desktop.paths import AppPaths  # noqa: E402

FIXED_NOW = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.UTC).astimezone()


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    data = tmp_path / "data"
    monkeypatch.setenv("MINDFUL_DESKTOP_DATA_DIR", str(data))
    return AppPaths(data)


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    database = open_database(paths)
    yield database
    database.close()


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, now: dt.datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
