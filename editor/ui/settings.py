"""The app's settings: ONE typed table of defaults, stored with QSettings (ini format)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from editor.core.images.image_kinds import ImageSettings


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type


_TABLE = (
    Setting("site/last", "", str),
    Setting("site/recent", [], list),
    Setting("window/geometry", QByteArray(), QByteArray),
    Setting("window/state", QByteArray(), QByteArray),
    Setting("window/main_splitter", QByteArray(), QByteArray),
    Setting("window/centre_splitter", QByteArray(), QByteArray),
    Setting("view/post_list", True, bool),
    Setting("view/preview", True, bool),
    Setting("view/form", True, bool),
    Setting("view/spelling", True, bool),  # underline misspelt words
    Setting("spelling/language", "", str),  # a dictionary name (en_GB); '' = the blog's
    Setting("view/outline", False, bool),
    Setting("appearance/theme", "system", str),  # "system", "light" or "dark"
    Setting("editor/font", "monospace", str),  # "monospace" or "serif"
    Setting("editor/font_size", 11, int),
    Setting("editor/wrap", True, bool),
    Setting("image/max_width", 2000, int),  # header images; 0: no limit
    Setting("image/max_height", 2000, int),  # header images (portrait photos); 0: no limit
    Setting("image/inline_max_width", 0, int),  # images in the text; 0: no limit
    Setting("image/quality", 85, int),
    Setting("image/keep_icc", False, bool),  # keep the colour profile (never EXIF or GPS)
)
DEFAULTS: dict[str, Setting] = {s.key: s for s in _TABLE}
MAX_RECENT = 8


class Settings:
    """Typed access to the settings table. Tests point QSettings.setPath at a temp folder."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Byline", "Byline"
        )

    def get(self, key: str) -> Any:
        spec = DEFAULTS[key]
        value = self._store.value(key, spec.default)
        if value is None:
            return spec.default
        if spec.kind is bool and isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        if spec.kind is list:
            if isinstance(value, str):
                return [value] if value else []
            return list(value)
        if spec.kind is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return spec.default
        return value

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._store.setValue(key, value)

    def add_recent_site(self, path: str) -> None:
        recent = [p for p in self.get("site/recent") if p != path]
        self.set("site/recent", [path, *recent][:MAX_RECENT])
        self.set("site/last", path)

    def sync(self) -> None:
        self._store.sync()

    def image_settings(self) -> ImageSettings:
        """How attached images are processed, from the image/* settings (bad values: defaults)."""
        widths = [max(0, self.get(k)) for k in ("image/max_width", "image/inline_max_width")]
        quality = self.get("image/quality")
        if not 1 <= quality <= 100:
            quality = DEFAULTS["image/quality"].default
        return ImageSettings(
            max_width=widths[0] or None,
            quality=quality,
            keep_icc=bool(self.get("image/keep_icc")),
            inline_max_width=widths[1] or None,
            max_height=max(0, self.get("image/max_height")) or None,
        )
