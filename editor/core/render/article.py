"""The whole preview: the post header as the blog shows it, the body, the stylesheet."""

from __future__ import annotations

import html
import re
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.core.markup.mathjax import for_preview as math_for_preview
from editor.core.render.context import RenderOptions, SiteContext
from editor.core.render.header import render_footer, render_header
from editor.core.render.highlight import pygments_css
from editor.core.render.kramdown import render_sections, section_separator
from editor.core.render.liquid import render_liquid
from editor.core.render.media import resolve_images
from editor.core.render.sanitize import bound_work
from editor.core.render.sections import join_sections, without_marks
from editor.core.render.site_look import site_css, site_look
from editor.resources import read_text

DARK_MARK = "/* == dark == */"
_CHECKBOX = re.compile(r'<input\b[^>]*class="task-list-item-checkbox"[^>]*>')


_PRE = re.compile(r"(<pre\b[^>]*>)(.*?)\n?(</code></pre>)", re.S)


def _glyph(m: re.Match[str]) -> str:
    return "☑ " if 'checked="checked"' in m.group(0) else "☐ "


_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ROUGE_WRAP = re.compile(
    r'<div class="[^"]*highlighter-rouge[^"]*"><div class="highlight">(<pre\b.*?</pre>)</div></div>',
    re.S,
)
_CLASS = re.compile(r'\sclass="([^"]*)"')
# Qt cannot scroll one block sideways: a code block wraps instead of widening the page
_QT_PRE = '<tr><td><pre class="highlight">'
_QT_PRE_WRAPPED = '<tr><td><pre class="highlight" style="white-space: pre-wrap">'
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
    # Rouge's two divs around a code block would be an empty grey band above the code
    html = _ROUGE_WRAP.sub(r"\1", html)
    # Qt draws no border on the notes' div: a rule sets them apart from the body
    html = html.replace(
        '<div class="footnotes"', '<hr class="byline-footnotes-rule" /><div class="footnotes"'
    )
    html = _QUOTE_OPEN.sub(_QUOTE_TABLE, html).replace("</blockquote>", "</td></tr></table>")
    return _PRE.sub(_CODE_TABLE, html).replace(_QT_PRE, _QT_PRE_WRAPPED)


@dataclass(frozen=True)
class Rendered:
    """`html`: header + body, what the preview shows (no <style>); `body`: the body alone."""

    html: str
    body: str
    title: str


_ANY_IMG = re.compile(r"<img", re.I)
_IMAGELESS: OrderedDict[tuple[str, int | None], str] = OrderedDict()
_IMAGELESS_LOCK = threading.Lock()


def _resolved(html: str, site: SiteContext, column: int | None, base_dir: Path | None) -> str:
    """`resolve_images` of a section; a section without images is the same whatever the
    files, so its result is kept (a keystroke then cleans only the section it changed)."""
    if _ANY_IMG.search(html):
        return resolve_images(html, site, column, base_dir, flag_missing_alt=True)
    key = (html, column)
    with _IMAGELESS_LOCK:
        found = _IMAGELESS.get(key)
        if found is not None:
            _IMAGELESS.move_to_end(key)
            return found
    done = resolve_images(html, site, column, base_dir, flag_missing_alt=True)
    with _IMAGELESS_LOCK:
        _IMAGELESS[key] = done
        if len(_IMAGELESS) > 2000:
            _IMAGELESS.popitem(last=False)
    return done


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
        (first, _resolved(html, site, options.column_width, base_dir))
        for first, html in render_sections(text, line_anchors=options.line_anchors)
    ]
    if options.qt_rich_text:
        sections = [(first, for_qt(html)) for first, html in sections]
    head = ""
    if options.header:
        words = len(body.split())
        head = resolve_images(
            render_header(fields, site, words), site, options.column_width, base_dir
        )
        footer = render_footer(fields, site)
        if footer and sections:  # the layout's tags after the content
            first, last = sections[-1]
            sections[-1] = (first, f"{last}\n{footer}")
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


# the sizes preview.css gives headings at full width (px); narrower panes scale them down
_HEADING_SIZES = {
    "h1, .byline-h1": 32,
    "h2, .byline-h2": 26,
    "h3, .byline-h3": 21,
    ".byline-post-title": 36,
}
FULL_WIDTH = 680


def stylesheet(
    dark: bool = False, site: SiteContext | None = None, width: int | None = None
) -> str:
    """resources/preview.css for the palette: its light rules, plus the dark ones if dark;
    then the basics of the site's own stylesheet, and heading sizes for a pane `width`
    px wide (a 36 px title takes five lines in a narrow pane)."""
    css = read_text("preview.css")
    light, _, dark_rules = css.partition(DARK_MARK)
    out = light + (dark_rules if dark else "") + "\n" + pygments_css(dark)
    if site is not None:
        out += "\n" + site_css(site_look(site), dark)
    if width is not None and width < FULL_WIDTH:
        scale = max(0.6, width / FULL_WIDTH)
        out += "\n" + "\n".join(
            f"{sel} {{ font-size: {round(px * scale)}px; }}" for sel, px in _HEADING_SIZES.items()
        )
    return out


# the page shows the post and nothing else: no script runs, nothing comes from the network
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-src 'none'; connect-src 'none'; "
    "img-src file: data:; media-src file: data:; font-src file: data:; "
    "style-src 'unsafe-inline'"
)


def standalone_page(
    rendered: Rendered, *, dark: bool = False, site: SiteContext | None = None
) -> str:
    """A self-contained HTML page: the stylesheet inlined, images as absolute file: URLs."""
    title = html.escape(rendered.title or "Preview")
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8" />\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}" />\n'
        f"<title>{title}</title>\n<style>\n{stylesheet(dark, site)}\n</style>\n</head>\n"
        f'<body>\n<div class="byline-article">\n{rendered.html}\n</div>\n</body>\n</html>\n'
    )
