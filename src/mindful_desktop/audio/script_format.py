"""Parse guided-practice scripts: TOML front matter, then one cue per line."""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["PACE_LIMITS", "Bell", "Cue", "Pause", "Say", "Script", "load_script", "parse_script"]

FENCE = "+++"
MAX_WEEK = 8
_PAUSE = re.compile(r"\[pause\s+(?P<value>[^\]\s]+)\s*\]")
_DIRECTIVE = re.compile(r"\[\s*(?P<name>[^\]\s]*)")
_TOML_LINE = re.compile(r"at line (?P<line>\d+)")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_KEYS = ("id", "title", "description", "weeks", "target_minutes")
_OPTIONAL_KEYS = ("pace",)
# The renderer settings a script may set for itself in its optional [pace] table, with the
# range each must lie in: the voice's slowness (piper's length_scale, larger is slower) and
# the silences, in seconds, between the sentences of one line and after each line.
PACE_LIMITS: dict[str, tuple[float, float]] = {
    "length_scale": (0.8, 2.5),
    "sentence_silence_s": (0.2, 5.0),
    "cue_gap_s": (0.2, 5.0),
}


@dataclass(frozen=True, slots=True)
class Bell:
    """Strike the soft bell."""


@dataclass(frozen=True, slots=True)
class Pause:
    """Silence for a number of seconds."""

    seconds: float


@dataclass(frozen=True, slots=True)
class Say:
    """One narration cue: spoken, and shown as one caption."""

    text: str


Cue = Bell | Pause | Say


@dataclass(frozen=True, slots=True)
class Script:
    """A parsed practice script."""

    id: str
    title: str
    description: str
    weeks: list[int]
    target_minutes: float
    cues: list[Cue]
    # Render settings this script overrides (keys of PACE_LIMITS); empty: the defaults.
    pace: dict[str, float] = field(default_factory=dict)

    @property
    def narration(self) -> list[str]:
        """The narration lines, in order."""
        return [cue.text for cue in self.cues if isinstance(cue, Say)]


def load_script(path: Path) -> Script:
    """Read and parse one script file; its id must match the file name."""
    text = path.read_text(encoding="utf-8")
    return parse_script(text, source=str(path), expected_id=path.stem)


def parse_script(text: str, source: str = "<script>", expected_id: str | None = None) -> Script:
    """Parse the text of a script; any problem raises ValueError naming source and line."""
    return _Parser(text.splitlines(), source).parse(expected_id)


class _Parser:
    """One parse of one script; remembers where things are so errors can point at a line."""

    def __init__(self, lines: list[str], source: str) -> None:
        self.lines = lines
        self.source = source
        self.close = 0

    def error(self, line_no: int, message: str) -> ValueError:
        return ValueError(f"{self.source}:{line_no}: {message}")

    def parse(self, expected_id: str | None) -> Script:
        lines = self.lines
        if not lines or lines[0].strip() != FENCE:
            raise self.error(1, f"a script must start with a '{FENCE}' line (TOML front matter)")
        close = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
        if close is None:
            raise self.error(1, f"the front matter opened here is never closed with '{FENCE}'")
        self.close = close
        meta = self.front_matter()

        for key in meta:
            if key not in _KEYS + _OPTIONAL_KEYS:
                raise self.error(self.key_line(key), f"unknown front-matter key {key!r}")
        for key in _KEYS:
            if key not in meta:
                raise self.error(close + 1, f"the front matter is missing {key!r}")

        script_id = meta["id"]
        if not isinstance(script_id, str) or not _ID.fullmatch(script_id):
            raise self.error(
                self.key_line("id"), "id must be lowercase words joined by '-', e.g. 'body-scan'"
            )
        if expected_id is not None and script_id != expected_id:
            raise self.error(
                self.key_line("id"),
                f"id {script_id!r} does not match the file name {expected_id!r}",
            )
        texts: dict[str, str] = {}
        for key in ("title", "description"):
            value = meta[key]
            if not isinstance(value, str) or not value.strip():
                raise self.error(self.key_line(key), f"{key} must be a non-empty string")
            texts[key] = " ".join(value.split())
        weeks = meta["weeks"]
        if not (
            isinstance(weeks, list)
            and weeks
            and all(type(w) is int and 1 <= w <= MAX_WEEK for w in weeks)
        ):
            raise self.error(
                self.key_line("weeks"), f"weeks must be a non-empty list of weeks 1 to {MAX_WEEK}"
            )
        target = meta["target_minutes"]
        if not (isinstance(target, int | float) and not isinstance(target, bool)) or not (
            math.isfinite(target) and target > 0
        ):
            raise self.error(
                self.key_line("target_minutes"), "target_minutes must be a positive number"
            )

        pace = self.pace(meta.get("pace", {}))
        cues = self.cues()
        return Script(
            id=script_id,
            title=texts["title"],
            description=texts["description"],
            weeks=[int(w) for w in weeks],
            target_minutes=float(target),
            cues=cues,
            pace=pace,
        )

    def pace(self, table: object) -> dict[str, float]:
        """The optional [pace] table: known keys only, each a number within its range."""
        if not isinstance(table, dict):
            raise self.error(self.key_line("pace"), "pace must be a table: a '[pace]' section")
        pace: dict[str, float] = {}
        for key, value in table.items():
            line = self.key_line(key, within="pace")
            if key not in PACE_LIMITS:
                known = ", ".join(PACE_LIMITS)
                raise self.error(line, f"unknown pace setting {key!r} (known: {known})")
            low, high = PACE_LIMITS[key]
            if (
                not isinstance(value, int | float)
                or isinstance(value, bool)
                or not (math.isfinite(value) and low <= value <= high)
            ):
                raise self.error(line, f"pace {key} must be a number from {low:g} to {high:g}")
            pace[key] = float(value)
        return pace

    def front_matter(self) -> dict[str, object]:
        try:
            return tomllib.loads("\n".join(self.lines[1 : self.close]))
        except tomllib.TOMLDecodeError as exc:
            found = _TOML_LINE.search(str(exc))
            # The TOML body starts on the file's second line; "at end of document" is its last.
            line_no = int(found["line"]) + 1 if found else self.close
            raise self.error(line_no, f"the front matter is not valid TOML: {exc}") from None

    def key_line(self, key: str, within: str | None = None) -> int:
        """The line of `key = ...` (inside the `[within]` table if given), or of `[key]`."""
        pattern = re.compile(rf"\s*(?:{re.escape(key)}\s*=|\[\s*{re.escape(key)}\s*\])")
        table: str | None = None
        for index in range(1, self.close):
            line = self.lines[index]
            header = re.match(r"\s*\[\s*([^\]\s]+)\s*\]", line)
            if header and within is not None:
                table = header[1]
                continue
            if (within is None or table == within) and pattern.match(line):
                return index + 1
        return self.close + 1

    def cues(self) -> list[Cue]:
        cues: list[Cue] = []
        for index in range(self.close + 1, len(self.lines)):
            line = self.lines[index].strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                cues.append(self.directive(line, index + 1))
            elif line == FENCE:
                raise self.error(index + 1, f"unexpected '{FENCE}' after the front matter")
            else:
                cues.append(Say(" ".join(line.split())))
        if not any(isinstance(cue, Say) for cue in cues):
            raise self.error(max(len(self.lines), 1), "the script has no narration")
        return cues

    def directive(self, line: str, line_no: int) -> Cue:
        if line == "[bell]":
            return Bell()
        pause = _PAUSE.fullmatch(line)
        if pause:
            value = pause["value"]
            try:
                seconds = float(value)
            except ValueError:
                raise self.error(line_no, f"pause length {value!r} is not a number") from None
            if not (math.isfinite(seconds) and seconds > 0):
                raise self.error(line_no, f"pause length must be positive seconds, not {value!r}")
            return Pause(seconds)
        name = _DIRECTIVE.match(line)
        if name and name["name"] == "pause":
            raise self.error(line_no, "a pause is written '[pause N]', with N in seconds")
        shown = name["name"] if name else line
        raise self.error(line_no, f"unknown cue '[{shown}]': expected '[bell]' or '[pause N]'")
