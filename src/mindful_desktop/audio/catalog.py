"""The library of practices: bundled tracks (audio + JSON from the renderer) and recordings."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class Track:
    id: str
    title: str
    description: str
    duration_s: float
    path: Path
    weeks: tuple[int, ...] = ()
    cues: tuple[Cue, ...] = field(default=(), repr=False)
    bundled: bool = True

    @property
    def minutes(self) -> int:
        return max(1, round(self.duration_s / 60))

    def cue_at(self, seconds: float) -> Cue | None:
        """The caption for a moment, or None in a silence."""
        lo, hi = 0, len(self.cues)
        while lo < hi:  # cues are in order: binary search
            mid = (lo + hi) // 2
            if self.cues[mid].end <= seconds:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.cues) and self.cues[lo].start <= seconds < self.cues[lo].end:
            return self.cues[lo]
        return None


def load_bundled_tracks(audio_dir: Path) -> list[Track]:
    """Every `<id>.json` written by tools/render_audio.py, in the order of the course."""
    tracks = []
    for meta_file in sorted(audio_dir.glob("*.json")):
        data = json.loads(meta_file.read_text(encoding="utf-8"))
        tracks.append(
            Track(
                id=str(data["id"]),
                title=str(data["title"]),
                description=str(data.get("description", "")),
                duration_s=float(data["duration"]),
                path=audio_dir / str(data.get("file", f"{data['id']}.opus")),
                weeks=tuple(int(w) for w in data.get("weeks", [])),
                cues=tuple(
                    Cue(float(c["start"]), float(c["end"]), str(c["text"]))
                    for c in data.get("cues", [])
                ),
            )
        )
    tracks.sort(key=lambda t: (min(t.weeks) if t.weeks else 99, t.duration_s))
    return tracks
