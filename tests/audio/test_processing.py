"""Importing a person's own recordings: real files in, levelled mono Opus out, or a kind no."""

from __future__ import annotations

import errno
import os
import random
import re
import subprocess
from pathlib import Path

import pytest

from mindful_desktop.audio import processing
from mindful_desktop.audio.processing import (
    RecordingImportError,
    ffmpeg_exe,
    import_recording,
    probe_duration,
)


def ffmpeg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-nostdin", *args],
        capture_output=True,
        text=True,
        check=True,
    )


def make(path: Path, source: str, *options: str) -> Path:
    ffmpeg("-loglevel", "error", "-y", "-f", "lavfi", "-i", source, *options, str(path))
    return path


def loudness(path: Path) -> float:
    report = ffmpeg("-i", str(path), "-af", "ebur128", "-f", "null", "-").stderr
    return float(re.findall(r"I:\s+(-?[\d.]+) LUFS", report)[-1])


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Six-second recordings: very quiet, loud stereo, and two of noise (like rain or hiss,
    which Opus at 32 kbit/s thins out, so the import has to correct for it)."""
    folder = tmp_path_factory.mktemp("sources")
    quiet = "sine=frequency=440:duration=6,volume=0.05"
    loud = "sine=frequency=330:duration=6,volume=6"
    middle = "anoisesrc=color=pink:duration=6:amplitude=0.1:seed=7"
    return {
        "mp3": make(folder / "Quiet talk.mp3", quiet, "-b:a", "128k"),
        "wav": make(folder / "loud.wav", loud, "-ac", "2"),
        "flac": make(folder / "Evening sit.flac", middle),
        "m4a": make(folder / "phone.m4a", middle, "-c:a", "aac"),
        "short": make(folder / "short.wav", "sine=duration=2"),
        "silent": make(folder / "silent.wav", "anullsrc=r=44100:cl=mono", "-t", "6"),
    }


@pytest.fixture
def dest(tmp_path: Path) -> Path:
    folder = tmp_path / "recordings"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("kind", ["mp3", "wav", "flac", "m4a"])
def test_import_makes_levelled_mono_opus(kind: str, sources: dict[str, Path], dest: Path) -> None:
    src = sources[kind]
    rec = import_recording(src, dest)

    assert list(dest.iterdir()) == [rec.path]
    assert rec.path.suffix == ".opus"
    assert rec.title == src.stem
    assert rec.source_name == src.name
    assert re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{6}", rec.id)
    assert rec.path.name == f"{rec.id}.opus"
    assert rec.duration_s == pytest.approx(6.0, abs=0.2)
    assert probe_duration(rec.path) == pytest.approx(rec.duration_s, abs=0.01)
    assert loudness(rec.path) == pytest.approx(processing.TARGET_LUFS, abs=1.0)
    info = subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-i", str(rec.path)], capture_output=True, text=True
    ).stderr
    assert "Audio: opus" in info
    assert "mono" in info


def test_title_is_kept_and_slugged(sources: dict[str, Path], dest: Path) -> None:
    rec = import_recording(sources["mp3"], dest, title="  Día 3 —  Breathing   space ")
    assert rec.title == "Día 3 — Breathing space"
    assert rec.id.startswith("dia-3-breathing-space-")
    again = import_recording(sources["mp3"], dest, title="  Día 3 —  Breathing   space ")
    assert again.id != rec.id
    assert len(list(dest.iterdir())) == 2


def refused(src: Path, dest: Path, reason: str) -> str:
    with pytest.raises(RecordingImportError) as caught:
        import_recording(src, dest)
    error = caught.value
    assert error.reason == reason
    assert error.title == "Couldn't import that recording"
    assert f"“{src.name}”" in error.message
    assert list(dest.iterdir()) == [], "a failed import must leave nothing behind"
    return error.message


def test_random_bytes_named_mp3_are_refused(tmp_path: Path, dest: Path) -> None:
    broken = tmp_path / "Sunday walk.mp3"
    broken.write_bytes(random.Random(3).randbytes(40_000))
    message = refused(broken, dest, "not_audio")
    assert "damaged" in message


def test_empty_file_is_refused(tmp_path: Path, dest: Path) -> None:
    empty = tmp_path / "empty.m4a"
    empty.touch()
    assert "is empty" in refused(empty, dest, "empty")


def test_missing_file_is_refused(tmp_path: Path, dest: Path) -> None:
    message = refused(tmp_path / "gone.mp3", dest, "missing")
    assert "can't find" in message
    assert str(tmp_path) in message


def test_too_short_is_refused(sources: dict[str, Path], dest: Path) -> None:
    message = refused(sources["short"], dest, "too_short")
    assert "2.0 seconds" in message and "at least 5 seconds" in message


def test_too_long_is_refused(
    sources: dict[str, Path], dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(processing, "MAX_SECONDS", 5.0)  # a four-hour file would be slow
    assert "longer than" in refused(sources["wav"], dest, "too_long")


def test_silence_is_refused(sources: dict[str, Path], dest: Path) -> None:
    assert "silent" in refused(sources["silent"], dest, "silent")


def test_file_with_no_sound_is_refused(tmp_path: Path, dest: Path) -> None:
    video = make(tmp_path / "picture.mp4", "color=duration=6", "-pix_fmt", "yuv420p")
    assert "no sound" in refused(video, dest, "not_audio")


def test_full_disk_leaves_nothing_behind(
    sources: dict[str, Path], dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(processing.os, "replace", no_space)
    message = refused(sources["flac"], dest, "disk_full")
    assert "is full" in message and str(dest) in message


def test_unwritable_folder_is_explained(
    sources: dict[str, Path], dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    # Tests may run as root, who can write anywhere, so refuse the write by hand.
    monkeypatch.setattr(processing.tempfile, "mkstemp", denied)
    message = refused(sources["flac"], dest, "not_writable")
    assert "isn't allowed to save recordings" in message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anyway")
def test_read_only_folder_is_explained(sources: dict[str, Path], dest: Path) -> None:
    dest.chmod(0o500)
    try:
        refused(sources["flac"], dest, "not_writable")
    finally:
        dest.chmod(0o700)


def test_probe_duration(sources: dict[str, Path], tmp_path: Path) -> None:
    opus = make(tmp_path / "tone.opus", "sine=duration=7.5", "-c:a", "libopus", "-b:a", "32k")
    assert probe_duration(opus) == pytest.approx(7.5, abs=0.05)
    assert probe_duration(sources["wav"]) == pytest.approx(6.0, abs=0.05)
    junk = tmp_path / "junk.opus"
    junk.write_bytes(b"OggS" + bytes(300))
    with pytest.raises(RecordingImportError):
        probe_duration(junk)
