"""Parsed TOML kept between starts, so the bundled lessons' front matter costs a JSON read.

`tomllib` is pure Python: the lessons, worksheets and practice scripts take ~6 ms to parse
at every start. The cache is keyed by the TOML text itself, so an edited or updated file is
simply a miss and nothing can go stale. It is JSON (never pickle), holds only bundled
content, and keeps only what the last start used. Any trouble reading or writing it is
ignored: the files are then parsed as before.
"""

from __future__ import annotations

import json
import logging
import os
import tomllib
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_VERSION = 1


class TomlCache:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._stored: dict[str, dict[str, Any]] = self._read() if path is not None else {}
        self._used: dict[str, dict[str, Any]] = {}
        self.misses = 0

    def _read(self) -> dict[str, dict[str, Any]]:
        assert self.path is not None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != _VERSION:
            return {}
        entries = data.get("entries")
        if not isinstance(entries, dict):
            return {}
        return {k: v for k, v in entries.items() if isinstance(v, dict)}

    def loads(self, text: str) -> dict[str, Any]:
        """`tomllib.loads(text)`, from the cache when this exact text was parsed before."""
        value = self._stored.get(text)
        if value is None:
            self.misses += 1
            value = tomllib.loads(text)  # TOMLDecodeError goes to the caller, as before
            try:
                json.dumps(value)
            except (TypeError, ValueError):  # a TOML date or time: not kept
                return value
        self._used[text] = value
        return value

    def save(self) -> None:
        """Keep what this start used, if it differs from what was stored."""
        if self.path is None or self._used.keys() == self._stored.keys():
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            self.path.parent.mkdir(mode=0o700, exist_ok=True)  # in the data folder, never making it
            tmp.write_text(
                json.dumps({"version": _VERSION, "entries": self._used}), encoding="utf-8"
            )
            os.replace(tmp, self.path)
        except OSError as exc:
            log.info("Could not keep the content cache (%s); lessons are parsed each start", exc)
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
