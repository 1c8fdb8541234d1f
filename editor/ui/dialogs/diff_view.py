"""A side-by-side diff of two texts (rows from editor.core.safety.textdiff), and a dialog around it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFontDatabase, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
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


def describe(rows: list[Row]) -> str:
    """The comparison in a sentence: how many lines differ, in how many places."""
    lines = sum(1 for r in rows if r.kind != "same")
    if not lines:
        return "The two versions are identical."
    places = len(change_starts(rows))
    where = "" if places == 1 else f", in {places} places"
    return ("One line differs" if lines == 1 else f"{lines} lines differ") + where + "."


def change_starts(rows: list[Row]) -> list[int]:
    """The row where each run of changed lines begins."""
    return [
        n for n, r in enumerate(rows) if r.kind != "same" and (n == 0 or rows[n - 1].kind == "same")
    ]


class DiffView(QWidget):
    """Two columns of text, old on the left and new on the right, changed lines tinted.

    Long lines wrap; it opens at the first change, and Previous / Next change (Alt+Up,
    Alt+Down) step through the runs of changed lines.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.previous_button = QPushButton("Previous change", self)
        self.next_button = QPushButton("Next change", self)
        self.previous_button.setShortcut(QKeySequence("Alt+Up"))
        self.next_button.setShortcut(QKeySequence("Alt+Down"))
        self.previous_button.setToolTip("Previous change (Alt+Up)")
        self.next_button.setToolTip("Next change (Alt+Down)")
        self.previous_button.clicked.connect(lambda: self.go_to_change(self.change - 1))
        self.next_button.clicked.connect(lambda: self.go_to_change(self.change + 1))
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        # long lines wrap instead of ending in "...": a changed word may be at the end
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setShowGrid(False)
        self.table.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.table.setHorizontalHeaderLabels(["", "Before", "", "After"])
        header = self.table.horizontalHeader()
        for column, mode in enumerate(
            (QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch) * 2
        ):
            header.setSectionResizeMode(column, mode)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.previous_button)
        top.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.rows: list[Row] = []
        self.changes: list[int] = []
        self.change = -1  # which of `changes` is shown (-1: none)
        self._update_buttons()

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
        self.summary.setText(describe(self.rows))
        self.changes = change_starts(self.rows)
        self.change = -1
        self.go_to_change(0)

    def clear(self, message: str = "") -> None:
        """No comparison to show (an empty history, a version that cannot be read)."""
        self.rows, self.changes, self.change = [], [], -1
        self.table.setRowCount(0)
        self.summary.setText(message)
        self._update_buttons()

    def go_to_change(self, number: int) -> None:
        """Bring run of changes `number` (0-based) to the top of the view and select it."""
        if not self.changes:
            self._update_buttons()
            return
        self.change = max(0, min(number, len(self.changes) - 1))
        row = self.changes[self.change]
        self.table.selectRow(row)
        self._scroll_to_change()
        self._update_buttons()

    def _scroll_to_change(self) -> None:
        if 0 <= self.change < len(self.changes):
            item = self.table.item(max(0, self.changes[self.change] - 2), 1)  # 2 lines of context
            if item is not None:
                self.table.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtTop)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # rows only have their wrapped heights once shown: scroll again then
        QTimer.singleShot(0, self, self._scroll_to_change)

    def _update_buttons(self) -> None:
        self.previous_button.setEnabled(self.change > 0)
        self.next_button.setEnabled(0 <= self.change < len(self.changes) - 1)
        self.previous_button.setVisible(bool(self.changes))
        self.next_button.setVisible(bool(self.changes))


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
