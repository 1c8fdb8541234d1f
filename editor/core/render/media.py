"""Images in the rendered HTML: local files found and sized, remote ones never fetched.

QTextBrowser ignores CSS widths on images, so every local image gets a pixel `width`
(and `height`) fitting the article column, computed from the file's real size; Pillow
reads only the file header for that.
"""

from __future__ import annotations

import contextlib
import html
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

from PIL import Image, UnidentifiedImageError

from editor.core.images.jpeg_segments import jpeg_size
from editor.core.render.context import SiteContext
from editor.core.render.sanitize import clean_markup, is_remote, parse_attrs, safe_link
from editor.core.render.urls import file_url, local_image

_IMG = re.compile(r"<img\b([^<>]*?)/?>", re.I | re.S)
_sizes: dict[tuple[str, float, int], tuple[int, int] | None] = {}
_lock = threading.Lock()


def image_size(path: Path) -> tuple[int, int] | None:
    """The pixel size of an image file (header only), cached by path and mtime."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (str(path), stat.st_mtime, stat.st_size)
    with _lock:
        if key in _sizes:
            return _sizes[key]
    size: tuple[int, int] | None
    # JPEGs from their frame header: Pillow reads every metadata segment first (a file
    # with 1,000 EXIF segments took it 15 s)
    size = jpeg_size(str(path))
    if size is None:
        try:
            with Image.open(path) as img:
                size = (int(img.width), int(img.height))
        except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
            size = None
    with _lock:
        if len(_sizes) > 2000:
            _sizes.clear()
        _sizes[key] = size
    return size


def fit_width(natural: tuple[int, int] | None, asked: str | None, column: int | None) -> int | None:
    """The pixel width to show an image at: what the post asks (px or %), never wider
    than the column, never wider than the picture itself."""
    width: float | None = natural[0] if natural else None
    if asked:
        asked = asked.strip()
        if asked.endswith("%") and column:
            with contextlib.suppress(ValueError):
                width = column * float(asked[:-1]) / 100
        else:
            with contextlib.suppress(ValueError):
                width = float(asked.removesuffix("px"))
    if width is None:
        return column
    if column:
        width = min(width, column)
    return max(1, round(width))


def _placeholder(kind: str, text: str) -> str:
    return f'<span class="byline-image-{kind}">[{html.escape(text)}]</span>'


def resolve_images(
    markup: str,
    site: SiteContext,
    column: int | None,
    base_dir: Path | None = None,
    *,
    flag_missing_alt: bool = False,
) -> str:
    """Rewrite every `<img>`: local -> absolute file: URL with pixel width; missing ->
    broken-image placeholder with its path; remote -> placeholder with alt text and host.
    Paths resolve against the site root, or `base_dir` outside a site. With
    `flag_missing_alt`, a shown image without alt text gets a visible note after it."""

    def replace(m: re.Match[str]) -> str:
        attrs = dict(parse_attrs(m.group(1)))
        src = (attrs.get("src") or "").strip()
        if src and not src.startswith("data:image/") and not safe_link(src):
            return _placeholder("missing", f"missing image: {src}")  # javascript:, file:...
        alt = attrs.get("alt") or ""
        if not src:
            return _placeholder("missing", f"image without a source {alt}".strip())
        if is_remote(src):
            host = urlsplit(src if "://" in src else "http:" + src).netloc
            return _placeholder("remote", f"remote image: {alt or 'no alt text'} — {host}")
        if src.startswith("data:"):
            return m.group(0)
        path = local_image(site, src, base_dir)
        if path is None or not path.is_file() or not svg_stays_inside(path):
            # outside the site (`../../x`, a link leading out) looks the same as missing
            return _placeholder("missing", f"missing image: {src}")
        natural = image_size(path)
        width = fit_width(natural, attrs.get("width"), column)
        attrs["src"] = file_url(path)
        attrs.pop("height", None)
        if width is not None:
            attrs["width"] = str(width)
            if natural and natural[0]:
                attrs["height"] = str(max(1, round(natural[1] * width / natural[0])))
        parts = " ".join(
            k if v is None else f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items()
        )
        tag = f"<img {parts} />"
        if flag_missing_alt and not alt.strip():
            # readers of screen readers (and search engines) get nothing from it
            tag += _placeholder("noalt", "no alt text")
        return tag

    return _IMG.sub(replace, clean_markup(markup))


_SVG_REF = re.compile(
    r"""(?:href|src)\s*=\s*["']?\s*([^"'\s>]*)|url\s*\(\s*["']?\s*([^"')\s]*)|@import""",
    re.I,
)
MAX_SVG_BYTES = 4 * 1024 * 1024


def svg_stays_inside(path: Path) -> bool:
    """False for an SVG that refers to other files (`<image href="/etc/...">`, CSS url()):
    the preview's SVG renderer would open them. Other images are always fine."""
    if path.suffix.lower() not in (".svg", ".svgz"):
        return True
    if path.suffix.lower() == ".svgz":
        return False  # compressed: not worth unpacking to check
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SVG_BYTES + 1)
    except OSError:
        return False
    if len(data) > MAX_SVG_BYTES:
        return False
    text = data.decode("utf-8", "replace")
    for m in _SVG_REF.finditer(text):
        ref = m.group(1) if m.group(1) is not None else m.group(2)
        if ref is None or not (ref.startswith("#") or ref.lower().startswith("data:image/")):
            return False
    return True
