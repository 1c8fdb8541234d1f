"""The QApplication and the first window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from editor import __version__


def run_gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="byline")
    parser.add_argument("path", nargs="?", help="a site folder or a post to open")
    args = parser.parse_args(list(argv))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Byline")
    app.setApplicationVersion(__version__)
    window = QMainWindow()
    window.setWindowTitle("Byline")
    window.setCentralWidget(QLabel(args.path or "Byline"))
    window.resize(1200, 800)
    window.show()
    return app.exec()
