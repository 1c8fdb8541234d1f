"""The QApplication and the first window."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from editor import __version__

_STARTED = time.perf_counter()


def create_window(path: str | None = None) -> QMainWindow:
    """The main window on `path` (a site or a post), not yet shown."""
    window = QMainWindow()
    window.setWindowTitle("Byline")
    window.setCentralWidget(QLabel(path or "Byline"))
    window.resize(1200, 800)
    return window


class FirstPaint(QObject):
    """Emits `painted` once, after the first paint of `window` or any widget inside it."""

    painted = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.seen = False
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self.seen = True
            QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
            # queued: the signal fires once this paint pass has finished
            QTimer.singleShot(0, self.painted.emit)
        return False


def _exit_after_first_paint(app: QCoreApplication, window: QWidget) -> None:
    """BYLINE_EXIT_AFTER_PAINT=1 (the start-up benchmark): print the time, then quit."""
    watcher = FirstPaint(window)

    def done() -> None:
        print(f"byline: first paint {time.perf_counter() - _STARTED:.3f} s", flush=True)
        app.quit()

    watcher.painted.connect(done)


def run_gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="byline")
    parser.add_argument("path", nargs="?", help="a site folder or a post to open")
    args = parser.parse_args(list(argv))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Byline")
    app.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("byline")  # matches packaging/linux/byline.desktop
    window = create_window(args.path)
    if os.environ.get("BYLINE_EXIT_AFTER_PAINT") == "1":
        _exit_after_first_paint(app, window)
    window.show()
    return app.exec()
