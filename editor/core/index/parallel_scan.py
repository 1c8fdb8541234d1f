"""Reading many posts on two cores: a forked child reads about half and sends back the entries.

Only for a fresh process with one thread (the command line): see `two_processes`.
Elsewhere `scan_all` reads everything itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from editor.core.index import index_cache
from editor.core.index.post_entry import PostEntry
from editor.core.index.post_scan import ScanContext, scan_entry
from editor.core.index.two_processes import can_fork, shared_map
from editor.core.site.post_files import PostFile

MIN_FILES = 2000  # below this, a helper process costs more than it saves
JOBS = 40  # parts the files are read in, shared out between two processes as each is free

__all__ = ["can_fork", "scan_all"]


def scan_all(
    files: list[PostFile],
    context: ScanContext,
    *,
    workers: int = 1,
    scan: Callable[[PostFile, ScanContext], PostEntry] = scan_entry,
) -> list[PostEntry]:
    """An entry for every file, in order; with `workers` > 1, a helper process reads some."""
    if workers < 2 or len(files) < MIN_FILES or not can_fork():
        return [scan(f, context) for f in files]

    def pack(entries: list[PostEntry]) -> list[Any]:
        return [index_cache.row(e) for e in entries]

    def unpack(rows: list[Any], part: Sequence[PostFile]) -> list[PostEntry]:
        by_rel = index_cache.entries_from_rows(rows, context.make_path, context.zone)
        return [by_rel[f.rel_path] for f in part]

    def read(part: Sequence[PostFile]) -> list[PostEntry]:
        return [scan(f, context) for f in part]

    return shared_map(files, read, parts=JOBS, pack=pack, unpack=unpack)
