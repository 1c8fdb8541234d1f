"""Files the system asks a running Byline to open (macOS Finder, the Dock): QFileOpenEvent.

Elsewhere a file manager starts a new process with the path as an argument; on macOS the
running app receives an event instead, even for the file it was launched to open.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

from editor.ui.window.main_window import MainWindow


class FileOpener(QObject):
    """Installed on the application: hands each FileOpen event's file to the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                self._window.open_path(path)
                return True
        return False
