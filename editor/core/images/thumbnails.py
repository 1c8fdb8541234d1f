"""Small JPEG thumbnails for the post list and the image field, cached by the source's MD5.

The cache lives in the user's cache folder (`$XDG_CACHE_HOME/byline/thumbs`, or
`~/.cache/byline/thumbs`); a cache that cannot be written only costs speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from editor.core.errors import StorageError
from editor.core.images.image_kinds import THUMB_HEIGHT as THUMB_HEIGHT
from editor.core.images.pipeline import (
    decode_upright,
    fit_size,
    open_image,
    orientation_of,
    read_source,
    refuse_unsupported,
    upright_size,
)
from editor.core.safety.storage import atomic_write

MAX_ASPECT = 4  # a panorama's thumbnail is cut down to at most 4x as wide as tall
THUMB_QUALITY = 82


def default_cache_dir() -> Path:
    """`$XDG_CACHE_HOME/byline/thumbs`, or `~/.cache/byline/thumbs`."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "byline" / "thumbs"


@dataclass(frozen=True)
class Thumbnail:
    data: bytes  # a JPEG
    width: int
    height: int
    source_md5: str
    cached: bool = False  # True when it came from the cache


def thumbnail_file(
    path: str | os.PathLike[str],
    *,
    height: int = THUMB_HEIGHT,
    cache_dir: str | os.PathLike[str] | None = None,
) -> Thumbnail:
    """The thumbnail of a picture file (from the cache when it is there)."""
    return thumbnail_bytes(read_source(path), name=str(path), height=height, cache_dir=cache_dir)


def thumbnail_bytes(
    data: bytes,
    *,
    name: str,
    height: int = THUMB_HEIGHT,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
) -> Thumbnail:
    """The thumbnail of a picture's bytes; raises the pipeline's ImageError for bad input."""
    md5 = hashlib.md5(data).hexdigest()
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    cached_path = folder / f"{md5}-{height}.jpg"
    if use_cache:
        hit = _read_cached(cached_path, md5)
        if hit is not None:
            return hit
    thumb = make_thumbnail(data, name=name, height=height, md5=md5)
    if use_cache:
        _store(cached_path, thumb.data)
    return thumb


def make_thumbnail(
    data: bytes, *, name: str, height: int = THUMB_HEIGHT, md5: str = ""
) -> Thumbnail:
    """Decode just enough of the picture for a `height` pixels tall, upright JPEG."""
    refuse_unsupported(data, name)
    im = open_image(data, name)
    try:
        orientation = orientation_of(im, name)
        upright = upright_size(im.size, orientation)
        target = fit_size(upright, height * MAX_ASPECT, height)
        small = decode_upright(im, name, target, orientation)
        buffer = io.BytesIO()
        small.info = {}
        small.save(buffer, "JPEG", quality=THUMB_QUALITY)
    finally:
        im.close()
    return Thumbnail(
        buffer.getvalue(), small.width, small.height, md5 or hashlib.md5(data).hexdigest()
    )


def _read_cached(path: Path, md5: str) -> Thumbnail | None:
    try:
        data = path.read_bytes()
        with Image.open(io.BytesIO(data), formats=("JPEG",)) as im:
            width, height = im.size  # reads the header only
    except (OSError, SyntaxError, ValueError):
        return None  # missing or damaged: make it again
    return Thumbnail(data, width, height, md5, cached=True)


def _store(path: Path, data: bytes) -> None:
    with contextlib.suppress(OSError, StorageError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data, durable=False)  # a lost cache entry is simply remade


@dataclass(frozen=True)
class ImageInfo:
    """What the image field shows beside a thumbnail."""

    width: int
    height: int
    size: int  # bytes on disk


def image_info(path: str | os.PathLike[str]) -> ImageInfo:
    """Pixel size (upright) and file size of a picture file, reading its header only."""
    name = str(path)
    data = read_source(path)
    refuse_unsupported(data, name)
    im = open_image(data, name)
    try:
        width, height = upright_size(im.size, orientation_of(im, name))
    finally:
        im.close()
    return ImageInfo(width, height, len(data))
