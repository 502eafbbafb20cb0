"""The practice-script parser: a good script, and every error names its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from mindful_desktop.audio.script_format import Bell, Pause, Say, load_script, parse_script

SCRIPTS = Path(__file__).resolve().parents[2] / "assets" / "audio" / "scripts"

FRONT = """+++
id = "breath"
title = "Mindfulness of the breath"
description = "Ten minutes resting attention on the breath."
weeks = [2, 3]
target_minutes = 10
+++
"""

GOOD = (
    FRONT
    + """[bell]
[pause 4]
# A comment, then a blank line.

Welcome.   Find a way of sitting that feels steady.
[pause 2.5]
Breathing in,  and breathing out.
[bell]
"""
)


def test_good_script() -> None:
    script = parse_script(GOOD, "breath.txt")
    assert script.id == "breath"
    assert script.title == "Mindfulness of the breath"
    assert script.description == "Ten minutes resting attention on the breath."
    assert script.weeks == [2, 3]
    assert script.target_minutes == 10.0
    assert script.cues == [
        Bell(),
        Pause(4.0),
        Say("Welcome. Find a way of sitting that feels steady."),
        Pause(2.5),
        Say("Breathing in, and breathing out."),
        Bell(),
    ]
    assert script.narration == [
        "Welcome. Find a way of sitting that feels steady.",
        "Breathing in, and breathing out.",
    ]


def test_load_script_checks_the_file_name(tmp_path: Path) -> None:
    good = tmp_path / "breath.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert load_script(good).id == "breath"
    misnamed = tmp_path / "other.txt"
    misnamed.write_text(GOOD, encoding="utf-8")
    with pytest.raises(ValueError, match=rf"^{misnamed}:2: id 'breath' does not match"):
        load_script(misnamed)


def test_bundled_scripts_parse() -> None:
    paths = sorted(SCRIPTS.glob("*.txt"))
    assert paths
    for path in paths:
        script = load_script(path)
        assert script.narration
        assert any(isinstance(cue, Bell) for cue in script.cues)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "must start with a '\\+\\+\\+' line"),
        ("[bell]\nHello.\n", 1, "must start with"),
        ('+++\nid = "breath"\n[bell]\n', 1, "never closed"),
        ('+++\nid = "breath"\ntitle = \n+++\nHello.\n', 3, "not valid TOML"),
        (FRONT.replace("weeks = [2, 3]\n", ""), 6, "missing 'weeks'"),
        ('+++\nid = "breath"\nid = "again"\n+++\nHello.\n', 3, "not valid TOML"),
        (FRONT.replace("weeks = [2, 3]", "weeks = [2, 3]\nlength = 3") + "Hi.\n", 6, "unknown"),
        (FRONT.replace('"breath"', '"Breath Space"') + "Hi.\n", 2, "id must be lowercase"),
        (FRONT.replace('title = "Mindfulness of the breath"', 'title = ""') + "Hi.\n", 3, "title"),
        (FRONT.replace("[2, 3]", "[0, 9]") + "Hi.\n", 5, "weeks must be"),
        (FRONT.replace("[2, 3]", "[]") + "Hi.\n", 5, "weeks must be"),
        (FRONT.replace("= 10", '= "ten"') + "Hi.\n", 6, "target_minutes"),
        (FRONT.replace("= 10", "= 0") + "Hi.\n", 6, "target_minutes"),
        (FRONT + "Hello.\n[pause]\n", 9, "written '\\[pause N\\]'"),
        (FRONT + "Hello.\n\n[pause soon]\n", 10, "'soon' is not a number"),
        (FRONT + "Hello.\n[pause -3]\n", 9, "must be positive"),
        (FRONT + "Hello.\n[pause nan]\n", 9, "must be positive"),
        (FRONT + "Hello.\n# fine\n[gong]\n", 10, "unknown cue '\\[gong\\]'"),
        (FRONT + "Hello.\n+++\n", 9, "unexpected '\\+\\+\\+'"),
        (FRONT + "[bell]\n[pause 3]\n", 9, "no narration"),
    ],
)
def test_errors_name_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ValueError, match=rf"^scripts/x\.txt:{line}: .*{message}"):
        parse_script(text, "scripts/x.txt")
