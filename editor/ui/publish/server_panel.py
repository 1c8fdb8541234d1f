"""The panel under the window that shows Jekyll's build progress and errors."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.siteserve.output import Event, Line

MAX_LINES = 2000


class ServerPanel(QDockWidget):
    """Emits `openRequested` (Open in Browser) and `stopRequested` (Stop)."""

    openRequested = Signal()
    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Preview on the Site", parent)
        self.setObjectName("SiteServerPanel")
        body = QWidget(self)
        self.state = QLabel("Not running", body)
        self.state.setAccessibleName("Site preview state")
        self.open_button = QPushButton("Open in Browser", body)
        self.stop_button = QPushButton("Stop", body)
        self.log = QPlainTextEdit(body)
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(MAX_LINES)
        self.log.setAccessibleName("Jekyll messages")
        top = QHBoxLayout()
        top.addWidget(self.state, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.stop_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.log, 1)
        self.setWidget(body)
        self.open_button.clicked.connect(self.openRequested)
        self.stop_button.clicked.connect(self.stopRequested)
        self.set_running(False)

    def set_running(self, running: bool, text: str | None = None) -> None:
        self.open_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        if text is not None:
            self.state.setText(text)

    def add_line(self, line: Line) -> None:
        fmt = QTextCharFormat()
        if line.event is Event.ERROR:
            fmt.setForeground(QColor("#c62828"))  # errors stand out in either theme
            fmt.setFontWeight(700)
            self.state.setText(f"Build error: {line.text}")
        elif line.event is Event.BUILDING:
            self.state.setText("Building…")
        elif line.event is Event.BUILT and line.seconds is not None:
            self.state.setText(f"Built in {line.seconds:.2f} s")
        cursor = self.log.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        if not self.log.document().isEmpty():
            cursor.insertText("\n")
        cursor.insertText(line.text, fmt)
        self.log.ensureCursorVisible()

    def clear(self) -> None:
        self.log.clear()
