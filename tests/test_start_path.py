"""Start-up imports only what the first frame needs: no SQLAlchemy, alembic, QtMultimedia or
charts until they are used, and a journal at the head revision opens without alembic."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mindful_desktop.db.migrate import open_database
from mindful_desktop.paths import AppPaths

HEAVY = ("sqlalchemy", "alembic", "PySide6.QtMultimedia", "pyqtgraph", "imageio_ffmpeg")


def _loaded_after(code: str) -> list[str]:
    probe = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        f"{code}\n"
        f"heavy = {HEAVY!r}\n"
        "print(sorted({m.split('.')[0] if not m.startswith('PySide6') else m for m in "
        "sys.modules if m.startswith(heavy)}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return eval(out.stdout.strip().splitlines()[-1])  # a printed list of names


def _window_shown(paths: AppPaths) -> str:
    """Code that opens the journal in `paths` and shows the window (`app`, `ctx`, `w`)."""
    return (
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "from mindful_desktop.paths import AppPaths\n"
        "from mindful_desktop.services.context import AppContext\n"
        "from mindful_desktop.ui.main_window import MainWindow\n"
        f"ctx = AppContext.open(AppPaths.from_arg({str(paths.data_dir)!r}))\n"
        "w = MainWindow(ctx); w.show(); app.processEvents()\n"
    )


@pytest.mark.slow
def test_the_first_frame_needs_none_of_the_heavy_modules(paths: AppPaths) -> None:
    open_database(paths).close()  # an existing journal at the head revision
    loaded = _loaded_after(_window_shown(paths) + "assert w.page('today').model is not None\n")
    assert loaded == []


@pytest.mark.slow
def test_practice_loads_the_player_when_it_is_first_needed(paths: AppPaths) -> None:
    open_database(paths).close()
    loaded = _loaded_after(
        _window_shown(paths) + "w.show_page('practice'); app.processEvents()\nctx.close()\n"
    )
    assert "PySide6.QtMultimedia" in loaded


@pytest.mark.slow
def test_a_journal_behind_the_head_is_upgraded_with_alembic(paths: AppPaths) -> None:
    loaded = _loaded_after(
        "from mindful_desktop.paths import AppPaths\n"
        "from mindful_desktop.db.migrate import open_database\n"
        f"open_database(AppPaths.from_arg({str(paths.data_dir)!r})).close()\n"
    )
    assert "alembic" in loaded  # a new journal is built by the migration chain
