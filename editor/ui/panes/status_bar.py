"""The status bar: words, reading time, file path, saved state, and background work."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from editor.core.site.post_actions import reading_minutes


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Status")
        self.words = QLabel(self)
        self.words.setAccessibleName("Word count")
        self.reading = QLabel(self)
        self.reading.setAccessibleName("Reading time")
        self.path = QLabel(self)
        self.path.setAccessibleName("File path")
        self.state = QLabel(self)
        self.state.setAccessibleName("Saved state")
        self.busy = QProgressBar(self)
        self.busy.setAccessibleName("Indexing the site")
        self.busy.setMaximumWidth(140)
        self.busy.setRange(0, 0)  # indeterminate: a moving bar
        self.busy.setTextVisible(False)
        self.busy_label = QLabel(self)
        for w in (self.path,):
            self.addWidget(w, 1)
        self.addPermanentWidget(self.busy_label)
        self.addPermanentWidget(self.busy)
        for w in (self.words, self.reading, self.state):
            self.addPermanentWidget(w)
        self.set_busy(None)

    def set_counts(self, words: int) -> None:
        self.words.setText(f"{words:,} words")
        minutes = reading_minutes(words)
        self.reading.setText(f"{minutes} min read" if minutes else "")

    def set_path(self, text: str, full: str) -> None:
        self.path.setText(text)
        self.path.setToolTip(full)

    def set_saved(self, dirty: bool, raw: bool = False, new: bool = False) -> None:
        text = "Unsaved changes" if dirty else "Saved"
        if new:
            text = "New, not saved yet"
        self.state.setText(f"{text} · raw mode" if raw else text)

    def set_busy(self, message: str | None) -> None:
        self.busy.setVisible(message is not None)
        self.busy_label.setVisible(message is not None)
        self.busy_label.setText(message or "")
