"""The migration chain read straight from the files, so start-up needs no alembic import.

Alembic is imported only when the journal is behind the head revision (an upgrade) or new.
A test checks that this reading agrees with alembic's own `ScriptDirectory`.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

# `revision: str = "0004_journal"` / `down_revision = None`, at the start of a line.
_ASSIGN = re.compile(
    r"^(?P<name>revision|down_revision)\s*(?::[^=\n]*)?=\s*(?P<value>.+?)\s*(?:#.*)?$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class Chain:
    revisions: frozenset[str]
    head: str


def _assigned(source: str, name: str, filename: str) -> object:
    for match in _ASSIGN.finditer(source):
        if match.group("name") == name:
            return ast.literal_eval(match.group("value"))  # a literal: parsed, never run
    raise ValueError(f"{filename}: no {name} assignment")


def read_chain(versions_dir: Path) -> Chain:
    """Every revision id and the single head (the revision nothing points down to)."""
    down: dict[str, str | None] = {}
    for path in sorted(versions_dir.glob("*.py")):
        if path.name.startswith("_"):
            continue
        source = path.read_text(encoding="utf-8")
        revision = _assigned(source, "revision", path.name)
        parent = _assigned(source, "down_revision", path.name)
        if not isinstance(revision, str) or not (parent is None or isinstance(parent, str)):
            raise ValueError(f"{path.name}: revision ids must be strings")
        down[revision] = parent
    pointed_to = {parent for parent in down.values() if parent is not None}
    heads = [rev for rev in down if rev not in pointed_to]
    if len(heads) != 1:
        raise ValueError(f"the migrations must have exactly one head, found {sorted(heads)}")
    return Chain(frozenset(down), heads[0])
