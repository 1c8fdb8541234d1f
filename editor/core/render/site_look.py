"""The site's own post page, read enough to dress the preview like it.

From the post layout (`_layouts/post.html`, following `layout:` to the page around it):
which fields the page shows and in what order (title, date, author, categories, tags,
reading time), the date format of its `date:` filter, the separator between the meta
items, and whether tags are written `#tag`. From the stylesheet the layouts link (plain
CSS, or SCSS whose variables are simple): the body and heading fonts, text, background
and link colours, and the content width. What cannot be read keeps Byline's own look.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.render.context import SiteContext

DEFAULT_ORDER = ("author", "date", "categories")
_FIELDS = {
    "date": re.compile(r"page\.date\b|post\.date\b"),
    "author": re.compile(r"page\.author\b|site\.authors\b|author\.(?:display_)?name\b"),
    "categories": re.compile(r"page\.categor(?:y|ies)\b|\bcategory\b"),
    "tags": re.compile(r"page\.tags\b"),
    "reading_time": re.compile(r"reading_time|number_of_words|read_time|min(?:ute)?s? read"),
}
_DATE_FILTER = re.compile(r"""page\.date\s*\|\s*date:\s*(["'])(.*?)\1""")
_DATE_NAMED = re.compile(r"page\.date\s*\|\s*(date_to_long_string|date_to_string)")
_LAYOUT = re.compile(r"\A---\s*\n(.*?)\n---", re.S)
_LAYOUT_NAME = re.compile(r"^layout:\s*['\"]?([\w./-]+)", re.M)
_STYLESHEET = re.compile(r"""<link\b[^>]*rel=["']?stylesheet[^>]*>""", re.I)
_HREF = re.compile(r"""href=["']\{\{\s*["']([^"']+)["']|href=["']([^"'{]+)["']""")
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_DECL = re.compile(r"([\w-]+)\s*:\s*([^;]+)")
_VARIABLE = re.compile(r"^\s*\$([\w-]+)\s*:\s*([^;]+?)\s*(?:!default)?\s*;", re.M)
_SEPARATORS = ("·", "•", "|", "—", "–", "/")
_ASSIGN = re.compile(r"\{%-?\s*(?:assign|capture)\b.*?%\}", re.S)
_CONTENT = re.compile(r"\{\{-?\s*content\s*-?\}\}")


@dataclass(frozen=True)
class SiteLook:
    """What the preview copies of the site's post page (None/empty: Byline's own)."""

    order: tuple[str, ...] = DEFAULT_ORDER
    tags_after_content: bool = False
    tag_prefix: str = ""
    date_format: str | None = None  # strftime, Ruby flavour (`%-d %B %Y`)
    separator: str = "·"
    css: dict[str, str] = field(default_factory=dict)  # body_font, heading_font, text...

    @property
    def from_layout(self) -> bool:
        return self.order != DEFAULT_ORDER or bool(self.date_format)


_cache: dict[tuple[str, tuple[float, ...]], SiteLook] = {}
_lock = threading.Lock()


def site_look(site: SiteContext, layout: str = "post") -> SiteLook:
    """The look of the site's post pages; Byline's own when there is no site or layout."""
    root = site.root
    if root is None:
        return SiteLook()
    files = _layout_chain(root, layout)
    if not files:
        return SiteLook()
    sheets = _stylesheets(root, files)
    stamps = tuple(_mtime(p) for p in [*files, *sheets])
    key = (str(root) + "|" + layout, stamps)
    with _lock:
        found = _cache.get(key)
    if found is not None:
        return found
    try:
        look = _read(files, sheets)
    except (OSError, UnicodeDecodeError, ValueError):
        look = SiteLook()
    with _lock:
        if len(_cache) > 64:
            _cache.clear()
        _cache[key] = look
    return look


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _layout_chain(root: Path, name: str) -> list[Path]:
    """The layout file and the ones it sits in (`layout:` in its front matter)."""
    chain: list[Path] = []
    while name and len(chain) < 5:
        path = next(
            (p for ext in (".html", ".htm") if (p := root / "_layouts" / f"{name}{ext}").is_file()),
            None,
        )
        if path is None or path in chain:
            break
        chain.append(path)
        head = _LAYOUT.match(path.read_text(encoding="utf-8", errors="replace"))
        parent = _LAYOUT_NAME.search(head.group(1)) if head else None
        name = parent.group(1) if parent else ""
    return chain


def _stylesheets(root: Path, layouts: list[Path]) -> list[Path]:
    """The site's own stylesheets the layouts link (CSS, or the SCSS it is built from)."""
    found: list[Path] = []
    for layout in layouts:
        text = layout.read_text(encoding="utf-8", errors="replace")
        for tag in _STYLESHEET.findall(text):
            m = _HREF.search(tag)
            href = (m.group(1) or m.group(2)) if m else ""
            if not href or "//" in href:
                continue
            path = root / href.lstrip("/")
            for candidate in (path, path.with_suffix(".scss"), path.with_suffix(".sass")):
                if candidate.is_file() and candidate not in found:
                    found.append(candidate)
                    break
    return found


def _read(layouts: list[Path], sheets: list[Path]) -> SiteLook:
    text = layouts[0].read_text(encoding="utf-8", errors="replace")
    head = _LAYOUT.match(text)
    template = text[head.end() :] if head else text
    # where a field is shown, not where a tag assigns it to a variable
    template = _ASSIGN.sub(lambda m: " " * len(m.group(0)), template)
    content = _CONTENT.search(template)
    places = {}
    for name, pattern in _FIELDS.items():
        m = pattern.search(template)
        if m:
            places[name] = m.start()
    if "date" not in places and "author" not in places:
        order: tuple[str, ...] = DEFAULT_ORDER
    else:
        order = tuple(sorted(places, key=places.__getitem__))
    after = bool(content and "tags" in places and places["tags"] > content.start())
    prefix = "#" if re.search(r"#\s*\{\{-?\s*tag\b", template) else ""
    return SiteLook(
        order=order,
        tags_after_content=after,
        tag_prefix=prefix,
        date_format=_date_format(template),
        separator=_separator(template, places),
        css=_css(sheets),
    )


def _date_format(template: str) -> str | None:
    m = _DATE_FILTER.search(template)
    if m:
        return m.group(2)
    named = _DATE_NAMED.search(template)
    if named:
        return "%-d %B %Y" if named.group(1) == "date_to_long_string" else "%-d %b %Y"
    return None


def _separator(template: str, places: dict[str, int]) -> str:
    """The character between the meta items, as the layout writes it."""
    spots = sorted(places.values())
    if len(spots) < 2:
        return "·"
    between = template[spots[0] : spots[-1]]
    between = re.sub(r"\{[{%].*?[%}]\}|<[^>]+>", " ", between, flags=re.S)
    for sep in _SEPARATORS:
        if sep in between:
            return sep
    return "·"


def _css(sheets: list[Path]) -> dict[str, str]:
    """The basics of the site's stylesheet, as plain CSS values."""
    out: dict[str, str] = {}
    for sheet in sheets:
        text = sheet.read_text(encoding="utf-8", errors="replace")
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        variables = {m.group(1): m.group(2).strip() for m in _VARIABLE.finditer(text)}
        for selector_text, body in _RULE.findall(text):
            selectors = {s.strip() for s in selector_text.split(",")}
            decls = {k.lower(): _resolve(v.strip(), variables) for k, v in _DECL.findall(body)}
            _take(out, selectors, decls)
    return {k: v for k, v in out.items() if _plain(v)}


def _resolve(value: str, variables: dict[str, str]) -> str:
    for _ in range(5):
        if "$" not in value:
            break
        value = re.sub(r"\$([\w-]+)", lambda m: variables.get(m.group(1), m.group(0)), value)
    return value.replace("!important", "").strip()


def _plain(value: str) -> bool:
    """A value the preview can use as it is: no Sass left in it, no url()."""
    return "$" not in value and "(" not in value.replace("rgb(", "").replace("rgba(", "")


def _take(out: dict[str, str], selectors: set[str], decls: dict[str, str]) -> None:
    if selectors & {"body", "html"}:
        font = decls.get("font-family") or _font_of(decls.get("font", ""))
        if font:
            out.setdefault("body_font", font)
        size = decls.get("font-size") or _size_of(decls.get("font", ""))
        if size and size.endswith("px"):
            out.setdefault("body_size", size)
        if decls.get("color"):
            out.setdefault("text", decls["color"])
        background = decls.get("background-color") or decls.get("background", "")
        if background and re.fullmatch(r"#[0-9a-fA-F]{3,8}|[a-z]+|rgba?\([^)]*\)", background):
            out.setdefault("background", background)
    if selectors & {"a", "a:link"} and decls.get("color"):
        out.setdefault("link", decls["color"])
    if selectors & {"h1", "h2", "h1, h2", "h1,h2"}:
        font = decls.get("font-family") or _font_of(decls.get("font", ""))
        if font:
            out.setdefault("heading_font", font)
    if selectors & {".page", "main", ".container", ".wrapper", ".post", "article", ".content"}:
        width = decls.get("max-width", "")
        if re.fullmatch(r"\d+(\.\d+)?(px|em|rem)", width):
            out.setdefault("width", width)


def _font_of(shorthand: str) -> str:
    """`18px/1.6 Georgia, serif` -> `Georgia, serif`."""
    m = re.match(r"(?:[\w-]+\s+)*?[\d.]+(?:px|em|rem|pt|%)(?:/[\d.]+\w*)?\s+(.+)", shorthand)
    return m.group(1).strip() if m else ""


def _size_of(shorthand: str) -> str:
    m = re.search(r"([\d.]+px)", shorthand)
    return m.group(1) if m else ""


def site_css(look: SiteLook, dark: bool) -> str:
    """CSS rules that give the preview the site's basics (after Byline's own rules)."""
    css = look.css
    if not css and not look.from_layout:
        return ""
    text_sel = "body, .byline-article, p, li, dd, dt, td, th, blockquote"
    head_sel = (
        "h1, h2, h3, h4, h5, h6, .byline-h1, .byline-h2, .byline-h3, .byline-h4, "
        ".byline-h5, .byline-h6, .byline-post-title"
    )
    rules = []
    body = []
    if css.get("body_font"):
        body.append(f"font-family: {css['body_font']};")
    if css.get("body_size"):
        body.append(f"font-size: {css['body_size']};")
    if css.get("text") and not dark:
        body.append(f"color: {css['text']};")
    if body:
        rules.append(f"{text_sel} {{ {' '.join(body)} }}")
    heading_font = css.get("heading_font") or css.get("body_font")  # headings inherit it
    if heading_font:
        rules.append(f"{head_sel} {{ font-family: {heading_font}; }}")
    if css.get("background") and not dark:
        rules.append(f"body, .byline-article {{ background-color: {css['background']}; }}")
    if css.get("link") and not dark:
        rules.append(f"a {{ color: {css['link']}; }}")
    if look.from_layout:  # the layout's meta line is one plain line, the author not bold
        rules.append(".byline-author { font-weight: normal; }")
    if css.get("width"):
        rules.append(f".byline-article {{ max-width: {css['width']}; }}")
    return "/* the site's own look (render/site_look.py) */\n" + "\n".join(rules) + "\n"
