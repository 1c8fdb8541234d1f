"""The user's cache and data folders, without Qt: the same folders Qt names for the window.

The window asks QStandardPaths (CacheLocation, AppDataLocation) for an application named
`APP` with no organisation; the command line gets the same folders from here, so both
share one index cache and one history (tests/ui/test_qt_paths.py checks they agree).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "Byline"  # QApplication.applicationName() in editor/ui/startup/application.py


def _home() -> Path:
    return Path(os.path.expanduser("~"))


def _xdg(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    # the XDG spec says a relative path is invalid and must be ignored
    return Path(value) if value and os.path.isabs(value) else _home() / fallback


def _windows(variable: str, fallback: str) -> Path:
    return Path(os.environ.get(variable) or str(_home() / "AppData" / fallback))


def cache_dir() -> Path:
    """Where Byline keeps what it can rebuild (the site index cache); not created here."""
    if sys.platform == "darwin":
        return _home() / "Library" / "Caches" / APP
    if os.name == "nt":
        return _windows("LOCALAPPDATA", "Local") / APP / "cache"
    return _xdg("XDG_CACHE_HOME", ".cache") / APP


def data_dir() -> Path:
    """Where Byline keeps what it cannot rebuild (history, journal); not created here."""
    if sys.platform == "darwin":
        return _home() / "Library" / "Application Support" / APP
    if os.name == "nt":
        return _windows("APPDATA", "Roaming") / APP
    return _xdg("XDG_DATA_HOME", ".local/share") / APP
