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
