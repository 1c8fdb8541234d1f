"""The find/replace bar under the Markdown editor (Ctrl+F finds, Ctrl+H replaces)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setAccessibleName("Find and replace")
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText("Find")
        self.find_edit.setAccessibleName("Find text")
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textChanged.connect(lambda _: self.status.clear())
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText("Replace with")
        self.replace_edit.setAccessibleName("Replacement text")
        self.replace_edit.returnPressed.connect(self.replace_one)
        self.case = QCheckBox("Match case", self)
        self.status = QLabel(self)
        buttons = []
        for label, slot, name in (
            ("Next", self.find_next, "Find next"),
            ("Previous", self.find_previous, "Find previous"),
            ("Replace", self.replace_one, "Replace this match"),
            ("All", self.replace_all, "Replace all matches"),
            ("✕", self.close_bar, "Close find bar"),
        ):
            b = QPushButton(label, self)
            b.setAccessibleName(name)
            b.clicked.connect(slot)
            buttons.append(b)
        self._replace_widgets = [self.replace_edit, buttons[2], buttons[3]]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.find_edit, 2)
        layout.addWidget(buttons[0])
        layout.addWidget(buttons[1])
        layout.addWidget(self.replace_edit, 2)
        layout.addWidget(buttons[2])
        layout.addWidget(buttons[3])
        layout.addWidget(self.case)
        layout.addWidget(self.status)
        layout.addWidget(buttons[4])
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        self.hide()

    def open(self, *, replace: bool) -> None:
        for w in self._replace_widgets:
            w.setVisible(replace)
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus()
        self.closed.emit()

    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def _find(self, backward: bool) -> bool:
        text = self.find_edit.text()
        if not text:
            return False
        if self.editor.find(text, self._flags(backward)):
            self.status.clear()
            return True
        cursor = self.editor.textCursor()  # wrap around once
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
        )
        self.editor.setTextCursor(cursor)
        found = self.editor.find(text, self._flags(backward))
        self.status.setText("" if found else "Not found")
        return found

    def find_next(self) -> bool:
        return self._find(False)

    def find_previous(self) -> bool:
        return self._find(True)

    def _matches(self, selected: str) -> bool:
        text = self.find_edit.text()
        return selected == text if self.case.isChecked() else selected.lower() == text.lower()

    def replace_one(self) -> None:
        cursor = self.editor.textCursor()
        if cursor.hasSelection() and self._matches(cursor.selectedText()):
            cursor.insertText(self.replace_edit.text())
        self.find_next()

    def replace_all(self) -> int:
        text = self.find_edit.text()
        if not text:
            return 0
        doc = self.editor.document()
        spans: list[tuple[int, int]] = []
        found = doc.find(text, QTextCursor(doc), self._flags())
        while not found.isNull():
            spans.append((found.selectionStart(), found.selectionEnd()))
            found = doc.find(text, found, self._flags())
        edit = QTextCursor(doc)
        edit.beginEditBlock()  # one undo step for all replacements
        for start, end in reversed(spans):  # from the end: earlier positions stay valid
            edit.setPosition(start)
            edit.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            edit.insertText(self.replace_edit.text())
        edit.endEditBlock()
        self.status.setText(f"{len(spans)} replaced")
        return len(spans)
