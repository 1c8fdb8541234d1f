"""The post's header (and tags after it) as the site's own post page writes them.

The fields, their order, the date format and the separator come from the site's layout
(site_look.py); without one, Byline's own: author · date · categories. The separator is
bound to the item after it, so a wrapped meta line never ends with a dangling `·`.
A post whose front matter cannot be read shows the error in place of the header.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from typing import Any

from editor.core.errors import BylineError
from editor.core.post.dates import parse_date_value
from editor.core.post.post import split_text
from editor.core.render.context import SiteContext
from editor.core.render.site_look import SiteLook, site_look

# in the fields of a post whose front matter is broken: the error, shown above the body
FRONT_MATTER_ERROR = "byline:front-matter-error"
WORDS_PER_MINUTE = 200
_FORMAT = re.compile(r"%([-_0^#]?)([a-zA-Z%])")


def broken_post_body(text: str) -> str:
    """The body of a post whose front matter cannot be read: what follows its closing
    `---`, the front matter's lines left blank (line N of the file is still line N)."""
    parts = split_text(text)
    if parts is None:
        return text
    _, opening, front, closing, body = parts
    return "\n" * (opening + front + closing).count("\n") + body


def author_name(value: Any, site: SiteContext) -> str:
    """The author's display name from `_config.yml` `authors:`, else the value as written."""
    key = "" if value is None else str(value)
    author = site.config.authors.get(key)
    return author.label if author else key


def ruby_strftime(moment: dt.date, fmt: str) -> str:
    """Ruby's strftime (Liquid's `date:` filter): `%-d` without padding on every system."""

    def one(m: re.Match[str]) -> str:
        flag, code = m.groups()
        if code == "%":
            return "%"
        if code == "e":
            return f"{moment.day:>2}"
        try:
            value = moment.strftime(f"%{code}")
        except ValueError:
            return m.group(0)
        if flag == "-" and value.isdigit():
            return str(int(value))
        if flag == "^":
            return value.upper()
        return value

    return _FORMAT.sub(one, fmt)


def readable_date(value: Any, site: SiteContext, fmt: str | None = None) -> str:
    """`2025-08-14T22:02:54` -> `14 August 2025` (or the layout's format); text that is no
    date is shown as written."""
    if value is None or value == "":
        return ""
    try:
        moment = parse_date_value(value, site.config.zone)
    except (BylineError, TypeError, ValueError):
        return str(value)
    if isinstance(moment, dt.datetime) and moment.tzinfo is not None:
        moment = moment.astimezone(site.config.zone)
    return ruby_strftime(moment, fmt) if fmt else f"{moment.day} {moment:%B %Y}"


def _listed(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v is not None and str(v)]
    return str(value).split() if value else []


def _span(kind: str, text: str) -> str:
    return f'<span class="byline-{kind}">{text}</span>'


def _meta_items(
    fields: Mapping[str, Any], site: SiteContext, look: SiteLook, words: int | None
) -> list[str]:
    items: list[str] = []
    for name in look.order:
        if name == "author":
            author = author_name(fields.get("author"), site)
            if author:
                items.append(_span("author", html.escape(author)))
        elif name == "date":
            date = readable_date(fields.get("date"), site, look.date_format)
            if date:  # a date never breaks across lines
                items.append(_span("date", html.escape(date).replace(" ", "&#160;")))
        elif name == "categories":
            cats = _listed(fields.get("categories", fields.get("category")))
            if cats and look.from_layout:
                items += [_span("categories", html.escape(c)) for c in cats]
            elif cats:
                items.append(_span("categories", html.escape(", ".join(cats))))
        elif name == "tags" and not look.tags_after_content:
            tags = tags_line(fields, look)
            if tags:
                items.append(tags)
        elif name == "reading_time" and words:
            minutes = max(1, round(words / WORDS_PER_MINUTE))
            items.append(_span("reading-time", f"{minutes}&#160;min&#160;read"))
    return items


def tags_line(fields: Mapping[str, Any], look: SiteLook) -> str:
    tags = _listed(fields.get("tags", fields.get("tag")))
    return " ".join(_span("tag", html.escape(f"{look.tag_prefix}{t}")) for t in tags)


def render_header(fields: Mapping[str, Any], site: SiteContext, words: int | None = None) -> str:
    """The post's header as its page shows it: image, title, then the meta line."""
    error = fields.get(FRONT_MATTER_ERROR)
    if error:
        return (
            '<div class="byline-post-header"><p class="byline-front-matter-error">'
            f"<b>The front matter cannot be read</b>: {html.escape(str(error))}<br />"
            "Only the body is shown until it is fixed.</p></div>"
        )
    look = site_look(site, str(fields.get("layout") or "post"))
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
    items = _meta_items(fields, site, look, words)
    if items:
        # the separator goes with the item after it: a line may break before it only
        joined = f" {html.escape(look.separator)}&#160;".join(items)
        parts.append(f'<p class="byline-post-meta">{joined}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def render_footer(fields: Mapping[str, Any], site: SiteContext) -> str:
    """What the layout writes after the content: the tags, when it puts them there."""
    if fields.get(FRONT_MATTER_ERROR):
        return ""
    look = site_look(site, str(fields.get("layout") or "post"))
    if not look.tags_after_content:
        return ""
    tags = tags_line(fields, look)
    return f'<p class="byline-post-tags">{tags}</p>' if tags else ""
