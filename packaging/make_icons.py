"""The app icon in every size the installers need: hicolor PNGs, a Windows .ico, a macOS .icns.

The source is resources/icons/ when it exists (byline.svg and hicolor/<N>x<N>/apps/byline.png);
until then packaging/linux/byline.svg, a placeholder, is rendered with QtSvg.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def source_svg(root: Path = ROOT) -> Path:
    shipped = root / "resources" / "icons" / "byline.svg"
    return shipped if shipped.is_file() else HERE / "linux" / "byline.svg"


def render_svg(svg: Path, size: int, target: Path) -> None:
    """Render `svg` to a `size`x`size` PNG (Qt offscreen, no display needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["make_icons"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"cannot write {target}")


def make_icons(out: Path, root: Path = ROOT) -> Path:
    """Fill `out` with hicolor/<N>x<N>/apps/byline.png, scalable/apps/byline.svg, .ico, .icns."""
    shutil.rmtree(out, ignore_errors=True)
    svg = source_svg(root)
    shipped = root / "resources" / "icons" / "hicolor"
    given_sizes = {
        int(p.parent.parent.name.split("x")[0]) for p in shipped.glob("*x*/apps/byline.png")
    }
    for size in sorted(set(SIZES) | given_sizes):
        target = out / "hicolor" / f"{size}x{size}" / "apps" / "byline.png"
        given = shipped / f"{size}x{size}" / "apps" / "byline.png"
        if given.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(given, target)
        else:
            render_svg(svg, size, target)
    scalable = out / "hicolor" / "scalable" / "apps" / "byline.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)

    from PIL import Image

    with Image.open(out / "hicolor" / "256x256" / "apps" / "byline.png") as big:
        big.save(out / "byline.ico", sizes=[(s, s) for s in ICO_SIZES])
    with Image.open(out / "hicolor" / "512x512" / "apps" / "byline.png") as big:
        big.save(out / "byline.icns")
    return out


if __name__ == "__main__":
    import sys

    print(make_icons(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"))
