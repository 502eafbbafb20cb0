"""The parsed-TOML cache: the same course from the cache as from the files, never stale."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from mindful_desktop.domain.toml_cache import TomlCache
from mindful_desktop.paths import AppPaths, assets_dir
from mindful_desktop.services.context import load_content
from mindful_desktop.services.course import load_bundled_course


def test_a_second_start_parses_nothing_and_gets_the_same_course(tmp_path: Path) -> None:
    path = tmp_path / "content.json"
    first = TomlCache(path)
    course = load_bundled_course(assets_dir(), first)
    first.save()
    assert first.misses > 10 and path.exists()
    second = TomlCache(path)
    assert load_bundled_course(assets_dir(), second) == course
    assert second.misses == 0
    assert course == load_bundled_course(assets_dir())  # and the same as with no cache


def test_changed_text_is_a_miss_and_old_entries_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "content.json"
    cache = TomlCache(path)
    assert cache.loads('title = "one"') == {"title": "one"}
    cache.save()
    cache = TomlCache(path)
    assert cache.loads('title = "two"') == {"title": "two"}
    assert cache.misses == 1
    cache.save()
    assert list(json.loads(path.read_text())["entries"]) == ['title = "two"']


@pytest.mark.parametrize("stored", ["", "{not json", '{"version": 99, "entries": {}}', "[1]"])
def test_a_damaged_or_foreign_cache_is_ignored(tmp_path: Path, stored: str) -> None:
    path = tmp_path / "content.json"
    path.write_text(stored)
    cache = TomlCache(path)
    assert cache.loads("x = 1") == {"x": 1} and cache.misses == 1
    cache.save()
    assert TomlCache(path).loads("x = 1") == {"x": 1}


def test_bad_toml_still_raises_and_dates_are_not_kept(tmp_path: Path) -> None:
    cache = TomlCache(tmp_path / "content.json")
    with pytest.raises(tomllib.TOMLDecodeError):
        cache.loads("x = ")
    assert "when" in cache.loads("when = 2026-12-05")
    cache.save()
    assert not (tmp_path / "content.json").exists()  # nothing JSON can hold was used


def test_a_cache_that_cannot_be_written_only_costs_the_parse(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data").ensure()
    paths.cache_dir.write_text("a file where the folder would go")  # fails even for root
    assert load_content(paths) == load_bundled_course(assets_dir())
    assert paths.cache_dir.read_text() == "a file where the folder would go"
    assert not list(paths.data_dir.glob("**/*.tmp"))


def test_the_cache_never_makes_the_data_folder(tmp_path: Path) -> None:
    cache = TomlCache(tmp_path / "missing" / "cache" / "content.json")
    cache.loads("x = 1")
    cache.save()
    assert not (tmp_path / "missing").exists()


def test_the_app_keeps_it_in_the_data_folders_cache(paths: AppPaths) -> None:
    load_content(paths.ensure())
    assert (paths.cache_dir / "content.json").exists()
