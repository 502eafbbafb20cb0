"""The migration chain read straight from the files, so start-up needs no alembic import.

Alembic is imported only when the journal is behind the head revision (an upgrade) or new.
A test checks that this reading agrees with alembic's own `ScriptDirectory`.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Chain:
    revisions: frozenset[str]
    head: str


def _assigned(tree: ast.Module, name: str) -> object:
    for node in tree.body:
        target = None
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            target, value = node.target.id, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            first = node.targets[0]
            target, value = (first.id if isinstance(first, ast.Name) else None), node.value
        if target == name and value is not None:
            return ast.literal_eval(value)
    raise ValueError(f"no {name} assignment")


def read_chain(versions_dir: Path) -> Chain:
    """Every revision id and the single head (the revision nothing points down to)."""
    down: dict[str, str | None] = {}
    for path in sorted(versions_dir.glob("*.py")):
        if path.name.startswith("_"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        revision = _assigned(tree, "revision")
        parent = _assigned(tree, "down_revision")
        if not isinstance(revision, str) or not (parent is None or isinstance(parent, str)):
            raise ValueError(f"{path.name}: revision ids must be strings")
        down[revision] = parent
    pointed_to = {parent for parent in down.values() if parent is not None}
    heads = [rev for rev in down if rev not in pointed_to]
    if len(heads) != 1:
        raise ValueError(f"the migrations must have exactly one head, found {sorted(heads)}")
    return Chain(frozenset(down), heads[0])
