"""macOS hands files to the running app as QFileOpenEvents: the window opens them."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from editor.ui.startup.file_open import FileOpener
from editor.ui.window.main_window import MainWindow

FJORD = "_posts/2025-03-08-walking-the-fjord-path-in-early-spring.md"


def _send(path: Path) -> None:
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(path)))


def test_a_post_of_the_open_site(window: MainWindow) -> None:
    opener = FileOpener(window, window.open_path)
    QApplication.instance().installEventFilter(opener)
    try:
        _send(window.site.root / FJORD)
    finally:
        QApplication.instance().removeEventFilter(opener)
    assert window.document.path == (window.site.root / FJORD).resolve()


def test_a_post_of_another_site_opens_that_site(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "other-blog"
    shutil.copytree(window.site.root, other, ignore=shutil.ignore_patterns(".jekyll-cache"))
    opener = FileOpener(window, window.open_path)
    QApplication.instance().installEventFilter(opener)
    try:
        _send(other / FJORD)
        window.wait_for_index()
    finally:
        QApplication.instance().removeEventFilter(opener)
    assert window.site.root == other.resolve()
    assert window.document.path == (other / FJORD).resolve()


def test_a_site_folder(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "third-blog"
    shutil.copytree(window.site.root, other, ignore=shutil.ignore_patterns(".jekyll-cache"))
    assert window.open_path(other)
    window.wait_for_index()
    assert window.site.root == other.resolve()
