"""Toolbar icons are drawn when first shown, at the size and screen scale asked for."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from editor.ui.widgets.icons import icon


def _ink(image) -> int:  # type: ignore[no-untyped-def]
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 0
    )


def test_sharp_at_every_size_and_scale(qtbot: QtBot) -> None:
    bold = icon("bold")
    assert not bold.isNull()
    for size, scale in ((16, 1.0), (24, 1.0), (16, 2.0), (48, 1.0)):
        pixmap = bold.pixmap(QSize(size, size), scale)
        assert pixmap.width() == round(size * scale)  # drawn for it, not a scaled copy
        assert pixmap.devicePixelRatio() == scale
        assert _ink(pixmap.toImage()) > 0


def test_disabled_is_greyed_like_any_icon(qtbot: QtBot) -> None:
    bold = icon("bold")
    normal = bold.pixmap(QSize(16, 16), 1.0, QIcon.Mode.Normal).toImage()
    greyed = bold.pixmap(QSize(16, 16), 1.0, QIcon.Mode.Disabled).toImage()
    assert normal != greyed


def test_app_icon_is_the_drawn_png_at_each_size(qtbot: QtBot) -> None:
    """The window's icon: the hand-drawn PNG at each size the desktop asks for (read
    when first drawn, not at start-up), the SVG beyond them."""
    from PySide6.QtGui import QImage

    from editor.resources import resource_path
    from editor.ui.widgets.icons import app_icon

    app = app_icon()
    fmt = QImage.Format.Format_ARGB32
    for n in (16, 24, 32, 48, 64, 128, 256):
        drawn = QImage(str(resource_path("icons", "hicolor", f"{n}x{n}", "apps", "byline.png")))
        shown = app.pixmap(QSize(n, n)).toImage()
        assert shown.convertToFormat(fmt) == drawn.convertToFormat(fmt)
    big = app.pixmap(QSize(512, 512))
    assert (big.width(), big.height()) == (512, 512)
    assert _ink(big.toImage()) > 0
