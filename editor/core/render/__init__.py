"""Markdown + Liquid -> the HTML Jekyll would publish, for the preview and `byline render`."""

from editor.core.render.article import Rendered, render_post, standalone_page, stylesheet
from editor.core.render.context import RenderOptions, SiteContext

__all__ = [
    "RenderOptions",
    "Rendered",
    "SiteContext",
    "render_post",
    "standalone_page",
    "stylesheet",
]
