from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from editor.ui.safety.conflict_banner import ConflictBanner

# showing a top-level window on the offscreen platform logs this harmless warning
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_changed_state_buttons(qtbot: QtBot) -> None:
    banner = ConflictBanner()
    qtbot.add_widget(banner)
    assert banner.state == "hidden" and banner.isHidden()
    banner.show_changed(Path("/site/_posts/2025-01-01-a<b>.md"))
    assert banner.state == "changed" and not banner.isHidden()
    assert banner.path_label.full_text() == str(Path("/site/_posts/2025-01-01-a<b>.md"))
    assert "changed on disk" in banner.message.text()
    assert not banner.reload_button.isHidden() and not banner.compare_button.isHidden()
    with qtbot.waitSignal(banner.compareRequested):
        qtbot.mouseClick(banner.compare_button, Qt.MouseButton.LeftButton)
    assert banner.state == "changed"  # Compare leaves the choice open
    with qtbot.waitSignal(banner.reloadRequested):
        qtbot.mouseClick(banner.reload_button, Qt.MouseButton.LeftButton)
    assert banner.state == "hidden" and banner.isHidden()
    banner.show_changed("a.md")
    with qtbot.waitSignal(banner.keepMineRequested):
        qtbot.mouseClick(banner.keep_button, Qt.MouseButton.LeftButton)
    assert banner.isHidden()


def test_removed_state(qtbot: QtBot) -> None:
    banner = ConflictBanner()
    qtbot.add_widget(banner)
    banner.show_removed("/site/_posts/a.md")
    assert banner.state == "removed"
    assert "deleted or renamed on disk" in banner.message.text()
    assert banner.reload_button.isHidden() and banner.compare_button.isHidden()
    assert not banner.keep_button.isHidden()
    qtbot.mouseClick(banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert banner.state == "hidden"


def test_a_long_path_in_a_narrow_window_is_elided_in_the_middle(qtbot: QtBot) -> None:
    banner = ConflictBanner()
    qtbot.add_widget(banner)
    path = "/home/author/blogs/field-notes/_posts/2025-09-12-dusk-on-the-ridge-notes-from-a-night-walk.md"
    banner.resize(360, 120)
    banner.show_changed(path)
    banner.show()
    qtbot.waitExposed(banner)
    label = banner.path_label
    qtbot.waitUntil(lambda: "…" in label.text(), timeout=2000)
    assert label.text().startswith("/home/") and label.text().endswith("night-walk.md")
    assert label.toolTip() == path
    one_line = label.fontMetrics().height()
    assert label.height() < 2 * one_line + 6  # one line, never four
