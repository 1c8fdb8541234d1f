"""Preferences: a height cap for portrait header photos, Appearance (System / Light /
Dark) applied to the window and the preview, aligned label columns, plain buttons; and
View > Preview shows a check mark like its neighbours."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel

from editor.core.images.pipeline import ImageSettings, process_bytes
from editor.ui.dialogs.preferences import PreferencesDialog
from editor.ui.settings import Settings
from editor.ui.window.main_window import MainWindow


def _run_preferences(window: MainWindow, monkeypatch: pytest.MonkeyPatch, change) -> None:  # type: ignore[no-untyped-def]
    def exec_(dialog: PreferencesDialog) -> int:
        change(dialog)
        dialog.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    window.actions.preferences.trigger()


def _png(width: int, height: int) -> bytes:
    import io

    out = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, "PNG")
    return out.getvalue()


def test_portrait_photos_are_capped_by_height_by_default(settings: Settings) -> None:
    images = settings.image_settings()
    assert (images.max_width, images.max_height) == (2000, 2000)
    portrait = process_bytes(_png(2400, 3600), name="portrait.png", settings=images)
    assert (portrait.width, portrait.height) == (1333, 2000)
    landscape = process_bytes(_png(3000, 2000), name="wide.png", settings=images)
    assert (landscape.width, landscape.height) == (2000, 1333)
    # images in the text keep their own (width) cap only
    inline = process_bytes(_png(600, 2400), name="tall.png", settings=images, inline=True)
    assert (inline.width, inline.height) == (600, 2400)
    assert ImageSettings(max_height=None).max_height is None


def test_header_height_from_preferences(choose_header, window: MainWindow, monkeypatch,
                                        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    def change(dialog: PreferencesDialog) -> None:
        dialog.header_height.setValue(100)

    _run_preferences(window, monkeypatch, change)
    assert window.settings.get("image/max_height") == 100
    photo = tmp_path / "portrait.png"
    Image.new("RGB", (200, 320), "navy").save(photo)
    staged = choose_header(photo)
    assert (staged.width, staged.height) == (62, 100)


def test_appearance_dark_and_light_reach_window_and_preview(qtbot, window: MainWindow,
                                                            monkeypatch) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    def lightness(widget) -> int:  # type: ignore[no-untyped-def]
        return widget.palette().color(QPalette.ColorRole.Base).lightness()

    try:
        _run_preferences(window, monkeypatch, lambda d: d.appearance.setCurrentIndex(2))
        assert window.settings.get("appearance/theme") == "dark"
        qtbot.waitUntil(lambda: lightness(window.markdown.editor) < 80, timeout=3000)
        assert lightness(window.form.title_edit) < 80
        qtbot.waitUntil(window.preview._is_dark, timeout=3000)
        qtbot.waitUntil(lambda: "#" in window.preview.html() and not window.preview.is_busy(),
                        timeout=10000)  # fmt: skip
        _run_preferences(window, monkeypatch, lambda d: d.appearance.setCurrentIndex(1))
        qtbot.waitUntil(lambda: lightness(window.markdown.editor) > 200, timeout=3000)
        qtbot.waitUntil(lambda: not window.preview._is_dark(), timeout=3000)
    finally:
        _run_preferences(window, monkeypatch, lambda d: d.appearance.setCurrentIndex(0))
    assert window.settings.get("appearance/theme") == "system"


def test_preferences_columns_line_up_and_buttons_have_no_icons(settings: Settings, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(settings)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(50)  # the relayout after the labels' widths were set
    starts = set()
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and isinstance(label.widget(), QLabel) and field is not None:
                widget = field.widget() or field.layout()
                starts.add(
                    widget.geometry().x()
                    + form.parentWidget().mapTo(dialog, form.parentWidget().rect().topLeft()).x()
                )
    assert len(starts) == 1  # every group's fields start at the same x
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    assert all(b.icon().isNull() for b in box.buttons())


def test_view_menu_shows_check_marks_not_icons(window: MainWindow) -> None:
    a = window.actions
    for action in (a.show_list, a.show_form, a.show_preview):
        assert action.isCheckable() and not action.isIconVisibleInMenu()


def test_icons_follow_the_appearance(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Toolbar icons are drawn in the palette's text colour: light ones on a dark window."""
    from editor.ui.widgets.icons import ICON_PROPERTY

    bold = window.markdown.actions_by_name["bold"]
    assert bold.property(ICON_PROPERTY)

    def ink(action) -> int:  # type: ignore[no-untyped-def]
        image = action.icon().pixmap(16, 16).toImage()
        seen = [image.pixelColor(x, y) for x in range(16) for y in range(16)]
        drawn = [c for c in seen if c.alpha() > 200]
        return max(c.lightness() for c in drawn)

    try:
        _run_preferences(window, monkeypatch, lambda d: d.appearance.setCurrentIndex(2))
        assert ink(bold) > 180  # light ink on the dark window
        _run_preferences(window, monkeypatch, lambda d: d.appearance.setCurrentIndex(1))
        assert ink(bold) < 80
    finally:
        _run_preferences(window, monkeypatch, lambda d: d.appearance.setCurrentIndex(0))
