"""Markdown syntax colours: headings, emphasis, code, links, images, lists, quotes, Liquid."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

_IN_FENCE = 1
# A new text is coloured from the top: what the screen can show at once (the pane says
# how many lines that is; FIRST_BLOCKS when it does not), then the rest a batch per turn
# of the event loop, so a long post appears without waiting for its last paragraph to be
# coloured (~25 µs a line).
FIRST_BLOCKS = 150
BATCH_BLOCKS = 100

# (block number, text) -> the (start, length) of misspelt words to underline
SpellMarks = Callable[[int, str], list[tuple[int, int]]]


def _fmt(
    colour: QColor, *, bold: bool = False, italic: bool = False, mono: bool = False
) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(colour)
    if bold:
        f.setFontWeight(QFont.Weight.Bold)
    if italic:
        f.setFontItalic(True)
    if mono:
        f.setFontFixedPitch(True)
    return f


class MarkdownHighlighter(QSyntaxHighlighter):
    """Colours picked from the palette so they read on light and dark themes alike."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self.spell_marks: SpellMarks | None = None  # set by the spelling wiring
        # True while only formats change: Qt still reports the document as changed
        self.restyling = False
        self._limit: int | None = None  # blocks from this one on wait for their batch
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(0)
        self._batch.timeout.connect(self._next_batch)
        # how the batches start: at once, or (the window sets it) once it is on screen,
        # so that they never hold up its first paint
        self.when_shown: Callable[[Callable[[], object]], object] = lambda start: start()
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        accent = palette.color(QPalette.ColorRole.Link)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        code = QColor("#c2722e") if dark else QColor("#9a4a12")
        liquid = QColor("#b48ee0") if dark else QColor("#7a3aa6")
        quote = QColor("#8fb98f") if dark else QColor("#3f7a3f")
        self._heading = _fmt(accent, bold=True)
        self._code = _fmt(code, mono=True)
        self._fence = _fmt(code, mono=True)
        self._liquid = _fmt(liquid)
        self._quote = _fmt(quote, italic=True)
        self._list = _fmt(accent, bold=True)
        self._link = _fmt(accent)
        self._muted = _fmt(muted)
        self._bold = _fmt(palette.color(QPalette.ColorRole.Text), bold=True)
        self._italic = _fmt(palette.color(QPalette.ColorRole.Text), italic=True)
        self._misspelt = QColor("#ff6b6b") if dark else QColor("#d0021b")
        self._inline = [
            (re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"), self._bold),
            (
                re.compile(r"(?<![*\w])\*[^*\s][^*\n]*\*(?!\*)|(?<![_\w])_[^_\s][^_\n]*_(?!\w)"),
                self._italic,
            ),
            (re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|!?\[[^\]\n]*\]\[[^\]\n]*\]"), self._link),
            (re.compile(r"<https?://[^>\s]+>|https?://\S+"), self._link),
            (re.compile(r"\[\^[^\]\n]+\]"), self._muted),
            (re.compile(r"\{%.*?%\}|\{\{.*?\}\}"), self._liquid),
            (re.compile(r"`[^`\n]+`"), self._code),
        ]
        self.rehighlight()

    _HEADING = re.compile(r"^#{1,6}\s")
    _LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
    _FENCE = re.compile(r"^\s*(```|~~~)")

    def rehighlight_from_top(self, first: int = FIRST_BLOCKS) -> None:
        """Colour a newly loaded text: its `first` blocks now, the others soon after."""
        self._limit = first if self.document().blockCount() > first else None
        if self._limit is None:
            self.rehighlight()
            return
        # from the top, block after block while each one's state changes: up to the limit,
        # where the first uncoloured block keeps its state (rehighlight() would call
        # highlightBlock for every block of a long text, ~5 µs each, to be told to wait)
        self.restyle_block(self.document().firstBlock())
        self.when_shown(self._batch.start)

    @property
    def pending(self) -> bool:
        """Blocks of the text are still waiting to be coloured."""
        return self._limit is not None

    def _next_batch(self) -> None:
        start = self._limit
        if start is None:
            return
        block = self.document().findBlockByNumber(start)
        self._limit = start + BATCH_BLOCKS
        if self._limit >= self.document().blockCount():
            self._limit = None
        else:
            self._batch.start()
        if block.isValid():
            # each block's state changes from "not coloured yet", so Qt goes on to the next
            # until the first one this batch leaves for the next
            self.restyle_block(block)

    def highlightBlock(self, text: str) -> None:
        if self._limit is not None and self.currentBlock().blockNumber() >= self._limit:
            return  # its batch comes
        self._markdown(text)
        if self.spell_marks is not None:
            self._underline(self.spell_marks(self.currentBlock().blockNumber(), text))

    def restyle_block(self, block: QTextBlock) -> None:
        """Re-highlight one block without it counting as an edit of the text."""
        self.restyling = True
        try:
            self.rehighlightBlock(block)
        finally:
            self.restyling = False

    def _underline(self, marks: list[tuple[int, int]]) -> None:
        """A wavy line under each misspelt word, over whatever colour it has."""
        for start, length in marks:
            for i in range(start, start + length):
                f = self.format(i)
                f.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                f.setUnderlineColor(self._misspelt)
                self.setFormat(i, 1, f)

    def _markdown(self, text: str) -> None:
        if self.previousBlockState() == _IN_FENCE:
            self.setFormat(0, len(text), self._fence)
            self.setCurrentBlockState(0 if self._FENCE.match(text) else _IN_FENCE)
            return
        self.setCurrentBlockState(0)
        if self._FENCE.match(text):
            self.setFormat(0, len(text), self._fence)
            self.setCurrentBlockState(_IN_FENCE)
            return
        if self._HEADING.match(text):
            self.setFormat(0, len(text), self._heading)
            return
        if text.lstrip().startswith(">"):
            self.setFormat(0, len(text), self._quote)
        elif m := self._LIST.match(text):
            self.setFormat(0, m.end(), self._list)
        for pattern, fmt in self._inline:
            for m in pattern.finditer(text):
                self.setFormat(m.start(), m.end() - m.start(), fmt)
