"""Autosave to the journal: 1 s after typing pauses, at least every few seconds while it goes on.

The window feeds `document_changed()` on every edit and calls `flush()` when it loses
focus (application deactivation is caught here too). The journal entry itself comes from
a callable the window provides, so this object knows nothing about widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from editor.core.errors import BylineError
from editor.core.safety.journal import Journal, JournalEntry

IDLE_MS = 1000  # after typing pauses (VS Code backs up ~1 s after typing stops)
# While typing goes on: the issue asks for "at least every 5 s", and its proof for anything
# typed more than 1 s before a kill. A journal write costs under a millisecond, so 1 s.
MAX_MS = 1000


class Autosaver(QObject):
    """Journals the state of one document. `journalled(key)` after each write, `failed(error)`.

    `state()` returns the entry to journal (or None when there is nothing unsaved).
    """

    journalled = Signal(str)
    failed = Signal(object)

    def __init__(
        self,
        journal: Journal,
        state: Callable[[], JournalEntry | None],
        parent: QObject | None = None,
        *,
        idle_ms: int = IDLE_MS,
        max_ms: int = MAX_MS,
        watch_app_state: bool = True,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self._state = state
        self._pending = False
        self._key: str | None = None  # the key last written
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self.flush)
        self._max = QTimer(self)
        self._max.setSingleShot(True)
        self._max.setInterval(max_ms)
        self._max.timeout.connect(self.flush)
        app = QGuiApplication.instance()
        if watch_app_state and isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_app_state)

    @property
    def pending(self) -> bool:
        """True while edits wait to be journalled."""
        return self._pending

    @property
    def key(self) -> str | None:
        return self._key

    @Slot()
    def document_changed(self) -> None:
        """Call on every edit: restarts the pause timer; the max timer keeps running."""
        self._pending = True
        self._idle.start()
        if not self._max.isActive():
            self._max.start()

    @Slot()
    def flush(self) -> bool:
        """Journal now if anything is pending; True when the journal holds the latest state."""
        self._idle.stop()
        self._max.stop()
        if not self._pending:
            return True
        try:
            entry = self._state()
            if entry is None:
                self._pending = False
                return True
            self.journal.write(entry)
        except BylineError as exc:
            # keep it pending: the next edit or flush tries again
            self.failed.emit(exc)
            return False
        self._pending = False
        if self._key is not None and self._key != entry.key:
            self._discard_quietly(self._key)  # a new post got its file name
        self._key = entry.key
        self.journalled.emit(entry.key)
        return True

    @Slot()
    def discard(self) -> None:
        """After a clean save (or "discard changes"): stop the timers and drop the entry."""
        self._idle.stop()
        self._max.stop()
        self._pending = False
        if self._key is not None:
            self._discard_quietly(self._key)

    def adopt(self, key: str) -> None:
        """Take over an entry restored from the journal (it is discarded on the next save)."""
        self._key = key

    def _discard_quietly(self, key: str) -> None:
        try:
            self.journal.discard(key)
        except BylineError as exc:
            self.failed.emit(exc)

    @Slot(Qt.ApplicationState)
    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.flush()
