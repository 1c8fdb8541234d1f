"""The site's posts, indexed fast: light entries, incremental refresh, vocabulary and style.

The first refresh reads every post's head (or takes unchanged entries from the persistent
cache); later refreshes re-read only files whose size or mtime changed. Not thread-safe:
use one index from one thread at a time.
"""

from __future__ import annotations

import dataclasses
import operator
import os
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.core import paths
from editor.core.index import index_cache
from editor.core.index.gc_pause import gc_paused
from editor.core.index.post_entry import PathMaker, PostEntry
from editor.core.index.post_scan import (
    FrontMatter,
    ScanContext,
    count_words,
    read_front_matter,
    scan_entry,
)
from editor.core.site.post_files import (
    PostFile,
    folders_unchanged,
    is_post_name,
    trustworthy,
    walk_posts,
)
from editor.core.site.site import Site

if TYPE_CHECKING:
    from editor.core.post.house_style import HouseStyle

SAVE_AFTER = 64  # files re-read since the last save that make rewriting the cache worth it
STYLE_SAMPLE = 400  # newest posts read to learn the house style; a majority settles long before

__all__ = ["IndexDelta", "PostEntry", "SiteIndex", "Vocabulary"]


@dataclass
class IndexDelta:
    """What a refresh changed (absolute paths)."""

    added: list[Path] = field(default_factory=list)
    changed: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


@dataclass
class Vocabulary:
    """What the site's posts use, with counts (`most_common()` gives most used first)."""

    authors: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    tags: Counter[str] = field(default_factory=Counter)
    layouts: Counter[str] = field(default_factory=Counter)
    config_authors: tuple[str, ...] = ()  # keys of `authors:` in _config.yml, in its order

    def author_names(self) -> list[str]:
        """For completion: the config's authors first (in its order), then the others seen."""
        seen = [a for a, _ in self.authors.most_common() if a not in self.config_authors]
        return [*self.config_authors, *seen]

    @staticmethod
    def names(counter: Counter[str]) -> list[str]:
        """Most used first; equal counts in alphabetical order."""
        return [k for k, _ in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]


def _raw_blocks(front: FrontMatter) -> tuple[list[str], dict[str, list[str]]]:
    """(keys in file order, raw lines of each key) from the text the index read."""
    lines = front.text.splitlines(keepends=True)
    order = sorted(front.key_lines, key=front.key_lines.__getitem__)
    starts = [front.key_lines[k] - 2 for k in order] + [len(lines)]
    raws = {key: lines[starts[i] : starts[i + 1]] for i, key in enumerate(order)}
    return order, raws


class SiteIndex:
    """Every post of a site as a PostEntry, kept up to date cheaply."""

    def __init__(
        self,
        site: Site,
        *,
        cache_dir: Path | None = None,
        use_cache: bool = True,
        workers: int = 1,
    ) -> None:
        """`workers=2` lets a big cold index fork a helper process: command line only."""
        self.site = site
        self._workers = workers
        self._root = str(site.root)
        self._context = ScanContext(self._root, site.zone, site.config, PathMaker(site.root))
        self._entries: dict[str, PostEntry] = {}  # by rel_path
        self._indexed = False
        self._dirty = False
        self._must_save = False  # nothing usable was cached: save what the refresh read
        self._unsaved = 0  # files read (or gone) since the cache was last written
        self._folders: dict[str, int] | None = None  # folder mtimes at the last listing
        self._cache_path: Path | None = None
        if use_cache:
            self._cache_path = index_cache.cache_file(cache_dir or paths.cache_dir(), site.root)
        self._sorted: list[PostEntry] | None = None
        self._vocabulary: Vocabulary | None = None
        self._style: HouseStyle | None = None
        site.attach_index(self)

    # --- reading -------------------------------------------------------------

    def entries(self, *, drafts: bool = True) -> list[PostEntry]:
        """Newest first (posts without a date, like most drafts, on top)."""
        if not self._indexed:
            self.refresh()
        if self._sorted is None:
            # dated posts by date (same tzinfo: plain field comparisons), undated ones on top
            with gc_paused():
                entries = self._entries.values()
                dated = [e for e in entries if e.date is not None]
                dated.sort(key=_by_date, reverse=True)
                undated = sorted((e for e in entries if e.date is None), key=_by_path, reverse=True)
                self._sorted = undated + dated
        if drafts:
            return list(self._sorted)
        return [e for e in self._sorted if not e.draft]

    def entry(self, path: str | os.PathLike[str]) -> PostEntry | None:
        """The entry of one post file (absolute, or relative to the working folder)."""
        if not self._indexed:
            self.refresh()
        rel = self._rel(path)
        return None if rel is None else self._entries.get(rel)

    def __len__(self) -> int:
        """The number of posts, drafts included."""
        if not self._indexed:
            self.refresh()
        return len(self._entries)

    @property
    def vocabulary(self) -> Vocabulary:
        """Authors, categories, tags and layouts with their counts (indexes if needed)."""
        if self._vocabulary is None:
            self._vocabulary = self._build_vocabulary()
        return self._vocabulary

    def learned_style(self) -> HouseStyle:
        """The majority style of the newest posts (POST_FORMAT.md's default without any)."""
        if self._style is None:
            from editor.core.post.house_style import learn_style  # not needed by `byline list`

            samples = []
            endings = []
            posts = [e for e in self.entries(drafts=False) if e.problem is None]
            for entry in posts[:STYLE_SAMPLE]:
                try:
                    front = read_front_matter(str(entry.path), lines=True)
                    endings.append(_ends_with_newline(entry.path))
                except OSError:
                    continue
                if front.problem is None:
                    order, raws = _raw_blocks(front)
                    samples.append((order, raws, front.values))
            self._style = learn_style(samples, final_newlines=endings)
        return self._style

    def stamps(self) -> tuple[dict[str, int], list[tuple[str, int, int]]] | None:
        """(post folders' mtimes, (rel_path, mtime_ns, size) of every post) as last indexed.

        None when the folders were listed too recently to tell a later change by their
        mtimes: then nothing may be kept on the strength of them.
        """
        if not self._indexed or self._folders is None:
            return None
        files = [(e.rel_path, e.mtime_ns, e.size) for e in self._entries.values()]
        return dict(self._folders), files

    # --- refreshing ----------------------------------------------------------

    def refresh(self) -> IndexDelta:
        """Bring the index up to date; the first call indexes everything."""
        with gc_paused():
            return self._refresh()

    def _refresh(self) -> IndexDelta:
        first = not self._indexed
        if first and self._cache_path is not None and not self._entries:
            cached = index_cache.load(
                self._cache_path, self._fingerprint(), self._context.make_path, self._context.zone
            )
            if cached is not None:
                self._entries, self._folders = cached
            else:
                self._dirty = self._must_save = True
        elif first:
            self._dirty = self._must_save = True
        old = self._entries
        delta = IndexDelta()
        context = self._context
        new: dict[str, PostEntry] = {}
        to_read: list[PostFile] = []
        kept = self._unchanged_files(old, new, to_read) if self._folders else False
        if not kept:  # list the folders again
            new.clear()
            to_read.clear()
            self._list_and_stat(old, new, to_read)
        if first:
            delta.added = [e.path for e in new.values()]
        # the scanner (and its second process) is imported by the first refresh, which runs
        # on the index's thread once the window is on screen, not with the window
        from editor.core.index.parallel_scan import scan_all

        for entry in scan_all(to_read, context, workers=self._workers):
            rel = entry.rel_path
            new[rel] = entry
            (delta.added if first or rel not in old else delta.changed).append(entry.path)
        if to_read:
            self._dirty = True
        if not first:
            delta.removed = [e.path for rel, e in old.items() if rel not in new]
        elif len(new) != len(old):
            self._dirty = True
        if delta.removed:
            self._dirty = True
        self._entries = new
        self._indexed = True
        if delta:
            self._changed()
        if first and not self._dirty and old:
            # everything came from the cache unchanged: it was saved newest first
            self._sorted = list(old.values())
        self._unsaved += len(to_read) + len(delta.removed)
        if self._must_save or self._unsaved >= SAVE_AFTER:
            # a handful of files re-read costs far less than rewriting the whole cache
            # (~50 ms at 10,000 posts): a cache that lags by a few is only re-read sooner
            self.save_cache()
        return delta

    def _unchanged_files(
        self, old: dict[str, PostEntry], new: dict[str, PostEntry], to_read: list[PostFile]
    ) -> bool:
        """With no folder changed since the last listing, only stat the known files.

        Fills `new` with unchanged entries and `to_read` with the others; False when a
        folder changed (or a file vanished), and the folders must be listed again.
        """
        if not folders_unchanged(self._folders):
            return False
        stat = os.stat
        root = self._root
        for rel, entry in old.items():
            try:
                st = stat(f"{root}/{rel}")
            except OSError:
                return False
            if st.st_mtime_ns == entry.mtime_ns and st.st_size == entry.size:
                new[rel] = entry
                continue
            file = self._post_file(rel)
            if file is None:
                return False
            to_read.append(file)
        return True

    def _list_and_stat(
        self, old: dict[str, PostEntry], new: dict[str, PostEntry], to_read: list[PostFile]
    ) -> None:
        """List the post folders; unchanged files go to `new`, the others to `to_read`."""
        exclude = self.site.config.raw.get("exclude")
        seen: dict[str, int] = {}
        listed_at = time.time_ns()
        files = walk_posts(self._root, exclude if isinstance(exclude, list) else (), seen)
        folders = trustworthy(seen, listed_at)
        if folders != self._folders:
            self._dirty = True  # worth saving: the next start may skip the listing
        self._folders = folders
        stat = os.stat
        for file in files:
            rel = file.rel_path
            entry = old.get(rel)
            if entry is not None:
                try:
                    st = stat(file.path)
                except OSError:
                    st = None
                if st is not None and st.st_mtime_ns == entry.mtime_ns and st.st_size == entry.size:
                    new[rel] = entry
                    continue
            to_read.append(file)

    def refresh_paths(self, paths: Iterable[str | os.PathLike[str]]) -> IndexDelta:
        """Re-read just these files (a file watcher's news); a folder means a full refresh."""
        if not self._indexed:
            return self.refresh()
        delta = IndexDelta()
        for given in paths:
            rel = self._rel(given)
            if rel is None:
                continue
            full = os.path.join(self._root, rel)
            if os.path.isdir(full):
                more = self.refresh()
                delta.added += more.added
                delta.changed += more.changed
                delta.removed += more.removed
                continue
            file = self._post_file(rel)
            old = self._entries.get(rel)
            if file is None or not os.path.isfile(full):
                if old is not None:
                    del self._entries[rel]
                    delta.removed.append(old.path)
                continue
            entry = scan_entry(file, self._context)
            if old is None:
                delta.added.append(entry.path)
            elif _differs(old, entry):
                delta.changed.append(entry.path)
            else:
                continue
            self._entries[rel] = entry
        if delta:
            self._dirty = True
            self._changed()
        return delta

    def count_words(self, paths: Iterable[str | os.PathLike[str]] | None = None) -> list[Path]:
        """Fill in word counts (reads whole files: not done by refresh); returns those filled."""
        wanted = self._entries.values() if paths is None else filter(None, map(self.entry, paths))
        done = []
        for entry in list(wanted):
            if entry.word_count is not None:
                continue
            try:
                words = count_words(str(entry.path))
            except OSError:
                continue
            self._entries[entry.rel_path] = dataclasses.replace(entry, word_count=words)
            done.append(entry.path)
        if done:
            self._dirty = True
            self._sorted = None
        return done

    def save_cache(self) -> None:
        """Write the persistent cache if the index changed since it was last written."""
        if self._dirty and self._cache_path is not None and self._indexed:
            # newest first, so that sorting the loaded cache next time is one pass
            index_cache.save(self._cache_path, self._fingerprint(), self.entries(), self._folders)
        self._dirty = self._must_save = False
        self._unsaved = 0

    # --- helpers -------------------------------------------------------------

    def _changed(self) -> None:
        self._sorted = None
        self._vocabulary = None
        self._style = None

    def _fingerprint(self) -> dict[str, Any]:
        config_stat = None
        for name in ("_config.yml", "_config.yaml"):
            try:
                st = os.stat(os.path.join(self._root, name))
            except OSError:
                continue
            config_stat = (st.st_mtime_ns, st.st_size)
            break
        zone = self.site.config.timezone or "UTC"
        return index_cache.fingerprint_of(self.site.root, config_stat, zone)

    def _rel(self, path: str | os.PathLike[str]) -> str | None:
        """The site-relative "/" path of `path`, or None when it is outside the site."""
        full = Path(os.path.abspath(path))
        for candidate in (full, full.resolve()):
            try:
                return candidate.relative_to(self.site.root).as_posix()
            except ValueError:
                continue
        return None

    def _post_file(self, rel: str) -> PostFile | None:
        """The PostFile for a site-relative path, or None when Jekyll would not see a post."""
        parts = rel.split("/")
        if not is_post_name(parts[-1]):
            return None
        for i, part in enumerate(parts[:-1]):
            if part in ("_posts", "_drafts"):
                categories = tuple(parts[:i])
                if any(p[:1] in ("_", ".") for p in (*categories, *parts[i + 1 : -1])):
                    return None
                return PostFile(os.path.join(self._root, rel), rel, part == "_drafts", categories)
        return None

    def _build_vocabulary(self) -> Vocabulary:
        config_authors = tuple(self.site.config.authors)
        vocabulary = Vocabulary(config_authors=config_authors)
        authors = vocabulary.authors
        for key in config_authors:
            authors[key] = 0
        for entry in self.entries():
            if entry.author:
                authors[entry.author] += 1
            vocabulary.categories.update(entry.categories)
            vocabulary.tags.update(entry.tags)
            if entry.layout:
                vocabulary.layouts[entry.layout] += 1
        layouts_dir = os.path.join(self._root, "_layouts")
        try:
            names = sorted(os.listdir(layouts_dir))
        except OSError:
            names = []
        for name in names:
            stem, dot, _ = name.rpartition(".")
            if dot and stem and not name.startswith("."):
                vocabulary.layouts[stem] += 0
        return vocabulary


def index_of(site: Site) -> SiteIndex:
    """The site's post index: the one attached to it, else a new one (not yet refreshed)."""
    source = site.style_source
    if isinstance(source, SiteIndex):
        return source
    return SiteIndex(site, cache_dir=site.cache_dir)  # attaches itself


def open_site(path: str | Path, *, learn: bool = True, cache_dir: Path | None = None) -> Site:
    """Open the site holding `path` with its index, so that its house style is learned from
    its posts when first asked for (`Site.open` alone gives new posts the default style)."""
    site = Site.open(path, learn=learn, cache_dir=cache_dir)
    index_of(site)
    return site


_by_date = operator.attrgetter("date", "rel_path")
_by_path = operator.attrgetter("rel_path")


def _differs(old: PostEntry, new: PostEntry) -> bool:
    return _fields(old) != _fields(new)


def _fields(entry: PostEntry) -> tuple[Any, ...]:
    problem = entry.problem
    return (
        entry.title, entry.date, entry.author, entry.categories, entry.tags, entry.image,
        entry.layout, entry.draft, entry.published, entry.mtime_ns, entry.size,
        None if problem is None else (str(problem), problem.line),
    )  # fmt: skip


def _ends_with_newline(path: Path) -> bool:
    """Whether a file's last byte is a line break (an empty file counts as ending with one)."""
    with open(path, "rb") as file:
        file.seek(0, os.SEEK_END)
        if file.tell() == 0:
            return True
        file.seek(-1, os.SEEK_END)
        return file.read(1) == b"\n"
