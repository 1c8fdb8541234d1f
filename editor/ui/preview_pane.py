"""STAND-IN for the preview helper's PreviewPane: a plain Markdown rendering.

Same interface as the real one: `request_render(body, fields, site)` (debounced, so
typing never waits), `scroll_to_source_line(int)`, signal `sourceLineVisible(int)`.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from editor.core.site import Site

DEBOUNCE_MS = 100


class PreviewPane(QWidget):
    sourceLineVisible = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("Preview")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._render)
        self._pending: tuple[str, dict[str, Any], Site | None] = ("", {}, None)

    def request_render(self, body: str, fields: dict[str, Any], site: Site | None) -> None:
        self._pending = (body, fields, site)
        self._timer.start()

    def _render(self) -> None:
        import markdown  # imported on first use: keeps start-up quick

        body, fields, site = self._pending
        if site is not None:
            # root-relative image paths resolve inside the site folder
            self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(site.root) + "/"))
            self.browser.setSearchPaths([str(site.root)])
            body = body.replace("](/", "](")
        title = html.escape(str(fields.get("title") or ""))
        rendered = markdown.markdown(body, extensions=["tables", "fenced_code", "footnotes"])
        head = f"<h1>{title}</h1>" if title else ""
        image = fields.get("image")
        if image and site is not None and (site.root / str(image).lstrip("/")).is_file():
            width = max(100, self.browser.viewport().width() - 24)
            head = f'<img src="{html.escape(str(image).lstrip("/"))}" width="{width}">' + head
        self.browser.setHtml(head + rendered)

    def scroll_to_source_line(self, line: int) -> None:
        """The stand-in cannot map lines; it does nothing."""
