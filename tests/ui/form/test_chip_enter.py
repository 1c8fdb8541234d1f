"""Tags and categories: with the completion list open, one Enter makes the chip."""

from __future__ import annotations

from PySide6.QtCore import Qt

from editor.ui.window.main_window import MainWindow


def test_one_enter_makes_a_chip_while_the_list_is_open(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tags = window.form.tags
    before = tags.tokens()
    tags.input.setFocus()
    qtbot.keyClicks(tags.input, "nig")  # the sample blog has "night": the list opens
    popup = tags.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tags.tokens() == [*before, "nig"]
    assert tags.input.text() == "" and not popup.isVisible()
    assert window.document.post is not None
    assert window.document.post.get("tags") == [*before, "nig"]


def test_a_chosen_suggestion_is_one_chip(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tags = window.form.tags
    before = tags.tokens()
    tags.input.setFocus()
    qtbot.keyClicks(tags.input, "nig")
    popup = tags.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tags.tokens() == before  # the open post has "night" already: no second chip
    qtbot.waitUntil(lambda: tags.input.text() == "", timeout=1000)
    window.open_post(
        window.site.root / "_posts" / "2025-03-08-walking-the-fjord-path-in-early-spring.md"
    )
    tags.input.setFocus()
    qtbot.keyClicks(tags.input, "nig")
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tags.tokens() == ["walking", "norway", "night"]
    qtbot.waitUntil(lambda: tags.input.text() == "", timeout=1000)
