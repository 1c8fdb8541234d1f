"""Where Byline keeps its own files (journal, history): never inside a blog."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "byline"


def data_dir(explicit: str | os.PathLike[str] | None = None, *, create: bool = True) -> Path:
    """The app's data folder: `explicit` if given, else the platform's per-user data folder.

    Linux and other Unix: `$XDG_DATA_HOME/byline` or `~/.local/share/byline`;
    macOS: `~/Library/Application Support/Byline`; Windows: `%LOCALAPPDATA%\\Byline`.
    """
    if explicit is not None:
        folder = Path(explicit)
    elif sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        folder = Path(base) / "Byline"
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Application Support" / "Byline"
    else:
        base = os.environ.get("XDG_DATA_HOME") or ""
        # the XDG spec says a relative value is invalid and must be ignored
        root = Path(base) if base and os.path.isabs(base) else Path.home() / ".local" / "share"
        folder = root / APP_NAME
    if create:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder
