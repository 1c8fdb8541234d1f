"""Start-up benchmark: when the window has settled (the post shown, its preview drawn).

`byline --measure-settled PATH` prints `byline-first-paint <time>` when the window is
first painted (mapped) and `byline-settled <time>` once the preview of the opened post is
on screen, then quits (tests/perf/bench_startup.py reads both).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class SettledProbe(QObject):
    """Prints the wall-clock time of the first paint of `preview` after `rendered` fired."""

    def __init__(self, preview: QWidget, rendered: object) -> None:
        super().__init__(preview)
        self._preview = preview
        self._armed = False
        rendered.connect(self._arm)  # type: ignore[attr-defined]

    def _arm(self, *_args: object) -> None:
        if not self._armed:
            self._armed = True
            self._preview.installEventFilter(self)
            self._preview.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() == QEvent.Type.Paint:
            self._preview.removeEventFilter(self)
            self._armed = False
            print(f"byline-settled {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False
