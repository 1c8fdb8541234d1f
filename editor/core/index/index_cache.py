"""The site index's persistent cache: one JSON file per site, keyed by path + mtime + size.

The cache only saves re-reading files: every entry is checked against the file's current
mtime and size before it is used, and anything odd about the cache file (another format,
another config, damage) means it is ignored and rebuilt.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from editor import __version__
from editor.core import errors
from editor.core.index.cache_files import cache_file as cache_file  # its old home
from editor.core.index.post_entry import PostEntry

FORMAT = 2
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICRO = dt.timedelta(microseconds=1)


def _problem_row(problem: errors.BylineError | None) -> list[Any] | None:
    if problem is None:
        return None
    return [type(problem).__name__, problem.message, problem.line, problem.column]


def _problem(row: list[Any], path: str) -> errors.BylineError:
    kind = getattr(errors, str(row[0]), None)
    if not (isinstance(kind, type) and issubclass(kind, errors.BylineError)):
        kind = errors.BylineError
    return kind(str(row[1]), path=path, line=row[2], column=row[3])


def row(entry: PostEntry) -> list[Any]:
    """One entry as a JSON-ready list (the cache's row format)."""
    date = entry.date
    return [
        entry.rel_path,
        entry.draft,
        entry.mtime_ns,
        entry.size,
        entry.title,
        None if date is None else (date - _EPOCH) // _MICRO,
        entry.author,
        entry.categories,
        entry.tags,
        entry.image,
        entry.layout,
        entry.published,
        entry.word_count,
        _problem_row(entry.problem),
    ]


def save(
    path: Path,
    fingerprint: dict[str, Any],
    entries: Iterable[PostEntry],
    folders: dict[str, int] | None = None,
) -> None:
    """Write the cache; a failure to write it is not an error (it is only a cache).

    `folders` are the post folders' mtimes when they were listed (None: list them again).
    """
    data = {"fingerprint": fingerprint, "folders": folders, "rows": [row(e) for e in entries]}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    from editor.core.safety.storage import atomic_write  # only when writing: keeps `list` quick

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, text.encode("utf-8"))
    except (OSError, errors.StorageError):
        pass


def entries_from_rows(
    rows: Iterable[list[Any]], make_path: Callable[[str], Path], zone: dt.tzinfo
) -> dict[str, PostEntry]:
    """Entries by site-relative path from rows made by `row()`."""
    out: dict[str, PostEntry] = {}
    fromtimestamp = dt.datetime.fromtimestamp
    for row in rows:
        (rel, draft, mtime_ns, size, title, date_us, author, cats, tags, image, layout,
         published, words, problem) = row  # fmt: skip
        # text shown as text must be text: a damaged row (a mapping as title) means the
        # whole cache is rebuilt, never shown or crashed on
        if (
            type(rel) is not str
            or type(title) is not str
            or type(cats) is not list
            or type(tags) is not list
            or type(author) is not str
            or (image is not None and type(image) is not str)
            or type(layout) is not str
            or not all(type(n) is str for n in cats)
            or not all(type(n) is str for n in tags)
        ):
            raise ValueError("a damaged cache row")
        full = make_path(rel)
        date = None
        if date_us is not None:
            seconds, micro = divmod(date_us, 1_000_000)
            date = fromtimestamp(seconds, zone)
            if micro:
                date = date.replace(microsecond=micro)
        if problem is not None:
            problem = _problem(problem, str(full))
        out[rel] = PostEntry(
            full, rel, title, date, author, tuple(cats), tuple(tags), image, layout,
            draft, published, words, problem, mtime_ns, size,
        )  # fmt: skip
    return out


def load(
    path: Path, fingerprint: dict[str, Any], make_path: Callable[[str], Path], zone: dt.tzinfo
) -> tuple[dict[str, PostEntry], dict[str, int] | None] | None:
    """(entries by site-relative path, folder mtimes), or None when there is no usable cache."""
    try:
        data = json.loads(path.read_bytes())
        if data.get("fingerprint") != fingerprint:
            return None
        folders = data.get("folders")
        if folders is not None and not all(type(m) is int for m in folders.values()):
            folders = None
        return entries_from_rows(data["rows"], make_path, zone), folders
    except (OSError, ValueError, TypeError, KeyError, AttributeError, OverflowError):
        return None
    except RecursionError:  # `[[[[...` 100,000 deep: damaged, rebuilt like any other
        return None


def fingerprint_of(
    root: Path, config_stat: tuple[int, int] | None, zone_name: str
) -> dict[str, Any]:
    """What the cached entries depend on besides the files themselves."""
    return {
        "format": FORMAT,
        "version": __version__,
        "root": str(root),
        "config": list(config_stat) if config_stat else None,
        "zone": zone_name,
    }
