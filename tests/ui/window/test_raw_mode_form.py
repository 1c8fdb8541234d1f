"""Raw mode (front matter that cannot be read): an empty form, never another post's values,
and the error's line marked in the editor, one click away."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.ui.dialogs import prompts
from editor.ui.window.main_window import MainWindow

BROKEN = """---
layout: post
title: "Unclosed quote
date: 2025-01-05T10:00:00
tags: [a, b]
---

Body of a broken post.
"""


def _assert_empty_form(window: MainWindow) -> None:
    form = window.form
    assert not form.fields.isEnabled()
    assert form.title_edit.text() == ""
    assert form.layout_combo.currentText() == ""
    assert form.date_edit.text() == "no date"
    assert form.date_value() is None
    assert form.author_value() == ""
    assert form.categories.tokens() == [] and form.tags.tokens() == []
    assert form.excerpt_edit.toPlainText() == ""
    assert form.image.rel_path() is None
    assert form.other.table.rowCount() == 0


def test_raw_mode_shows_an_empty_form_and_marks_the_line(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    # the newest sample post is open: title, author, tags, image, an Other field
    assert window.form.title_edit.text() and window.form.image.rel_path()
    path = window.site.root / "_posts" / "2025-01-05-broken.md"
    path.write_text(BROKEN, encoding="utf-8")
    assert window.open_post(path)
    assert window.document.raw
    _assert_empty_form(window)
    # the error is on line 6 (the closing ---): marked, and its number is a link
    editor = window.markdown.editor
    assert window.markdown.error_line == 6
    (mark,) = editor.extraSelections()
    assert mark.cursor.block().blockNumber() == 5
    assert mark.cursor.selectedText() == "---"
    assert 'href="line:6"' in window.form.error_label.text()
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    window.form.error_label.linkActivated.emit("line:6")
    assert editor.textCursor().blockNumber() == 5
    # Revert shows the file again: still no last good parse in the form
    qtbot.keyClicks(editor, "x")
    qtbot.wait(400)  # the idle pass re-parses
    prompts_confirm = prompts.confirm_revert
    try:
        prompts.confirm_revert = lambda *a: True  # type: ignore[assignment]
        window.revert()
    finally:
        prompts.confirm_revert = prompts_confirm  # type: ignore[assignment]
    assert window.document.raw
    _assert_empty_form(window)
    assert window.markdown.error_line == 6


def test_the_mark_goes_when_the_yaml_is_fixed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.site.root / "_posts" / "2025-01-05-broken.md"
    path.write_text(BROKEN, encoding="utf-8")
    assert window.open_post(path)
    editor = window.markdown.editor
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(2).position())
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_QuoteDbl)
    qtbot.waitUntil(lambda: not window.document.raw, timeout=3000)
    assert window.markdown.error_line is None and editor.extraSelections() == []
    assert window.form.title_edit.text() == "Unclosed quote"
    assert window.form.tags.tokens() == ["a", "b"]


def test_a_broken_post_as_the_first_one_opened(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """No 2000-01-01: a fresh form in raw mode says "no date" too."""
    from editor.ui.form.front_matter_form import FrontMatterForm

    form = FrontMatterForm()
    qtbot.addWidget(form)
    from editor.core.errors import YamlSyntaxError

    form.set_raw_error(YamlSyntaxError("bad", line=2))
    assert form.date_edit.text() == "no date" and form.title_edit.text() == ""
