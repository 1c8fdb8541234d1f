"""What the image pipeline takes and gives, without Pillow: its settings, its result, its
errors and where images go. The window needs these before its first paint; Pillow (~25 ms to
import) only once an image is processed (editor.core.images.pipeline re-exports them)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from editor.core.errors import BylineError

IMAGES_DIR = "assets/images"
NAME_RE = re.compile(r"[0-9a-f]{32}")
THUMB_HEIGHT = 96  # the form's thumbnails (editor.core.images.thumbnails)


# --- errors ----------------------------------------------------------------


class ImageError(BylineError):
    """An image that cannot be attached; the message names the file and the reason."""


class ImageReadError(ImageError):
    """The file itself cannot be read (missing, no permission, a folder)."""


class NotAnImageError(ImageError):
    """The file holds no picture at all."""


class UnsupportedImageError(ImageError):
    """A picture in a format the blog cannot use (HEIC, SVG, RAW, ...)."""


class CorruptImageError(ImageError):
    """A damaged or truncated picture."""


class ImageTooLargeError(ImageError):
    """More pixels than we agree to decode (a decompression bomb, or absurdly large)."""


class ImageStoreError(ImageError):
    """The processed image could not be written into the site (full disk, read-only, ...)."""


# --- settings and result ---------------------------------------------------


@dataclass(frozen=True)
class ImageSettings:
    """How attached images are processed (the preferences dialog edits these)."""

    max_width: int | None = 2000
    quality: int = 85
    keep_icc: bool = False
    inline_max_width: int | None = None
    max_height: int | None = 2000  # header images: a portrait photo is capped by its height

    def __post_init__(self) -> None:
        if not 1 <= self.quality <= 100:
            raise ValueError(f"JPEG quality must be 1..100, not {self.quality}")
        for size in (self.max_width, self.inline_max_width, self.max_height):
            if size is not None and size < 1:
                raise ValueError(f"a maximum size must be positive, not {size}")

    def for_inline(self) -> ImageSettings:
        """The settings for an image dropped into the body: the inline width cap applies
        (and no height cap: a tall diagram in the text keeps its width)."""
        return replace(self, max_width=self.inline_max_width, max_height=None)


DEFAULT_SETTINGS = ImageSettings()


@dataclass(frozen=True)
class ProcessedImage:
    """A web-ready JPEG in memory, not yet written anywhere."""

    data: bytes
    md5: str
    width: int
    height: int
    source: str = ""  # where it came from, for messages: a path or "pasted image"
    reencoded: bool = True  # False when the original JPEG data was kept

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def file_name(self) -> str:
        return f"{self.md5}.jpg"

    @property
    def rel_path(self) -> str:
        """The path a post's `image:` holds: `assets/images/<md5>.jpg`."""
        return f"{IMAGES_DIR}/{self.file_name}"


def processed(data: bytes, width: int, height: int, source: str, reencoded: bool) -> ProcessedImage:
    import hashlib  # with the first image, not with the settings at start-up

    return ProcessedImage(data, hashlib.md5(data).hexdigest(), width, height, source, reencoded)
