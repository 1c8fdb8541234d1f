"""The user's cache and data folders, without Qt (the UI may pass Qt's folders instead)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "byline"


def _home() -> Path:
    return Path(os.path.expanduser("~"))


def _xdg(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    # the XDG spec says a relative path is invalid and must be ignored
    return Path(value) if value and os.path.isabs(value) else _home() / fallback


def cache_dir() -> Path:
    """Where Byline keeps what it can rebuild (the site index cache); not created here."""
    if sys.platform == "darwin":
        return _home() / "Library" / "Caches" / APP
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or str(_home() / "AppData" / "Local")
        return Path(base) / APP / "cache"
    return _xdg("XDG_CACHE_HOME", ".cache") / APP


def data_dir() -> Path:
    """Where Byline keeps what it cannot rebuild (history, journal); not created here."""
    if sys.platform == "darwin":
        return _home() / "Library" / "Application Support" / APP
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or str(_home() / "AppData" / "Local")
        return Path(base) / APP
    return _xdg("XDG_DATA_HOME", ".local/share") / APP
