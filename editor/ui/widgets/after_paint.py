"""Work that waits until a window is on screen: runs once it has first painted.

Start-up shows the window first, then renders the preview, then starts the index and the
spell checker: work started before the first paint delays it, and work started beside the
first render delays that (a worker thread competes for the interpreter).
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


class Deferred(QObject):
    """`run(work)` runs `work` now once released, else when `release()` is called, in
    the order asked; `cancel()` drops what waits (the window is closing)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._waiting: list[Callable[[], object]] | None = []

    @property
    def released(self) -> bool:
        return self._waiting is None

    def run(self, work: Callable[[], object]) -> None:
        if self._waiting is None:
            work()
        else:
            self._waiting.append(work)

    def cancel(self) -> None:
        self._waiting = None

    def release(self, *_args: object) -> None:
        waiting, self._waiting = self._waiting, None
        for work in waiting or ():
            work()


class AfterFirstPaint(Deferred):
    """Released by the first paint of `window`; at once (on the event loop's first turn)
    when the window is not shown by then, and after `LATEST_MS` at the latest."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._paint = FirstPaint(window)
        self._paint.painted.connect(self.release)
        QTimer.singleShot(0, self._unless_shown)
        QTimer.singleShot(LATEST_MS, self.release)

    def _unless_shown(self) -> None:
        if not self._window.isVisible():
            self.release()
