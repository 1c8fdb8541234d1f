"""Staged images as files the preview can show, outside the blog.

A staged image exists only in memory until the post is saved, but the renderer resolves
images to local files. The window keeps a copy of each staged image in a folder of its
own under the app's cache folder (never in the site) and hands the renderer an overlay
`assets/images/<md5>.jpg -> copy`. The folder goes when the window closes; folders a
crashed instance left behind are removed after a while.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from editor.core.errors import BylineError
from editor.core.images.image_kinds import ProcessedImage
from editor.core.safety.storage import atomic_write

PREFIX = "window-"
STALE_AFTER_S = 3 * 24 * 3600  # a folder untouched this long belongs to no running window


class StagedCopies:
    """Copies of staged images in `<parent>/window-XXXX/<md5>.jpg`, made on demand."""

    def __init__(self, parent: str | os.PathLike[str]) -> None:
        self.parent = Path(parent)
        self._folder: Path | None = None
        self._last: dict[str, Path] = {}

    @property
    def folder(self) -> Path | None:
        """The folder of this window's copies (None until the first copy)."""
        return self._folder

    def overlay(self, images: Iterable[ProcessedImage]) -> Mapping[str, Path]:
        """`rel_path -> copy` for the staged images; a copy is written the first time only.

        An image that cannot be copied (full disk) is left out: the preview then shows it
        as missing, which is all that is lost. Returns the same mapping object while the
        set of images is unchanged, so callers can tell cheaply that nothing changed.
        """
        wanted: dict[str, Path] = {}
        for image in images:
            path = self._copy(image)
            if path is not None:
                wanted[image.rel_path] = path
        if wanted != self._last:
            self._last = wanted
        return self._last

    def _copy(self, image: ProcessedImage) -> Path | None:
        try:
            folder = self._ensure_folder()
            path = folder / image.file_name
            # content-named: an existing copy of the right size holds these very bytes
            if not (path.is_file() and path.stat().st_size == len(image.data)):
                atomic_write(path, image.data, durable=False)  # a cache
        except (BylineError, OSError):
            return None
        return path

    def _ensure_folder(self) -> Path:
        if self._folder is None or not self._folder.is_dir():
            self.parent.mkdir(parents=True, exist_ok=True)
            self._folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=self.parent))
        return self._folder

    def close(self) -> None:
        """Remove this window's copies."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        self._folder = None
        self._last = {}


def prune_stale(parent: str | os.PathLike[str], max_age: float = STALE_AFTER_S) -> int:
    """Remove copy folders older than `max_age` seconds (left by a crash); how many went."""
    removed = 0
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in Path(parent).iterdir():
            if not entry.name.startswith(PREFIX) or not entry.is_dir():
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime > max_age:
                    shutil.rmtree(entry)
                    removed += 1
    return removed
