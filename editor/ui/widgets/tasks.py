"""Run a core function off the GUI thread and hand its result back by signal.

Workers never touch widgets: they run a plain function; the result (or the error)
comes back to the GUI thread through a queued signal. Stale results are the caller's
to drop: each submission gets an increasing ticket number.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, ticket: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._ticket = ticket
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the GUI thread, never lost
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._relay.failed.emit(self._ticket, exc)
        else:
            self._relay.finished.emit(self._ticket, result)


class TaskRunner(QObject):
    """One runner per kind of background work. `finished(ticket, result)`, `failed(ticket, exc)`."""

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._tickets = itertools.count(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self.finished)
        self._relay.failed.connect(self.failed)
        self.latest = 0

    def submit(self, fn: Callable[[], Any]) -> int:
        """Run `fn()` on the pool; returns its ticket (higher = newer)."""
        ticket = next(self._tickets)
        self.latest = ticket
        self._pool.start(_Job(ticket, fn, self._relay))
        return ticket

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the pool is idle (tests and shutdown only)."""
        return bool(self._pool.waitForDone(msecs))
