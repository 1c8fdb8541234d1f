"""Preview on the Site in the window: the server, its panel, and the browser on the post."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices

from editor.core.siteserve.page_url import page_path
from editor.ui.publish.server_panel import ServerPanel
from editor.ui.publish.site_server import SiteServer

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


class SitePreview(QObject):
    def __init__(self, window: MainWindow, cache_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.server = SiteServer(cache_dir, self)
        self.panel = ServerPanel(window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.panel)
        self.panel.hide()
        # tests replace this: they fetch the page themselves instead of opening a browser
        self.open_url: Callable[[str], object] = lambda url: QDesktopServices.openUrl(QUrl(url))
        self.server.lineRead.connect(self.panel.add_line)
        self.server.serving.connect(self._on_serving)
        self.server.stopped.connect(self._on_stopped)
        self.panel.openRequested.connect(self.open_current)
        self.panel.stopRequested.connect(self.stop)

    def set_enabled(self, on: bool) -> None:
        """The View menu's checkable action: start or stop serving the open site."""
        if on == self.server.running:
            return
        if not on:
            self.stop()
            return
        self.panel.clear()
        if self.panel.isHidden():
            self.panel.show()
            self.window.resizeDocks([self.panel], [170], Qt.Orientation.Vertical)
        reason = self.server.start(self.window.site.root)
        if reason is not None:
            self.panel.set_running(False, reason)
            self._uncheck()
        else:
            self.panel.set_running(False, "Starting Jekyll…")

    def stop(self) -> None:
        self.server.stop()

    def current_url(self) -> str:
        command = self.server.command
        path = self.window.document.path
        if command is None or path is None:
            return self.server.url_for("/")
        return self.server.url_for(page_path(self.window.site.root, command.destination, path))

    def open_current(self) -> None:
        if self.server.ready:
            self.open_url(self.current_url())

    def _on_serving(self, base_url: str) -> None:
        self.panel.set_running(True, f"Serving at {base_url}")
        self.open_current()

    def _on_stopped(self, reason: str) -> None:
        self.panel.set_running(False, reason)
        self._uncheck()

    def _uncheck(self) -> None:
        action = self.window.actions.preview_site
        action.blockSignals(True)
        action.setChecked(False)
        action.blockSignals(False)
