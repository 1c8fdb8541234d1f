"""`byline list --no-cache`: every post read and its output made in one pass, in two processes.

Without a cache to write, nothing needs the index's entries once the lines are made: the
process that reads a post also writes its line, and only lines travel between processes.
The order and the lines are exactly those of `SiteIndex.entries()` through `listing`.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from pathlib import Path

from editor.core.index.listing import json_object, text_line
from editor.core.index.post_entry import PathMaker
from editor.core.index.post_scan import ScanContext, scan_entry
from editor.core.index.two_processes import shared_map
from editor.core.site.post_files import PostFile, walk_posts
from editor.core.site.site import Site

# (draft, date as sortable text or None, path relative to the site, the post's output)
Row = tuple[bool, str | None, str, bytes]
MIN_FILES = 2000  # below this, a helper process costs more than it saves
JOBS = 40  # parts the posts are read in, shared out between two processes as each is free


def fresh_listing(site_dir: str | Path, *, drafts: bool, as_json: bool, workers: int = 2) -> bytes:
    """What `byline list` prints (UTF-8), read from the posts themselves, newest first."""
    files, context = _prepare(site_dir)
    if workers < 2 or len(files) < MIN_FILES:
        return _output(_rows(files, context, as_json), drafts=drafts, as_json=as_json)
    rows = shared_map(files, lambda part: _rows(part, context, as_json), parts=JOBS)
    return _output(rows, drafts=drafts, as_json=as_json)


def _prepare(site_dir: str | Path) -> tuple[list[PostFile], ScanContext]:
    """The site's post files and what reading them needs."""
    site = Site.open(site_dir)
    exclude = site.config.raw.get("exclude")
    files = walk_posts(str(site.root), exclude if isinstance(exclude, list) else ())
    return files, ScanContext(str(site.root), site.zone, site.config, PathMaker(site.root))


def _rows(files: Sequence[PostFile], context: ScanContext, as_json: bool) -> list[Row]:
    line = json_object if as_json else text_line
    rows: list[Row] = []
    for file in files:
        entry = scan_entry(file, context)
        date = entry.date
        key = None
        if date is not None:
            # every date is in the site's zone, and the index compares them as wall-clock
            # times: the ISO text without its offset sorts the same way
            key = date.isoformat()
            key = key[:26] if key[19] == "." else key[:19]
        rows.append((entry.draft, key, entry.rel_path, line(entry).encode("utf-8")))
    return rows


def _output(rows: list[Row], *, drafts: bool, as_json: bool) -> bytes:
    """The listing's bytes, ordered as `SiteIndex.entries()` orders the posts."""
    if not drafts:
        rows = [r for r in rows if not r[0]]
    undated = sorted((r for r in rows if r[1] is None), key=_by_path, reverse=True)
    dated = sorted((r for r in rows if r[1] is not None), key=_by_date, reverse=True)
    lines = [r[3] for r in undated] + [r[3] for r in dated]
    if not as_json:
        return b"".join(lines)
    return b"[\n" + b",\n".join(lines) + b"\n]\n" if lines else b"[]\n"


_by_path = itemgetter(2)
_by_date = itemgetter(1, 2)
