"""Icons from resources/icons, tinted to the palette's text colour (light and dark themes)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from editor.resources import resource_path

# a greyed (disabled) icon: the same ink, faded (the style's own greying would need its
# QStyle, which PySide6 is otherwise spared from setting up before the first paint)
DISABLED_OPACITY = 0.4


class _TintedSvg(QIconEngine):
    """An SVG icon drawn at each size (and screen scale) when first asked for: a window
    starts with a few dozen icons, and most sizes of most of them are never shown."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderer: QSvgRenderer | None = None  # parsed once, with the first drawing
        self._drawn: dict[tuple[int, int, QIcon.Mode, float], QPixmap] = {}

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        key = (size.width(), size.height(), mode, scale)
        pixmap = self._drawn.get(key)
        if pixmap is None:
            pixmap = self._draw(size, scale, DISABLED_OPACITY if mode == QIcon.Mode.Disabled else 1)
            self._drawn[key] = pixmap
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def clone(self) -> QIconEngine:
        return _TintedSvg(self._svg)

    def _draw(self, size: QSize, scale: float, opacity: float) -> QPixmap:
        if self._renderer is None:
            self._renderer = QSvgRenderer(QByteArray(self._svg))
        w, h = max(1, round(size.width() * scale)), max(1, round(size.height() * scale))
        side = min(w, h)  # square icons, centred in what was asked
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(opacity)
        self._renderer.render(painter, QRectF((w - side) / 2, (h - side) / 2, side, side))
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        return pixmap


@cache
def _icon(name: str, colour: str) -> QIcon:
    path = resource_path("icons", "actions", f"{name}.svg")
    if not path.is_file():
        path = resource_path("icons", f"{name}.svg")
    return QIcon(_TintedSvg(path.read_bytes().replace(b"#000000", colour.encode())))


def icon(name: str) -> QIcon:
    """A toolbar icon drawn in the current palette's text colour, sharp on high-DPI screens."""
    app = QGuiApplication.instance()
    palette = QGuiApplication.palette() if app else QPalette()
    return _icon(name, palette.color(QPalette.ColorRole.WindowText).name())


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
        if png.is_file():  # its size given: Qt need not read the file until it is drawn
            icon.addFile(str(png), QSize(n, n))
    return icon
