"""The Tags, categories and authors manager: every value with its post count, and the actions."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.core.index.site_index import Vocabulary
from editor.core.terms.rename import variants

KINDS = (("tag", "Tags"), ("category", "Categories"), ("author", "Authors"))


class TermsDialog(QDialog):
    """Emits `changeRequested(kind, olds, new)`; `new` is None to delete."""

    changeRequested = Signal(str, list, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tags, Categories and Authors")
        self.setObjectName("TermsDialog")
        self.resize(620, 520)
        self.tabs = QTabWidget(self)
        self.tables: dict[str, QTableWidget] = {}
        for kind, title in KINDS:
            table = QTableWidget(0, 3, self)
            table.setHorizontalHeaderLabels([title[:-1] if kind != "category" else "Category",
                                              "Posts", "Also spelled"])  # fmt: skip
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            header = table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
            table.setSortingEnabled(True)
            table.setAccessibleName(title)
            self.tables[kind] = table
            self.tabs.addTab(table, title)
        self.note = QLabel(
            "Select one value to rename or delete it, several to merge them into one. Each "
            "change shows its diff before anything is written.",
            self,
        )
        self.note.setWordWrap(True)
        self.rename_button = QPushButton("&Rename…", self)
        self.merge_button = QPushButton("&Merge…", self)
        self.delete_button = QPushButton("&Delete…", self)
        buttons = QHBoxLayout()
        for b in (self.rename_button, self.merge_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.rename_button.clicked.connect(lambda: self._ask(merge=False))
        self.merge_button.clicked.connect(lambda: self._ask(merge=True))
        self.delete_button.clicked.connect(self._delete)
        self.tabs.currentChanged.connect(self._update_buttons)
        for table in self.tables.values():
            table.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_vocabulary(self, vocabulary: Vocabulary) -> None:
        counters: dict[str, Counter[str]] = {
            "tag": vocabulary.tags,
            "category": vocabulary.categories,
            "author": Counter({a: n for a, n in vocabulary.authors.items() if n}),
        }
        for kind, counts in counters.items():
            table = self.tables[kind]
            table.setSortingEnabled(False)
            also: dict[str, str] = {}
            for group in variants(counts):
                for name, _ in group:
                    also[name] = ", ".join(f"{o} ({n})" for o, n in group if o != name)
            table.setRowCount(0)
            for name in Vocabulary.names(counts):
                row = table.rowCount()
                table.insertRow(row)
                table.setItem(row, 0, QTableWidgetItem(name))
                count = QTableWidgetItem()
                count.setData(Qt.ItemDataRole.DisplayRole, counts[name])
                table.setItem(row, 1, count)
                note = QTableWidgetItem(also.get(name, ""))
                if name in also:
                    note.setToolTip("The same value spelled another way: merge them?")
                    note.setForeground(Qt.GlobalColor.darkYellow)
                table.setItem(row, 2, note)
            table.setSortingEnabled(True)
            table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # most used first
        self._update_buttons()

    def kind(self) -> str:
        return KINDS[self.tabs.currentIndex()][0]

    def selected(self) -> list[str]:
        table = self.tables[self.kind()]
        rows = sorted({i.row() for i in table.selectedItems()})
        return [table.item(r, 0).text() for r in rows]

    def select(self, kind: str, names: list[str]) -> None:
        """Select these values (tests, and after a change)."""
        self.tabs.setCurrentIndex([k for k, _ in KINDS].index(kind))
        table = self.tables[kind]
        table.clearSelection()
        mode = table.selectionMode()
        table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(table.rowCount()):
            if table.item(row, 0).text() in names:
                table.selectRow(row)
        table.setSelectionMode(mode)

    def _update_buttons(self) -> None:
        n = len(self.selected())
        self.rename_button.setEnabled(n == 1)
        self.merge_button.setEnabled(n > 1)
        self.delete_button.setEnabled(n >= 1)

    def _ask(self, *, merge: bool) -> None:
        olds = self.selected()
        if not olds:
            return
        label = f"Merge {', '.join(olds)} into:" if merge else f"Rename {olds[0]} to:"
        new, ok = QInputDialog.getText(self, "Merge" if merge else "Rename", label, text=olds[0])
        new = new.strip()
        if ok and new and (merge or new != olds[0]):
            self.changeRequested.emit(self.kind(), olds, new)

    def _delete(self) -> None:
        olds = self.selected()
        if olds:
            self.changeRequested.emit(self.kind(), olds, None)
