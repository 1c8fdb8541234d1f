"""Raw HTML from a post, made inert: shown, never run, never loading from the network."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

_DROP_WITH_BODY = re.compile(
    r"<(script|noscript|object|applet|frameset|template)\b[^>]*>.*?</\1\s*>", re.I | re.S
)
_EMBED = re.compile(r"<(iframe|embed|frame)\b([^>]*)>(?:.*?</\1\s*>)?", re.I | re.S)
_DROP_TAG = re.compile(r"<(?:script|base|link|meta|object|applet|frameset)\b[^>]*>", re.I)
_CLOSE_ORPHAN = re.compile(r"</(?:script|iframe|object|noscript)\s*>", re.I)
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9:-]*)(\s[^<>]*?)?(/?)>", re.S)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_URL_IN_CSS = re.compile(r"url\s*\(\s*['\"]?\s*(?!data:)[^)]*\)|@import[^;]*;?", re.I)
_URL_ATTRS = {"href", "src", "action", "formaction", "poster", "background", "data", "xlink:href"}
_REMOTE_ATTRS = {"src", "poster", "background", "data", "srcset"}


def is_remote(url: str) -> bool:
    """True for anything that would be fetched from the network (http:, https:, //host)."""
    url = url.strip()
    return url.startswith("//") or urlsplit(url).scheme.lower() in (
        "http",
        "https",
        "ftp",
        "ws",
        "wss",
    )


def neutralise(raw: str) -> str:
    """The HTML with scripts, frames, event handlers, javascript: URLs and remote loads
    removed; embedded frames leave a visible placeholder naming their host."""
    text = _DROP_WITH_BODY.sub("", raw)
    text = _EMBED.sub(_embed_placeholder, text)
    text = _DROP_TAG.sub("", text)
    text = _CLOSE_ORPHAN.sub("", text)
    text = re.sub(
        r"(<style\b[^>]*>)(.*?)(</style\s*>)", _clean_style_block, text, flags=re.I | re.S
    )
    return _TAG.sub(_clean_tag, text)


def _embed_placeholder(m: re.Match[str]) -> str:
    attrs = dict(parse_attrs(m.group(2) or ""))
    src = attrs.get("src", "")
    host = urlsplit(src).netloc if src else ""
    label = f"embedded {m.group(1).lower()}" + (f" from {host}" if host else "")
    return f'<span class="byline-placeholder">[{html.escape(label)}]</span>'


def _clean_style_block(m: re.Match[str]) -> str:
    return m.group(1) + _URL_IN_CSS.sub("", m.group(2)) + m.group(3)


def parse_attrs(text: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for m in _ATTR.finditer(text):
        value = m.group(2)
        if value is not None and value[:1] in "\"'":
            value = value[1:-1]
        out.append((m.group(1), None if value is None else html.unescape(value)))
    return out


def _clean_tag(m: re.Match[str]) -> str:
    name, attr_text, slash = m.group(1), m.group(2) or "", m.group(3)
    if not attr_text.strip():
        return m.group(0)
    kept: list[str] = []
    for key, value in parse_attrs(attr_text):
        low = key.lower()
        if low.startswith("on") or low == "srcset":
            continue
        if value is not None:
            if low in _URL_ATTRS and re.match(
                r"\s*(javascript|vbscript|data:text/html)", value, re.I
            ):
                continue
            if low in _REMOTE_ATTRS and name.lower() != "img" and is_remote(value):
                continue  # <img> is handled by the image pass (placeholder with the host)
            if low == "style":
                value = _URL_IN_CSS.sub("", value)
            kept.append(f'{key}="{html.escape(value, quote=True)}"')
        else:
            kept.append(key)
    inner = (" " + " ".join(kept)) if kept else ""
    return f"<{name}{inner}{' /' if slash else ''}>"
