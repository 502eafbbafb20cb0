"""One spelling throughout, lessons and screens alike: British "practise" for the verb and
"practice" for the noun (the app's own majority usage when this was chosen).

Scanned: every lesson (front matter included: summaries and checklist items are shown), the
worksheets, the bundled practices' titles and descriptions, every string in the source (what
the screens say, and docstrings with them), the README and the docs.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from mindful_desktop.domain.content import split_front_matter
from mindful_desktop.paths import assets_dir

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "mindful_desktop"

# The American verb forms, and "practice" where only the verb can stand.
WRONG = [
    re.compile(r"\bpractic(ed|ing)\b", re.IGNORECASE),
    re.compile(
        r"\b(to|you|we|i|they|who|will|would|should|could|can|can't|cannot|might|may|must|"
        r"don't|didn't|doesn't|we'll|you'll|i'll|let's|and then) practice\b(?![-_])",
        re.IGNORECASE,
    ),
    re.compile(r"\bpractice (them|seeing|turning|standing|allowing|noticing)\b", re.IGNORECASE),
    # ... and the British verb's spelling used for the noun.
    re.compile(
        r"\b(the|a|an|your|my|our|their|this|that|daily|regular|home|of|formal|guided) practise\b",
        re.IGNORECASE,
    ),
]
# Where the noun follows a word that could come before the verb.
NOUN_AFTER = re.compile(
    r"\b(back|return|returning|new|key|close|welcome|turn|turning|way back|"
    r"come back|coming back) to practice\b|\bwill practice look like\b",
    re.IGNORECASE,
)


def _problems(text: str) -> list[str]:
    allowed = [m.span() for m in NOUN_AFTER.finditer(text)]
    found = []
    for pattern in WRONG:
        for match in pattern.finditer(text):
            if any(a <= match.start() < b for a, b in allowed):
                continue
            found.append(text[max(0, match.start() - 30) : match.end() + 30].replace("\n", " "))
    return found


def _source_strings(path: Path) -> str:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    return "\n".join(parts)


def _shown_from_scripts() -> str:
    parts = []
    for script in sorted((assets_dir() / "audio" / "scripts").glob("*.txt")):
        meta, _ = split_front_matter(script.read_text(encoding="utf-8"), script.name)
        parts += [str(meta.get("title", "")), str(meta.get("description", ""))]
    return "\n".join(parts)


def _texts() -> list[tuple[str, str]]:
    lessons = sorted((assets_dir() / "lessons").glob("*"))
    texts = [
        (p.name, p.read_text(encoding="utf-8")) for p in lessons if p.suffix in (".md", ".toml")
    ]
    texts += [(str(p.relative_to(ROOT)), _source_strings(p)) for p in sorted(SOURCE.rglob("*.py"))]
    texts.append(("practice titles and descriptions", _shown_from_scripts()))
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        texts.append((doc.name, doc.read_text(encoding="utf-8")))
    return texts


TEXTS = _texts()


@pytest.mark.parametrize(("where", "text"), TEXTS, ids=[where for where, _ in TEXTS])
def test_practise_is_the_verb_and_practice_the_noun(where: str, text: str) -> None:
    assert _problems(text) == [], where


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The aim is to practice on six days.", True),
        ("people who practice MBCT", True),
        ("Any day you practice counts.", True),
        ("I practiced every day", True),
        ("keep practicing", True),
        ("your daily practise", True),
        ("The aim is to practise on six days.", False),
        ("Any day you practise counts as practice.", False),
        ("It is easy to come back to practice after a gap.", False),
        ("What will practice look like after the course?", False),
        ("Days practised this week", False),
        ("the practice_id column and the practice-plan worksheet", False),
    ],
)
def test_the_check_tells_the_verb_from_the_noun(text: str, wrong: bool) -> None:
    assert bool(_problems(text)) is wrong
