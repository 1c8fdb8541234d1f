"""A preview of a change to many posts: each post (ticked) with its diff; Apply writes them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)


class PlanDialog(QDialog):
    """`rows`: (key, label, diff text); `skipped()` gives the keys the author unticked."""

    def __init__(
        self,
        title: str,
        summary: str,
        rows: list[tuple[str, str, str]],
        problems: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("PlanDialog")
        self.resize(900, 600)
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Posts to change")
        self.diff = QPlainTextEdit(self)
        self.diff.setReadOnly(True)
        self.diff.setAccessibleName("Changes in the selected post")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.diff.setFont(font)
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._diffs: dict[str, str] = {}
        for key, label, diff in rows:
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self._diffs[key] = diff
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.list)
        split.addWidget(self.diff)
        split.setSizes([300, 600])
        self.problems = QLabel("\n".join(problems), self)
        self.problems.setWordWrap(True)
        self.problems.setVisible(bool(problems))
        self.problems.setStyleSheet("color: #b45309")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(self._show)
        if rows:
            self.list.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None) -> None:
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.diff.setPlainText(self._diffs.get(key, "") if isinstance(key, str) else "")

    def skipped(self) -> set[str]:
        out = set()
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() != Qt.CheckState.Checked:
                out.add(item.data(Qt.ItemDataRole.UserRole))
        return out
