"""A header image attached but not saved yet is no missing image: no warning, before or
after Save."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from editor.ui.window.main_window import MainWindow


def test_a_staged_header_image_is_not_reported_missing(qtbot, choose_header, window: MainWindow,
                                                       tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    photo = tmp_path / "fresh.png"
    Image.new("RGB", (320, 200), "olive").save(photo)
    staged = choose_header(photo)
    assert not (window.site.root / staged.rel_path).exists()
    window._on_idle()  # the pass that runs when typing pauses
    assert "does not exist" not in window.form.warnings_label.text()
    assert window.save()
    qtbot.wait(400)  # the idle pass after the save
    assert "does not exist" not in window.form.warnings_label.text()


def test_a_really_missing_image_is_reported_and_goes_after_save(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.set_field("image", "assets/images/0123456789abcdef0123456789abcdef.jpg")
    window._on_idle()
    assert "does not exist in the site" in window.form.warnings_label.text()
    window.set_field("image", None)
    assert window.save()
    qtbot.waitUntil(lambda: not window.form.warnings_label.isVisible(), timeout=3000)
