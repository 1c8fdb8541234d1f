"""The app's own folders as Qt names them (tests point the XDG variables into a temp dir)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

_Location = QStandardPaths.StandardLocation


def app_data_dir() -> Path:
    """Journal, history and the sample blog: QStandardPaths.AppDataLocation."""
    return Path(QStandardPaths.writableLocation(_Location.AppDataLocation))


def app_cache_dir() -> Path:
    """What can be rebuilt (the site index cache, thumbnails): QStandardPaths.CacheLocation."""
    return Path(QStandardPaths.writableLocation(_Location.CacheLocation))
