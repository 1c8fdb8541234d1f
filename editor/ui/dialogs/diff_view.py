"""A side-by-side diff of two texts (rows from editor.core.safety.textdiff), and a dialog around it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.safety.textdiff import Row, side_by_side

# translucent, so they read on light and dark palettes alike
_COLOURS = {
    "removed": QColor(220, 60, 60, 70),
    "added": QColor(60, 180, 80, 70),
    "changed": QColor(230, 180, 40, 70),
}


class DiffView(QWidget):
    """Two columns of text, old on the left and new on the right, changed lines tinted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        header = self.table.horizontalHeader()
        for column, mode in enumerate(
            (QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch) * 2
        ):
            header.setSectionResizeMode(column, mode)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.rows: list[Row] = []

    def set_texts(
        self, old: str, new: str, old_label: str = "On disk", new_label: str = "Yours"
    ) -> None:
        self.rows = side_by_side(old, new)
        self.table.setHorizontalHeaderLabels(["", old_label, "", new_label])
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            cells = (row.left_no, row.left, row.right_no, row.right)
            for column, value in enumerate(cells):
                item = QTableWidgetItem("" if value is None else str(value))
                if column % 2 == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                colour = _COLOURS.get(row.kind)
                if colour is not None:
                    item.setBackground(colour)
                self.table.setItem(n, column, item)
        changed = sum(1 for r in self.rows if r.kind != "same")
        self.summary.setText(
            "The two versions are identical." if not changed else f"{changed} line(s) differ."
        )
        first = next((n for n, r in enumerate(self.rows) if r.kind != "same"), 0)
        target = self.table.item(first, 1) if self.rows else None
        if target is not None:
            self.table.scrollToItem(target)


class DiffDialog(QDialog):
    """A window showing one comparison, with a Close button."""

    def __init__(
        self,
        old: str,
        new: str,
        *,
        title: str = "Compare",
        old_label: str = "On disk",
        new_label: str = "Yours",
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.view = DiffView(self)
        self.view.set_texts(old, new, old_label, new_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if note:
            label = QLabel(note, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(1000, 640)
