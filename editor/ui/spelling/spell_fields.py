"""Wavy underlines in the form's text fields: the excerpt (a QPlainTextEdit) and the title
(a QLineEdit, which has no highlighter: its formats go in through an input-method event,
the one way Qt offers to format part of a line edit's text)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QColor,
    QInputMethodEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
)
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

Marks = Callable[[str], list[tuple[int, int]]]  # text -> (start, length) of misspelt words


def misspelt_format() -> QTextCharFormat:
    f = QTextCharFormat()
    f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    f.setUnderlineColor(QColor("#d0021b"))
    return f


class FieldHighlighter(QSyntaxHighlighter):
    """Underlines the misspelt words of a short plain-text field, block by block."""

    def __init__(self, edit: QPlainTextEdit, marks: Marks) -> None:
        super().__init__(edit.document())
        self.edit = edit
        self.marks = marks
        self.active = False
        self.restyle()  # now, quietly: Qt's own first pass would come later and be heard

    def restyle(self) -> None:
        """Re-highlight the field; Qt reports that as a text change, which the form must
        not take for an edit (it would write the field into the post)."""
        blocked = self.edit.blockSignals(True)
        try:
            self.rehighlight()
        finally:
            self.edit.blockSignals(blocked)

    def highlightBlock(self, text: str) -> None:
        if not self.active:
            return
        fmt = misspelt_format()
        for start, length in self.marks(text):
            self.setFormat(start, length, fmt)


def underline_line_edit(edit: QLineEdit, marks: list[tuple[int, int]]) -> None:
    """Show `marks` as wavy underlines in `edit` (an empty list clears them)."""
    if not marks and not edit.property("spellMarked"):
        return  # nothing shown, nothing to show
    edit.setProperty("spellMarked", bool(marks))
    fmt = misspelt_format()
    cursor = edit.cursorPosition()
    attributes = [
        QInputMethodEvent.Attribute(
            QInputMethodEvent.AttributeType.TextFormat, start - cursor, length, fmt
        )
        for start, length in marks
    ]
    # the event is a way in for formats, not an edit: the form must not hear of it
    blocked = edit.blockSignals(True)
    try:
        QCoreApplication.sendEvent(edit, QInputMethodEvent("", attributes))
    finally:
        edit.blockSignals(blocked)
