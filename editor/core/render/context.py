"""What a render needs to know about the site around the post."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.errors import BylineError
from editor.core.site.site_config import SiteConfig, find_site_root, read_config


@dataclass(frozen=True, eq=False)
class SiteContext:
    """The open site's root and config; `root=None` for a file outside any site.

    `staged`: images attached but not saved yet, `assets/images/<md5>.jpg` -> a local copy
    outside the site; the preview shows them as if they were in the site already."""

    root: Path | None = None
    config: SiteConfig = field(default_factory=SiteConfig)
    staged: Mapping[str, Path] = field(default_factory=dict)

    @classmethod
    def for_path(cls, path: str | Path) -> SiteContext:
        """The site holding `path`, or an empty context when it is in none."""
        try:
            root = find_site_root(path)
        except BylineError:
            return cls()
        return cls(root, read_config(root))


@dataclass(frozen=True)
class RenderOptions:
    """`column_width`: the article column in pixels, for image widths (None: natural size).
    `line_anchors`: an `<a name="line-N">` per top-level block, for scroll sync.
    `qt_rich_text`: HTML for Qt's rich text engine rather than a browser: task-list
    checkboxes as ☐/☑ (Qt shows no <input>), code blocks in a one-cell table (Qt gives
    each line of a <pre> its own background) without the final empty line."""

    column_width: int | None = 680
    line_anchors: bool = True
    header: bool = True
    qt_rich_text: bool = False
