"""UI test fixtures: settings and the data folder in tmp_path, and the real main window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog

from editor.ui.dialogs import prompts
from editor.ui.settings import Settings
from editor.ui.startup.application import open_window
from editor.ui.window.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    return Settings()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def window(qtbot, settings: Settings, data_dir: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The real window on a fresh copy of the sample blog, index finished."""
    win = open_window(None, settings, data_dir)
    # not qtbot.add_widget: pytest-qt would close it before this fixture's teardown, and a
    # window with unsaved changes would then ask (and wait for) Save / Discard / Cancel
    win.show()
    qtbot.waitUntil(lambda: win.post_list.path_count() == 6, timeout=10000)
    yield win
    with pytest.MonkeyPatch.context() as mp:  # close without asking about unsaved changes
        mp.setattr(prompts, "ask_unsaved", lambda *a: prompts.Choice.DISCARD)
        win.wait_for_index()
        win.close()
    win.deleteLater()


@pytest.fixture
def type_at_end(qtbot, window: MainWindow) -> Callable[[str], None]:  # type: ignore[no-untyped-def]
    """Type `text` at the end of the window's Markdown pane, key by key (newlines too)."""

    def type_text(text: str) -> None:
        editor = window.markdown.editor
        editor.moveCursor(QTextCursor.MoveOperation.End)
        for i, line in enumerate(text.split("\n")):
            if i:
                qtbot.keyClick(editor, Qt.Key.Key_Return)  # keyClicks cannot type "\n"
            qtbot.keyClicks(editor, line)

    return type_text


@pytest.fixture
def choose_header(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Pick `photo` with the image field's Choose… button; the staged ProcessedImage."""

    def choose(photo: Path):  # type: ignore[no-untyped-def]
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(photo), "Images"))
        )
        with qtbot.waitSignal(window.form.imageStaged, timeout=10000) as blocker:
            window.form.image.choose_button.click()
        return blocker.args[0]

    return choose
