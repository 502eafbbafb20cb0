"""The menu entry and the AppStream metainfo: valid by the freedesktop validators, in step with
the app, and `install-desktop-entry` (and `--remove`) in a temporary XDG_DATA_HOME."""

from __future__ import annotations

import os
import shutil
import stat
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mindful_desktop import APP_ID, __version__
from mindful_desktop.app import main
from mindful_desktop.desktop_entry import (
    desktop_file,
    exec_value,
    install,
    installed_files,
    metainfo_file,
)
from mindful_desktop.paths import ICON_SIZES

ROOT = Path(__file__).resolve().parents[1]
DEBIAN_PACKAGE = {"desktop-file-validate": "desktop-file-utils", "appstreamcli": "appstream"}


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(
            f"{name} is missing, so the menu entry and metainfo can't be checked. Install "
            f"Debian's {DEBIAN_PACKAGE[name]} (./dev test does, as root) and run again."
        )
    return found


def _validate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)


def _desktop_validate(path: Path) -> None:
    proc = _validate(_tool("desktop-file-validate"), str(path))
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


def test_the_desktop_entry_is_valid() -> None:
    _desktop_validate(desktop_file())


def test_the_metainfo_is_valid() -> None:
    proc = _validate(_tool("appstreamcli"), "validate", "--no-net", str(metainfo_file()))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def _png_size(path: Path) -> tuple[int, int]:
    with path.open("rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_the_metainfo_is_in_step_with_the_app() -> None:
    root = ET.parse(metainfo_file()).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop" == desktop_file().name
    assert root.findtext("icon") == APP_ID
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type") == "oars-1.1"
    shots = root.findall("screenshots/screenshot/image")
    assert len(shots) >= 3
    for image in shots:
        local = ROOT / "docs" / "screenshots" / (image.text or "").rsplit("/", 1)[-1]
        assert local.is_file(), f"{image.text} is not in docs/screenshots"
        assert _png_size(local) == (int(image.get("width", 0)), int(image.get("height", 0)))
    entry = desktop_file().read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in entry


def test_an_installed_tree_validates_as_a_whole(tmp_path: Path) -> None:
    """What a package or `install-desktop-entry` puts in place, checked together by
    appstreamcli: the metainfo finds its desktop entry, the entry its icon. The Exec line,
    here a path with a space and a %, is quoted as the desktop entry spec says."""
    share = tmp_path / "usr" / "share"
    written = install(share, ["/opt/Mindful Apps/100%/mindful-desktop"])
    (share / "metainfo").mkdir()
    shutil.copy(metainfo_file(), share / "metainfo")
    assert 'Exec="/opt/Mindful Apps/100%%/mindful-desktop"\n' in written[0].read_text()
    _desktop_validate(written[0])
    proc = _validate(_tool("appstreamcli"), "validate-tree", "--no-net", str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_exec_values_are_quoted_and_escaped() -> None:
    assert exec_value(["/usr/bin/mindful-desktop"]) == "/usr/bin/mindful-desktop"
    assert exec_value(["/a b/python", "-m", "x"]) == '"/a b/python" -m x'
    assert exec_value(['/a"b$c']) == '"/a\\\\"b\\\\$c"'  # \" and \$, then \\ for the string


def _exec_of(entry: Path) -> str:
    (line,) = [x for x in entry.read_text().splitlines() if x.startswith("Exec=")]
    return line.removeprefix("Exec=")


def test_install_desktop_entry_puts_the_entry_and_icons_in_xdg_data_home_and_removes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "data-home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    assert main(["install-desktop-entry"]) == 0
    files = installed_files(home)
    assert files[0] == home / "applications" / f"{APP_ID}.desktop"
    assert [f.name for f in files[1:-1]] == [f"{APP_ID}.png"] * len(ICON_SIZES)
    for path in files:
        assert path.is_file() and stat.S_IMODE(path.stat().st_mode) == 0o644, path
    assert _png_size(home / "icons/hicolor/16x16/apps" / f"{APP_ID}.png") == (16, 16)
    launcher = _exec_of(files[0])
    assert os.access(launcher, os.X_OK), launcher  # this installation's own script
    _desktop_validate(files[0])

    assert main(["install-desktop-entry"]) == 0  # again: the same files, nothing doubled
    assert sorted(p for p in home.rglob("*") if p.is_file() and p.suffix != ".cache") == sorted(
        files
    )

    assert main(["install-desktop-entry", "--remove"]) == 0
    assert not any(path.exists() for path in files)
    assert main(["install-desktop-entry", "--remove"]) == 0  # nothing left to remove: fine


def test_without_xdg_data_home_it_goes_to_the_homes_local_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", "relative/is/ignored")
    assert main(["install-desktop-entry"]) == 0
    assert (tmp_path / ".local/share/applications" / f"{APP_ID}.desktop").is_file()
    assert not (tmp_path / "relative").exists()
    assert main(["install-desktop-entry", "--remove"]) == 0


def test_a_folder_that_cant_be_written_gets_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    assert main(["install-desktop-entry"]) == 2
    err = capsys.readouterr().err
    assert "Couldn't change the menu entry" in err and "couldn't add itself to the menu" in err
