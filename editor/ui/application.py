"""The QApplication and the first window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from editor import __version__
from editor.ui.first_paint import exit_after_first_paint_if_asked


def create_window(path: str | None = None) -> QMainWindow:
    """The main window on `path` (a site or a post), not yet shown."""
    window = QMainWindow()
    window.setWindowTitle("Byline")
    window.setCentralWidget(QLabel(path or "Byline"))
    window.resize(1200, 800)
    return window


def run_gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="byline")
    parser.add_argument("path", nargs="?", help="a site folder or a post to open")
    args = parser.parse_args(list(argv))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Byline")
    app.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("byline")  # matches packaging/linux/byline.desktop
    window = create_window(args.path)
    exit_after_first_paint_if_asked(app, window)
    window.show()
    return app.exec()
