"""Autosave to the journal: within 300 ms of any change, written off the GUI thread.

The window feeds `document_changed()` on every edit and calls `flush()` when it loses
focus (application deactivation is caught here too). The journal entry itself comes from
a callable the window provides, so this object knows nothing about widgets.

While typing, the timers hand the entry to one background writer (a private pool of one
thread, so writes and discards land in the order given); a keystroke only waits for the
entry to be gathered, never for JSON or the disk. `flush()` (focus lost, quitting) waits
for the writer: when it returns True the journal holds the latest state.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from editor.core.errors import BylineError
from editor.core.safety.journal import Journal, JournalEntry
from editor.ui.widgets.tasks import TaskRunner

# A kill loses at most what was typed in the last 300 ms: the entry is gathered at most
# MAX_MS after the first unjournalled change (IDLE_MS after typing pauses), and written
# within milliseconds by the background writer.
IDLE_MS = 100
MAX_MS = 200
WAIT_MS = 10_000  # flush(): how long to wait for a slow disk before saying it failed


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
        self._idle.timeout.connect(self._journal_soon)
        self._max = QTimer(self)
        self._max.setSingleShot(True)
        self._max.setInterval(max_ms)
        self._max.timeout.connect(self._journal_soon)
        # one writer thread: jobs run in the order submitted (a discard after a write)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._writer = TaskRunner(self, pool=self._pool)
        self._writer.finished.connect(self._written)
        self._writer.failed.connect(self._write_failed)
        self._slot_lock = threading.Lock()
        self._slot: JournalEntry | None = None  # the newest entry not yet taken by the writer
        self._error: BylineError | None = None  # the writer's last failure (flush reports it)
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
    def _journal_soon(self) -> None:
        """Timer: gather the entry here, write it on the writer thread."""
        self._hand_over()

    def _hand_over(self) -> bool:
        """Gather the entry (GUI thread) and queue its write; False when gathering failed."""
        self._idle.stop()
        self._max.stop()
        if not self._pending:
            return True
        try:
            entry = self._state()
        except BylineError as exc:
            self.failed.emit(exc)  # still pending: the next edit or flush tries again
            return False
        self._pending = False
        if entry is None:
            return True
        old_key = self._key if self._key is not None and self._key != entry.key else None
        self._key = entry.key
        with self._slot_lock:
            self._slot = entry  # a write still queued takes this newer one instead
        self._writer.submit(lambda: self._write_latest(old_key))
        return True

    def _write_latest(self, old_key: str | None) -> str | BylineError | None:
        """Writer thread: journal the newest entry (if another job has not already)."""
        with self._slot_lock:
            entry, self._slot = self._slot, None
        if entry is None:
            return None
        try:
            self.journal.write(entry)
        except BylineError as exc:
            self._error = exc  # read by flush() once the writer is idle
            raise
        if old_key is not None:
            error = self._discard_quietly(old_key)  # a new post got its file name
            if error is not None:
                return error
        return entry.key

    @Slot(int, object)
    def _written(self, _ticket: int, result: object) -> None:
        if isinstance(result, str):
            self.journalled.emit(result)
        elif isinstance(result, BylineError):  # the old entry of a renamed post stayed
            self.failed.emit(result)

    @Slot(int, object)
    def _write_failed(self, _ticket: int, exc: object) -> None:
        if isinstance(exc, BylineError):
            self._error = exc
            self._pending = True  # tried again on the next edit or flush
            self.failed.emit(exc)
        else:  # a bug, not a disk problem: still reported, never silent
            self.failed.emit(BylineError(f"the journal could not be written: {exc}"))

    @Slot()
    def flush(self) -> bool:
        """Journal now and wait for it; True when the journal holds the latest state."""
        self._error = None
        if not self._hand_over():
            return False
        if not self._pool.waitForDone(WAIT_MS):
            return False
        if self._error is not None:
            self._pending = True  # the next edit or flush gathers and writes it again
            return False
        return True

    @Slot()
    def discard(self) -> None:
        """After a clean save (or "discard changes"): stop the timers and drop the entry,
        once any write still queued is done (so that nothing stale is left behind)."""
        self._idle.stop()
        self._max.stop()
        self._pending = False
        with self._slot_lock:
            self._slot = None
        if self._key is not None:
            self._pool.waitForDone(WAIT_MS)  # a save, not a keystroke: a short wait is fine
            error = self._discard_quietly(self._key)
            if error is not None:
                self.failed.emit(error)

    def adopt(self, key: str) -> None:
        """Take over an entry restored from the journal (it is discarded on the next save)."""
        self._key = key

    def wait(self, msecs: int = WAIT_MS) -> bool:
        """Block until queued writes and discards are done (tests and shutdown)."""
        return bool(self._pool.waitForDone(msecs))

    def _discard_quietly(self, key: str) -> BylineError | None:
        """Drop an entry; a failure is handed back, not raised."""
        try:
            self.journal.discard(key)
        except BylineError as exc:
            return exc
        return None

    @Slot(Qt.ApplicationState)
    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.flush()
