"""The rendered tracks in assets/audio agree with their JSON, their scripts and the size budget."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import pytest

AUDIO = Path(__file__).resolve().parents[2] / "assets" / "audio"
MAX_FOLDER_BYTES = 60 * 1000 * 1000
MIN_TOTAL_SECONDS = 3 * 3600


def ogg_opus_duration(path: Path) -> float:
    """Last Ogg page's granule position minus OpusHead pre-skip, at 48 kHz (no decoding).

    Deliberately written again here, not imported from mindful_desktop.audio.ogg: the renderer
    uses that one to write the JSON, and this test must measure the audio independently.
    """
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(4096)
        f.seek(max(0, size - 65536))
        tail = f.read()
    magic = head.find(b"OpusHead")
    assert head.startswith(b"OggS") and magic > 0, f"{path.name} is not Ogg Opus"
    pre_skip = struct.unpack_from("<H", head, magic + 10)[0]
    pos = tail.rfind(b"OggS")
    while pos >= 0:
        # The real last page is the one whose segment table ends it exactly at end of file.
        count = tail[pos + 26] if pos + 27 <= len(tail) else -1
        table = tail[pos + 27 : pos + 27 + count] if count >= 0 else b""
        if count >= 0 and len(table) == count and pos + 27 + count + sum(table) == len(tail):
            granule = struct.unpack_from("<q", tail, pos + 6)[0]
            return float(granule - pre_skip) / 48000.0
        pos = tail.rfind(b"OggS", 0, pos)
    raise AssertionError(f"{path.name}: no final Ogg page")


def track_files() -> list[Path]:
    return sorted(AUDIO.glob("*.json"))


def load(meta_file: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(meta_file.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("meta_file", track_files(), ids=lambda p: p.stem)
def test_track_matches_its_audio(meta_file: Path) -> None:
    meta = load(meta_file)
    assert meta["id"] == meta_file.stem
    assert meta["file"] == f"{meta['id']}.opus"
    audio = AUDIO / meta["file"]
    assert audio.is_file()
    duration = ogg_opus_duration(audio)
    assert abs(float(meta["duration"]) - duration) <= 1.0
    for key in ("title", "description", "render_hash"):
        assert isinstance(meta[key], str) and meta[key]
    assert meta["weeks"] and all(1 <= week <= 8 for week in meta["weeks"])

    cues = meta["cues"]
    assert cues
    previous_end = 0.0
    for cue in cues:
        assert cue["text"].strip()
        assert previous_end <= cue["start"] < cue["end"] <= duration
        previous_end = cue["end"]
    bells = meta["bells"]
    assert bells == sorted(bells)
    assert all(0.0 <= bell < duration for bell in bells)


def test_track_ids_are_the_script_ids() -> None:
    scripts = {path.stem for path in (AUDIO / "scripts").glob("*.txt")}
    tracks = {load(meta_file)["id"] for meta_file in track_files()}
    assert scripts
    assert tracks == scripts


def test_at_least_three_hours_of_practice() -> None:
    total = sum(ogg_opus_duration(AUDIO / load(m)["file"]) for m in track_files())
    assert total >= MIN_TOTAL_SECONDS


def test_timer_bell_exists() -> None:
    assert 4.0 <= ogg_opus_duration(AUDIO / "bell.opus") <= 8.0


def test_folder_stays_small() -> None:
    size = sum(path.stat().st_size for path in AUDIO.rglob("*") if path.is_file())
    assert size < MAX_FOLDER_BYTES
