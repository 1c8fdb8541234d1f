"""Markdown + Liquid -> the HTML Jekyll would publish, for the preview and `byline render`."""

from editor.core.render.article import (
    Rendered,
    RenderedParts,
    render_parts,
    render_post,
    standalone_page,
    stylesheet,
)
from editor.core.render.context import RenderOptions, SiteContext

__all__ = [
    "RenderOptions",
    "Rendered",
    "RenderedParts",
    "SiteContext",
    "render_parts",
    "render_post",
    "standalone_page",
    "stylesheet",
]
