"""A long post is coloured from the top: the first screen at once, the rest within a few
turns of the event loop, exactly as colouring it all at once would (issue 18, start-up)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor.ui.panes.markdown_highlighter import FIRST_BLOCKS
from editor.ui.panes.markdown_pane import MarkdownPane


def _long_post() -> str:
    parts = ["```", "a fence that crosses the first batch"] + ["code line"] * FIRST_BLOCKS
    parts += ["```", ""]
    for n in range(400):
        parts += [
            f"## Day {n}",
            "",
            f"Some **bold** and *italic* words, `code` and a [link](x{n}).",
            "",
        ]
    return "\n".join(parts)


def _formats(pane: MarkdownPane) -> list[tuple[tuple[int, int, str, int], ...]]:
    doc = pane.editor.document()
    out = []
    for n in range(doc.blockCount()):
        ranges = doc.findBlockByNumber(n).layout().formats()
        out.append(tuple((r.start, r.length, r.format.foreground().color().name(),
                          r.format.fontWeight()) for r in ranges))  # fmt: skip
    return out


def test_long_text_coloured_top_first_then_all_as_at_once(qtbot: QtBot) -> None:
    pane = MarkdownPane()
    qtbot.add_widget(pane)
    pane.set_text(_long_post())
    first = _formats(pane)
    screen = pane.lines_on_screen()
    assert 20 < screen < FIRST_BLOCKS  # what a screen shows, not a fixed number of lines
    assert all(first[1:screen])  # the fence's lines on the first screen
    assert not any(first[screen + 1 : FIRST_BLOCKS])  # the rest waits for its batch
    assert pane.highlighter.pending
    qtbot.waitUntil(lambda: not pane.highlighter.pending, timeout=5000)
    QApplication.processEvents()
    gradual = _formats(pane)
    assert not pane.editor.document().isModified()  # colouring is no edit
    pane.highlighter.rehighlight()
    assert gradual == _formats(pane)
    assert gradual[-2]  # the last paragraph has its colours


def test_typing_while_colouring_is_no_edit_signal_storm(qtbot: QtBot) -> None:
    pane = MarkdownPane()
    qtbot.add_widget(pane)
    edits: list[None] = []
    pane.textEdited.connect(lambda: edits.append(None))
    pane.set_text(_long_post())
    edits.clear()
    qtbot.waitUntil(lambda: not pane.highlighter.pending, timeout=5000)
    assert edits == []  # the later batches are colours, not changes to the text
