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
from editor.core.render.header import FRONT_MATTER_ERROR, broken_post_body

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
