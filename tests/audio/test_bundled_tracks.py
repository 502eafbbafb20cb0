"""The rendered tracks in assets/audio agree with their JSON, their scripts and the size budget,
speak at an unhurried pace and start with a moment of silence before the bell."""

from __future__ import annotations

import array
import importlib.util
import json
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mindful_desktop.audio.processing import ffmpeg_exe
from mindful_desktop.audio.script_format import PACE_LIMITS, load_script

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


# --- pace and lead-in ---------------------------------------------------------------------

# Words per minute while speaking (words over the captions' time, from the JSON cues): calm
# guidance, well below conversation (about 150-160); the breathing spaces slower still.
MAX_SPEAKING_WPM = 130
MAX_BREATHING_SPACE_WPM = 110
LEAD_IN_S = (1.0, 2.0)
SILENCE_DBFS = -45.0


def render_defaults() -> dict[str, Any]:
    """The renderer's default Settings, read from tools/render_audio.py (not imported: it is a
    build-time tool, and importing it must not need piper)."""
    path = AUDIO.parents[1] / "tools" / "render_audio.py"
    if not path.is_file():
        pytest.skip("tools/ is not part of the sdist")
    spec = importlib.util.spec_from_file_location("render_audio_for_tests", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    try:
        spec.loader.exec_module(module)
        defaults: dict[str, Any] = module.Settings().as_dict()
    finally:
        del sys.modules[spec.name]
    return defaults


def speaking_wpm(meta: dict[str, Any]) -> float:
    words = sum(len(cue["text"].split()) for cue in meta["cues"])
    return 60.0 * words / sum(cue["end"] - cue["start"] for cue in meta["cues"])


@pytest.mark.parametrize("meta_file", track_files(), ids=lambda p: p.stem)
def test_track_was_rendered_at_its_scripts_pace(meta_file: Path) -> None:
    meta = load(meta_file)
    script = load_script(AUDIO / "scripts" / f"{meta['id']}.txt")
    defaults = render_defaults()
    for key in PACE_LIMITS:
        assert meta["settings"][key] == script.pace.get(key, defaults[key]), key
    assert meta["settings"]["lead_in_s"] == defaults["lead_in_s"]


@pytest.mark.parametrize("meta_file", track_files(), ids=lambda p: p.stem)
def test_narration_is_unhurried(meta_file: Path) -> None:
    meta = load(meta_file)
    limit = MAX_BREATHING_SPACE_WPM if meta["id"].startswith("breathing-space") else None
    assert speaking_wpm(meta) <= (limit or MAX_SPEAKING_WPM)


def test_the_breathing_spaces_set_a_slower_pace_than_the_default() -> None:
    defaults = render_defaults()
    for track_id in ("breathing-space", "breathing-space-responsive"):
        pace = load_script(AUDIO / "scripts" / f"{track_id}.txt").pace
        assert pace["length_scale"] > defaults["length_scale"]
        assert pace["sentence_silence_s"] > defaults["sentence_silence_s"]


@pytest.mark.parametrize("meta_file", track_files(), ids=lambda p: p.stem)
def test_the_first_bell_follows_a_lead_in(meta_file: Path) -> None:
    meta = load(meta_file)
    low, high = LEAD_IN_S
    assert meta["bells"] and low <= meta["bells"][0] <= high
    assert all(cue["start"] > meta["bells"][0] for cue in meta["cues"])


@pytest.mark.slow
@pytest.mark.parametrize("meta_file", track_files(), ids=lambda p: p.stem)
def test_the_rendered_file_is_silent_until_the_first_bell(meta_file: Path) -> None:
    """Decode the first seconds with ffmpeg: nothing above -45 dBFS before the bell's strike,
    which lands where the JSON says."""
    meta = load(meta_file)
    rate = 48000
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-t", "4"]
    cmd += ["-i", str(AUDIO / meta["file"]), "-f", "s16le", "-ac", "1", "-ar", str(rate), "-"]
    pcm = array.array("h", subprocess.run(cmd, capture_output=True, check=True).stdout)
    window = rate // 100  # 10 ms
    threshold = 32768 * 10 ** (SILENCE_DBFS / 20)
    onset = next(
        i * window / rate
        for i in range(len(pcm) // window)
        if max(abs(x) for x in pcm[i * window : (i + 1) * window]) > threshold
    )
    low, high = LEAD_IN_S
    assert low <= onset <= high
    assert abs(onset - meta["bells"][0]) <= 0.02


def test_week_6_sitting_gives_thoughts_the_longest_stage() -> None:
    """The lesson promises a longer stage on thoughts: here it is more than half the track."""
    meta = load(AUDIO / "sitting-thoughts.json")
    starts = [cue["start"] for cue in meta["cues"]]
    texts = [cue["text"] for cue in meta["cues"]]
    begin = next(s for s, t in zip(starts, texts, strict=True) if "to thinking itself" in t)
    end = next(s for s, t in zip(starts, texts, strict=True) if "wider awareness" in t)
    assert (end - begin) / meta["duration"] > 0.5
    assert meta["weeks"][0] == 6
