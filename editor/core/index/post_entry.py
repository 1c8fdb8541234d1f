"""One post as the site index knows it: a light, immutable summary of its front matter."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from editor.core.errors import BylineError


@dataclass(frozen=True, slots=True)
class PostEntry:
    """What the post list, search and autocompletion need; never the body."""

    path: Path  # absolute
    rel_path: str  # relative to the site root, "/" separators
    title: str  # from front matter, else from the file name
    date: datetime | None  # aware, in the site's timezone (front matter, else file name)
    author: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    image: str | None
    layout: str
    draft: bool  # in a _drafts/ folder
    published: bool  # False when `published: false`
    word_count: int | None  # None until counted (SiteIndex.count_words)
    problem: BylineError | None  # broken front matter; the entry still exists
    mtime_ns: int
    size: int

    @property
    def name(self) -> str:
        return self.path.name


class PathMaker:
    """Paths under one folder, made fast: pathlib would re-parse the folder for each.

    On CPython 3.11 it uses pathlib's own constructor from parsed parts (checked against
    `Path()` on first use); elsewhere, and if the check fails, plain `Path()`.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._prefix = str(folder).rstrip("/\\")
        self._make: Any = None
        if sys.version_info[:2] == (3, 11):
            make = getattr(type(folder), "_from_parsed_parts", None)
            parts = getattr(folder, "_parts", None)
            if make is not None and isinstance(parts, list):
                drv, root = folder._drv, folder._root  # type: ignore[attr-defined]
                self._make = lambda rel: make(drv, root, parts + rel.split("/"))
                if not self._fast_ok("a/b.md"):
                    self._make = None

    def _fast_ok(self, rel: str) -> bool:
        try:
            made = self._make(rel)
        except Exception:
            return False
        slow = Path(f"{self._prefix}/{rel}")
        return bool(made == slow and str(made) == str(slow) and hash(made) == hash(slow))

    def __call__(self, rel: str) -> Path:
        """The path of `rel` ("/"-separated, no `.` or `..`) under the folder."""
        if self._make is not None:
            return self._make(rel)  # type: ignore[no-any-return]
        return Path(f"{self._prefix}/{rel}")
