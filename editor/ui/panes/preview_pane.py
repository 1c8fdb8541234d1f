"""The live preview: the post as the blog will show it, rendered off the GUI thread.

`request_render(body, fields, site)` is cheap and may be called on every keystroke: the
first request after a pause renders at once, a burst of requests is debounced (~100 ms
after the last), at most one render runs at a time, and results older than the one shown
are dropped. Rendering runs on a worker (editor.ui.widgets.tasks); when only a few
sections of the post changed, came or went, the GUI thread patches just those in the shown
document, otherwise the worker builds and lays out a whole new document and the GUI thread swaps
it in. Either way the scroll position is kept.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QPoint,
    QRect,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QDesktopServices,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from editor.core.render.context import SiteContext
from editor.ui.panes.preview_document import (
    Cancelled,
    PartMap,
    PatchSteps,
    PreviewResult,
    RenderRequest,
    local_resource,
    prepare,
)
from editor.ui.widgets.tasks import TaskRunner

DEBOUNCE_MS = 100  # after the last keystroke of a burst (key repeat, fast runs)
BURST_MS = 60  # keystrokes closer than this are a burst; human typing is slower
IDLE_DELAY_MS = 10  # any other keystroke: render (almost) at once
STALE_AFTER_S = 1.0  # a preview older than this is updated even while typing goes on
MAX_COLUMN = 720  # px: about 70 characters of the body font
SAFE_SCHEMES = {"http", "https", "mailto"}


class _Browser(QTextBrowser):
    """A QTextBrowser that never navigates and never loads anything but local files."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)

    def loadResource(self, kind: int, url: QUrl) -> Any:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return local_resource(url)
        return QByteArray()

    def setSource(self, url: QUrl, kind: Any = None) -> None:
        pass  # the preview never navigates

    def available_width(self) -> int:
        """The viewport's width without the margins that center the column."""
        margins = self.viewportMargins()
        return self.viewport().width() + margins.left() + margins.right()

    def center_column(self, column: int) -> None:
        """Margins that leave the viewport exactly `column` wide: the document was laid out
        on the worker at that width, and any other width lays it all out again here (a
        20k-word post: ~70 ms of the GUI thread)."""
        spare = max(0, self.available_width() - column)
        self.setViewportMargins(spare // 2, 0, spare - spare // 2, 0)


class PreviewPane(QWidget):
    """The preview pane. Signals: `rendered(ms)` when a new render is on screen (ms from the
    request to on screen), `renderFailed(message)`, `sourceLineVisible(line)` when the user
    scrolls the preview (1-based body line at the top), `linkOpened(url)`."""

    rendered = Signal(float)
    renderFailed = Signal(str)
    sourceLineVisible = Signal(int)
    linkOpened = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None, *, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.browser = _Browser(self)
        self.browser.setWordWrapMode(QTextOption.WrapMode.WordWrap)  # tables wrap at spaces
        # a scroll bar that comes and goes would change the width the document is laid out
        # at, and lay it all out again on the GUI thread
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.browser.setObjectName("previewBrowser")
        self.browser.setAccessibleName("Preview")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)  # one render at a time; the newest one wins
        self._runner = TaskRunner(self, pool)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(150)
        self._resize_timer.timeout.connect(self._rerender_for_width)
        self._inputs: tuple[str, dict[str, Any], SiteContext] | None = None
        self._requested_at = 0.0
        self._last_request = 0.0
        self._in_flight = 0  # ticket of the running render, 0 when idle
        self._pending = False  # inputs changed while a render was running
        self._shown_ticket = 0
        self._map: PartMap | None = None  # the parts on screen and where they are
        self._patching: tuple[PatchSteps, PreviewResult, int] | None = None  # under way
        self._shown_width = 0
        self._shown_css = ""
        self._html = ""
        self._shown_at = 0.0
        self._old_docs: list[QTextDocument] = []
        self._current_doc: QTextDocument | None = None
        self._programmatic_scroll = False
        self._dark: bool | None = None
        self._held = False  # hold(): renders wait for release() (start-up: the first paint)
        self.browser.anchorClicked.connect(self._on_link)
        self.browser.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    # -- rendering -------------------------------------------------------------------

    @Slot(str, dict, object)
    def request_render(self, body: str, fields: dict[str, Any], site: SiteContext) -> None:
        """Ask for the preview of these inputs; cheap, call it on every change."""
        now = time.perf_counter()
        self._inputs = (body, dict(fields), site)
        self._requested_at = now
        burst = (now - self._last_request) * 1000 < BURST_MS
        self._last_request = now
        self._timer.start(DEBOUNCE_MS if burst or self._timer.isActive() else IDLE_DELAY_MS)

    def hold(self) -> None:
        """Keep requests until release(): the window shows itself before the first render."""
        self._held = True

    def release(self) -> None:
        if self._held:
            self._held = False
            self._start()

    def render_now(self) -> None:
        """Start rendering the latest inputs without waiting for the debounce."""
        self._timer.stop()
        self._start()

    def _start(self) -> None:
        if self._inputs is None or self._held:
            return
        if self._patching is not None:  # the shown parts are moving: after the patch
            self._pending = True
            return
        if self._in_flight:
            self._pending = True
            return
        body, fields, site = self._inputs
        from editor.core.render.article import stylesheet  # loaded after the first paint

        column, width = self._widths()
        css = stylesheet(self._is_dark(), site, column)  # the site's look, headings to fit
        same_frame = self._map is not None and width == self._shown_width and css == self._shown_css
        shown = self._map.html() if same_frame and self._map is not None else ()
        request = RenderRequest(
            body, fields, site, width, column, css, shown, self._requested_at, self._superseded
        )
        self._pending = False
        self._in_flight = self._runner.submit(lambda: prepare(request))

    def _superseded(self) -> bool:
        """Called from the worker: a newer request is waiting, so this build is wasted;
        unless the preview has not changed for a while (then finish, to show something)."""
        return self._pending and time.perf_counter() - self._shown_at < STALE_AFTER_S

    def _widths(self) -> tuple[int, int]:
        usable = max(200, self.browser.available_width())
        column = min(MAX_COLUMN, usable)
        return column, column

    @Slot(int, object)
    def _on_finished(self, ticket: int, result: PreviewResult) -> None:
        if ticket == self._in_flight:
            self._in_flight = 0
        if ticket > self._shown_ticket and self._apply(result, ticket):
            self._shown(result, ticket)
        if self._pending and self._patching is None:
            self._start()

    def _shown(self, result: PreviewResult, ticket: int) -> None:
        self._map = PartMap(result.parts)
        self._html = "\n".join(p.html for p in result.parts)
        self._shown_at = time.perf_counter()
        self._shown_ticket = ticket
        self.rendered.emit((time.perf_counter() - result.request.started) * 1000)

    @Slot(int, object)
    def _on_failed(self, ticket: int, exc: object) -> None:
        if ticket == self._in_flight:
            self._in_flight = 0
        if not isinstance(exc, Cancelled):
            self.renderFailed.emit(str(exc))
        if self._pending or isinstance(exc, Cancelled):
            self._start()

    def _apply(self, result: PreviewResult, ticket: int) -> bool:
        """Show a result: swap in its new document (True), or start patching the shown one
        in place (False: `_patch_step` shows it when done)."""
        if result.document is not None:
            self._swap(result)
            return True
        if self._map is None or result.request.shown != self._map.html():
            self._pending = True  # what it was computed against is gone: redo
            return False
        steps = PatchSteps(self.browser.document(), result.parts, self._map.parts, result.patches)
        self._patching = (steps, result, ticket)
        self._patch_step()
        return False

    def _patch_step(self) -> None:
        """One change of the patch; the next one on the next turn of the event loop, so
        that painting and typing go on in between (see PatchSteps)."""
        if self._patching is None:
            return
        steps, result, ticket = self._patching
        bar = self.browser.verticalScrollBar()
        keep = bar.value()
        self._programmatic_scroll = True
        try:
            more = steps.step()
            bar.setValue(min(keep, bar.maximum()))
        finally:
            self._programmatic_scroll = False
        if more:
            self._map = PartMap(steps.current)  # what the document holds now
            QTimer.singleShot(0, self._patch_step)
            return
        self._patching = None
        self._shown(result, ticket)
        if self._pending:
            self._start()

    def _swap(self, result: PreviewResult) -> None:
        bar = self.browser.verticalScrollBar()
        keep = bar.value()
        self._programmatic_scroll = True
        try:
            old = self.browser.document()
            self.browser.center_column(result.request.width)
            assert result.document is not None
            self.browser.setDocument(result.document)
            bar.setValue(min(keep, bar.maximum()))
        finally:
            self._programmatic_scroll = False
        if self._map is not None and old is not None:
            # delete the old document when the GUI is idle, not during the swap
            self._old_docs.append(old)
            QTimer.singleShot(0, self._drop_old_docs)
        self._current_doc = result.document
        self._shown_width = result.request.width
        self._shown_css = result.request.stylesheet

    def _drop_old_docs(self) -> None:
        while self._old_docs:
            self._old_docs.pop().deleteLater()

    def _rerender_for_width(self) -> None:
        if self._map is not None and self._widths()[1] != self._shown_width:
            self._requested_at = time.perf_counter()
            self._start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._map is not None:
            self.browser.center_column(self._shown_width)
        self._resize_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._dark != self._is_dark():
            self._dark = self._is_dark()
            if self._inputs is not None:
                self._requested_at = time.perf_counter()
                self._start()

    def _is_dark(self) -> bool:
        return self.palette().color(self.backgroundRole()).lightness() < 128

    # -- what is shown ---------------------------------------------------------------

    def html(self) -> str:
        """The HTML on screen (empty before the first render)."""
        return self._html

    def plain_text(self) -> str:
        return str(self.browser.toPlainText())

    def shutdown(self, msecs: int = 3000) -> None:
        """Stop rendering and wait for a running render to end (call before closing)."""
        self._timer.stop()
        self._resize_timer.stop()
        self._inputs = None
        self._pending = False
        self._runner.wait(msecs)

    def is_busy(self) -> bool:
        return bool(self._in_flight or self._timer.isActive() or self._pending or self._patching)

    # -- links -----------------------------------------------------------------------

    @Slot(QUrl)
    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "" and url.hasFragment() and not url.path():
            self._programmatic_scroll = True
            self.browser.scrollToAnchor(url.fragment())
            self._programmatic_scroll = False
            return
        if url.scheme() == "" and url.path() and self._inputs is not None:
            site_url = self._inputs[2].config.url
            if not site_url:
                return  # a link inside the site, and no `url:` to reach it by
            url = QUrl(site_url).resolved(url)
        if url.scheme() in SAFE_SCHEMES:
            QDesktopServices.openUrl(url)
            self.linkOpened.emit(url)

    # -- scroll sync -----------------------------------------------------------------

    def scroll_to_source_line(self, line: int) -> None:
        """Bring the block rendered from body line `line` (1-based) to the top."""
        if self._map is None:
            return
        first = self._map.first_line()
        position = self._map.position_of(line)
        if position is None or first is None or line <= first:
            self._set_scroll(0)  # the top of the body: show the post header above it too
            return
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(min(position, self.browser.document().characterCount() - 1))
        rect: QRect = self.browser.cursorRect(cursor)
        bar = self.browser.verticalScrollBar()
        self._set_scroll(bar.value() + rect.top() - 8)

    def _set_scroll(self, value: int) -> None:
        self._programmatic_scroll = True
        try:
            self.browser.verticalScrollBar().setValue(value)
        finally:
            self._programmatic_scroll = False

    def top_source_line(self) -> int | None:
        """The source line of the block at the top of the preview."""
        if self._map is None:
            return None
        position = self.browser.cursorForPosition(QPoint(4, 4)).position()
        return self._map.line_at(position)

    @Slot(int)
    def _on_scrolled(self, _value: int) -> None:
        if self._programmatic_scroll:
            return
        line = self.top_source_line()
        if line is not None:
            self.sourceLineVisible.emit(line)
