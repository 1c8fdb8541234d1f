"""Termination signals (logout, shutdown, `kill`, Ctrl+C) delivered to the GUI thread.

Python runs a signal handler only when the interpreter gets control, which Qt's event
loop may not give it for a long time. Python writes the signal's number to a wakeup
socket as it arrives; a QSocketNotifier on the other end wakes the event loop, and
`requested` is emitted there, in the GUI thread, where the window can save its journal.
"""

from __future__ import annotations

import signal
import socket
import sys
from collections.abc import Iterable
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

QUIT_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


class QuitSignals(QObject):
    """Emits `requested(signal number)` in the GUI thread when one of `signals` arrives."""

    requested = Signal(int)

    def __init__(
        self, parent: QObject | None = None, signals: Iterable[int] = QUIT_SIGNALS
    ) -> None:
        super().__init__(parent)
        self._previous: dict[int, Any] = {}
        self._old_wakeup = -1
        self._notifier: QSocketNotifier | None = None
        if sys.platform == "win32":  # no wakeup socket for a GUI there; Windows ends apps otherwise
            return
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._old_wakeup = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        for number in signals:
            self._previous[number] = signal.signal(number, self._noted)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)

    @staticmethod
    def _noted(number: int, frame: FrameType | None) -> None:
        """The Python-level handler: the wakeup socket already carries the news."""

    def _wake(self) -> None:
        try:
            data = self._reader.recv(64)
        except OSError:
            return
        for number in dict.fromkeys(data):  # the same signal twice is one request
            if number in self._previous:
                self.requested.emit(number)

    def uninstall(self) -> None:
        """Put back the handlers found at start (tests; a second window)."""
        if self._notifier is None:
            return
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._old_wakeup)
        self._reader.close()
        self._writer.close()
        self._notifier = None
