"""Where Byline keeps its own files (journal, history): never inside a blog."""

from __future__ import annotations

import os
from pathlib import Path

from editor.core import paths


def data_dir(explicit: str | os.PathLike[str] | None = None, *, create: bool = True) -> Path:
    """The app's data folder, created private to the user: `explicit`, else `paths.data_dir()`."""
    folder = Path(explicit) if explicit is not None else paths.data_dir()
    if create:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder
