from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from editor.core.safety.history import History
from editor.ui.dialogs.history_dialog import HistoryDialog


def test_lists_diffs_and_restores(qtbot: QtBot, tmp_path: Path) -> None:
    site = tmp_path / "site"
    post = site / "_posts" / "a.md"
    history = History(tmp_path / "history")
    history.keep_version(site, post, b"---\ntitle: a\n---\n\nfirst\n")
    history.keep_version(site, post, b"---\ntitle: a\n---\n\nsecond\n")
    dialog = HistoryDialog(history, site, post, "---\ntitle: a\n---\n\nthird\n")
    qtbot.add_widget(dialog)
    assert dialog.list.count() == 2
    assert dialog.list.item(0).text().endswith("   25 bytes")
    assert dialog.empty.isHidden()
    table = dialog.view.table
    assert [table.item(r, 1).text() for r in range(table.rowCount())][-1] == "second"
    dialog.list.setCurrentRow(1)
    assert [table.item(r, 1).text() for r in range(table.rowCount())][-1] == "first"
    with qtbot.waitSignal(dialog.restoreRequested) as blocker:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["---\ntitle: a\n---\n\nfirst\n"]
    assert dialog.result() == dialog.DialogCode.Accepted


def test_no_versions_yet(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = HistoryDialog(History(tmp_path), tmp_path, tmp_path / "a.md", "text")
    qtbot.add_widget(dialog)
    assert dialog.list.count() == 0
    assert not dialog.restore_button.isEnabled()
    assert not dialog.empty.isHidden()
