"""The Outline pane: the open post's headings; a click goes there, the current one is marked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from editor.core.writing.outline import Heading, section_at


class OutlinePane(QListWidget):
    """Emits `headingClicked(line)` with the body line of the heading clicked."""

    headingClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutlinePane")
        self.setAccessibleName("Outline")
        self._headings: list[Heading] = []
        self._line = 1
        self._marked: tuple[int | None, int] = (None, 0)  # the row in bold, and its band
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)

    def set_headings(self, headings: list[Heading]) -> None:
        if headings == self._headings:
            return  # typing inside a paragraph: nothing to redraw
        self._headings = list(headings)
        self.blockSignals(True)
        self.clear()
        self._marked = (None, 0)  # new rows, none of them marked
        top = min((h.level for h in headings), default=1)
        for heading in headings:
            item = QListWidgetItem("    " * (heading.level - top) + (heading.text or "(empty)"))
            item.setToolTip(f"line {heading.line}")
            item.setData(Qt.ItemDataRole.UserRole, heading.line)
            self.addItem(item)
        if not headings:
            empty = QListWidgetItem("No headings yet: # Title starts one")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(empty)
        self.blockSignals(False)
        self.set_current_line(self._line)

    def set_current_line(self, line: int) -> None:
        """Mark the heading whose section holds the cursor's body line."""
        self._line = line
        index = section_at(self._headings, line)
        self.blockSignals(True)
        # bold on a faint band of the theme's highlight, seen with or without the focus
        band = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        band.setAlpha(70)
        # only the rows whose mark changes: restyling every row re-lays out the list each
        # time (~25 ms for a long post's outline, on opening it and on every line change)
        if (index, band.rgba()) != self._marked:
            old = self._marked[0]
            for row in {old, index} - {None}:
                item = self.item(row) if row is not None else None
                if item is None:
                    continue
                font = item.font()
                font.setBold(row == index)
                item.setFont(font)
                item.setBackground(QBrush(band) if row == index else QBrush())
            self._marked = (index, band.rgba())
        if index is None:
            self.clearSelection()
            self.setCurrentRow(-1)
        else:
            self.setCurrentRow(index)
        self.blockSignals(False)

    def _clicked(self, item: QListWidgetItem) -> None:
        line = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(line, int):
            self.headingClicked.emit(line)
