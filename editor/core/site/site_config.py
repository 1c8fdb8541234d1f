"""Finding a Jekyll site's root and reading its `_config.yml`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.core.errors import BylineError
from editor.core.post.dates import site_zone
from editor.core.post.yaml_io import load_yaml
from editor.core.site.site_root import CONFIG_NAMES
from editor.core.site.site_root import find_site_root as find_site_root  # its old home


@dataclass(frozen=True)
class Author:
    key: str
    name: str
    display_name: str
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.display_name or self.name or self.key


@dataclass
class SiteConfig:
    """What the editor needs from `_config.yml`; `problem` is set when the file is broken."""

    title: str = ""
    baseurl: str = ""
    url: str = ""
    timezone: str | None = None
    permalink: str = "date"
    markdown: str = "kramdown"
    kramdown: dict[str, Any] = field(default_factory=dict)
    defaults: list[dict[str, Any]] = field(default_factory=list)
    authors: dict[str, Author] = field(default_factory=dict)
    future: bool = False
    raw: dict[str, Any] = field(default_factory=dict)
    problem: BylineError | None = None

    @property
    def zone(self) -> dt.tzinfo:
        return site_zone(self.timezone)

    def default_value(self, key: str, rel_path: str, kind: str = "posts") -> Any:
        """The front matter default Jekyll applies to a file (`defaults:` in the config)."""
        found = None
        for entry in self.defaults:
            scope = entry.get("scope") or {}
            if not isinstance(scope, dict):
                continue
            scope_path = str(scope.get("path") or "")
            scope_type = scope.get("type")
            if scope_path and not rel_path.startswith(scope_path.strip("/")):
                continue
            if scope_type and scope_type != kind:
                continue
            values = entry.get("values") or {}
            if isinstance(values, dict) and key in values:
                found = values[key]
        return found


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _authors(value: Any) -> dict[str, Author]:
    out: dict[str, Author] = {}
    if isinstance(value, dict):
        for key, info in value.items():
            info = info if isinstance(info, dict) else {"name": _text(info)}
            out[str(key)] = Author(
                key=str(key),
                name=_text(info.get("name")),
                display_name=_text(info.get("display_name")),
                extra={k: v for k, v in info.items() if k not in ("name", "display_name")},
            )
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                key = _text(item.get("key") or item.get("name") or item.get("username"))
                if key:
                    out[key] = Author(key, _text(item.get("name")), _text(item.get("display_name")))
            elif item is not None:
                out[str(item)] = Author(str(item), str(item), "")
    return out


def read_config(root: Path) -> SiteConfig:
    """Read the site's config safely. A broken file gives defaults plus `problem`."""
    path = next((root / n for n in CONFIG_NAMES if (root / n).is_file()), None)
    if path is None:
        return SiteConfig()
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except BylineError as exc:
        exc.path = str(path)
        return SiteConfig(problem=exc)
    except (OSError, UnicodeDecodeError) as exc:
        return SiteConfig(problem=BylineError(f"cannot read _config.yml: {exc}", path=str(path)))
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return SiteConfig(problem=BylineError("_config.yml is not a mapping", path=str(path)))
    defaults = raw.get("defaults")
    kramdown = raw.get("kramdown")
    return SiteConfig(
        title=_text(raw.get("title")),
        baseurl=_text(raw.get("baseurl")).rstrip("/"),
        url=_text(raw.get("url")).rstrip("/"),
        timezone=_text(raw.get("timezone")) or None,
        permalink=_text(raw.get("permalink")) or "date",
        markdown=_text(raw.get("markdown")) or "kramdown",
        kramdown=kramdown if isinstance(kramdown, dict) else {},
        defaults=[d for d in defaults if isinstance(d, dict)] if isinstance(defaults, list) else [],
        authors=_authors(raw.get("authors")),
        future=raw.get("future") is True,
        raw=raw,
    )
