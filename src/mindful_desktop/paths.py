"""Where the user's data lives and where the bundled content is found."""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from mindful_desktop.errors import DataDirError, KnownError, write_probe

ENV_DATA_DIR = "MINDFUL_DESKTOP_DATA_DIR"
DB_FILENAME = "journal.sqlite3"
_PACKAGE_DIR = Path(__file__).resolve().parent


def default_data_dir() -> Path:
    """The platform's per-user data folder (imported lazily: nothing runs at import time)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("Mindful Desktop", appauthor=False, roaming=True))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """Flag beats environment beats platform default."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def _bundled(name: str) -> Path:
    """A bundled folder: at the top of a PyInstaller bundle (`sys._MEIPASS`, where
    packaging/mindful-desktop.spec puts it), inside the installed package (wheel), or at the
    top of a source checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:
        return Path(frozen) / name
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parents[1] / name


def assets_dir() -> Path:
    return _bundled("assets")


def migrations_dir() -> Path:
    return _bundled("migrations")


# The app icon's sizes (the hicolor theme's usual set), rendered from its SVG as PNGs by
# tools/render_icons.py; the window, the tray and the menu entry use them.
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def icon_svg() -> Path:
    return assets_dir() / "icons" / "mindful-desktop.svg"


def icon_png(size: int) -> Path:
    return assets_dir() / "icons" / f"mindful-desktop-{size}.png"


@dataclass(frozen=True)
class AppPaths:
    """Every file the app writes, derived from one data folder."""

    data_dir: Path

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def recordings_dir(self) -> Path:
        return self.data_dir / "recordings"

    @property
    def cache_dir(self) -> Path:
        """What can be rebuilt from the bundled files (see domain/toml_cache.py)."""
        return self.data_dir / "cache"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @classmethod
    def from_arg(cls, cli_value: str | os.PathLike[str] | None = None) -> AppPaths:
        return cls(resolve_data_dir(cli_value))

    def ensure(self) -> AppPaths:
        """Create the private folders (0700), or explain kindly why we cannot."""
        for folder in (self.data_dir, self.backups_dir, self.logs_dir, self.recordings_dir):
            try:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                if stat.S_IMODE(folder.stat().st_mode) != 0o700:
                    folder.chmod(0o700)
            except OSError as exc:
                raise DataDirError.from_os_error(folder, exc) from exc
        return self

    def why_unwritable(self) -> KnownError:
        """Why nothing can be written in the data folder (read-only, full, not ours); asked
        only after something failed to write there."""
        blocked = write_probe(self.data_dir)
        if blocked is not None:
            return DataDirError.from_os_error(self.data_dir, blocked)
        return DataDirError(
            f"Mindful Desktop couldn't make its lock file in {self.data_dir}, though the folder "
            "takes new files. Check the disk and the folder's permissions, then try again."
        )
