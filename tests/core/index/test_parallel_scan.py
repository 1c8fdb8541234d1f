"""Reading posts on two cores gives exactly the entries one core gives."""

import os
from pathlib import Path

import pytest

from editor.core.index import parallel_scan, two_processes
from editor.core.index.post_entry import PathMaker
from editor.core.index.post_scan import ScanContext
from editor.core.site.post_files import walk_posts
from editor.core.site.site import Site

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "sites" / "problems"


def _summary(entries: list) -> list[tuple]:
    return [
        (e.path, e.rel_path, e.title, e.date, e.author, e.categories, e.tags, e.image, e.layout,
         e.draft, e.published, e.mtime_ns, e.size, str(e.problem), type(e.problem))
        for e in entries
    ]  # fmt: skip


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork() is POSIX only")
def test_forked_helper_gives_the_same_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    site = Site.open(FIXTURE)
    context = ScanContext(str(site.root), site.zone, site.config, PathMaker(site.root))
    files = walk_posts(str(site.root))
    serial = parallel_scan.scan_all(files, context)
    monkeypatch.setattr(parallel_scan, "MIN_FILES", 2)
    monkeypatch.setattr(parallel_scan, "can_fork", lambda: True)
    monkeypatch.setattr(two_processes, "can_fork", lambda: True)
    forked = parallel_scan.scan_all(files, context, workers=2)
    assert _summary(forked) == _summary(serial)
    assert len(forked) == 13


def test_one_worker_never_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise AssertionError("forked")

    monkeypatch.setattr(os, "fork", no_fork)
    site = Site.open(FIXTURE)
    context = ScanContext(str(site.root), site.zone, site.config, PathMaker(site.root))
    assert len(parallel_scan.scan_all(walk_posts(str(site.root)), context)) == 13
