"""The whole preview: the post header as the blog shows it, the body, the stylesheet."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.core.errors import BylineError
from editor.core.markup.mathjax import for_preview as math_for_preview
from editor.core.post.dates import parse_date_value
from editor.core.render.context import RenderOptions, SiteContext
from editor.core.render.highlight import pygments_css
from editor.core.render.kramdown import render_sections, section_separator
from editor.core.render.liquid import render_liquid
from editor.core.render.media import resolve_images
from editor.core.render.sanitize import bound_work
from editor.core.render.sections import join_sections, without_marks
from editor.resources import read_text

DARK_MARK = "/* == dark == */"
_CHECKBOX = re.compile(r'<input\b[^>]*class="task-list-item-checkbox"[^>]*>')


_PRE = re.compile(r"(<pre\b[^>]*>)(.*?)\n?(</code></pre>)", re.S)


def _glyph(m: re.Match[str]) -> str:
    return "☑ " if 'checked="checked"' in m.group(0) else "☐ "


_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_CLASS = re.compile(r'\sclass="([^"]*)"')
_CODE_TABLE = (
    '<table class="byline-code" width="100%" cellpadding="8" cellspacing="0" border="0">'
    r"<tr><td>\1\2\3</td></tr></table>"
)


# Qt draws no border on a block: a quote becomes a two-cell table, the first cell its bar
_QUOTE_OPEN = re.compile(r"<blockquote\b[^>]*>")
_QUOTE_TABLE = (
    '<table class="byline-quote" width="100%" cellpadding="0" cellspacing="0" border="0">'
    '<tr><td class="byline-quote-bar" width="3"></td><td class="byline-quote-body">'
)


def _heading_as_paragraph(m: re.Match[str]) -> str:
    level, attrs, inner = m.groups()
    classes = f"byline-h{level}"
    found = _CLASS.search(attrs)
    if found:
        classes += " " + found.group(1)
        attrs = attrs[: found.start()] + attrs[found.end() :]
    return f'<p class="{classes}"{attrs}>{inner}</p>'


def for_qt(html: str) -> str:
    """The HTML reshaped for Qt's rich text engine (see RenderOptions.qt_rich_text).

    Qt ignores `font-size` on h1-h6 and inside them, so headings become paragraphs of
    class `byline-hN`, which the stylesheet sizes; and it draws no left border, so a
    block quote becomes a table whose narrow first cell is the bar."""
    html = _CHECKBOX.sub(_glyph, html)
    html = math_for_preview(html)
    html = _HEADING.sub(_heading_as_paragraph, html)
    html = _QUOTE_OPEN.sub(_QUOTE_TABLE, html).replace("</blockquote>", "</td></tr></table>")
    return _PRE.sub(_CODE_TABLE, html)


@dataclass(frozen=True)
class Rendered:
    """`html`: header + body, what the preview shows (no <style>); `body`: the body alone."""

    html: str
    body: str
    title: str


def author_name(value: Any, site: SiteContext) -> str:
    """The author's display name from `_config.yml` `authors:`, else the value as written."""
    key = "" if value is None else str(value)
    author = site.config.authors.get(key)
    return author.label if author else key


def readable_date(value: Any, site: SiteContext) -> str:
    """`2025-08-14T22:02:54` -> `14 August 2025`; text that is no date is shown as written."""
    if value is None or value == "":
        return ""
    try:
        moment = parse_date_value(value)
    except (BylineError, TypeError, ValueError):
        return str(value)
    if isinstance(moment, dt.datetime) and moment.tzinfo is not None:
        moment = moment.astimezone(site.config.zone)
    return f"{moment.day} {moment:%B %Y}"


def _categories(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v is not None and str(v)]
    return str(value).split() if value else []


def render_header(fields: Mapping[str, Any], site: SiteContext) -> str:
    """The post's header as its page shows it: image, title, author, date, categories."""
    parts = ['<div class="byline-post-header">']
    image = fields.get("image")
    if isinstance(image, dict):
        image = image.get("path") or image.get("feature")
    if image:
        parts.append(
            f'<p class="byline-header-image"><img src="{html.escape(str(image))}" alt="" /></p>'
        )
    title = str(fields.get("title") or "")
    parts.append(f'<h1 class="byline-post-title">{html.escape(title)}</h1>')
    meta = [
        f'<span class="byline-author">{html.escape(name)}</span>'
        for name in [author_name(fields.get("author"), site)]
        if name
    ]
    date = readable_date(fields.get("date"), site)
    if date:
        meta.append(f'<span class="byline-date">{html.escape(date)}</span>')
    cats = _categories(fields.get("categories", fields.get("category")))
    if cats:
        meta.append(f'<span class="byline-categories">{html.escape(", ".join(cats))}</span>')
    if meta:
        parts.append(f'<p class="byline-post-meta">{" · ".join(meta)}</p>')
    parts.append("</div>")
    return "\n".join(parts)


@dataclass(frozen=True)
class RenderedParts:
    """The preview in parts, for updating only what changed: the header, then each
    section of the body as (index of its first source line, HTML with line anchors counted
    from the section's start)."""

    header: str
    sections: list[tuple[int, str]]
    title: str


def render_parts(
    body: str,
    fields: Mapping[str, Any] | None = None,
    site: SiteContext | None = None,
    options: RenderOptions | None = None,
    *,
    base_dir: Path | None = None,
) -> RenderedParts:
    """Markdown + Liquid -> the preview's HTML, in parts. Never raises on odd input."""
    fields = fields or {}
    site = site or SiteContext()
    options = options or RenderOptions()
    text = bound_work(render_liquid(body, fields, site))  # linear time, whatever the body
    sections = [
        (first, resolve_images(html, site, options.column_width, base_dir, flag_missing_alt=True))
        for first, html in render_sections(text, line_anchors=options.line_anchors)
    ]
    if options.qt_rich_text:
        sections = [(first, for_qt(html)) for first, html in sections]
    head = ""
    if options.header:
        head = resolve_images(render_header(fields, site), site, options.column_width, base_dir)
        if options.qt_rich_text:
            head = for_qt(head)
    return RenderedParts(head, sections, str(fields.get("title") or ""))


def render_post(
    body: str,
    fields: Mapping[str, Any] | None = None,
    site: SiteContext | None = None,
    options: RenderOptions | None = None,
    *,
    base_dir: Path | None = None,
) -> Rendered:
    """Markdown + Liquid -> the preview's HTML. Never raises on odd input."""
    options = options or RenderOptions()
    parts = render_parts(body, fields, site, options, base_dir=base_dir)
    if len(parts.sections) == 1:
        body_html = without_marks(parts.sections[0][1])
    else:
        body_html = join_sections(parts.sections, section_separator(options.line_anchors))
    page = f'{parts.header}\n<div class="byline-post-body">\n{body_html}\n</div>'
    return Rendered(html=page, body=body_html, title=parts.title)


def stylesheet(dark: bool = False) -> str:
    """resources/preview.css for the palette: its light rules, plus the dark ones if dark."""
    css = read_text("preview.css")
    light, _, dark_rules = css.partition(DARK_MARK)
    return light + (dark_rules if dark else "") + "\n" + pygments_css(dark)


# the page shows the post and nothing else: no script runs, nothing comes from the network
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-src 'none'; connect-src 'none'; "
    "img-src file: data:; media-src file: data:; font-src file: data:; "
    "style-src 'unsafe-inline'"
)


def standalone_page(rendered: Rendered, *, dark: bool = False) -> str:
    """A self-contained HTML page: the stylesheet inlined, images as absolute file: URLs."""
    title = html.escape(rendered.title or "Preview")
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8" />\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}" />\n'
        f"<title>{title}</title>\n<style>\n{stylesheet(dark)}\n</style>\n</head>\n"
        f'<body>\n<div class="byline-article">\n{rendered.html}\n</div>\n</body>\n</html>\n'
    )
