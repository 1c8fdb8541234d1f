"""A small app for the typing kill test: a QPlainTextEdit wired to an Autosaver.

It types TEXT one key at a time and prints `<monotonic time> <characters typed>` after
each key, until the test kills it. Usage: kill_typing_app.py JOURNAL_FOLDER
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from editor.core.safety.journal import Journal, JournalEntry
from editor.ui.safety.autosave import Autosaver

KEY = "new-killtest"
TEXT = "".join(
    f"Sentence {n} of a post typed in a hurry before the battery dies. " for n in range(400)
)
KEY_MS = 15


def main() -> int:
    app = QApplication([sys.argv[0]])
    journal = Journal(sys.argv[1])
    edit = QPlainTextEdit()
    edit.show()

    def state() -> JournalEntry:
        return JournalEntry(KEY, edit.toPlainText(), cursor=edit.textCursor().position())

    saver = Autosaver(journal, state, edit)  # the defaults the window gets
    edit.textChanged.connect(saver.document_changed)
    typed = 0

    def type_one() -> None:
        nonlocal typed
        if typed >= len(TEXT):
            return
        QTest.keyClicks(edit, TEXT[typed])
        typed += 1
        print(f"{time.monotonic():.6f} {typed}", flush=True)

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(KEY_MS)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
