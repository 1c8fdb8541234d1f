"""Markdown + Liquid -> the HTML Jekyll would publish, for the preview and `byline render`."""

# The names load on first use (PEP 562): the window needs SiteContext before its first
# paint, and Python-Markdown, Pygments and the render modules (~60 ms) only after it.
from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.core.render.article import (
        Rendered,
        RenderedParts,
        render_parts,
        render_post,
        standalone_page,
        stylesheet,
    )
    from editor.core.render.context import RenderOptions, SiteContext
    from editor.core.render.header import FRONT_MATTER_ERROR, broken_post_body

_HOME = {
    "Rendered": "article",
    "RenderedParts": "article",
    "render_parts": "article",
    "render_post": "article",
    "standalone_page": "article",
    "stylesheet": "article",
    "RenderOptions": "context",
    "SiteContext": "context",
    "FRONT_MATTER_ERROR": "header",
    "broken_post_body": "header",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # spelled out, not importlib with a string, so that PyInstaller sees the modules
    module: ModuleType
    if home == "article":
        from editor.core.render import article as module
    elif home == "context":
        from editor.core.render import context as module
    else:
        from editor.core.render import header as module
    value = getattr(module, name)
    globals()[name] = value
    return value


__all__ = [
    "FRONT_MATTER_ERROR",
    "RenderOptions",
    "Rendered",
    "RenderedParts",
    "SiteContext",
    "broken_post_body",
    "render_parts",
    "render_post",
    "standalone_page",
    "stylesheet",
]
