"""Work that waits until a window is on screen: runs once it has first painted.

Start-up shows the window first, then renders the preview and starts the index: work
started before the first paint delays it (a worker thread competes for the interpreter).
A window that is not shown when the event loop first runs (tests, a self-test) does not
wait; nor does one that has not painted within `LATEST_MS` (minimised at start).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

LATEST_MS = 1500


class FirstPaint(QObject):
    """Emits `painted` once, after the first paint of `window` (queued: once that paint
    pass has finished)."""

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
            QTimer.singleShot(0, self.painted.emit)
        return False


class AfterFirstPaint(QObject):
    """`run(work)` runs `work` now if the window has painted (or gave up waiting),
    else right after its first paint, in the order asked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._waiting: list[Callable[[], object]] | None = []
        self._paint = FirstPaint(window)
        self._paint.painted.connect(self._release)
        QTimer.singleShot(0, self._unless_shown)
        QTimer.singleShot(LATEST_MS, self._release)

    @property
    def released(self) -> bool:
        return self._waiting is None

    def run(self, work: Callable[[], object]) -> None:
        if self._waiting is None:
            work()
        else:
            self._waiting.append(work)

    def cancel(self) -> None:
        """The window is closing: what still waits is not wanted any more."""
        self._waiting = None

    def _unless_shown(self) -> None:
        if not self._window.isVisible():
            self._release()

    def _release(self) -> None:
        waiting, self._waiting = self._waiting, None
        for work in waiting or ():
            work()
