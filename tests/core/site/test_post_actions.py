"""Publishing drafts, renaming to match, excerpts from the first paragraph, warnings."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from editor.core.errors import StorageError
from editor.core.post.post import parse_post
from editor.core.site import post_actions
from editor.core.site.post_checks import check_post
from editor.core.site.site import Site
from editor.resources import resource_path


@pytest.fixture
def site(tmp_path: Path) -> Site:
    shutil.copytree(resource_path("sample-blog"), tmp_path / "blog")
    return Site.open(tmp_path / "blog")


def test_first_paragraph_skips_headings_and_markup() -> None:
    body = "\n## Intro\n\nA *fine* [walk](http://x) with `code`.[^1]\nSecond line.\n\nMore.\n"
    assert post_actions.first_paragraph(body) == "A fine walk with code. Second line."


def test_word_count_and_reading_time() -> None:
    assert post_actions.word_count("It's a walk — to the top.") == 6
    assert post_actions.reading_minutes(0) == 0
    assert post_actions.reading_minutes(50) == 1
    assert post_actions.reading_minutes(1000) == 5


def test_publish_draft_moves_and_dates(site: Site) -> None:
    draft = site.drafts_dir / "first-frost-in-the-valley.md"
    post = parse_post(draft.read_bytes())
    now = dt.datetime(2025, 11, 2, 8, 15, 30, tzinfo=dt.UTC)
    new = post_actions.publish_draft(site, draft, post, now)
    assert new == site.posts_dir / "2025-11-02-first-frost-in-the-valley.md"
    assert not draft.exists()
    lines = new.read_text(encoding="utf-8").splitlines()
    assert lines[2:4] == ['title: "First Frost in the Valley"', "date: 2025-11-02T08:15:30"]


def test_rename_to_match_and_refuse_to_overwrite(site: Site) -> None:
    path = site.posts_dir / "2025-03-08-walking-the-fjord-path-in-early-spring.md"
    post = parse_post(path.read_bytes(), zone=site.zone)
    post.set("title", "Fjord Path")
    post.set("date", dt.datetime(2025, 3, 9, 9, 0, tzinfo=dt.UTC))
    assert post_actions.name_date_mismatch(site, path, post) == dt.date(2025, 3, 8)
    warnings = check_post(site, post, path, now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert [w.kind for w in warnings] == ["name-date"]
    (site.posts_dir / "2025-03-09-fjord-path.md").write_text("taken", encoding="utf-8")
    with pytest.raises(StorageError):
        post_actions.rename_to_match(site, path, post)
    (site.posts_dir / "2025-03-09-fjord-path.md").unlink()
    new = post_actions.rename_to_match(site, path, post)
    assert new.name == "2025-03-09-fjord-path.md" and new.is_file() and not path.exists()


def test_warnings(site: Site) -> None:
    path = site.posts_dir / "2025-06-02-packing-light-the-7-kg-rucksack.md"
    post = parse_post(path.read_bytes(), zone=site.zone)
    post.set("author", "nobody")
    post.set("image", "assets/images/missing.jpg")
    post.set("published", False)
    post.set("date", dt.datetime(2030, 6, 2, tzinfo=dt.UTC))
    kinds = [
        w.kind for w in check_post(site, post, path, now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    ]
    assert kinds == ["future", "unpublished", "name-date", "author", "image"]
