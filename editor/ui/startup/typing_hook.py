"""Hooks for tests that drive the real app in a child process (never used otherwise).

BYLINE_TEST_TYPE="text": once the window is up, type the text into the Markdown pane one
key every BYLINE_TEST_TYPE_MS (default 15) milliseconds, at the end of the body, printing
`byline-typed <monotonic seconds> <characters typed>` after each key (the kill test).
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

TYPE_ENV = "BYLINE_TEST_TYPE"
TYPE_MS_ENV = "BYLINE_TEST_TYPE_MS"


def type_if_asked(window: QMainWindow, editor: QPlainTextEdit) -> QTimer | None:
    text = os.environ.get(TYPE_ENV)
    if not text:
        return None
    from PySide6.QtTest import QTest  # only here: the bundle need not ship QtTest

    typed = 0

    def type_one() -> None:
        nonlocal typed
        if typed >= len(text):
            timer.stop()
            return
        if typed == 0:
            editor.setFocus()
            editor.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClicks(editor, text[typed])
        typed += 1
        print(f"byline-typed {time.monotonic():.6f} {typed}", flush=True)

    timer = QTimer(window)
    timer.timeout.connect(type_one)
    timer.start(int(os.environ.get(TYPE_MS_ENV, "15")))
    return timer
