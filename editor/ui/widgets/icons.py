"""Icons from resources/icons, tinted to the palette's text colour (light and dark themes)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QObject, QRectF, Qt
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QIcon,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from editor.resources import resource_path

_SIZES = (16, 20, 24, 32, 48)


def _render(renderer: QSvgRenderer, size: int, ratio: float) -> QPixmap:
    px = round(size * ratio)
    image = QImage(px, px, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, px, px))
    painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


@cache
def _icon(name: str, colour: str, ratio: float) -> QIcon:
    path = resource_path("icons", "actions", f"{name}.svg")
    if not path.is_file():
        path = resource_path("icons", f"{name}.svg")
    svg = path.read_bytes().replace(b"#000000", colour.encode())
    icon = QIcon()
    renderer = QSvgRenderer(QByteArray(svg))  # parsed once for all its sizes
    for size in _SIZES:
        icon.addPixmap(_render(renderer, size, ratio))
    return icon


def icon(name: str) -> QIcon:
    """A toolbar icon drawn in the current palette's text colour, sharp on high-DPI screens."""
    app = QGuiApplication.instance()
    palette = QGuiApplication.palette() if app else QPalette()
    colour = palette.color(QPalette.ColorRole.WindowText).name()
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if app else 1.0
    return _icon(name, colour, ratio)


ICON_PROPERTY = "bylineIcon"


def set_icon(action: QAction, name: str) -> None:
    """Give `action` the named icon, remembered so that `retint` can redraw it."""
    action.setIcon(icon(name))
    action.setProperty(ICON_PROPERTY, name)


def retint(root: QObject) -> None:
    """Redraw the icons `set_icon` gave the actions under `root` in the palette's colour
    now (the appearance changed: dark icons would vanish on a dark window)."""
    for action in root.findChildren(QAction):
        name = action.property(ICON_PROPERTY)
        if name:
            action.setIcon(icon(str(name)))


def app_icon() -> QIcon:
    icon = QIcon(str(resource_path("icons", "byline.svg")))
    for n in (16, 24, 32, 48, 64, 128, 256):
        png = resource_path("icons", "hicolor", f"{n}x{n}", "apps", "byline.png")
        if png.is_file():
            icon.addFile(str(png))
    return icon
