"""The search index: one SQLite FTS5 database per site in the cache folder.

It mirrors the site index: every post's title, excerpt and body, with the stamp
(mtime, size) it was read at, so a sync re-reads only the posts whose stamp changed.
It only saves work: a database from another version of Byline, for another site, or
damaged in any way is thrown away and built again, with nothing asked.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from editor import __version__
from editor.core import paths
from editor.core.index.cache_files import cache_file
from editor.core.index.post_entry import PostEntry
from editor.core.search.query import Query, QueryError, parse_query
from editor.core.search.text import PostText, post_text

if TYPE_CHECKING:
    from editor.core.site.site import Site

FORMAT = "1"
WEIGHTS = (10.0, 4.0, 1.0)  # title, excerpt, body: a word in the title counts most
SNIPPET_WORDS = 16
MARK_START, MARK_END = "\ue000", "\ue001"  # private-use: never in a post's text
_BATCH = 256
_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs(
    id INTEGER PRIMARY KEY, rel TEXT UNIQUE NOT NULL, mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL, title TEXT NOT NULL, date TEXT, sort REAL NOT NULL,
    year INTEGER, author TEXT NOT NULL, draft INTEGER NOT NULL, problem TEXT);
CREATE TABLE terms(doc INTEGER NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX terms_value ON terms(kind, value);
CREATE INDEX terms_doc ON terms(doc);
CREATE VIRTUAL TABLE fts USING fts5(
    title, excerpt, body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO fts(fts, rank) VALUES('rank', 'bm25({", ".join(map(str, WEIGHTS))})');
"""
Progress = Callable[[int, int], None]  # (posts read, posts to read)


@dataclass(frozen=True)
class Hit:
    """One post that matches: what a result row shows, and where the post is."""

    rel_path: str
    path: Path
    title: str
    date: str | None  # ISO 8601 in the site's zone, None for an undated draft
    draft: bool
    score: float  # lower is better (FTS5's bm25); 0 for a filters-only search
    snippet: tuple[tuple[str, bool], ...]  # (text, is a match) pieces

    @property
    def snippet_text(self) -> str:
        return "".join(text for text, _ in self.snippet)

    def highlights(self) -> list[tuple[int, int]]:
        """(start, end) of each match in `snippet_text`."""
        spans = []
        at = 0
        for text, matched in self.snippet:
            if matched:
                spans.append((at, at + len(text)))
            at += len(text)
        return spans


@dataclass
class Results:
    """The best `limit` hits, best first, and how many posts match in all."""

    query: Query
    hits: list[Hit]
    total: int


@dataclass
class SyncReport:
    """What a sync did: posts (re-)read, removed, and those that could not be read."""

    read: int = 0
    removed: int = 0
    rebuilt: bool = False
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (rel_path, why)


def database_file(site_root: Path, cache_root: Path | None = None) -> Path:
    return cache_file(cache_root or paths.cache_dir(), site_root, ".search.sqlite3")


def _pieces(snippet: str) -> tuple[tuple[str, bool], ...]:
    pieces: list[tuple[str, bool]] = []
    rest = " ".join(snippet.split())  # line breaks and runs of spaces read as one space
    while rest:
        start = rest.find(MARK_START)
        if start == -1:
            pieces.append((rest, False))
            break
        end = rest.find(MARK_END, start)
        end = len(rest) if end == -1 else end
        if start:
            pieces.append((rest[:start], False))
        pieces.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    # FTS5 marks each word of a phrase apart: "peace" "talks" -> one highlight
    merged: list[tuple[str, bool]] = []
    for text, matched in pieces:
        if merged and matched and merged[-1][1]:
            merged[-1] = (merged[-1][0] + text, True)
        elif len(merged) >= 2 and matched and merged[-2][1] and not merged[-1][0].strip():
            merged[-2:] = [(merged[-2][0] + merged[-1][0] + text, True)]
        else:
            merged.append((text, matched))
    return tuple(merged)


class SearchIndex:
    """Full-text search over one site; not thread-safe (one thread at a time)."""

    def __init__(
        self,
        site_root: Path,
        *,
        zone_name: str = "UTC",
        cache_root: Path | None = None,
        path: Path | None = None,
    ) -> None:
        self.site_root = Path(site_root)
        self.path = path or database_file(self.site_root, cache_root)
        self._identity = {
            "format": FORMAT,
            "version": __version__,
            "root": str(self.site_root),
            "zone": zone_name,
            "sqlite": sqlite3.sqlite_version,
        }
        self._db: sqlite3.Connection | None = None
        self.rebuilt = False  # the database was (re)made by this object

    # --- the database --------------------------------------------------------

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        try:
            db = self._connect(self.path)
            rows = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if rows == self._identity:
                return db
            db.close()
        except sqlite3.DatabaseError:
            pass  # not a database, damaged, or no meta table: built again
        return self._create()

    def _connect(self, path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA busy_timeout = 5000")
        return db

    def _create(self) -> sqlite3.Connection:
        """A new, empty database in place of whatever was there."""
        self.close()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._remove_files()
        db = self._connect(self.path)
        db.execute("PRAGMA page_size = 8192")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.executescript("BEGIN;" + _SCHEMA + "COMMIT;")
        db.executemany("INSERT INTO meta VALUES (?, ?)", self._identity.items())
        self.rebuilt = True
        return db

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.remove(f"{self.path}{suffix}")

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def _retrying(self, work: Callable[[sqlite3.Connection], object]) -> object:
        """Run `work`; a database found damaged on the way is made again and `work` rerun."""
        try:
            return work(self._connection())
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            self._db = self._create()
            return work(self._db)

    # --- keeping up with the site --------------------------------------------

    def sync(self, entries: Iterable[PostEntry], progress: Progress | None = None) -> SyncReport:
        """Make the index hold exactly these posts; only changed files are read."""
        wanted = list(entries)
        report = SyncReport()

        def work(db: sqlite3.Connection) -> None:
            known = {
                rel: (doc, mtime, size)
                for doc, rel, mtime, size in db.execute("SELECT id, rel, mtime_ns, size FROM docs")
            }
            stale = [
                e
                for e in wanted
                if known.get(e.rel_path, (0, None, None))[1:] != (e.mtime_ns, e.size)
            ]
            present = {e.rel_path for e in wanted}
            gone = [doc for rel, (doc, _, _) in known.items() if rel not in present]
            report.read = len(stale)
            report.removed = len(gone)
            if not stale and not gone:
                return
            bulk = len(stale) > _BATCH
            if bulk:
                # a crash meanwhile costs a rebuild, nothing more; no journal halves the
                # writes (it stays WAL when another process has the database open)
                db.execute("PRAGMA synchronous = OFF")
                db.execute("PRAGMA journal_mode = OFF")
            try:
                db.execute("BEGIN IMMEDIATE")
                try:
                    self._delete(
                        db, gone + [known[e.rel_path][0] for e in stale if e.rel_path in known]
                    )
                    done = 0
                    for batch, texts in _read_ahead(stale):
                        self._insert(db, batch, texts, report)
                        done += len(batch)
                        if progress is not None:
                            progress(done, len(stale))
                    db.execute("COMMIT")
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):
                        db.execute("ROLLBACK")
                    raise
            finally:
                if bulk:
                    db.execute("PRAGMA journal_mode = WAL")
                    db.execute("PRAGMA synchronous = NORMAL")

        self._retrying(work)
        report.rebuilt = self.rebuilt
        return report

    def update(self, entries: Sequence[PostEntry], removed: Iterable[str] = ()) -> SyncReport:
        """Re-read these posts (just saved, say) and forget `removed` (site-relative paths)."""
        report = SyncReport()

        def work(db: sqlite3.Connection) -> None:
            rels = [e.rel_path for e in entries] + list(removed)
            docs = []
            for rel in rels:
                row = db.execute("SELECT id FROM docs WHERE rel = ?", (rel,)).fetchone()
                if row is not None:
                    docs.append(row[0])
            db.execute("BEGIN IMMEDIATE")
            try:
                self._delete(db, docs)
                self._insert(db, list(entries), [post_text(str(e.path)) for e in entries], report)
                db.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise
            report.read = len(entries)

        self._retrying(work)
        return report

    @staticmethod
    def _delete(db: sqlite3.Connection, docs: list[int]) -> None:
        if not docs:
            return
        rows = [(d,) for d in docs]
        db.executemany("DELETE FROM fts WHERE rowid = ?", rows)
        db.executemany("DELETE FROM terms WHERE doc = ?", rows)
        db.executemany("DELETE FROM docs WHERE id = ?", rows)

    def _insert(
        self,
        db: sqlite3.Connection,
        entries: list[PostEntry],
        texts: list[PostText],
        report: SyncReport,
    ) -> None:
        if not entries:
            return
        first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM docs").fetchone()[0]
        doc_rows = []
        fts_rows = []
        term_rows = []
        for doc, (entry, text) in enumerate(zip(entries, texts, strict=True), start=first):
            if text.problem is not None:
                report.unreadable.append((entry.rel_path, text.problem))
            date = entry.date
            doc_rows.append(
                (
                    doc,
                    entry.rel_path,
                    entry.mtime_ns,
                    entry.size,
                    entry.title,
                    date.isoformat() if date else None,
                    date.timestamp() if date else float("inf"),  # undated drafts on top
                    date.year if date else None,
                    entry.author,
                    int(entry.draft),
                    text.problem,
                )
            )
            fts_rows.append((doc, entry.title, text.excerpt, text.body))
            term_rows += [(doc, "t", t.casefold()) for t in entry.tags]
            term_rows += [(doc, "c", c.casefold()) for c in entry.categories]
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", doc_rows)
        db.executemany("INSERT INTO fts(rowid, title, excerpt, body) VALUES (?, ?, ?, ?)", fts_rows)
        db.executemany("INSERT INTO terms VALUES (?, ?, ?)", term_rows)

    # --- searching -----------------------------------------------------------

    def search(self, query: str | Query, limit: int = 50) -> Results:
        """The posts matching `query`, best first (newest first among equals)."""
        parsed = parse_query(query) if isinstance(query, str) else query
        if parsed.empty:
            return Results(parsed, [], 0)

        def work(db: sqlite3.Connection) -> Results:
            return self._search(db, parsed, limit)

        try:
            result = self._retrying(work)
        except sqlite3.OperationalError as exc:  # pragma: no cover - the parser prevents it
            raise QueryError(f"this search cannot be run: {exc}") from None
        assert isinstance(result, Results)
        return result

    def _search(self, db: sqlite3.Connection, query: Query, limit: int) -> Results:
        where, args = _filters(query)
        if query.match is None:
            return self._filtered(db, query, where, args, limit)
        conditions = " AND ".join(["fts MATCH ?", *where])
        head = f"FROM fts JOIN docs d ON d.id = fts.rowid WHERE {conditions}"
        params: list[object] = [query.match, *args]
        # one query: SQLite makes snippets only for the rows the LIMIT keeps
        snippet = f"snippet(fts, -1, '{MARK_START}', '{MARK_END}', '…', {SNIPPET_WORDS})"
        rows = db.execute(
            f"SELECT d.rel, d.title, d.date, d.draft, fts.rank, {snippet} {head} "
            "ORDER BY fts.rank, d.sort DESC LIMIT ?",
            (*params, limit),
        ).fetchall()
        total = len(rows)
        if total == limit:
            total = db.execute(f"SELECT count(*) {head}", params).fetchone()[0]
        hits = [
            self._hit(rel, title, date, draft, score, text)
            for rel, title, date, draft, score, text in rows
        ]
        return Results(query, hits, total)

    def _filtered(
        self, db: sqlite3.Connection, query: Query, where: list[str], args: list[object], limit: int
    ) -> Results:
        """Filters only: the newest matching posts, each with its excerpt (or its start)."""
        conditions = " AND ".join(where)
        rows = db.execute(
            f"SELECT id, rel, title, date, draft FROM docs d WHERE {conditions} "
            "ORDER BY sort DESC LIMIT ?",
            (*args, limit),
        ).fetchall()
        total = len(rows)
        if total == limit:
            total = db.execute(f"SELECT count(*) FROM docs d WHERE {conditions}", args).fetchone()[
                0
            ]
        marks = ",".join("?" * len(rows))
        texts = dict(
            db.execute(
                "SELECT rowid, CASE WHEN excerpt != '' THEN excerpt ELSE substr(body, 1, 300) END "
                f"FROM fts WHERE rowid IN ({marks})",
                [row[0] for row in rows],
            ).fetchall()
        )
        hits = [
            self._hit(rel, title, date, draft, 0.0, texts.get(doc, ""))
            for doc, rel, title, date, draft in rows
        ]
        return Results(query, hits, total)

    def _hit(
        self, rel: str, title: str, date: str | None, draft: int, score: float, snippet: str
    ) -> Hit:
        return Hit(
            rel,
            self.site_root / rel,
            title,
            date,
            bool(draft),
            float(score),
            _pieces(snippet or ""),
        )

    def size_bytes(self) -> int:
        """The database's size on disk (with its write-ahead log)."""
        total = 0
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                total += os.path.getsize(f"{self.path}{suffix}")
        return total


def _read_ahead(entries: list[PostEntry]) -> Iterator[tuple[list[PostEntry], list[PostText]]]:
    """Batches of posts with their text, the next batch read while this one is indexed.

    Reading waits on the disk and SQLite's indexing runs without the GIL: on two cores
    a first build takes about the longer of the two instead of their sum.
    """
    batches = [entries[i : i + _BATCH] for i in range(0, len(entries), _BATCH)]
    if len(batches) < 2:
        for batch in batches:
            yield batch, [post_text(str(e.path)) for e in batch]
        return
    from concurrent.futures import ThreadPoolExecutor

    def read(batch: list[PostEntry]) -> list[PostText]:
        return [post_text(str(e.path)) for e in batch]

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-read") as pool:
        pending = pool.submit(read, batches[0])
        for i, batch in enumerate(batches):
            texts = pending.result()
            if i + 1 < len(batches):
                pending = pool.submit(read, batches[i + 1])
            yield batch, texts


def _filters(query: Query) -> tuple[list[str], list[object]]:
    where: list[str] = []
    args: list[object] = []
    for kind, values in (("t", query.tags), ("c", query.categories)):
        for value in values:
            where.append("d.id IN (SELECT doc FROM terms WHERE kind = ? AND value = ?)")
            args += [kind, value.casefold()]
    for author in query.authors:
        where.append("d.author = ? COLLATE NOCASE")
        args.append(author)
    if query.draft is not None:
        where.append("d.draft = ?")
        args.append(int(query.draft))
    if query.years is not None:
        where.append("d.year BETWEEN ? AND ?")
        args += list(query.years)
    return where, args


def search_index_of(site: Site) -> SearchIndex:
    """The search index of an open site, in the cache folder its index uses (not yet synced)."""
    return SearchIndex(
        site.root, zone_name=site.config.timezone or "UTC", cache_root=site.cache_dir
    )
