"""`byline list --no-cache` prints exactly what the index prints, with or without a helper."""

import importlib.util
import os
from pathlib import Path

import pytest

from editor.core.index import fresh_listing, two_processes
from editor.core.index.fresh_listing import fresh_listing as listing_of
from editor.core.index.listing import json_lines, text_lines
from editor.core.index.site_index import SiteIndex
from editor.core.site.site import Site

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "sites" / "problems"
PERF = Path(__file__).resolve().parents[2] / "perf" / "synthetic_site.py"


def _synthetic():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("synthetic_site", PERF)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _from_index(root: Path, *, drafts: bool, as_json: bool) -> bytes:
    entries = SiteIndex(Site.open(root), use_cache=False).entries(drafts=drafts)
    return (json_lines(entries) if as_json else text_lines(entries)).encode("utf-8")


@pytest.fixture
def big_site(tmp_path: Path) -> Path:
    root = _synthetic().write_site(tmp_path / "site", 300, body_words=20)
    drafts = root / "_drafts"
    drafts.mkdir()
    (drafts / "undated.md").write_text("---\ntitle: No date yet\n---\nSoon.\n")
    (drafts / "dated.md").write_text("---\ntitle: Dated draft\ndate: 2030-01-01\n---\n")
    # two posts at the same moment: the path decides, as in the index
    (root / "_posts" / "2020-02-02-a.md").write_text("---\ndate: 2020-02-02 10:00:00\n---\n")
    (root / "_posts" / "2020-02-02-b.md").write_text("---\ndate: 2020-02-02 10:00:00\n---\n")
    (root / "_posts" / "2020-02-02-c.md").write_text("---\ndate: 2020-02-02 10:00:00.5\n---\n")
    return root


@pytest.mark.parametrize("as_json", [True, False])
@pytest.mark.parametrize("drafts", [True, False])
def test_fixture_site_lists_as_the_index_does(drafts: bool, as_json: bool) -> None:
    fresh = listing_of(FIXTURE, drafts=drafts, as_json=as_json)
    assert fresh == _from_index(FIXTURE, drafts=drafts, as_json=as_json)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork() is POSIX only")
@pytest.mark.parametrize("as_json", [True, False])
@pytest.mark.parametrize("drafts", [True, False])
def test_shared_with_a_helper_lists_as_the_index_does(
    big_site: Path, monkeypatch: pytest.MonkeyPatch, drafts: bool, as_json: bool
) -> None:
    monkeypatch.setattr(fresh_listing, "MIN_FILES", 2)
    monkeypatch.setattr(fresh_listing, "JOBS", 7)
    monkeypatch.setattr(two_processes, "can_fork", lambda: True)
    fresh = listing_of(big_site, drafts=drafts, as_json=as_json)
    assert fresh == _from_index(big_site, drafts=drafts, as_json=as_json)
    assert fresh.count(b"_posts/") >= 303


def test_one_worker_reads_everything_here(big_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("forked")

    monkeypatch.setattr(os, "fork", no_fork)
    fresh = listing_of(big_site, drafts=True, as_json=True, workers=1)
    assert fresh == _from_index(big_site, drafts=True, as_json=True)


def test_an_empty_site_lists_nothing(tmp_path: Path) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: Empty\n")
    assert listing_of(tmp_path, drafts=True, as_json=True) == b"[]\n"
    assert listing_of(tmp_path, drafts=True, as_json=False) == b""
