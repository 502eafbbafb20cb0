"""Measure the bundled audio with ffmpeg and rewrite the table in assets/audio/README.md.

Usage: .venv/bin/python tools/measure_audio.py [--check] [--no-write]

For every assets/audio/*.opus: decoded duration, integrated loudness (EBU R128), true and
sample peak, and silences (silencedetect), among them the lead-in before the first sound.
Tracks with a JSON file also get their speech rate.
--check exits non-zero if a track's loudness is outside -19 +/- 1.5 LUFS or its JSON duration
differs from the measured one by more than a second.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
AUDIO_DIR = ROOT / "assets" / "audio"
README = AUDIO_DIR / "README.md"
BEGIN = "<!-- measure_audio:begin -->"
END = "<!-- measure_audio:end -->"

# Silence: every sample below -45 dBFS. Narration sits at -19 LUFS, so this is about 26 dB
# under the voice: the last of the bell's ring-out and the soft edges of words count as sound.
SILENCE_NOISE_DB = -45
# Gaps shorter than this inside a caption are the small stops in speech (consonants).
PHRASE_PAUSE_S = 0.3
TARGET_LUFS = -19.0
LUFS_TOLERANCE = 1.5
DURATION_TOLERANCE_S = 1.0
# A silence that starts this early is the track's lead-in (Opus decoding starts at 0).
LEAD_IN_START_S = 0.01


@dataclass
class Measurement:
    name: str
    size: int
    duration: float
    lufs: float
    true_peak: float
    sample_peak: float
    silences: list[tuple[float, float]]

    @property
    def longest_silence(self) -> float:
        return max((end - start for start, end in self.silences), default=0.0)

    @property
    def lead_in(self) -> float:
        """Seconds of silence before the first sound (0 if the file starts with sound)."""
        if self.silences and self.silences[0][0] <= LEAD_IN_START_S:
            return self.silences[0][1]
        return 0.0


def ffmpeg_exe() -> str:
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


def measure(path: Path) -> Measurement:
    chain = (
        f"silencedetect=noise={SILENCE_NOISE_DB}dB:d={PHRASE_PAUSE_S},"
        "ebur128=peak=true+sample:framelog=quiet"
    )
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostats", "-progress", "pipe:1", "-i", str(path)]
    cmd += ["-af", chain, "-f", "null", "-"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    times = re.findall(r"^out_time_us=(\d+)$", proc.stdout, re.M)
    if not times:
        raise RuntimeError(f"{path.name}: ffmpeg reported no duration")
    duration = int(times[-1]) / 1e6
    log = proc.stderr
    summary = log[log.rindex("Summary:") :]

    def number(pattern: str) -> float:
        found = re.search(pattern, summary, re.S)
        if found is None:
            raise RuntimeError(f"{path.name}: cannot find {pattern!r} in ebur128 summary")
        return float(found[1])

    silences: list[tuple[float, float]] = []
    start: float | None = None
    for kind, value in re.findall(r"silence_(start|end): (-?[\d.]+)", log):
        if kind == "start":
            start = max(0.0, float(value))
        elif start is not None:
            silences.append((start, float(value)))
            start = None
    if start is not None:
        silences.append((start, duration))
    return Measurement(
        name=path.stem,
        size=path.stat().st_size,
        duration=duration,
        lufs=number(r"I:\s+(-?[\d.]+) LUFS"),
        true_peak=number(r"True peak:\s+Peak:\s+(-?[\d.]+)"),
        sample_peak=number(r"Sample peak:\s+Peak:\s+(-?[\d.]+)"),
        silences=silences,
    )


def speaking_rate(meta: dict[str, Any]) -> float:
    """Words per minute while speaking: words over the captions' time, from the JSON cues.

    Each caption runs from its first word to its last, so the silences between the sentences
    of one line count; the gap after each line, [pause] silences and bells do not.
    """
    cues = meta["cues"]
    words = sum(len(cue["text"].split()) for cue in cues)
    span = sum(cue["end"] - cue["start"] for cue in cues)
    return 60.0 * words / span


def articulation_rate(meta: dict[str, Any], m: Measurement) -> float:
    """Words per minute of sounding speech: words over the time inside captions that ffmpeg
    hears as sound (silences of PHRASE_PAUSE_S or more, such as between sentences, left out).
    """
    cues = meta["cues"]
    words = sum(len(cue["text"].split()) for cue in cues)
    span = sum(cue["end"] - cue["start"] for cue in cues)
    quiet = 0.0
    for cue in cues:
        for start, end in m.silences:
            quiet += max(0.0, min(end, cue["end"]) - max(start, cue["start"]))
    return 60.0 * words / (span - quiet)


def minutes(seconds: float) -> str:
    whole_minutes, rest = divmod(round(seconds), 60)
    return f"{whole_minutes}:{rest:02d}"


def table(rows: list[tuple[dict[str, Any], Measurement]], bell: Measurement | None) -> str:
    lines = [
        "| id | title | duration | target | loudness | true peak | lead-in | longest silence "
        "| speaking | articulation | size |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    total_seconds = 0.0
    total_size = 0
    for meta, m in rows:
        target = meta.get("target_minutes")
        lines.append(
            f"| {meta['id']} | {meta['title']} | {minutes(m.duration)} "
            f"| {f'{target:g} min' if target else ''} | {m.lufs:.1f} LUFS "
            f"| {m.true_peak:.1f} dBTP | {m.lead_in:.1f} s | {m.longest_silence:.0f} s "
            f"| {speaking_rate(meta):.0f} wpm | {articulation_rate(meta, m):.0f} wpm "
            f"| {m.size / 1e6:.1f} MB |"
        )
        total_seconds += m.duration
        total_size += m.size
    if bell is not None:
        lines.append(
            f"| bell | The bell alone (timer) | {bell.duration:.1f} s | | {bell.lufs:.1f} LUFS "
            f"| {bell.true_peak:.1f} dBTP | | | | | {bell.size / 1e3:.0f} kB |"
        )
        total_size += bell.size
    lines.append(
        f"| **total** | {len(rows)} tracks | **{total_seconds / 3600:.2f} h** | | | | | | | "
        f"| **{total_size / 1e6:.1f} MB** |"
    )
    return "\n".join(lines)


def target_minutes(track_id: str) -> float | None:
    script = AUDIO_DIR / "scripts" / f"{track_id}.txt"
    if not script.exists():
        return None
    found = re.search(r"^target_minutes\s*=\s*([\d.]+)", script.read_text("utf-8"), re.M)
    return float(found[1]) if found else None


def rewrite_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    if BEGIN not in readme or END not in readme:
        raise SystemExit(f"{README}: markers {BEGIN} / {END} not found")
    head, rest = readme.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on loudness/duration drift")
    parser.add_argument("--no-write", action="store_true", help="do not rewrite the README")
    args = parser.parse_args(argv)

    rows: list[tuple[dict[str, Any], Measurement]] = []
    bell: Measurement | None = None
    problems: list[str] = []
    for path in sorted(AUDIO_DIR.glob("*.opus")):
        m = measure(path)
        meta_path = path.with_suffix(".json")
        if not meta_path.exists():
            if path.stem == "bell":
                bell = m
            else:
                problems.append(f"{path.name}: no {meta_path.name}")
            print(f"{path.stem:28} {m.duration:8.1f} s {m.lufs:6.1f} LUFS {m.true_peak:5.1f} dBTP")
            continue
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["target_minutes"] = target_minutes(path.stem)
        rows.append((meta, m))
        off = ""
        if meta["target_minutes"]:
            off = f"{100 * (m.duration / 60 / meta['target_minutes'] - 1):+4.0f}% of target"
        print(
            f"{path.stem:28} {m.duration:8.1f} s {m.lufs:6.1f} LUFS {m.true_peak:5.1f} dBTP "
            f"lead-in {m.lead_in:3.1f} s  silence<={m.longest_silence:4.0f} s  "
            f"speaking {speaking_rate(meta):3.0f} wpm  "
            f"artic {articulation_rate(meta, m):3.0f} wpm  {off}"
        )
        if abs(m.lufs - TARGET_LUFS) > LUFS_TOLERANCE:
            problems.append(
                f"{path.name}: {m.lufs:.1f} LUFS, outside {TARGET_LUFS}±{LUFS_TOLERANCE}"
            )
        if abs(float(meta["duration"]) - m.duration) > DURATION_TOLERANCE_S:
            problems.append(
                f"{path.name}: JSON duration {meta['duration']} s, measured {m.duration:.2f} s"
            )
        if m.true_peak > 0.0:
            problems.append(f"{path.name}: true peak {m.true_peak:.1f} dBTP clips")

    if not args.no_write:
        rewrite_readme(table(rows, bell))
        print(f"updated {README.relative_to(ROOT)}")
    for problem in problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
