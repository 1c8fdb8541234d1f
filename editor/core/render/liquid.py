"""The Liquid Jekyll resolves before kramdown sees the text, as far as a preview can.

`{{ site.* }}` and `{{ page.* }}` (with a few common filters), `{% post_url %}`,
`{% link %}`, `{% raw %}`, `{% comment %}` and `{% highlight %}` are run; `{% include %}`
and every other tag become a small visible placeholder naming the tag. Malformed Liquid
is left as text and never raises. Line breaks are kept, so source line N is still line N.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from editor.core.render.context import SiteContext
from editor.core.render.embeds import embed_placeholder
from editor.core.render.highlight import highlight_tag_block
from editor.core.render.urls import post_url

_TOKEN = re.compile(r"\{%-?\s*(?P<tag>.*?)\s*-?%\}|\{\{-?\s*(?P<out>.*?)\s*-?\}\}", re.S)
_STRING = re.compile(r"""^(?:"([^"]*)"|'([^']*)')$""")
# Liquid's and Jekyll's own tags; any other is a plugin of the site's (a "custom tag")
_KNOWN_TAGS = frozenset(
    [
        "if",
        "elsif",
        "else",
        "endif",
        "unless",
        "endunless",
        "case",
        "when",
        "endcase",
        "for",
        "endfor",
        "break",
        "continue",
        "cycle",
        "tablerow",
        "endtablerow",
        "increment",
        "decrement",
        "include",
        "include_relative",
        "render",
        "echo",
        "liquid",
        "ifchanged",
        "endifchanged",
        "with",
        "endwith",
    ]
)
# plugin tags that embed a video by its id (jekyll-youtube and the like)
_VIDEO_TAGS = {
    "youtube": "https://www.youtube.com/embed/{}",
    "vimeo": "https://player.vimeo.com/video/{}",
}
_BLOCK_END = {"raw": "endraw", "comment": "endcomment", "highlight": "endhighlight"}


def _placeholder(text: str) -> str:
    # entities, so that Markdown leaves the tag's text alone
    body = "".join(f"&#{ord(c)};" if c in "*_`[]<>&|#\\~\"'$" else c for c in text)
    return f'<span class="byline-liquid">{body}</span>'


def _lines_of(text: str) -> str:
    """Only the line breaks of `text`: what removed text leaves behind."""
    return "\n" * text.count("\n")


class _Liquid:
    def __init__(self, fields: Mapping[str, Any], site: SiteContext, path: Path | None) -> None:
        self.fields = fields
        self.site = site
        self.path = path

    def run(self, text: str) -> str:
        out: list[str] = []
        pos = 0
        while True:
            m = _TOKEN.search(text, pos)
            if m is None:
                out.append(text[pos:])
                return "".join(out)
            out.append(text[pos : m.start()])
            if m.group("out") is not None:
                out.append(self.output(m.group("out"), m.group(0)))
                pos = m.end()
                continue
            tag = m.group("tag")
            name, _, args = tag.partition(" ")
            name = name.strip()
            if name in _BLOCK_END:
                end = re.compile(r"\{%-?\s*" + _BLOCK_END[name] + r"\s*-?%\}")
                close = end.search(text, m.end())
                if close is None:  # unclosed: Jekyll would stop; we show the text
                    out.append(m.group(0))
                    pos = m.end()
                    continue
                inner = text[m.end() : close.start()]
                out.append(self.block(name, args.strip(), inner, text[m.start() : close.end()]))
                pos = close.end()
                continue
            out.append(self.tag(name, args.strip(), m.group(0)))
            pos = m.end()

    def block(self, name: str, args: str, inner: str, whole: str) -> str:
        if name == "raw":
            return inner
        if name == "comment":
            return _lines_of(whole)
        lang = args.split()[0] if args.split() else "text"
        code = highlight_tag_block(inner, lang)
        # as many lines as the source held, so later line numbers stay right
        return code + "\n" * max(0, whole.count("\n") - code.count("\n"))

    def tag(self, name: str, args: str, whole: str) -> str:
        if name == "post_url":
            url = post_url(self.site, args.strip())
            return url if url is not None else _placeholder(f"post_url {args}: no such post")
        if name == "link":
            url = self.link(args.strip())
            return url if url is not None else _placeholder(f"link {args}: no such file")
        if name in ("assign", "capture", "endcapture"):
            return _placeholder(whole.strip()) if name == "assign" else ""
        video = _VIDEO_TAGS.get(name)
        if video and args.split():
            return embed_placeholder("iframe", video.format(args.split()[0].strip("\"'")))
        if name not in _KNOWN_TAGS:  # a tag of the site's own plugins: say so
            return _placeholder(f"custom tag: {whole.strip()}")
        return _placeholder(whole.strip())

    def link(self, target: str) -> str | None:
        target = self.value(target) if target.startswith("{{") else target
        root = self.site.root
        if root is None or not target:
            return None
        path = root / target.strip().lstrip("/")
        if not path.is_file():
            return None
        rel = path.relative_to(root).as_posix()
        if rel.startswith("_posts/") or "/_posts/" in rel:
            return post_url(self.site, path.stem)
        base = self.site.config.baseurl
        if path.suffix in (".md", ".markdown"):
            rel = rel.rsplit(".", 1)[0] + ".html"
        return f"{base}/{rel}"

    def output(self, expr: str, whole: str) -> str:
        parts = [p.strip() for p in _split_filters(expr)]
        if not parts or not parts[0]:
            return ""
        root = parts[0].split(".")[0].split("[")[0]
        if root not in ("site", "page") and not _STRING.match(parts[0]):
            return _placeholder(whole.strip())
        value = self.value(parts[0])
        for f in parts[1:]:
            value = self.filter(value, f)
        return _to_text(value)

    def value(self, expr: str) -> Any:
        m = _STRING.match(expr.strip())
        if m:
            return m.group(1) if m.group(1) is not None else m.group(2)
        keys = expr.strip().split(".")
        if keys[0] == "site":
            cfg = self.site.config
            current: Any = {
                **cfg.raw,
                "title": cfg.title,
                "baseurl": cfg.baseurl,
                "url": cfg.url,
            }
        elif keys[0] == "page":
            current = dict(self.fields)
        else:
            return None
        for key in keys[1:]:
            if isinstance(current, Mapping):
                current = current.get(key)
            elif isinstance(current, list) and key in ("size", "first", "last"):
                current = {"size": len(current), "first": current[:1], "last": current[-1:]}[key]
                if isinstance(current, list):
                    current = current[0] if current else None
            else:
                return None
        return current

    def filter(self, value: Any, text: str) -> Any:
        name, _, arg = text.partition(":")
        name = name.strip()
        arg_value = self.value(arg.strip()) if arg.strip() else None
        s = _to_text(value)
        base = self.site.config.baseurl
        if name == "relative_url":
            return base + ("/" + s.lstrip("/") if s else "/")
        if name == "absolute_url":
            return self.site.config.url + base + ("/" + s.lstrip("/") if s else "/")
        if name in ("upcase", "downcase", "capitalize", "strip"):
            return {"upcase": s.upper, "downcase": s.lower, "capitalize": s.capitalize}.get(
                name, s.strip
            )()
        if name in ("escape", "xml_escape"):
            return html.escape(s)
        if name == "default":
            return value if value not in (None, "", False, []) else arg_value
        if name == "join" and isinstance(value, list):
            return (_to_text(arg_value) if arg is not None else " ").join(map(_to_text, value))
        if name in ("size", "length"):
            return len(value) if isinstance(value, (list, str, dict)) else 0
        if name == "date" and isinstance(value, dt.datetime | dt.date):
            fmt = _to_text(arg_value) or "%b %-d, %Y"
            try:
                return value.strftime(fmt)
            except ValueError:
                return s
        return value  # a filter the preview does not know: leave the value as it is


def _split_filters(expr: str) -> list[str]:
    parts: list[str] = []
    current = ""
    quote = ""
    for ch in expr:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "|":
            parts.append(current)
            current = ""
            continue
        current += ch
    parts.append(current)
    return parts


def _to_text(value: Any) -> str:
    if value is None or value is False:
        return ""
    if isinstance(value, list):
        return "".join(_to_text(v) for v in value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S %z").strip()
    return str(value)


def render_liquid(
    text: str,
    fields: Mapping[str, Any] | None = None,
    site: SiteContext | None = None,
    path: Path | None = None,
) -> str:
    """The text with the Liquid a preview can run, run; never raises on bad Liquid."""
    if "{" not in text:
        return text
    try:
        return _Liquid(fields or {}, site or SiteContext(), path).run(text)
    except Exception:  # a preview must never break on odd Liquid: show the text as written
        return text
