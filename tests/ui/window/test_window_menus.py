"""The menu commands not covered elsewhere: Preferences, Revert, Reveal, About, Open Recent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from editor.core.images.pipeline import DEFAULT_SETTINGS
from editor.ui.dialogs import prompts
from editor.ui.dialogs.preferences import PreferencesDialog
from editor.ui.settings import Settings
from editor.ui.window.main_window import MainWindow

DUSK = "_posts/2025-09-12-dusk-on-the-ridge.md"


def _run_preferences(window: MainWindow, monkeypatch: pytest.MonkeyPatch, change) -> None:  # type: ignore[no-untyped-def]
    """Preferences… from the menu, with `change(dialog)` done by the author, then OK."""

    def exec_(dialog: PreferencesDialog) -> int:
        change(dialog)
        dialog.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    window.actions.preferences.trigger()


def test_image_settings_default_to_the_pipeline_defaults(settings: Settings) -> None:
    assert settings.image_settings() == DEFAULT_SETTINGS


def test_bad_stored_image_settings_fall_back(settings: Settings) -> None:
    settings.set("image/quality", 400)
    settings.set("image/max_width", -5)
    settings.set("image/inline_max_width", 900)
    images = settings.image_settings()
    assert images.quality == DEFAULT_SETTINGS.quality
    assert images.max_width is None  # 0 or less: no limit
    assert images.inline_max_width == 900


def test_preferences_dialog_cancel_changes_nothing(settings: Settings, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(settings)
    qtbot.add_widget(dialog)
    dialog.quality.setValue(40)
    dialog.reject()
    assert settings.get("image/quality") == 85


def test_header_width_and_quality_from_preferences(
    choose_header, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    def change(dialog: PreferencesDialog) -> None:
        dialog.header_width.setValue(100)
        dialog.quality.setValue(60)
        dialog.size.setValue(15)

    _run_preferences(window, monkeypatch, change)
    assert window.settings.get("image/max_width") == 100
    assert window.markdown.editor.font().pointSize() == 15
    photo = tmp_path / "wide.png"
    Image.new("RGB", (320, 200), "teal").save(photo)
    staged = choose_header(photo)
    assert (staged.width, staged.height) == (100, 62)


def test_inline_width_from_preferences(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _run_preferences(window, monkeypatch, lambda d: d.inline_width.setValue(50))
    shot = QImage(200, 120, QImage.Format.Format_RGB32)
    shot.fill(QColor("olive"))
    QApplication.clipboard().setImage(shot)
    editor = window.markdown.editor
    with qtbot.waitSignal(window.images.inline.imageReady, timeout=10000) as blocker:
        editor.setFocus()
        qtbot.keySequence(editor, QKeySequence.StandardKey.Paste)
    image, _ref = blocker.args
    assert (image.width, image.height) == (50, 30)


def test_revert_throws_away_unsaved_changes_when_agreed(
    type_at_end, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    on_disk = (window.site.root / DUSK).read_text(encoding="utf-8")
    type_at_end(" Second thoughts.")
    monkeypatch.setattr(prompts, "confirm_revert", lambda parent: False)
    window.actions.revert.trigger()
    assert "Second thoughts." in window.markdown.text()
    monkeypatch.setattr(prompts, "confirm_revert", lambda parent: True)
    window.actions.revert.trigger()
    assert "Second thoughts." not in window.markdown.text()
    assert not window.document.dirty
    assert not window.isWindowModified()
    assert (window.site.root / DUSK).read_text(encoding="utf-8") == on_disk


def test_reveal_opens_the_posts_folder(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    window.actions.reveal.trigger()
    assert [u.toLocalFile() for u in opened] == [str((window.site.root / "_posts").resolve())]


def test_about_names_the_version(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from editor import __version__

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda p, t, text: shown.append(text)))
    window.actions.about.trigger()
    assert shown and __version__ in shown[0]


def test_open_recent_reopens_a_site(window: MainWindow, tmp_path: Path) -> None:
    first = window.site.root
    other = tmp_path / "other-blog"
    shutil.copytree(first, other, ignore=shutil.ignore_patterns(".jekyll-cache"))
    assert window.open_site(other)
    window.wait_for_index()
    entries = [a.text() for a in window.actions.recent_menu.actions()]
    assert entries[:2] == [str(other.resolve()), str(first)]
    window.actions.recent_menu.actions()[1].trigger()
    window.wait_for_index()
    assert window.site.root == first
