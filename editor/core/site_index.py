"""STAND-IN for the site helper's index: every post of a site, parsed, with its vocabulary.

Same interface as the real one (`SiteIndex`, `PostEntry`, `IndexDelta`, `Vocabulary`);
this one simply parses every file again on `refresh()` and keeps nothing on disk.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.core.errors import BylineError
from editor.core.house_style import HouseStyle
from editor.core.post import Post, parse_post
from editor.core.site import Site
from editor.core.slug import split_post_name

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PostEntry:
    path: Path
    rel_path: str
    title: str
    date: dt.datetime | None
    author: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    image: str | None
    layout: str
    draft: bool
    published: bool
    word_count: int | None
    problem: BylineError | None
    mtime_ns: int
    size: int


@dataclass(frozen=True)
class IndexDelta:
    added: tuple[Path, ...] = ()
    changed: tuple[Path, ...] = ()
    removed: tuple[Path, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


@dataclass
class Vocabulary:
    """How often each author, category, tag and layout occurs (config authors first)."""

    authors: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    tags: Counter[str] = field(default_factory=Counter)
    layouts: Counter[str] = field(default_factory=Counter)


def _words(values: Any) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        return tuple(values.split())  # Jekyll splits a string on spaces
    if isinstance(values, list | tuple):
        return tuple(str(v) for v in values if v is not None)
    return (str(values),)


def _entry(site: Site, path: Path) -> PostEntry:
    stat = path.stat()
    rel = path.relative_to(site.root).as_posix()
    draft = "_drafts" in path.relative_to(site.root).parts
    try:
        post: Post | None = parse_post(path.read_bytes(), path=str(path), zone=site.zone)
        problem = None
    except BylineError as exc:
        post, problem = None, exc
    if post is None:
        day, slug = split_post_name(path.stem)
        when = dt.datetime(day.year, day.month, day.day, tzinfo=site.zone) if day else None
        return PostEntry(
            path, rel, slug.replace("-", " "), when, "", (), (), None, "", draft, True, None,
            problem, stat.st_mtime_ns, stat.st_size,
        )  # fmt: skip
    try:
        date = post.date()
    except BylineError:
        date = None
    if date is None and not draft:
        day, _ = split_post_name(path.stem)
        date = dt.datetime(day.year, day.month, day.day, tzinfo=site.zone) if day else None
    image = post.get("image")
    return PostEntry(
        path=path,
        rel_path=rel,
        title=str(post.get("title") or path.stem),
        date=date,
        author=str(post.get("author") or ""),
        categories=_words(post.get("categories", post.get("category"))),
        tags=_words(post.get("tags")),
        image=str(image) if image else None,
        layout=str(post.get("layout") or ""),
        draft=draft,
        published=post.get("published") is not False,
        word_count=len(_WORD.findall(post.body)),
        problem=None,
        mtime_ns=stat.st_mtime_ns,
        size=stat.st_size,
    )


def _sort_key(entry: PostEntry) -> tuple[float, str]:
    when = entry.date.timestamp() if entry.date else entry.mtime_ns / 1e9
    return (when, entry.rel_path)


class SiteIndex:
    def __init__(self, site: Site, cache_dir: Path | None = None) -> None:
        self.site = site
        self.cache_dir = cache_dir
        self._entries: dict[Path, PostEntry] = {}
        self.vocabulary = Vocabulary()

    def refresh(self) -> IndexDelta:
        """Re-read the site's post files; what was added, changed and removed since last time."""
        files = set(self.site.post_files())
        removed = tuple(p for p in self._entries if p not in files)
        for p in removed:
            del self._entries[p]
        added, changed = self._update(files)
        self._count()
        return IndexDelta(tuple(added), tuple(changed), removed)

    def refresh_paths(self, paths: Iterable[Path]) -> IndexDelta:
        """Re-read only these files (after a save or a watcher event)."""
        present, removed = set(), []
        for p in paths:
            p = Path(p)
            if p.is_file():
                present.add(p)
            elif p in self._entries:
                del self._entries[p]
                removed.append(p)
        added, changed = self._update(present)
        self._count()
        return IndexDelta(tuple(added), tuple(changed), tuple(removed))

    def _update(self, files: Iterable[Path]) -> tuple[list[Path], list[Path]]:
        added: list[Path] = []
        changed: list[Path] = []
        for path in files:
            old = self._entries.get(path)
            try:
                stat = path.stat()
            except OSError:
                continue
            if old and old.mtime_ns == stat.st_mtime_ns and old.size == stat.st_size:
                continue
            try:
                self._entries[path] = _entry(self.site, path)
            except OSError:
                continue
            (changed if old else added).append(path)
        return added, changed

    def _count(self) -> None:
        vocab = Vocabulary()
        for key in self.site.config.authors:
            vocab.authors[key] += 0
        layouts = self.site.root / "_layouts"
        if layouts.is_dir():
            for f in sorted(layouts.iterdir()):
                if f.is_file():
                    vocab.layouts[f.stem] += 0
        for e in self._entries.values():
            if e.author:
                vocab.authors[e.author] += 1
            vocab.categories.update(e.categories)
            vocab.tags.update(e.tags)
            if e.layout:
                vocab.layouts[e.layout] += 1
        self.vocabulary = vocab

    def entries(self, drafts: bool = True) -> list[PostEntry]:
        """Every post, newest first (drafts included unless `drafts=False`)."""
        out = [e for e in self._entries.values() if drafts or not e.draft]
        return sorted(out, key=_sort_key, reverse=True)

    def entry(self, path: Path) -> PostEntry | None:
        return self._entries.get(Path(path))

    def learned_style(self) -> HouseStyle:
        return self.site.learn_style()
