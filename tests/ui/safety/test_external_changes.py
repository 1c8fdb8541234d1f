"""A post changed outside the editor: silent reload, banner with choices, deletion kept."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from editor.core.errors import ConflictError
from editor.core.safety.post_io import LoadedPost, read_post, save_post
from editor.ui.safety.conflict_banner import ConflictBanner
from editor.ui.safety.external_changes import ExternalChanges, replace_keeping_cursor
from editor.ui.safety.file_watch import FileWatch

# showing the compare window on the offscreen platform logs this harmless warning
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

POST = "---\ntitle: a\n---\n\nFirst line.\nSecond line.\n"


class MiniWindow(QWidget):
    """What the main window does with these pieces, in a few lines."""

    def __init__(self, site: Path, path: Path) -> None:
        super().__init__()
        self.site, self.path = site, path
        self.banner = ConflictBanner(self)
        self.edit = QPlainTextEdit(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.edit)
        self.watch = FileWatch(self, debounce_ms=30)
        self.guard = ExternalChanges(
            self.watch,
            self.banner,
            is_modified=lambda: self.edit.document().isModified(),
            current_text=self.edit.toPlainText,
            parent=self,
        )
        self.guard.reloadNeeded.connect(self.show_loaded)
        loaded = read_post(path)
        self.show_loaded(loaded)
        self.guard.opened(path, loaded.stamp)

    def show_loaded(self, loaded: LoadedPost) -> None:
        replace_keeping_cursor(self.edit, loaded.text)
        self.edit.document().setModified(False)

    def save(self) -> None:
        stamp = save_post(
            self.edit.toPlainText(), self.path, self.site, expected=self.guard.expected_stamp
        )
        self.guard.saved(stamp)
        self.edit.document().setModified(False)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MiniWindow:
    (tmp_path / "_posts").mkdir()
    path = tmp_path / "_posts" / "2025-01-01-a.md"
    path.write_text(POST)
    win = MiniWindow(tmp_path, path)
    qtbot.add_widget(win)
    return win


def test_unmodified_post_reloads_silently_keeping_cursor(qtbot: QtBot, window: MiniWindow) -> None:
    cursor = window.edit.textCursor()
    cursor.setPosition(20)
    window.edit.setTextCursor(cursor)
    with qtbot.waitSignal(window.guard.reloadNeeded, timeout=5000):
        window.path.write_text(POST + "Added in another editor.\n")
    assert window.edit.toPlainText() == POST + "Added in another editor.\n"
    assert window.edit.textCursor().position() == 20
    assert window.banner.state == "hidden"


def test_modified_post_asks_then_keep_mine_overwrites(qtbot: QtBot, window: MiniWindow) -> None:
    window.edit.appendPlainText("Mine.")
    with qtbot.waitSignal(window.watch.postChangedOnDisk, timeout=5000):
        window.path.write_text(POST + "Theirs.\n")
    assert window.banner.state == "changed"
    assert "Mine." in window.edit.toPlainText()
    with pytest.raises(ConflictError):
        window.save()  # not before the author chose
    assert window.path.read_text() == POST + "Theirs.\n"
    qtbot.mouseClick(window.banner.compare_button, Qt.MouseButton.LeftButton)
    rows = window.guard.last_compare.view.rows  # type: ignore[union-attr]
    assert "Theirs." in [r.left for r in rows if r.kind != "same"]
    assert "Mine." in [r.right for r in rows if r.kind != "same"]
    qtbot.mouseClick(window.banner.keep_button, Qt.MouseButton.LeftButton)
    window.save()
    assert window.path.read_text().endswith("Mine.")


def test_modified_post_reload_drops_mine(qtbot: QtBot, window: MiniWindow) -> None:
    window.edit.appendPlainText("Mine.")
    with qtbot.waitSignal(window.watch.postChangedOnDisk, timeout=5000):
        window.path.write_text(POST + "Theirs.\n")
    qtbot.mouseClick(window.banner.reload_button, Qt.MouseButton.LeftButton)
    assert window.edit.toPlainText() == POST + "Theirs.\n"
    assert not window.edit.document().isModified()


def test_own_save_raises_no_banner(qtbot: QtBot, window: MiniWindow) -> None:
    window.edit.appendPlainText("Mine.")
    window.save()
    window.edit.appendPlainText("More.")
    qtbot.wait(300)
    assert window.banner.state == "hidden"


def test_deleted_post_keeps_text(qtbot: QtBot, window: MiniWindow) -> None:
    text = window.edit.toPlainText()
    with qtbot.waitSignal(window.watch.postRemovedOnDisk, timeout=5000):
        window.path.unlink()
    assert window.banner.state == "removed"
    assert window.edit.toPlainText() == text
    window.save()  # writes it back
    assert window.path.read_text() == text
