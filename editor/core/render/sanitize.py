"""A post made safe to render: raw HTML inert (shown, never run, never loading from the
network), and bodies that would take Python-Markdown minutes made linear (bound_work)."""

from __future__ import annotations

import bisect
import html
import re
from urllib.parse import urlsplit

from editor.core.render.embeds import embed_placeholder

_DROP_WITH_BODY = re.compile(
    r"<(script|noscript|object|applet|frameset|template)\b[^>]*>.*?</\1\s*>", re.I | re.S
)
_EMBED = re.compile(r"<(iframe|embed|frame)\b([^>]*)>(?:.*?</\1\s*>)?", re.I | re.S)
_DROP_TAG = re.compile(
    r"</?(?:script|base|link|meta|object|applet|frameset|set|animate)\b[^>]*>", re.I
)
_CLOSE_ORPHAN = re.compile(r"</(?:script|iframe|object|noscript)\s*>", re.I)
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9:-]*)(\s[^<>]*?)?(/?)>", re.S)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
# CSS that loads something: url(), image-set(), image(), @import, old IE expressions.
# Checked after CSS escapes are decoded (`u\72l(` is `url(`) and comments removed.
_CSS_LOADS = re.compile(
    r"url\s*\(|image-set\s*\(|image\s*\(|cross-fade\s*\(|element\s*\(|@import"
    r"|expression\s*\(|-moz-binding|behavior\s*:",
    re.I,
)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\r\n\f]?|(.))", re.S)
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)
_CSS_SPLIT = re.compile(r"([;{}])")
# Attributes holding a URL. Links (`href` of a, area) may go anywhere on the allow-list;
# everything else loads what it names: only fragments of the page (see safe_load).
_URL_ATTRS = frozenset(
    {"href", "src", "poster", "background", "data", "xlink:href", "cite", "longdesc"}
    | {"usemap", "codebase", "dynsrc", "lowsrc", "manifest", "icon", "classid", "archive"}
    | {"profile", "lowsrc", "datasrc", "itemtype"}
)
# Never kept: run code, send data, or load lists of URLs.
_DROPPED_ATTRS = frozenset(
    {"srcset", "srcdoc", "imagesrcset", "ping", "action", "formaction", "formmethod"}
    | {"attributename", "to", "from", "values", "by"}
)
# a tag whose attributes may need cleaning: any URL, style or handler attribute
_RISKY_ATTR = re.compile(
    r"(?:^|\s)(?:on|style|srcset|srcdoc|ping|action|form|to\b|from\b|values\b|by\b|"
    + "|".join(sorted(_URL_ATTRS | _DROPPED_ATTRS))
    + ")",
    re.I,
)
_LINK_TAGS = frozenset({"a", "area"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# browsers drop ASCII tab and newlines anywhere in a URL, and C0 controls and spaces
# around it: `java\tscript:` is `javascript:`
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


def url_scheme(url: str) -> str | None:
    """The scheme a browser sees in `url` (decoded, noise removed), lower case; None if none."""
    m = _SCHEME.match(_URL_NOISE.sub("", url))
    return m.group(1).lower() if m else None


def safe_link(url: str) -> bool:
    """Allowed as a link target: http, https, mailto, or relative (allow-list)."""
    scheme = url_scheme(url)
    return scheme is None or scheme in SAFE_SCHEMES


def safe_load(url: str) -> bool:
    """Allowed as something raw HTML loads by itself (SVG `<image href>`, `<use>`, video
    sources...): a fragment of the page only. `<img>` is resolved by the image pass,
    which shows files of the site and placeholders for everything else."""
    return _URL_NOISE.sub("", url).startswith("#")


def decode_css(css: str) -> str:
    """CSS as the browser reads it: escapes decoded, comments removed."""

    def char(m: re.Match[str]) -> str:
        if m.group(1):
            code = int(m.group(1), 16)
            return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"
        return m.group(2)

    return _CSS_COMMENT.sub("", _CSS_ESCAPE.sub(char, css))


def clean_css(css: str) -> str:
    """`css` without the declarations and rules that load something; `<` escaped (no
    way out of a <style> element)."""
    decoded = decode_css(css)
    if _CSS_LOADS.search(decoded):
        parts = _CSS_SPLIT.split(decoded)  # text, delimiter, text, delimiter...
        decoded = "".join(p for p in parts if not _CSS_LOADS.search(p))
    return decoded.replace("<", "\\3c ")


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
    return embed_placeholder(m.group(1), attrs.get("src") or "", attrs.get("title") or "")


def _clean_style_block(m: re.Match[str]) -> str:
    return m.group(1) + clean_css(m.group(2)) + m.group(3)


def parse_attrs(text: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for m in _ATTR.finditer(text):
        value = m.group(2)
        if value is not None and value[:1] in "\"'":
            value = value[1:-1]
        out.append((m.group(1), None if value is None else html.unescape(value)))
    return out


def clean_markup(markup: str) -> str:
    """Every tag of rendered HTML (Markdown's own links too: `[x](javascript:...)`) held
    to the allow-list; tags with nothing to take out are left exactly as they were."""
    return _TAG.sub(_clean_tag_if_needed, markup)


def _clean_tag_if_needed(m: re.Match[str]) -> str:
    attr_text = m.group(2)
    if not attr_text or not _RISKY_ATTR.search(attr_text):
        return m.group(0)
    tag = m.group(1).lower()
    for key, value in parse_attrs(attr_text):
        low = key.lower()
        if (
            low.startswith("on")
            or low in _DROPPED_ATTRS
            or (value is not None and low in _URL_ATTRS and not _allowed_url(tag, low, value))
            or (value is not None and low == "style" and _CSS_LOADS.search(decode_css(value)))
        ):
            return _clean_tag(m)
    return m.group(0)


def _clean_tag(m: re.Match[str]) -> str:
    name, attr_text, slash = m.group(1), m.group(2) or "", m.group(3)
    if not attr_text.strip():
        return m.group(0)
    tag = name.lower()
    kept: list[str] = []
    for key, value in parse_attrs(attr_text):
        low = key.lower()
        if low.startswith("on") or low in _DROPPED_ATTRS:
            continue
        if value is not None:
            if low in _URL_ATTRS and not _allowed_url(tag, low, value):
                continue
            if low == "style":
                value = clean_css(value)
            kept.append(f'{key}="{html.escape(value, quote=True)}"')
        else:
            kept.append(key)
    inner = (" " + " ".join(kept)) if kept else ""
    return f"<{name}{inner}{' /' if slash else ''}>"


def _allowed_url(tag: str, attr: str, value: str) -> bool:
    if attr in ("href", "xlink:href", "cite", "longdesc") and (
        tag in _LINK_TAGS or attr in ("cite", "longdesc")
    ):
        return safe_link(value)
    if tag == "img" and attr == "src":
        # the image pass shows a placeholder for remote and outside images, and keeps
        # pictures given inline as data
        return safe_link(value) or _is_data_image(value)
    return safe_load(value) or (attr in ("src", "href", "xlink:href") and _is_data_image(value))


def _is_data_image(value: str) -> bool:
    clean = _URL_NOISE.sub("", value).lower()
    return clean.startswith("data:image/") and not clean.startswith("data:image/svg")


# --- bounded work ---------------------------------------------------------------
# Bodies Python-Markdown would take minutes over, made linear before rendering.
#
# Python-Markdown scans to the end of a paragraph for every `[` without its `]` (and every
# `](` without its `)`), and to the next `>` of the document for every `<tag` left open:
# 10,000 `[` took 12 s, 20,000 `<a ` a minute. Such text renders as nothing else anyway:
# an open `<` is shown as `&lt;` (what kramdown prints for it), and a block whose inline
# markup would still cost too much is shown as an escaped plain paragraph. Ordinary posts
# pass through unchanged; the number of lines never changes (line anchors stay right).

# Work (characters scanned) one block may cost before it is shown as plain text: about
# a second for unmatched brackets, which Python-Markdown scans character by character.
MAX_UNMATCHED_WORK = 2_000_000
# Inline markers times the paragraph's length: each match rebuilds the paragraph's text.
MAX_MARKER_WORK = 300_000_000
# Characters the HTML parser may scan for the ends of tags left open, in all.
MAX_OPEN_TAG_WORK = 2_000_000

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_MARKERS = re.compile(r"[\[<`*_&]")
_BRACKETS = re.compile(r"[\[\]]")


def bound_work(text: str) -> str:
    """`text` with the constructs that would make rendering super-linear defused."""
    if "<" in text:
        text = _close_open_tags(text)
    lines = text.split("\n")
    block: list[int] = []  # indices of the current block's lines
    fence = ""
    changed = False
    for index, line in enumerate([*lines, ""]):
        m = _FENCE.match(line) if index < len(lines) else None
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = ""
            continue
        if m:
            changed |= _check_block(lines, block)
            block = []
            fence = m.group(1)
            continue
        if line.strip():
            block.append(index)
        else:
            changed |= _check_block(lines, block)
            block = []
    return "\n".join(lines) if changed else text


def _check_block(lines: list[str], block: list[int]) -> bool:
    """Replace the block's lines with an escaped paragraph when it costs too much."""
    if not block:
        return False
    text = "\n".join(lines[i] for i in block)
    size = len(text)
    if size < 64:
        return False
    unmatched = _unmatched_brackets(text) + max(0, text.count("](") - text.count(")"))
    markers = len(_MARKERS.findall(text))
    if unmatched * size <= MAX_UNMATCHED_WORK and markers * size <= MAX_MARKER_WORK:
        return False
    first, last = block[0], block[-1]
    for i in block:  # entities stay entities, as in Markdown; tags are shown, not read
        lines[i] = lines[i].replace("<", "&lt;").replace(">", "&gt;")
    lines[first] = '<p class="byline-plain">' + lines[first]
    lines[last] += "</p>"
    return True


def _unmatched_brackets(text: str) -> int:
    """`[` never closed by a `]`: each one is a scan to the end of the paragraph."""
    depth = 0
    for m in _BRACKETS.finditer(text):
        if m.group() == "[":
            depth += 1
        elif depth:
            depth -= 1
    return depth


def _close_open_tags(text: str) -> str:
    """`<a <a <a ...` with no `>`: each `<` the HTML parser would scan far from becomes
    `&lt;` (kramdown prints it so) when the scans would add up to too much."""
    ends = [m.start() for m in re.finditer(">", text)]
    starts = [m.start() for m in _TAG_START.finditer(text)]
    work = 0
    open_tags: list[int] = []
    for position, start in enumerate(starts):
        following = starts[position + 1] if position + 1 < len(starts) else len(text)
        at = bisect.bisect_left(ends, start)
        end = ends[at] if at < len(ends) else len(text)
        if end > following:  # another tag starts before this one ends: left open
            open_tags.append(start)
            work += end - start
    if work <= MAX_OPEN_TAG_WORK:
        return text
    parts: list[str] = []
    previous = 0
    for start in open_tags:
        parts.append(text[previous:start])
        parts.append("&lt;")
        previous = start + 1
    parts.append(text[previous:])
    return "".join(parts)
