"""The panes on their own: chips, find and replace, the highlighter's fences."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt

from editor.ui.form.token_edit import NAME_ROLE, TokenEdit
from editor.ui.panes.markdown_pane import MarkdownPane


def test_token_edit_enter_comma_backspace(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = TokenEdit("Tags")
    qtbot.add_widget(edit)
    edit.set_tokens(["a"])
    seen: list[list[str]] = []
    edit.tokensChanged.connect(seen.append)
    qtbot.keyClicks(edit.input, "b,c")
    assert edit.tokens() == ["a", "b"]
    qtbot.keyClick(edit.input, Qt.Key.Key_Return)
    assert edit.tokens() == ["a", "b", "c"]
    qtbot.keyClick(edit.input, Qt.Key.Key_Backspace)
    assert edit.tokens() == ["a", "b"]
    qtbot.keyClicks(edit.input, "a,")  # no duplicates
    assert edit.tokens() == ["a", "b"]
    assert seen == [["a", "b"], ["a", "b", "c"], ["a", "b"]]


def test_token_completer_shows_counts_most_used_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = TokenEdit("Tags")
    qtbot.add_widget(edit)
    edit.set_vocabulary(Counter({"walking": 3, "maps": 7, "new": 0}))
    model = edit.completer.model()
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    assert [i.data() for i in rows] == ["maps   (7)", "walking   (3)", "new"]
    assert [i.data(NAME_ROLE) for i in rows] == ["maps", "walking", "new"]


def test_find_and_replace_all_is_one_undo_step(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = MarkdownPane()
    qtbot.add_widget(pane)
    pane.set_text("cat cat dog Cat")
    pane.find_bar.open(replace=True)
    pane.find_bar.find_edit.setText("cat")
    pane.find_bar.replace_edit.setText("owl")
    assert pane.find_bar.replace_all() == 3
    assert pane.text() == "owl owl dog owl"
    pane.editor.undo()
    assert pane.text() == "cat cat dog Cat"
    pane.find_bar.case.setChecked(True)
    assert pane.find_bar.replace_all() == 2


def test_link_and_code_shortcuts(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = MarkdownPane()
    qtbot.add_widget(pane)
    pane.set_text("see this")
    pane.editor.selectAll()
    pane.link()
    assert pane.text() == "[see this](https://)"
    assert pane.editor.textCursor().selectedText() == "https://"
    pane.set_text("x")
    pane.editor.selectAll()
    pane.code()
    assert pane.text() == "`x`"
