"""The first-paint hook the start-up benchmark and the self-test rely on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from editor.ui.startup.first_paint import FirstPaint


# the offscreen platform cannot resize a window to its size hints; it says so, harmlessly
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_first_paint_fires_once_the_window_is_shown(qtbot: QtBot) -> None:
    window = QMainWindow()
    window.setCentralWidget(QLabel("a site"))
    qtbot.add_widget(window)
    watcher = FirstPaint(window)
    assert not watcher.seen
    with qtbot.waitSignal(watcher.painted):
        window.show()
    assert watcher.seen


def test_exit_after_paint_prints_the_time_and_quits(tmp_path: Path) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: Paint\n", encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        BYLINE_EXIT_AFTER_PAINT="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    done = subprocess.run(
        [sys.executable, "-m", "editor", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("byline: first paint ")
    assert done.stdout.rstrip().endswith(" s")
