"""The "Other fields" table: every front matter key the form does not know, as YAML text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class OtherFieldsTable(QWidget):
    """Edits keys as (key, YAML value). Emits what the author did; the document applies it."""

    fieldEditedRaw = Signal(str, str)  # key, YAML text
    fieldRemoved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setAccessibleName("Other fields")
        self.table.setHorizontalHeaderLabels(["Key", "YAML value"])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.itemChanged.connect(self._on_item_changed)
        add = QPushButton("&Add field", self)
        add.setAccessibleName("Add a front matter field")
        add.clicked.connect(self._add_row)
        remove = QPushButton("Remove field", self)
        remove.setAccessibleName("Remove the selected front matter field")
        remove.clicked.connect(self._remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        # an empty table says what it is for instead of showing bare column headers
        self.empty_hint = QLabel(
            "None. Keys the form has no field for (like <code>featured: true</code>) are "
            "listed here; Add field makes one.",
            self,
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setEnabled(False)  # drawn greyed, like a placeholder
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._keys: list[str] = []  # the key each row had when filled, to notice renames
        self._filling = False
        self._show_hint()

    def _show_hint(self) -> None:
        empty = self.table.rowCount() == 0
        self.empty_hint.setVisible(empty)
        self.table.setVisible(not empty)

    def set_fields(self, fields: list[tuple[str, str]]) -> None:
        """Show (key, raw YAML) pairs without emitting anything."""
        self._filling = True
        self.table.setRowCount(0)
        self._keys = []
        for key, raw in fields:
            self._append(key, raw)
        self._filling = False
        height = self.table.horizontalHeader().height() + 4
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        height = min(
            max(height + self.table.rowHeight(0) if self.table.rowCount() else height + 30, 60), 200
        )
        self.table.setFixedHeight(height)
        self._show_hint()

    def _append(self, key: str, raw: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(key))
        self.table.setItem(row, 1, QTableWidgetItem(raw))
        self._keys.append(key)

    def _add_row(self) -> None:
        self._filling = True
        self._append("", "")
        self._filling = False
        self._show_hint()
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def _remove_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        key = self._keys[row]
        self._filling = True
        self.table.removeRow(row)
        del self._keys[row]
        self._filling = False
        self._show_hint()
        if key:
            self.fieldRemoved.emit(key)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row = item.row()
        key_item, value_item = self.table.item(row, 0), self.table.item(row, 1)
        key = key_item.text().strip() if key_item else ""
        value = value_item.text() if value_item else ""
        old = self._keys[row]
        if not key:
            return
        if old and old != key:
            self.fieldRemoved.emit(old)
        self._keys[row] = key
        self.fieldEditedRaw.emit(key, value if value.strip() else '""')

    def select_key(self, key: str) -> None:
        if key in self._keys:
            self.table.setCurrentCell(self._keys.index(key), 1)

    def key_of_row(self, row: int) -> str:
        return self._keys[row]

    def text_of(self, key: str) -> str | None:
        if key not in self._keys:
            return None
        item = self.table.item(self._keys.index(key), 1)
        return item.text() if item else None

    def alignment(self) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft
