"""Slugs and file names: readable, short, never empty, never a path."""

import datetime as dt
from pathlib import Path

import pytest

from editor.core.post.slug import free_path, post_file_name, slugify, split_post_name


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Crème brûlée: 10 tips!", "creme-brulee-10-tips"),
        (
            "Latest: Crunch time in Alaska - Trump set to meet Putin in push for Ukraine peace",
            "latest-crunch-time-in-alaska-trump-set-to-meet-putin-in-push",
        ),
        ("Straße & Ærø", "strasse-and-aero"),
        ("日本語のタイトル", "日本語のタイトル"),
        ("Привет, мир", "привет-мир"),
        ("../../etc/passwd", "etc-passwd"),
        ("a\\b/c..d", "a-b-c-d"),
        ("", "untitled"),
        ("!!! ???", "untitled"),
        ("x" * 80, "x" * 60),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert "/" not in slug and "\\" not in slug and ".." not in slug


def test_names_and_free_paths(tmp_path: Path) -> None:
    assert post_file_name(dt.date(2025, 8, 14), "alaska") == "2025-08-14-alaska.md"
    assert split_post_name("2025-08-14-alaska") == (dt.date(2025, 8, 14), "alaska")
    assert split_post_name("2025-02-30-bad") == (None, "2025-02-30-bad")
    (tmp_path / "x.md").touch()
    (tmp_path / "x-2.md").touch()
    assert free_path(tmp_path, "x", ".md") == tmp_path / "x-3.md"
