"""Termination signals (logout, shutdown, `kill`, Ctrl+C) delivered to the GUI thread.

Python runs a signal handler only when the interpreter gets control, which Qt's event
loop may not give it for a long time. Python writes the signal's number to a wakeup
pipe as it arrives; a QSocketNotifier on the other end wakes the event loop, and
`requested` is emitted there, in the GUI thread, where the window can save its journal.
"""

from __future__ import annotations

import os
import signal
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
        if sys.platform == "win32":  # no wakeup pipe for a GUI there; Windows ends apps otherwise
            return
        # a pipe, not a socket pair: the same wakeup, without importing socket at start-up
        self._reader, self._writer = os.pipe()
        os.set_blocking(self._reader, False)
        os.set_blocking(self._writer, False)
        self._old_wakeup = signal.set_wakeup_fd(self._writer, warn_on_full_buffer=False)
        for number in signals:
            self._previous[number] = signal.signal(number, self._noted)
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)

    @staticmethod
    def _noted(number: int, frame: FrameType | None) -> None:
        """The Python-level handler: the wakeup pipe already carries the news."""

    def _wake(self) -> None:
        try:
            data = os.read(self._reader, 64)
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
        os.close(self._reader)
        os.close(self._writer)
        self._notifier = None
