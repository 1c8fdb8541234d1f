"""Local history of one post: its kept versions with time and size, a diff, and Restore."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.core.errors import BylineError
from editor.core.safety.history import History, Version
from editor.ui.dialogs.diff_view import DiffView


def _size(n: int) -> str:
    return f"{n} bytes" if n < 1024 else f"{n / 1024:.1f} KB"


class HistoryDialog(QDialog):
    """Versions newest first; selecting one diffs it against `current_text`.

    Restore emits `restoreRequested(str)` with the version's text (the window puts it in
    the editor as an unsaved change) and closes.
    """

    restoreRequested = Signal(str)

    def __init__(
        self,
        history: History,
        site_root: str | os.PathLike[str] | None,
        post_path: str | os.PathLike[str],
        current_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"History of {os.path.basename(post_path)}")
        self.history = history
        self.current_text = current_text
        self.versions: list[Version] = history.versions(site_root, post_path)
        self.list = QListWidget(self)
        for version in self.versions:
            when = version.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            item = QListWidgetItem(f"{when}   {_size(version.size)}")
            item.setData(Qt.ItemDataRole.UserRole, version)
            self.list.addItem(item)
        self.view = DiffView(self)
        self.empty = QLabel("No earlier versions yet: each save keeps the one it replaces.", self)
        self.restore_button = QPushButton("Restore this version", self)
        self.restore_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.empty)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.empty.setVisible(not self.versions)
        self.empty.setWordWrap(True)
        # nothing to list or compare: the sentence alone, no empty columns
        splitter.setVisible(bool(self.versions))
        self.splitter = splitter
        self.list.currentRowChanged.connect(self._show)
        self.restore_button.clicked.connect(self.restore)
        if self.versions:
            self.list.setCurrentRow(0)
            self.resize(1000, 620)
        else:
            self.resize(520, 140)

    def selected(self) -> Version | None:
        row = self.list.currentRow()
        return self.versions[row] if 0 <= row < len(self.versions) else None

    def _show(self, row: int) -> None:
        version = self.selected()
        self.restore_button.setEnabled(version is not None)
        if version is None:
            return
        try:
            old = version.text()
        except BylineError as exc:
            self.view.clear(str(exc))
            self.restore_button.setEnabled(False)
            return
        when = version.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        self.view.set_texts(old, self.current_text, f"Before the save of {when}", "Current")

    def restore(self) -> None:
        version = self.selected()
        if version is None:
            return
        try:
            text = self.history.restore_text(version)
        except BylineError as exc:
            QMessageBox.warning(self, "Cannot restore", str(exc))
            return
        self.restoreRequested.emit(text)
        self.accept()
