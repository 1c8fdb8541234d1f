"""Span-level rules where kramdown (GFM input) and Python-Markdown part ways.

- Code spans end at the first run of the same backticks (`a``b` is two spans), a lone
  backtick between spaces is text, and only multi-backtick spans lose one space inside.
- GFM escapes more characters: `\\$`, `\\|`, `\\<`, `\\:`, `\\=`, `\\~` and quotes.
- An end tag that closes nothing open in its paragraph (`* x: </li>`) is text.
- `markdown="0|1"` on an HTML block steers the parsing and is then removed.
- `#word` with no space is a paragraph, not a heading.
- A backslash escape in a link's or image's URL or title stays as written (`\\(`).
- Attribute lists need their colon (`{: .x}`); a header takes only `{#id}`.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown import util
from markdown.inlinepatterns import InlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

GFM_ESCAPES = ["\\", ".", "*", "_", "+", "`", "<", ">", "(", ")", "[", "]", "{", "}", "#", "!"]
GFM_ESCAPES += [":", "|", '"', "'", "$", "=", "-", "~"]
_HASH_HEADER = re.compile(
    r"(?:^|\n)(?P<level>#{1,6})[ \t]+(?P<header>[^\n]*?\S[^\n]*?)(?:[ \t]+#+)?[ \t]*(?:\n|$)"
)
_MARKDOWN_ATTR = re.compile(r"""(<[A-Za-z][^<>]*?)\s+markdown=(["'])[^"'<>]*\2""")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)>")
_CODE_RUN = re.compile(r"`+")
_VOID = {
    "br",
    "hr",
    "img",
    "input",
    "meta",
    "link",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "wbr",
}
# text holders whose raw text may hold stray end tags (before inline parsing)
_HOLDERS = ("p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6")


class KramdownCodeSpan(InlineProcessor):
    """kramdown's `parse_codespan`: the span ends at the first same backtick string."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(r"(?<!\\)(`+)", md)

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | str | None, int | None, int | None]:
        delim = m.group(1)
        start, after = m.start(), m.end()
        simple = len(delim) == 1
        before = data[start - 1 : start]
        if simple and (not before or before.isspace()) and data[after : after + 1].isspace():
            return delim, start, after
        end = data.find(delim, after)
        if end < 0:
            return delim, start, after
        text = data[after:end]
        if not simple:
            text = text[1:] if text.startswith(" ") else text
            text = text[:-1] if text.endswith(" ") else text
        el = etree.Element("code")
        el.text = util.AtomicString(util.code_escape(text))
        return el, start, end + len(delim)


class StrayEndTags(Treeprocessor):
    """An end tag with no open tag before it in the same block is text, as in kramdown.
    Runs before inline parsing, on the blocks' raw text (code spans left alone)."""

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            if el.tag in _HOLDERS and el.text and "</" in el.text:
                el.text = escape_stray_end_tags(el.text)


def escape_stray_end_tags(text: str) -> str:
    out: list[str] = []
    open_tags: list[str] = []
    pos = 0
    for m in _TAG.finditer(text):
        if _in_code_span(text, m.start()):
            continue
        closing, name = m.group(1), m.group(2).lower()
        if not closing:
            if not m.group(3) and name not in _VOID:
                open_tags.append(name)
            continue
        if name in open_tags:
            while open_tags and open_tags.pop() != name:
                pass
            continue
        out.append(text[pos : m.start()])
        out.append(html.escape(m.group(0), quote=False))
        pos = m.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def _in_code_span(text: str, index: int) -> bool:
    """Whether `index` falls inside a backtick code span (kramdown's rule, roughly)."""
    pos = 0
    while True:
        m = _CODE_RUN.search(text, pos)
        if m is None or m.start() > index:
            return False
        end = text.find(m.group(0), m.end())
        if end < 0:
            pos = m.end()
            continue
        if m.end() <= index < end:
            return True
        pos = end + len(m.group(0))


class NoMarkdownAttribute(Postprocessor):
    """kramdown removes `markdown="..."` from the HTML it passes on."""

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        for i, raw in enumerate(blocks):
            if isinstance(raw, str) and "markdown=" in raw:
                blocks[i] = _MARKDOWN_ATTR.sub(r"\1", raw)
        return _MARKDOWN_ATTR.sub(r"\1", text) if "markdown=" in text else text


class KeepUrlEscapes(Treeprocessor):
    """kramdown keeps the backslashes of a link's URL and title: `(a\\(1\\))` links to
    `a\\(1\\)`. Python-Markdown's unescape step (next) would drop them."""

    _ESCAPED = re.compile(f"{util.STX}(\\d+){util.ETX}")

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            if el.tag not in ("a", "img"):
                continue
            for key in ("href", "src", "title"):
                value = el.get(key)
                if value and util.STX in value:
                    el.set(key, self._ESCAPED.sub(lambda m: "\\" + chr(int(m.group(1))), value))


def read_spans_as_kramdown(md: markdown.Markdown) -> None:
    """Install the rules of the module's docstring (attr_list registered before)."""
    attr_list = md.treeprocessors["attr_list"]
    # kramdown: a header takes `{#id}` only, a span `{: ...}` with its colon
    attr_list.HEADER_RE = re.compile(r"[ ]+\{(#[A-Za-z][\w:-]*)\}[ ]*$")  # type: ignore[attr-defined]
    attr_list.BLOCK_RE = re.compile(r"\n[ ]*\{\:[ ]*([^\}\n ][^\n]*)\}[ ]*$")  # type: ignore[attr-defined]
    # ... which may go on over a line break (`![x](a.gif){:` + newline + `.icon}`)
    attr_list.INLINE_RE = re.compile(r"^\{\:[ \n]*([^\}\n ][^\}]*?)\}")  # type: ignore[attr-defined]
    assign = attr_list.assign_attrs  # type: ignore[attr-defined]
    attr_list.assign_attrs = lambda el, text, *a, **k: assign(el, text.replace("\n", " "), *a, **k)  # type: ignore[attr-defined]
    md.ESCAPED_CHARS = list(dict.fromkeys([*md.ESCAPED_CHARS, *GFM_ESCAPES]))
    md.inlinePatterns.register(KramdownCodeSpan(md), "backtick", 190)
    md.parser.blockprocessors["hashheader"].RE = _HASH_HEADER  # type: ignore[attr-defined]
    md.treeprocessors.register(StrayEndTags(md), "kramdown_stray_end_tags", 24)
    md.treeprocessors.register(KeepUrlEscapes(md), "kramdown_url_escapes", 1)  # before unescape
    md.postprocessors.register(NoMarkdownAttribute(md), "kramdown_markdown_attr", 36)
