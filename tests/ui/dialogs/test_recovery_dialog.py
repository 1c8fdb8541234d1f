"""The recovery dialog, driven like an author after a crash."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from editor.core.safety.journal import Journal, JournalEntry
from editor.ui.dialogs.recovery_dialog import RecoveryDialog

POST = '---\ntitle: "Alaska"\n---\n\nBody.\n'


# showing a top-level window on the offscreen platform logs this harmless warning
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def crashed(tmp_path: Path) -> tuple[Path, Path]:
    """A journal left by a killed instance: one edited post, one new post."""
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    post = site / "_posts" / "2025-01-01-alaska.md"
    post.write_text(POST)
    with Journal(tmp_path / "journal") as dead:
        dead.write(
            JournalEntry(
                Journal.key_for(site, post),
                POST + "Typed before the crash.\n",
                str(site),
                str(post),
            )
        )
        dead.write(JournalEntry("new-1", '---\ntitle: "Fresh idea"\n---\n\nDraft.\n', str(site)))
    return tmp_path / "journal", post


def test_lists_compares_restores_and_discards(
    qtbot: QtBot, crashed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = crashed
    journal = Journal(folder)
    dialog = RecoveryDialog(journal)
    qtbot.add_widget(dialog)
    rows = dialog.rows()
    assert sorted(r.entry.title for r in rows) == ["Alaska", "Fresh idea"]
    alaska = next(r for r in rows if r.entry.title == "Alaska")
    fresh = next(r for r in rows if r.entry.title == "Fresh idea")
    assert "never saved" in fresh.label.text()

    qtbot.mouseClick(alaska.compare_button, Qt.MouseButton.LeftButton)
    compare = dialog.last_compare
    assert compare is not None
    table = compare.view.table
    added = [r.right for r in compare.view.rows if r.kind == "added"]
    assert added == ["Typed before the crash."]
    assert table.rowCount() == len(compare.view.rows)

    with qtbot.waitSignal(dialog.restoreRequested) as blocker:
        qtbot.mouseClick(alaska.restore_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].text == POST + "Typed before the crash.\n"
    assert len(dialog.rows()) == 1
    assert journal.read(alaska.entry.key) is not None  # kept until the window saves

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    qtbot.mouseClick(fresh.discard_button, Qt.MouseButton.LeftButton)
    assert len(dialog.rows()) == 1  # said No
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.accepted):  # the last row closes the dialog
        qtbot.mouseClick(fresh.discard_button, Qt.MouseButton.LeftButton)
    assert journal.read("new-1") is None
    assert len(list((folder / "discarded").glob("*.json"))) == 1
    journal.close()


def test_later_keeps_everything(qtbot: QtBot, crashed: tuple[Path, Path]) -> None:
    folder, _ = crashed
    with Journal(folder) as journal:
        dialog = RecoveryDialog(journal)
        qtbot.add_widget(dialog)
        with qtbot.waitSignal(dialog.rejected):
            qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    with Journal(folder) as again:
        assert len(again.recoverable()) == 2
