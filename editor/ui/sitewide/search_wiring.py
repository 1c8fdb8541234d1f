"""Find in all posts in the window: the search index lives on a thread of its own.

The SearchIndex is used only by its one-thread pool (jobs run in order): syncing after each
site index refresh, updating after a save, answering queries. Queries are parsed on the GUI
thread (a malformed one is told at once); only the newest answer is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

from editor.core.index.post_entry import PostEntry
from editor.core.search.locate import first_match
from editor.core.search.query import Query, QueryError, parse_query
from editor.core.search.store import Hit, Results, SearchIndex, search_index_of
from editor.core.site.site import Site
from editor.ui.widgets.tasks import TaskRunner

if TYPE_CHECKING:
    from editor.ui.sitewide.find_panel import FindPanel
    from editor.ui.window.index_jobs import Indexed
    from editor.ui.window.main_window import MainWindow

LIMIT = 100


class _Progress(QObject):
    """Progress from the worker, delivered on the GUI thread (a queued signal)."""

    changed = Signal(int, int)


class SearchWiring(QObject):
    def __init__(self, window: MainWindow, panel: Callable[[], FindPanel | None]) -> None:
        """`panel()`: the Find panel, None while it has never been opened (the index
        is kept in step all the same, so that it answers at once when it is)."""
        super().__init__(window)
        self.window = window
        self._panel = panel
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.runner = TaskRunner(self, self._pool)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.progress = _Progress(self)
        self.progress.changed.connect(self._on_progress)
        self.search: SearchIndex | None = None
        self._synced = False
        self._query_ticket = 0
        self._pending: str | None = None  # a query typed before the first sync finished
        self._handlers: dict[int, Callable[[object], None]] = {}

    def set_site(self, site: Site) -> None:
        old = self.search
        if old is not None:
            self._submit(old.close, lambda _: None)
        self.search = search_index_of(site)
        self._synced = False

    def on_indexed(self, result: Indexed) -> None:
        """After each site index refresh: the search index follows (only changed files read)."""
        search = self.search
        if search is None or result.index is not self.window.index:
            return
        delta = result.delta
        entries: list[PostEntry] = result.entries
        if self._synced and delta.changed and not delta.added and not delta.removed:
            changed = list(result.changed)
            self._submit(lambda: search.update(changed), lambda _: None)
            return
        progress = self.progress
        first = not self._synced
        self._submit(
            lambda: search.sync(entries, lambda done, total: progress.changed.emit(done, total)),
            lambda report: self._on_synced(first, report),
        )

    def _on_synced(self, first: bool, report: object) -> None:
        self._synced = True
        self.window.status.set_busy(None)
        unreadable = getattr(report, "unreadable", [])
        if unreadable:
            self.window.status.showMessage(
                f"{len(unreadable)} post(s) could not be read for search: {unreadable[0][0]}", 8000
            )
        if self._pending is not None:
            text, self._pending = self._pending, None
            self.query(text)
        elif first and (panel := self._panel()) is not None and panel.query_edit.text().strip():
            self.query(panel.query_edit.text())

    @property
    def panel(self) -> FindPanel:
        """The Find panel, where queries come from (so it is there by then)."""
        panel = self._panel()
        assert panel is not None
        return panel

    def _on_progress(self, done: int, total: int) -> None:
        if total > 200 and done < total:
            self.window.status.set_busy(f"Indexing text for search: {done * 100 // total}%")

    def query(self, text: str) -> None:
        try:
            parsed = parse_query(text)
        except QueryError as exc:
            self.panel.show_message(exc.message)
            return
        if parsed.empty:
            self.panel.show_message("")
            self.panel.results.clear()
            return
        search = self.search
        if search is None:
            return
        if not self._synced:
            self._pending = text
            self.panel.show_message("Reading the posts for search…")
            return
        self._query_ticket = self._submit(
            lambda: search.search(parsed, limit=LIMIT), self._on_results
        )

    def _on_results(self, results: object) -> None:
        assert isinstance(results, Results)
        self.panel.show_results(results)

    def open_hit(self, hit: Hit) -> None:
        """Open the post and select the first match in its text."""
        window = self.window
        if not window.open_post(hit.path):
            return
        query = self._last_query()
        if query is None:
            return
        text = window.markdown.text()
        span = first_match(text, query)
        editor = window.markdown.editor
        cursor = editor.textCursor()
        if span is None:
            return  # only in the title, excerpt or a filter: the post is open
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], cursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.centerCursor()
        editor.setFocus()

    def _last_query(self) -> Query | None:
        try:
            return parse_query(self.panel.query_edit.text())
        except QueryError:
            return None

    # --- the worker ------------------------------------------------------------

    def _submit(self, work: Callable[[], object], done: Callable[[object], None]) -> int:
        ticket = self.runner.submit(work)
        self._handlers[ticket] = done
        return ticket

    def _on_finished(self, ticket: int, result: object) -> None:
        handler = self._handlers.pop(ticket, None)
        if handler == self._on_results and ticket != self._query_ticket:
            return  # an older query's answer: a newer one is on its way
        if handler is not None:
            handler(result)

    def _on_failed(self, ticket: int, exc: Exception) -> None:
        self._handlers.pop(ticket, None)
        self.window.status.set_busy(None)
        panel = self._panel()
        if isinstance(exc, QueryError) and panel is not None:
            panel.show_message(exc.message)
        elif panel is not None:
            panel.show_message(f"Search failed: {exc}")
        else:  # reading the posts for search, with the panel never opened
            self.window.status.showMessage(f"Search failed: {exc}", 8000)

    def close(self) -> None:
        if self.search is not None:
            search = self.search
            self.search = None
            self.runner.submit(search.close)
        self.runner.wait(10000)
