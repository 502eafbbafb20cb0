"""The menu entry and the app icon: the bundled freedesktop files, and `install-desktop-entry`,
which copies them into the user's data folder (XDG_DATA_HOME, else ~/.local/share) so a pip or
pipx install (or the bundle) appears in the desktop's menu with its icon. No Qt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from mindful_desktop import APP_ID
from mindful_desktop.errors import KnownError
from mindful_desktop.paths import ICON_SIZES, assets_dir, icon_png, icon_svg

SCRIPT = "mindful-desktop"


class DesktopEntryError(KnownError):
    title = "Couldn't change the menu entry"


def desktop_file() -> Path:
    return assets_dir() / "desktop" / f"{APP_ID}.desktop"


def metainfo_file() -> Path:
    return assets_dir() / "desktop" / f"{APP_ID}.metainfo.xml"


def data_home() -> Path:
    """XDG_DATA_HOME when it is set to an absolute path (the spec ignores a relative one),
    else ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that starts this installation: the bundle's own executable, the
    `mindful-desktop` script of the environment it was installed in (pipx, a venv), the one
    on PATH, or this Python with `-m`."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    # Not resolved: a venv's python is a symlink, and its scripts are beside the link.
    beside = Path(sys.executable).parent / SCRIPT
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which(SCRIPT)
    if found:
        return [found]
    return [sys.executable, "-m", "mindful_desktop"]


_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_value(argv: list[str]) -> str:
    """`argv` as a desktop entry's Exec value: an argument with reserved characters in double
    quotes (with ", `, $ and \\ escaped), then the string-level escape of backslashes, and
    every % doubled (a lone % starts a field code)."""
    quoted = []
    for arg in argv:
        if arg and not _RESERVED & set(arg):
            quoted.append(arg)
            continue
        inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        quoted.append(f'"{inner}"')
    return " ".join(quoted).replace("\\", "\\\\").replace("%", "%%")


def _entry_text(argv: list[str]) -> str:
    lines = desktop_file().read_text(encoding="utf-8").splitlines()
    out = [f"Exec={exec_value(argv)}" if line.startswith("Exec=") else line for line in lines]
    return "\n".join(out) + "\n"


def installed_files(home: Path) -> list[Path]:
    """Everything `install` writes under `home` (the data folder), the entry first."""
    hicolor = home / "icons" / "hicolor"
    files = [home / "applications" / f"{APP_ID}.desktop"]
    files += [hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES]
    files.append(hicolor / "scalable" / "apps" / f"{APP_ID}.svg")
    return files


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all: a desktop watching the folder never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    os.chmod(partial, 0o644)  # the app's umask is 077; menus and icon caches read these
    os.replace(partial, path)


def _refresh(home: Path) -> None:
    """Tell the desktop, where its tools are installed; desktops that watch the folders
    need neither."""
    commands = [["update-desktop-database", "-q", str(home / "applications")]]
    hicolor = home / "icons" / "hicolor"
    if (hicolor / "icon-theme.cache").exists():  # a stale cache would hide the new icon
        commands.append(["gtk-update-icon-cache", "-q", "-t", "-f", str(hicolor)])
    for command in commands:
        if shutil.which(command[0]):
            try:
                subprocess.run(command, capture_output=True, timeout=30, check=False)
            except (OSError, subprocess.SubprocessError):
                pass


def install(home: Path | None = None, argv: list[str] | None = None) -> list[Path]:
    """Put the menu entry (starting `argv`, by default this installation) and the icons under
    `home` (by default `data_home()`). Returns the files written."""
    home = home or data_home()
    files = installed_files(home)
    sources = [icon_png(n) for n in ICON_SIZES] + [icon_svg()]
    try:
        _write(files[0], _entry_text(argv or launcher()).encode("utf-8"))
        for source, target in zip(sources, files[1:], strict=True):
            _write(target, source.read_bytes())
    except OSError as exc:
        where = exc.filename or home
        raise DesktopEntryError(
            f"Mindful Desktop couldn't add itself to the menu: {where}: "
            f"{exc.strerror or exc}. Run install-desktop-entry again once that is put right."
        ) from exc
    _refresh(home)
    return files


def remove(home: Path | None = None) -> list[Path]:
    """Take the menu entry and the icons away again. Returns the files removed."""
    home = home or data_home()
    removed = []
    for path in installed_files(home):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise DesktopEntryError(
                f"Mindful Desktop couldn't remove {path}: {exc.strerror or exc}."
            ) from exc
        removed.append(path)
    _refresh(home)
    return removed
