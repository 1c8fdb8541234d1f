"""The post list in the real window: arrow keys open what they highlight, a filter with no
match says so and the sections count what matches, titles get two lines and a tooltip, the
draft badge reads on dark desktops."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics

from editor.ui.panes.post_list_pane import ENTRY_ROLE, badge_text_colour, two_lines
from editor.ui.window.main_window import MainWindow


def _section_texts(window: MainWindow) -> list[str]:
    model = window.post_list.model
    return [model.item(row).text() for row in range(model.rowCount())]


def test_arrow_keys_open_the_highlighted_post(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.post_list.view
    view.setFocus()
    opened = window.document.path
    assert view.currentIndex().data(ENTRY_ROLE).path == opened
    qtbot.keyClick(view, Qt.Key.Key_Down)
    below = view.currentIndex().data(ENTRY_ROLE).path
    assert below != opened
    qtbot.waitUntil(lambda: window.document.path == below, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: window.document.path == opened, timeout=2000)
    assert view.currentIndex().data(ENTRY_ROLE).path == opened


def test_arrow_keys_and_unsaved_changes_stay_in_step(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from editor.ui.dialogs import prompts

    monkeypatch.setattr(prompts, "ask_unsaved", lambda *a: prompts.Choice.CANCEL)
    qtbot.keyClicks(window.markdown.editor, "unsaved ")
    view = window.post_list.view
    opened = window.document.path
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.wait(300)
    # the author kept their changes: the highlight goes back to the open post
    assert window.document.path == opened
    assert view.currentIndex().data(ENTRY_ROLE).path == opened


def test_a_filter_without_match_says_so_and_sections_count_matches(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    pane = window.post_list
    assert _section_texts(window) == ["Drafts (1)", "Posts (5)"]
    assert not pane.empty_label.isVisible()
    qtbot.keyClicks(pane.filter_edit, "python")
    assert _section_texts(window) == ["Drafts (0 of 1)", "Posts (1 of 5)"]
    assert not pane.empty_label.isVisible()
    pane.filter_edit.clear()
    qtbot.keyClicks(pane.filter_edit, "zeppelin")
    assert pane.empty_label.isVisible()
    assert pane.empty_label.text().startswith("No post matches “zeppelin”.")
    assert pane.proxy.rowCount() == 0
    pane.filter_edit.clear()
    assert not pane.empty_label.isVisible()
    assert _section_texts(window) == ["Drafts (1)", "Posts (5)"]


def test_titles_get_two_lines_and_a_tooltip(window: MainWindow) -> None:
    metrics = QFontMetrics(QFont())
    title = "A beginner's guide to reading topographic maps on long walks in the hills"
    width = metrics.horizontalAdvance("A beginner's guide to reading")
    lines = two_lines(metrics, title, width)
    assert len(lines) == 2
    assert lines[0] == "A beginner's guide to reading"
    assert lines[1].endswith("…") and metrics.horizontalAdvance(lines[1]) <= width
    assert two_lines(metrics, "Short", 200) == ["Short"]
    # the list's rows have room for two lines of title and one of date and author
    pane = window.post_list
    posts = pane.proxy.index(1, 0)
    row = pane.proxy.index(0, 0, posts)
    entry = row.data(ENTRY_ROLE)
    assert row.data(Qt.ItemDataRole.ToolTipRole) == f"{entry.title}\n{entry.rel_path}"
    rect: QRect = pane.view.visualRect(row)
    line = QFontMetrics(pane.view.font()).height()
    assert rect.height() >= 3 * line


def test_the_draft_badge_reads_on_dark_desktops() -> None:
    assert badge_text_colour(QColor(42, 130, 218)) == QColor(Qt.GlobalColor.white)  # light
    assert badge_text_colour(QColor(120, 190, 255)) == QColor(Qt.GlobalColor.black)  # dark
