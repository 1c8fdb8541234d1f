"""Recovery, History and conflict Compare all show a DiffDialog / DiffView: it opens at the
first change, wraps long lines, steps through the changes, and speaks in sentences."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from editor.core.safety.history import History
from editor.core.safety.journal import Journal, JournalEntry
from editor.core.safety.textdiff import side_by_side
from editor.ui.dialogs.diff_view import DiffDialog, DiffView, describe
from editor.ui.dialogs.history_dialog import HistoryDialog
from editor.ui.dialogs.recovery_dialog import RecoveryDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

SAME = "".join(f"line {n} of a long post\n" for n in range(1, 301))
LONG = "This changed paragraph is long enough that it has to wrap " * 6 + "and ends HERE"


def _changed(text: str, at: int, new: str) -> str:
    lines = text.splitlines(keepends=True)
    lines[at] = new + "\n"
    return "".join(lines)


def test_opens_at_the_first_change_and_wraps(qtbot: QtBot) -> None:
    new = _changed(_changed(SAME, 200, LONG), 260, "another change")
    dialog = DiffDialog(SAME, new, title="Compare")
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.view
    table = view.table
    # the change at the top, two lines of context above it
    qtbot.waitUntil(lambda: 195 <= table.rowAt(0) <= 200, timeout=2000)
    assert table.currentRow() == 200
    assert view.summary.text() == "2 lines differ, in 2 places."
    # the long line wraps: its row is several lines tall, and its end is in the cell
    one_line = table.rowHeight(10)
    assert table.rowHeight(200) >= 2 * one_line
    assert table.item(200, 3).text().endswith("ends HERE")
    assert table.textElideMode() == Qt.TextElideMode.ElideNone
    # next / previous change
    assert not view.previous_button.isEnabled() and view.next_button.isEnabled()
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert table.currentRow() == 260
    assert view.previous_button.isEnabled() and not view.next_button.isEnabled()
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert table.currentRow() == 200


def test_sentences() -> None:
    assert describe(side_by_side("a\n", "a\n")) == "The two versions are identical."
    assert describe(side_by_side("a\nb\n", "a\nc\n")) == "One line differs."
    assert describe(side_by_side("a\nb\nc\n", "x\nb\ny\n")) == "2 lines differ, in 2 places."
    assert describe(side_by_side("a\nb\n", "x\ny\nz\n")) == "3 lines differ."


def test_an_empty_history_shows_a_sentence_not_columns(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = HistoryDialog(History(tmp_path), tmp_path, tmp_path / "a.md", "text")
    qtbot.add_widget(dialog)
    dialog.show()
    assert dialog.empty.isVisible()
    assert not dialog.view.isVisible() and not dialog.list.isVisible()
    headers = [dialog.view.table.horizontalHeaderItem(c) for c in range(4)]
    assert [h.text() if h else "" for h in headers] == ["", "Before", "", "After"]


def test_history_opens_at_the_change(qtbot: QtBot, tmp_path: Path) -> None:
    site, post = tmp_path / "site", tmp_path / "site" / "_posts" / "a.md"
    history = History(tmp_path / "history")
    history.keep_version(site, post, SAME.encode())
    dialog = HistoryDialog(history, site, post, _changed(SAME, 250, "edited"))
    qtbot.add_widget(dialog)
    dialog.show()
    table = dialog.view.table
    qtbot.waitUntil(lambda: table.rowAt(0) > 200, timeout=2000)
    assert table.currentRow() == 250
    assert dialog.view.summary.text() == "One line differs."


def test_recovery_compare_opens_at_the_change(qtbot: QtBot, tmp_path: Path) -> None:
    site = tmp_path / "site"
    post = site / "_posts" / "a.md"
    post.parent.mkdir(parents=True)
    post.write_text(SAME, encoding="utf-8")
    journal = Journal(tmp_path / "journal")
    entry = JournalEntry(
        Journal.key_for(site, post), _changed(SAME, 120, "recovered words"), str(site), str(post)
    )
    dialog = RecoveryDialog(journal, [entry], confirm_discard=False)
    qtbot.add_widget(dialog)
    compare = dialog.compare(dialog.rows()[0])
    qtbot.add_widget(compare)
    table = compare.view.table
    qtbot.waitUntil(lambda: table.rowAt(0) > 100, timeout=2000)
    assert table.currentRow() == 120
    journal.close()


def test_view_alone(qtbot: QtBot) -> None:
    view = DiffView()
    qtbot.add_widget(view)
    view.clear("Cannot read this version.")
    assert view.summary.text() == "Cannot read this version."
    assert view.previous_button.isHidden() and view.next_button.isHidden()
