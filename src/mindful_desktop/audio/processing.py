"""Import a person's own recording: check it, level its loudness, store it as mono Opus."""

from __future__ import annotations

import errno
import json
import os
import re
import secrets
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mindful_desktop.audio.ogg import opus_duration
from mindful_desktop.errors import KnownError

__all__ = [
    "MAX_SECONDS",
    "MIN_SECONDS",
    "TARGET_LUFS",
    "ImportedRecording",
    "RecordingImportError",
    "ffmpeg_exe",
    "import_recording",
    "probe_duration",
]

MIN_SECONDS = 5.0
MAX_SECONDS = 4 * 3600.0
TARGET_LUFS = -19.0
TARGET_TRUE_PEAK = -1.5
TARGET_LRA = 11.0
BITRATE = "32k"
# Anything measured quieter than this is silence (EBU R128's absolute gate is -70 LUFS).
_SILENCE_LUFS = -69.0
_LOUDNESS_TOLERANCE = 1.0
_LOUDNESS_KEYS = ("input_i", "input_tp", "input_lra", "input_thresh", "target_offset")
# Windows would flash a console window for every ffmpeg run from a GUI app.
_NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)


class RecordingImportError(KnownError):
    """A recording couldn't be imported; `reason` is a short code a UI or test can act on."""

    title = "Couldn't import that recording"

    def __init__(self, message: str, reason: str = "other") -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class ImportedRecording:
    id: str
    title: str
    path: Path
    duration_s: float
    source_name: str


def ffmpeg_exe() -> str:
    """The ffmpeg shipped inside the imageio-ffmpeg package (never one from the internet)."""
    try:
        import imageio_ffmpeg

        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except (ImportError, RuntimeError) as exc:
        raise RecordingImportError(
            "Mindful Desktop's sound tools are missing, so recordings can't be imported or "
            "measured. Reinstalling Mindful Desktop should bring them back.",
            "no_ffmpeg",
        ) from exc


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-nostdin", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
        creationflags=_NO_WINDOW,
    )


def _named(path: Path) -> str:
    return f"“{path.name}”"


def _unreadable(src: Path, *, no_audio: bool = False) -> RecordingImportError:
    if no_audio:
        return RecordingImportError(
            f"{_named(src)} has no sound in it, so there is nothing to import. Please choose "
            "an audio recording (MP3, M4A, WAV, OGG, Opus or FLAC).",
            "not_audio",
        )
    return RecordingImportError(
        f"{_named(src)} doesn't seem to be a recording Mindful Desktop can read. It may be "
        "damaged, or in a format that isn't supported; MP3, M4A, WAV, OGG, Opus and FLAC all "
        "work.",
        "not_audio",
    )


def _folder_error(folder: Path, exc: OSError, src: Path) -> RecordingImportError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return RecordingImportError(
            f"The disk holding {folder} is full, so {_named(src)} couldn't be imported. Free "
            "some space and try again; nothing else was changed.",
            "disk_full",
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return RecordingImportError(
            f"Mindful Desktop isn't allowed to save recordings in {folder}, so {_named(src)} "
            "couldn't be imported. Check that the folder isn't read-only and that you own it, "
            "then try again.",
            "not_writable",
        )
    return RecordingImportError(
        f"Mindful Desktop couldn't save {_named(src)} in {folder}: {exc.strerror or exc}.",
        "not_writable",
    )


def _check_source(src: Path) -> None:
    try:
        info = src.stat()
    except FileNotFoundError:
        raise RecordingImportError(
            f"Mindful Desktop can't find {_named(src)} in {src.parent}. It may have been moved, "
            "renamed or deleted; please choose it again.",
            "missing",
        ) from None
    except OSError as exc:
        raise RecordingImportError(
            f"Mindful Desktop couldn't open {_named(src)}: {exc.strerror or exc}.", "unreadable"
        ) from exc
    if src.is_dir():
        raise RecordingImportError(
            f"{_named(src)} is a folder. Please choose a recording inside it.", "not_audio"
        )
    if info.st_size == 0:
        raise RecordingImportError(
            f"{_named(src)} is empty, so there is nothing to import. Please choose the "
            "recording itself.",
            "empty",
        )
    try:
        with src.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        raise RecordingImportError(
            f"Mindful Desktop isn't allowed to read {_named(src)}. Check the file's "
            "permissions and try again.",
            "unreadable",
        ) from exc


def _last_out_time(progress: str) -> float | None:
    """The decoded length in seconds from ffmpeg's `-progress` report, if it gave one."""
    values = re.findall(r"^out_time_us=(\d+)\s*$", progress, flags=re.MULTILINE)
    return int(values[-1]) / 1_000_000 if values else None


def _loudnorm(measured: dict[str, str] | None) -> str:
    base = f"loudnorm=I={TARGET_LUFS}:TP={TARGET_TRUE_PEAK}:LRA={TARGET_LRA}"
    if measured is None:
        return base + ":print_format=json"
    values = ":".join(f"measured_{key[6:]}={measured[key]}" for key in _LOUDNESS_KEYS[:4])
    # loudnorm works at 192 kHz inside; Opus wants 48 kHz.
    return f"{base}:{values}:offset={measured['target_offset']}:linear=true,aresample=48000"


def _measure(src: Path, named_as: Path | None = None) -> tuple[float, dict[str, str]]:
    """Decode the whole recording once: its real length and its loudness."""
    name = named_as or src
    result = _run(
        [
            "-i", str(src), "-vn", "-map", "0:a:0",
            "-af", f"aformat=channel_layouts=mono,{_loudnorm(None)}",
            # Decode no further than needed to know it's too long.
            "-t", str(MAX_SECONDS + 1),
            "-progress", "pipe:1", "-nostats", "-f", "null", "-",
        ]
    )  # fmt: skip
    if result.returncode != 0:
        raise _unreadable(name, no_audio="0:a:0" in result.stderr)
    seconds = _last_out_time(result.stdout)
    blocks = re.findall(r"\{[^{}]*\}", result.stderr)
    try:
        measured = json.loads(blocks[-1]) if blocks else {}
    except json.JSONDecodeError:
        measured = {}
    if seconds is None or not all(key in measured for key in _LOUDNESS_KEYS):
        raise _unreadable(name)
    return seconds, {key: str(measured[key]) for key in _LOUDNESS_KEYS}


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:40].rstrip("-") or "recording"


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _refuse_unsuitable(src: Path, seconds: float, measured: dict[str, str]) -> None:
    if seconds < MIN_SECONDS:
        raise RecordingImportError(
            f"{_named(src)} is only {seconds:.1f} seconds long. Recordings need to be at "
            f"least {MIN_SECONDS:.0f} seconds.",
            "too_short",
        )
    if seconds > MAX_SECONDS:
        raise RecordingImportError(
            f"{_named(src)} is longer than {MAX_SECONDS / 3600:.0f} hours. Please split it "
            "into shorter parts and import those.",
            "too_long",
        )
    if float(measured["input_i"]) < _SILENCE_LUFS:
        raise RecordingImportError(
            f"{_named(src)} seems to be silent, so there is nothing to hear. If it was "
            "recorded with a microphone, check that the microphone was switched on.",
            "silent",
        )


def _encode(
    src: Path, out: Path, measured: dict[str, str], title: str, gain_db: float = 0.0
) -> None:
    """Level and encode `src` into `out` (mono Opus); raises RecordingImportError."""
    filters = f"aformat=channel_layouts=mono,{_loudnorm(measured)}"
    if gain_db:
        filters += f",volume={gain_db:.2f}dB"
    result = _run(
        [
            "-y", "-i", str(src), "-vn", "-map", "0:a:0", "-map_metadata", "-1",
            "-af", filters, "-ac", "1", "-c:a", "libopus", "-b:a", BITRATE,
            "-metadata", f"title={title}", "-f", "opus", str(out),
        ]
    )  # fmt: skip
    if result.returncode == 0:
        return
    text = result.stderr.lower()
    if "no space left" in text or "quota exceeded" in text:
        raise _folder_error(out.parent, OSError(errno.ENOSPC, "disk full"), src)
    if "permission denied" in text or "read-only file system" in text:
        raise _folder_error(out.parent, OSError(errno.EACCES, "permission denied"), src)
    raise _unreadable(src)


def import_recording(src: Path, dest_dir: Path, title: str | None = None) -> ImportedRecording:
    """Check `src`, level it to about -19 LUFS and save it in `dest_dir` as mono Opus.

    Blocking (ffmpeg decodes it two or three times): call it from a worker thread. On any
    failure it raises RecordingImportError and leaves nothing new in `dest_dir`.
    """
    src = Path(src)
    dest_dir = Path(dest_dir)
    _check_source(src)
    clean_title = " ".join((title or "").split()) or src.stem
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".importing-", suffix=".opus.part", dir=dest_dir)
        os.close(fd)
    except OSError as exc:
        raise _folder_error(dest_dir, exc, src) from exc
    tmp = Path(tmp_name)
    try:
        seconds, measured = _measure(src)
        _refuse_unsuitable(src, seconds, measured)
        _encode(src, tmp, measured, clean_title)
        # Opus at this bit rate thins out noise-like sound (rain, a fan, hiss) by up to ~2 LU,
        # so check the result and, if it is off, encode once more with the difference.
        got = float(_measure(tmp, named_as=src)[1]["input_i"])
        if abs(got - TARGET_LUFS) > _LOUDNESS_TOLERANCE:
            gain = max(-6.0, min(6.0, TARGET_LUFS - got))
            _encode(src, tmp, measured, clean_title, gain_db=gain)
        duration = probe_duration(tmp)
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        slug = _slug(clean_title)
        while True:
            rec_id = f"{slug}-{secrets.token_hex(3)}"
            final = dest_dir / f"{rec_id}.opus"
            if not final.exists():
                break
        os.replace(tmp, final)
        _fsync_dir(dest_dir)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _folder_error(dest_dir, exc, src) from exc
        raise
    return ImportedRecording(
        id=rec_id, title=clean_title, path=final, duration_s=duration, source_name=src.name
    )


def probe_duration(path: Path) -> float:
    """Seconds of audio in `path`: Ogg Opus from its headers at once, others by decoding."""
    path = Path(path)
    _check_source(path)
    try:
        quick = opus_duration(path)
    except OSError as exc:
        raise RecordingImportError(
            f"Mindful Desktop couldn't read {_named(path)}: {exc.strerror or exc}.", "unreadable"
        ) from exc
    if quick is not None:
        return quick
    result = _run(
        ["-i", str(path), "-vn", "-map", "0:a:0", "-progress", "pipe:1", "-nostats"]
        + ["-f", "null", "-"]
    )
    seconds = _last_out_time(result.stdout)
    if result.returncode != 0 or seconds is None:
        raise _unreadable(path, no_audio="0:a:0" in result.stderr)
    return seconds
