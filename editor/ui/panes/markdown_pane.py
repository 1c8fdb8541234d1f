"""The Markdown pane: a plain-text editor with highlighting, formatting shortcuts and find."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolBar, QVBoxLayout, QWidget

from editor.ui.panes.find_bar import FindBar
from editor.ui.panes.markdown_highlighter import MarkdownHighlighter
from editor.ui.widgets.icons import set_icon

_LIST_LINE = re.compile(r"^(\s*)([-*+]|\d+[.)])\s")
INDENT = "  "
_NATIVE = QKeySequence.SequenceFormat.NativeText


IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff"})


def holds_image(mime: QMimeData) -> bool:
    """A drop or paste of a picture, or of local image files (anything else is text)."""
    if mime.hasUrls():
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if files and all(Path(f).suffix.lower() in IMAGE_SUFFIXES for f in files):
            return True
    return mime.hasImage()


class MarkdownEditor(QPlainTextEdit):
    """QPlainTextEdit where Tab / Shift+Tab indent list items instead of inserting a tab.

    Pictures dropped or pasted are not inserted as text: `imageDropped(QMimeData)` hands
    them to the window, which processes them and inserts a reference at the cursor.
    """

    imageDropped = Signal(QMimeData)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return holds_image(source) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if holds_image(source) and not self.isReadOnly():
            self.imageDropped.emit(source)
            return
        super().insertFromMimeData(source)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self._on_list_line():
            self.indent_lines(-1 if key == Qt.Key.Key_Backtab else 1)
            return
        super().keyPressEvent(event)

    def _on_list_line(self) -> bool:
        cursor = self.textCursor()
        doc = self.document()
        start = doc.findBlock(cursor.selectionStart()).blockNumber()
        end = doc.findBlock(cursor.selectionEnd()).blockNumber()
        return all(_LIST_LINE.match(doc.findBlockByNumber(n).text()) for n in range(start, end + 1))

    def indent_lines(self, direction: int) -> None:
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart()).blockNumber()
        last = doc.findBlock(cursor.selectionEnd()).blockNumber()
        cursor.beginEditBlock()
        for n in range(first, last + 1):
            block = doc.findBlockByNumber(n)
            c = QTextCursor(block)
            if direction > 0:
                c.insertText(INDENT)
            else:
                lead = len(block.text()) - len(block.text().lstrip(" "))
                for _ in range(min(lead, len(INDENT))):
                    c.deleteChar()
        cursor.endEditBlock()


class MarkdownPane(QWidget):
    """Editor + toolbar + find bar. Emits `textEdited` on every change (cheap: no text copy)."""

    textEdited = Signal()
    modificationChanged = Signal(bool)
    cursorLineChanged = Signal(int)
    imageDropped = Signal(QMimeData)  # a picture dropped or pasted into the text
    topLineChanged = Signal(int)  # the author scrolled: this source line is now at the top

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = MarkdownEditor(self)
        self.editor.setAccessibleName("Markdown text")
        self.editor.setPlaceholderText("Write the post here, in Markdown…")
        self.editor.setTabChangesFocus(False)
        self.highlighter = MarkdownHighlighter(self.editor.document(), self.palette())
        self.find_bar = FindBar(self.editor, self)
        self.toolbar = QToolBar("Formatting", self)
        self.toolbar.setAccessibleName("Formatting toolbar")
        self.toolbar.setIconSize(QSize(16, 16))
        self.actions_by_name: dict[str, QAction] = {}
        self._make_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.find_bar)
        doc = self.editor.document()
        doc.contentsChanged.connect(self._on_contents_changed)
        doc.modificationChanged.connect(self.modificationChanged)
        self.editor.cursorPositionChanged.connect(
            lambda: self.cursorLineChanged.emit(self.editor.textCursor().blockNumber() + 1)
        )
        self.editor.imageDropped.connect(self.imageDropped)
        self.editor.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self._scrolling_to: int | None = None
        self.error_line: int | None = None  # the line marked by `mark_error_line`
        self.setFocusProxy(self.editor)

    def _action(self, name: str, text: str, shortcut: QKeySequence | str | None, slot: object,
                icon_name: str | None = None, toolbar: bool = True) -> QAction:  # fmt: skip
        action = QAction(text, self)
        if icon_name:
            set_icon(action, icon_name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text.replace('&', '')} ({action.shortcut().toString(_NATIVE)})")
        action.triggered.connect(slot)
        self.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _make_actions(self) -> None:
        SK = QKeySequence.StandardKey
        self._action("undo", "&Undo", SK.Undo, self.editor.undo, "undo")
        self._action("redo", "&Redo", SK.Redo, self.editor.redo, "redo")
        self.toolbar.addSeparator()
        self._action("bold", "&Bold", SK.Bold, lambda: self.wrap_selection("**"), "bold")
        self._action("italic", "&Italic", SK.Italic, lambda: self.wrap_selection("*"), "italic")
        self._action("code", "&Code", "Ctrl+Shift+K", self.code, "code")
        self._action("link", "&Link", "Ctrl+K", self.link, "link")
        for level in (1, 2, 3):
            self._action(
                f"h{level}",
                f"Heading &{level}",
                f"Ctrl+{level}",
                lambda _=False, n=level: self.heading(n),
                "heading" if level == 2 else None,
                toolbar=level == 2,
            )
        self._action("quote", "&Quote", "Ctrl+Shift+Q", self.quote, "quote")
        self._action("list", "Bulleted l&ist", "Ctrl+Shift+8", self.bullet, "list")
        self._action("indent", "Indent", None, lambda: self.editor.indent_lines(1), "indent")
        self._action("outdent", "Outdent", None, lambda: self.editor.indent_lines(-1), "outdent")
        self.toolbar.addSeparator()
        self._action("find", "&Find…", SK.Find, lambda: self.find_bar.open(replace=False), "find")
        self._action("replace", "&Replace…", "Ctrl+H", lambda: self.find_bar.open(replace=True),
                     None, toolbar=False)  # fmt: skip

    def _on_contents_changed(self) -> None:
        if not self.highlighter.restyling:  # new underlines are no edit
            self.textEdited.emit()

    # --- text in and out -----------------------------------------------------

    def set_text(self, text: str) -> None:
        """Load new text: a fresh undo history and an unmodified document."""
        doc = self.editor.document()
        doc.blockSignals(True)
        self.editor.setPlainText(text)
        doc.blockSignals(False)
        doc.setModified(False)
        self.highlighter.rehighlight_from_top(self.lines_on_screen())
        self.mark_error_line(None)
        self.modificationChanged.emit(False)

    def lines_on_screen(self) -> int:
        """The most blocks the editor can show at once: a block takes a line or more, and
        the editor is no taller than its screen."""
        screen = self.editor.screen()
        height = screen.availableGeometry().height() if screen is not None else 1440
        return height // max(1, self.editor.fontMetrics().lineSpacing()) + 1

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # Appearance changed: new colours
            self.highlighter.set_palette(self.palette())
            self.highlighter.rehighlight()

    def mark_error_line(self, line: int | None) -> None:
        """Underline the line (1-based) an error points at, in red; None clears the mark."""
        selections = []
        block = self.editor.document().findBlockByNumber(line - 1) if line else None
        if block is not None and block.isValid():
            mark = QTextEdit.ExtraSelection()
            mark.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            mark.format.setUnderlineColor(QColor(220, 40, 40))
            mark.format.setBackground(QColor(220, 40, 40, 40))  # reads on light and dark
            mark.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            mark.cursor = cursor
            selections.append(mark)
        self.error_line = line if selections else None
        self.editor.setExtraSelections(selections)

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_modified(self, value: bool) -> None:
        self.editor.document().setModified(value)

    def set_font_choice(self, kind: str, size: int) -> None:
        if kind == "serif":
            font = QFont("Serif")
            font.setStyleHint(QFont.StyleHint.Serif)
        else:
            font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(size)
        self.editor.setFont(font)
        self.editor.setTabStopDistance(self.editor.fontMetrics().horizontalAdvance(" ") * 4)

    def set_wrap(self, wrap: bool) -> None:
        self.editor.setLineWrapMode(
            QPlainTextEdit.LineWrapMode.WidgetWidth if wrap else QPlainTextEdit.LineWrapMode.NoWrap
        )
        self.editor.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    # --- formatting ----------------------------------------------------------

    def wrap_selection(
        self, before: str, after: str | None = None, placeholder: str = "text"
    ) -> None:
        after = before if after is None else after
        cursor = self.editor.textCursor()
        text = cursor.selectedText() or placeholder
        start = cursor.selectionStart()
        cursor.insertText(f"{before}{text}{after}")
        cursor.setPosition(start + len(before))
        cursor.setPosition(start + len(before) + len(text), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)

    def code(self) -> None:
        cursor = self.editor.textCursor()
        if "\u2029" in cursor.selectedText():  # several lines: a fenced block
            self.wrap_selection("```\n", "\n```", "code")
        else:
            self.wrap_selection("`")

    def link(self) -> None:
        cursor = self.editor.textCursor()
        text = cursor.selectedText() or "link text"
        start = cursor.selectionStart()
        cursor.insertText(f"[{text}](https://)")
        url_start = start + len(text) + 3
        cursor.setPosition(url_start)
        cursor.setPosition(url_start + len("https://"), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)

    def _set_line_prefix(self, pattern: str, prefix: str) -> None:
        cursor = self.editor.textCursor()
        block = cursor.block()
        line = block.text()
        stripped = re.sub(pattern, "", line, count=1)
        new = stripped if line.startswith(prefix) and prefix else prefix + stripped
        c = QTextCursor(block)
        c.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        c.insertText(new)
        self.editor.setTextCursor(c)

    def heading(self, level: int) -> None:
        self._set_line_prefix(r"^#{1,6}\s*", "#" * level + " ")

    def quote(self) -> None:
        self._set_line_prefix(r"^>\s?", "> ")

    def bullet(self) -> None:
        self._set_line_prefix(r"^[-*+]\s", "- ")

    def scroll_to_line(self, line: int) -> None:
        """Bring source `line` (1-based) to the top without moving the cursor."""
        block = self.editor.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            return
        self._scrolling_to = block.firstLineNumber()
        self.editor.verticalScrollBar().setValue(self._scrolling_to)
        self._scrolling_to = None

    def _on_scrolled(self, value: int) -> None:
        if self._scrolling_to is None:  # only the author's own scrolling is passed on
            self.topLineChanged.emit(self.editor.firstVisibleBlock().blockNumber() + 1)

    def go_to_line(self, line: int) -> None:
        block = self.editor.document().findBlockByNumber(max(0, line - 1))
        self.editor.setTextCursor(QTextCursor(block))
        self.editor.centerCursor()
