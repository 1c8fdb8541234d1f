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
    assert "2025-01-01-a&lt;b&gt;.md" in banner.message.text()
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
