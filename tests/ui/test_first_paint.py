"""The first-paint hook the start-up benchmark and the self-test rely on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from editor.ui.application import create_window
from editor.ui.first_paint import FirstPaint


# the offscreen platform cannot resize a window to its size hints; it says so, harmlessly
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_first_paint_fires_once_the_window_is_shown(qtbot: QtBot) -> None:
    window = create_window("a site")
    qtbot.add_widget(window)
    watcher = FirstPaint(window)
    assert not watcher.seen
    with qtbot.waitSignal(watcher.painted):
        window.show()
    assert watcher.seen


def test_exit_after_paint_prints_the_time_and_quits(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BYLINE_EXIT_AFTER_PAINT="1")
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
