"""Noticing a window's first paint: for the start-up benchmark and `byline --self-test`.

BYLINE_EXIT_AFTER_PAINT=1 makes the app print `byline: first paint <seconds> s` once its
window has painted, then quit (tests/perf/bench_package_startup.py times that line).
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

EXIT_AFTER_PAINT_ENV = "BYLINE_EXIT_AFTER_PAINT"
_STARTED = time.perf_counter()  # when the GUI modules were imported


class FirstPaint(QObject):
    """Emits `painted` once, after the first paint of `window` or any widget inside it."""

    painted = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.seen = False
        # the window's own paint (a top-level window always paints its background) is
        # enough; an app-wide filter would see every widget, some of them half-destroyed
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.seen and event.type() == QEvent.Type.Paint and watched is self._window:
            self.seen = True
            self._window.removeEventFilter(self)
            # queued: the signal fires once this paint pass has finished
            QTimer.singleShot(0, self.painted.emit)
        return False


def exit_after_first_paint_if_asked(app: QCoreApplication, window: QWidget) -> None:
    """With BYLINE_EXIT_AFTER_PAINT=1: print the time of the first paint, then quit."""
    if os.environ.get(EXIT_AFTER_PAINT_ENV) != "1":
        return
    watcher = FirstPaint(window)

    def done() -> None:
        print(f"byline: first paint {time.perf_counter() - _STARTED:.3f} s", flush=True)
        app.quit()

    watcher.painted.connect(done)
