"""Noticing a window's first paint: for the start-up benchmark and `byline --self-test`.

BYLINE_EXIT_AFTER_PAINT=1 makes the app print `byline: first paint <seconds> s` once its
window has painted, then quit (tests/perf/bench_package_startup.py times that line).
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from editor.ui.widgets.after_paint import FirstPaint

EXIT_AFTER_PAINT_ENV = "BYLINE_EXIT_AFTER_PAINT"
_STARTED = time.perf_counter()  # when the GUI modules were imported
__all__ = ["EXIT_AFTER_PAINT_ENV", "FirstPaint", "exit_after_first_paint_if_asked"]


def exit_after_first_paint_if_asked(app: QCoreApplication, window: QWidget) -> None:
    """With BYLINE_EXIT_AFTER_PAINT=1: print the time of the first paint, then quit."""
    if os.environ.get(EXIT_AFTER_PAINT_ENV) != "1":
        return
    watcher = FirstPaint(window)

    def done() -> None:
        print(f"byline: first paint {time.perf_counter() - _STARTED:.3f} s", flush=True)
        app.quit()

    watcher.painted.connect(done)
