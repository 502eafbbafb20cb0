"""The practice-script parser: a good script, and every error names its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from mindful_desktop.audio.script_format import (
    PACE_LIMITS,
    Bell,
    Pause,
    Say,
    load_script,
    parse_script,
)

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


def test_a_script_can_set_its_own_pace() -> None:
    paced = FRONT.replace(
        "target_minutes = 10\n",
        "target_minutes = 10\n\n# slower\n[pace]\nlength_scale = 1.8\ncue_gap_s = 2\n",
    )
    script = parse_script(paced + "Hello.\n", "breath.txt")
    assert script.pace == {"length_scale": 1.8, "cue_gap_s": 2.0}
    assert isinstance(script.pace["cue_gap_s"], float)
    assert parse_script(GOOD, "breath.txt").pace == {}


def test_every_pace_setting_has_a_range() -> None:
    assert set(PACE_LIMITS) == {"length_scale", "sentence_silence_s", "cue_gap_s"}
    assert all(0 < low < high for low, high in PACE_LIMITS.values())


def with_pace(*lines: str) -> str:
    """FRONT with a [pace] table (its header on line 7) holding `lines`, then one cue."""
    table = "[pace]\n" + "".join(f"{line}\n" for line in lines)
    return FRONT.replace("target_minutes = 10\n", "target_minutes = 10\n" + table) + "Hello.\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (with_pace("length_scale = 1.8", "speed = 2"), 9, "unknown pace setting 'speed'"),
        (with_pace("length_scale = 9"), 8, "length_scale must be a number from 0.8 to 2.5"),
        (with_pace("cue_gap_s = 0"), 8, "cue_gap_s must be a number from 0.2 to 5"),
        (with_pace('sentence_silence_s = "long"'), 8, "sentence_silence_s must be a number"),
        (with_pace("sentence_silence_s = true"), 8, "sentence_silence_s must be a number"),
        (with_pace("cue_gap_s = nan"), 8, "cue_gap_s must be a number"),
        (
            FRONT.replace("target_minutes = 10", "target_minutes = 10\npace = 1.5") + "Hi.\n",
            7,
            "pace must be a table",
        ),
        (
            FRONT.replace("target_minutes = 10", "target_minutes = 10\n[speed]\nx = 1") + "Hi.\n",
            7,
            "unknown front-matter key 'speed'",
        ),
    ],
)
def test_pace_errors_name_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ValueError, match=rf"^scripts/x\.txt:{line}: .*{message}"):
        parse_script(text, "scripts/x.txt")


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
