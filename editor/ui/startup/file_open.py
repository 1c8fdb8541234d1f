"""Files the system asks a running Byline to open (macOS Finder, the Dock): QFileOpenEvent.

Elsewhere a file manager starts a new process with the path as an argument; on macOS the
running app receives an event instead, even for the file it was launched to open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpener(QObject):
    """Installed on the application: hands each FileOpen event's file to `open_path`
    (the window's), and lives as long as `parent`."""

    def __init__(self, parent: QObject, open_path: Callable[[str], object]) -> None:
        super().__init__(parent)
        self._open_path = open_path

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                self._open_path(path)
                return True
        return False
