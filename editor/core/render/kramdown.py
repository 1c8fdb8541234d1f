"""Python-Markdown configured to write what Jekyll's kramdown (GFM input) writes.

Bundled extensions do most of it (tables, footnotes, definition lists, abbreviations,
attribute lists, markdown-in-HTML, smarty); `KramdownExtension` adds the rest: GFM header
ids, Rouge-shaped code blocks, kramdown's footnote and table markup, `{:toc}`, task lists,
`~~strike~~`, neutralised raw HTML, and an anchor per top-level block naming its source
line (`<a name="line-N"></a>`) for scroll sync.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as etree
from collections import defaultdict
from typing import Any

import markdown
from markdown.blockparser import BlockParser
from markdown.extensions import Extension
from markdown.extensions.smarty import SubstituteTextPattern
from markdown.inlinepatterns import SimpleTagInlineProcessor, SubstituteTagInlineProcessor
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from editor.core.markup.blocks import TOC_ITEM, TOC_MARKER, rewrite_lines
from editor.core.markup.emphasis import use_kramdown_emphasis
from editor.core.markup.ial import PRE_CLASSES, ApplyBlockIals, Ials
from editor.core.markup.idle_patterns import skip_idle_text
from editor.core.markup.inline import read_spans_as_kramdown
from editor.core.markup.mathjax import read_math
from editor.core.markup.quotes import KramdownQuotes
from editor.core.markup.structure import (
    LastItemLikeTheOthers,
    TableSeparators,
    read_blocks_as_kramdown,
    read_headerless_tables,
)
from editor.core.render import footnotes, toc
from editor.core.render.highlight import fenced_block
from editor.core.render.sanitize import neutralise
from editor.core.render.sections import (
    OWN_ID,
    SectionCache,
    definitions,
    join_sections,
    split_parts,
    without_marks,
)
from editor.core.render.toc import TOC_START

LINE_ANCHOR = "line-{}"
CHUNK_MARK = "byline-chunk"  # <!--byline-chunk--> between top-level blocks
_NON_WORD = re.compile(r"[^\w\- \t]")
_TASK = re.compile(r"^\[([ xX])\][ \t]+")
_SMART = {
    "mdash": "—",
    "ndash": "–",
    "ellipsis": "…",
    "left-angle-quote": "«",
    "right-angle-quote": "»",
    "left-single-quote": "‘",
    "right-single-quote": "’",
    "left-double-quote": "“",
    "right-double-quote": "”",
}
_TEXT_HOLDERS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "pre"}
_BLOCKS = _TEXT_HOLDERS | {"ul", "ol", "blockquote", "div", "table", "thead", "tbody", "tr", "dl"}


class _State:
    """Per-document state of our extension, cleared by `reset()`."""

    def __init__(self) -> None:
        self.source = ""
        self.blocks: list[tuple[etree.Element, int]] = []  # top-level element, source line
        self.stash_origin: dict[int, str] = {}  # stash index -> the source line it came from
        self.line_anchors = True
        self.whole = True  # the whole text, not one section of it
        self.ials = Ials()
        self.dropped: list[etree.Element] = []  # IAL markers taken out of the tree

    def reset(self) -> None:
        self.blocks = []
        self.stash_origin = {}
        self.ials.reset()
        self.dropped.clear()


class _Lines(Preprocessor):
    def __init__(self, md: markdown.Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        return rewrite_lines(
            lines, self._stash_code, self.state.ials.marker, self.md.htmlStash.store
        )

    def _stash_code(self, code: str, lang: str, opener: str) -> str:
        placeholder = self.md.htmlStash.store(fenced_block(code, lang))
        self.state.stash_origin[self.md.htmlStash.html_counter - 1] = opener.strip()
        return placeholder


def _track_lines(parser: BlockParser, state: _State) -> None:
    """Wrap the parser so each new top-level element learns its source line."""
    original = parser.parseBlocks

    def parse_blocks(parent: etree.Element, blocks: list[str]) -> None:
        if parent is not getattr(parser, "root", None) or not state.line_anchors:
            original(parent, blocks)
            return
        source = state.source
        pos = 0
        line = 0
        while blocks:
            before = len(parent)
            first = _first_line(blocks[0], state)
            found = source.find(first, pos) if first else -1
            if found >= 0:
                line += source.count("\n", pos, found)
                pos = found
            for processor in parser.blockprocessors:
                if processor.test(parent, blocks[0]) and processor.run(parent, blocks) is not False:
                    break
            for child in parent[before:]:
                state.blocks.append((child, line + 1))

    parser.parseBlocks = parse_blocks  # type: ignore[method-assign]


def _first_line(block: str, state: _State) -> str:
    for raw in block.split("\n"):
        text = raw.strip()
        if not text:
            continue
        m = HTML_PLACEHOLDER_RE.fullmatch(text)
        if m:
            return state.stash_origin.get(int(m.group(1)), "")
        if text == TOC_MARKER:
            return ""
        return text
    return ""


def _plain_text(el: etree.Element, md: markdown.Markdown) -> str:
    """The element's text as kramdown sees it for ids: stashed bits resolved, entities read."""
    text = "".join(el.itertext())

    def resolve(m: re.Match[str]) -> str:
        try:
            raw = md.htmlStash.rawHtmlBlocks[int(m.group(1))]
        except (IndexError, ValueError):
            return ""
        return re.sub(r"<[^>]+>", "", raw) if isinstance(raw, str) else ""

    text = HTML_PLACEHOLDER_RE.sub(resolve, text)
    text = re.sub(r"\x02\d+\x03", lambda m: chr(int(m.group(0)[1:-1])), text)  # escapes
    return html.unescape(text)


class _Kramdownify(Treeprocessor):
    """kramdown's markup where Python-Markdown's differs; runs after inline and attr_list."""

    def __init__(self, md: markdown.Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        counter: dict[str, int] = defaultdict(lambda: -1)
        headers: list[etree.Element] = []
        parents = {child: parent for parent in root.iter() for child in parent}
        for el in list(root.iter()):
            tag = el.tag
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                headers.append(el)
                if "id" not in el.attrib:
                    el.set("id", self._header_id(el, counter))
                elif not self.state.whole:
                    own = dict(el.attrib)
                    el.attrib.clear()
                    el.set(OWN_ID, "")
                    el.attrib.update(own)
            elif tag == "code" and parents.get(el) is not None and parents[el].tag != "pre":
                el.set("class", "language-plaintext highlighter-rouge")
            elif tag == "pre" and parents.get(el) is not None:
                self._rouge_pre(el, parents[el])
            elif tag in ("th", "td") and "style" in el.attrib:
                el.set("style", el.attrib["style"].rstrip("; "))
            elif tag in ("ul", "ol"):
                self._task_list(el)
            elif tag == "sup" and el.get("id", "").startswith("fnref"):
                el.set("role", "doc-noteref")
                for a in el:
                    a.attrib.pop("class", None)
                    a.set("class", "footnote")
                    a.set("rel", "footnote")
            elif tag == "div" and el.get("class") == "footnote":
                self._footnotes(el)
        self._toc(root, headers)

    def _header_id(self, el: etree.Element, counter: dict[str, int]) -> str:
        text = _NON_WORD.sub("", _plain_text(el, self.md).lower())
        text = text.replace(" ", "-").replace("\t", "-")
        counter[text] += 1
        return f"{text}-{counter[text]}" if counter[text] > 0 else text

    @staticmethod
    def _rouge_pre(pre: etree.Element, parent: etree.Element) -> None:
        extra = pre.attrib.pop(PRE_CLASSES, "")
        if len(pre) != 1 or pre[0].tag != "code" or pre.get("class"):
            return
        code = pre[0]
        lang = "plaintext"
        cls = code.get("class", "")
        if cls.startswith("language-"):
            lang = cls[len("language-") :]
            code.attrib.pop("class")
        index = list(parent).index(pre)
        classes = " ".join(c for c in (f"language-{lang}", extra, "highlighter-rouge") if c)
        outer = etree.Element("div", {"class": classes})
        inner = etree.SubElement(outer, "div", {"class": "highlight"})
        inner.append(pre)
        pre.set("class", "highlight")
        outer.tail = pre.tail
        pre.tail = None
        parent[index] = outer

    @staticmethod
    def _task_list(lst: etree.Element) -> None:
        found = False
        for li in lst:
            holder = li[0] if len(li) and li[0].tag == "p" and not (li.text or "").strip() else li
            m = _TASK.match(holder.text or "")
            if li.tag != "li" or not m:
                continue
            found = True
            li.set("class", "task-list-item")
            box = etree.Element(
                "input",
                {"type": "checkbox", "class": "task-list-item-checkbox", "disabled": "disabled"},
            )
            if m.group(1) in "xX":
                box.set("checked", "checked")
            box.tail = (holder.text or "")[m.end() :]
            holder.text = None
            holder.insert(0, box)
        if found:
            lst.set("class", "task-list")

    @staticmethod
    def _footnotes(div: etree.Element) -> None:
        div.set("class", "footnotes")
        div.set("role", "doc-endnotes")
        for child in list(div):
            if child.tag == "hr":
                div.remove(child)
        for li in div.findall("ol/li"):  # the notes, not the items of a list inside one
            li.set("role", "doc-endnote")
        for a in div.iter("a"):
            if a.get("class") == "footnote-backref":
                a.set("class", "reversefootnote")
                a.set("role", "doc-backlink")
                a.attrib.pop("title", None)

    def _toc(self, root: etree.Element, headers: list[etree.Element]) -> None:
        for el in list(root):
            if el.tag == "p" and (el.text or "").strip() == TOC_MARKER and len(el) == 0:
                toc = self._toc_list(headers)
                if not len(toc) and self.state.whole:  # no heading: kramdown writes nothing
                    root.remove(el)
                    self.state.blocks = [(b, n) for b, n in self.state.blocks if b is not el]
                    continue
                toc.tail = el.tail
                root[list(root).index(el)] = toc
                for i, (block, line) in enumerate(self.state.blocks):
                    if block is el:
                        self.state.blocks[i] = (toc, line)

    def _toc_list(self, headers: list[etree.Element]) -> etree.Element:
        top = etree.Element("ul", {"id": "markdown-toc"})
        stack: list[tuple[int, etree.Element]] = [(0, top)]
        for h in headers:
            if "no_toc" in (h.get("class") or "").split():
                continue
            level = int(h.tag[1])
            while len(stack) > 1 and stack[-1][0] >= level:
                stack.pop()
            parent = stack[-1][1]
            if parent.tag == "li":
                sub = parent.find("ul")
                if sub is None:
                    sub = etree.SubElement(parent, "ul")
                parent = sub
            li = etree.SubElement(parent, "li")
            hid = h.get("id", "")
            a = etree.SubElement(li, "a", {"href": f"#{hid}", "id": f"markdown-toc-{hid}"})
            a.text = h.text
            for child in h:
                a.append(_copy(child))
            stack.append((level, li))
        return top


def _copy(el: etree.Element) -> etree.Element:
    new = etree.Element(el.tag, dict(el.attrib))
    new.text, new.tail = el.text, el.tail
    for child in el:
        new.append(_copy(child))
    return new


class _Anchors(Treeprocessor):
    """`<a name="line-N">` at the start of each top-level block, for scroll sync."""

    def __init__(self, md: markdown.Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: etree.Element) -> None:
        if not self.state.line_anchors:
            return
        # a mark between top-level blocks: the preview builds its document in slices
        for index in range(len(root) - 1, 0, -1):
            mark = etree.Comment(CHUNK_MARK)
            mark.tail = "\n"
            root.insert(index, mark)
        last = 0
        dropped = {id(el) for el in self.state.dropped}
        for el, line in self.state.blocks:
            if line <= last or id(el) in dropped:
                continue
            if self._mark(el, LINE_ANCHOR.format(line)):
                last = line

    def _mark(self, el: etree.Element, name: str) -> bool:
        holder = el
        while len(holder) and not (holder.text or "").strip() and holder[0].tag in _BLOCKS:
            holder = holder[0]
        if holder.tag == "p" and len(holder) == 0:
            m = HTML_PLACEHOLDER_RE.fullmatch((holder.text or "").strip())
            if m:
                return self._mark_stash(int(m.group(1)), name)
        if holder.tag not in _TEXT_HOLDERS:
            return False
        anchor = etree.Element("a", {"name": name})
        anchor.tail = holder.text
        holder.text = None
        holder.insert(0, anchor)
        return True

    def _mark_stash(self, index: int, name: str) -> bool:
        blocks = self.md.htmlStash.rawHtmlBlocks
        raw = blocks[index] if index < len(blocks) else None
        if not isinstance(raw, str):
            return False
        m = re.match(
            r'(?:<div class="language-[^"]*"><div class="highlight">|<figure[^>]*>)?'
            r"<pre[^>]*><code[^>]*>",
            raw,
        )
        if not m:
            return False
        blocks[index] = f'{raw[: m.end()]}<a name="{name}"></a>{raw[m.end() :]}'
        return True


class _Neutralise(Postprocessor):
    """Raw HTML is shown, never run: scripts, handlers and remote loads are taken out."""

    def run(self, text: str) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        for i, raw in enumerate(blocks):
            if isinstance(raw, str) and "<" in raw:
                # a block left empty (a script taken out) stays a block: no empty <p>
                safe = neutralise(raw)
                blocks[i] = safe if safe.strip() else "<!---->"
        return text


class KramdownExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.state = _State()

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(_Lines(md, self.state), "kramdown_lines", 27)
        md.inlinePatterns.register(
            SimpleTagInlineProcessor(r"(~{2})(?!~)(.+?)(?<!~)~{2}", "del"), "strike", 65
        )
        # GFM (Jekyll's kramdown input): a backslash ending a line breaks it, as two spaces do
        md.inlinePatterns.register(SubstituteTagInlineProcessor(r"\\\n", "br"), "gfm_break", 6)
        md.treeprocessors.register(
            ApplyBlockIals(md, self.state.ials, self.state.dropped), "block_ials", 7
        )
        md.treeprocessors.register(_Kramdownify(md, self.state), "kramdownify", 6)
        md.treeprocessors.register(LastItemLikeTheOthers(md), "kramdown_last_item", 25)
        md.treeprocessors.register(TableSeparators(md), "kramdown_table_bodies", 25)
        read_blocks_as_kramdown(md)
        read_headerless_tables(md)
        read_math(md)
        use_kramdown_emphasis(md)
        read_spans_as_kramdown(md)
        md.treeprocessors.register(KramdownQuotes(md), "kramdown_quotes", 3)
        _ellipsis_as_kramdown(md)
        md.treeprocessors.register(_Anchors(md, self.state), "line_anchors", 5)
        md.postprocessors.register(_Neutralise(md), "neutralise", 35)
        _track_lines(md.parser, self.state)

    def reset(self) -> None:
        self.state.reset()


def _ellipsis_as_kramdown(md: markdown.Markdown) -> None:
    """kramdown makes any three dots an ellipsis (`Wait....` is `Wait…`.); smarty only
    three dots on their own. Needs smarty registered first."""
    smarty = md.treeprocessors["smarty"]
    patterns = smarty.inlinePatterns  # type: ignore[attr-defined]
    priority = next(item.priority for item in patterns._priority if item.name == "smarty-ellipses")
    patterns.register(
        SubstituteTextPattern(r"\.{3}", (_SMART["ellipsis"],), md), "smarty-ellipses", priority
    )


class KramdownRenderer:
    """One configured Markdown instance; not thread-safe (use `render_markdown`)."""

    def __init__(self) -> None:
        self.ext = KramdownExtension()
        self.md = markdown.Markdown(
            extensions=[
                "tables",
                "footnotes",
                "def_list",
                "abbr",
                "attr_list",
                "md_in_html",
                "smarty",
                self.ext,
            ],
            extension_configs={
                "footnotes": {
                    "BACKLINK_TITLE": "",
                    "SUPERSCRIPT_TEXT": "{}",
                    "USE_DEFINITION_ORDER": False,
                },
                "smarty": {
                    "smart_angled_quotes": True,
                    "smart_quotes": False,  # kramdown's rules instead: quotes.py
                    "substitutions": _SMART,
                },
            },
            output_format="xhtml",
            tab_length=4,
        )
        skip_idle_text(self.md)

    def convert(self, text: str, *, line_anchors: bool = True, whole: bool = True) -> str:
        """`whole=False`: `text` is one section (an empty table of contents stays, for
        toc.py to fill from every section's headings)."""
        self.md.reset()
        self.ext.state.source = text
        self.ext.state.line_anchors = line_anchors
        self.ext.state.whole = whole
        return self.md.convert(text)


# Renderers are not thread-safe: each call borrows a free one. (No threading.local: Qt's
# pool threads get a fresh Python thread state for every job, so it would never hit.)
_free: list[KramdownRenderer] = []
_lock = threading.Lock()
CACHE = SectionCache()


class _Borrowed:
    def __enter__(self) -> KramdownRenderer:
        with _lock:
            self.renderer = _free.pop() if _free else KramdownRenderer()
        return self.renderer

    def __exit__(self, *exc: object) -> None:
        with _lock:
            _free.append(self.renderer)


def render_sections(text: str, *, line_anchors: bool = True) -> list[tuple[int, str]]:
    """(index of the section's first line, its HTML) for each section of the text (see
    sections.py), line anchors counted from the section's start; a text that must be
    rendered whole is one section. Safe to call from any thread."""
    sections = split_parts(text)
    notes = footnotes.definitions(text) if sections is not None and "[^" in text else {}
    last_line = text.count("\n") + 1
    with _Borrowed() as renderer:
        if sections is None or notes is None:
            return _whole(renderer, text, line_anchors, last_line)
        references = definitions(text)
        out: list[tuple[int, str]] = []
        for first, chunk in sections:
            defs = references
            if notes:
                defs = "\n\n".join(d for d in (references, footnotes.used_in(chunk, notes)) if d)
            source = f"{chunk}\n\n{defs}\n" if defs else chunk

            def make(source: str = source) -> str:
                return str(renderer.convert(source, line_anchors=line_anchors, whole=False))

            out.append((first, CACHE.get((source, line_anchors), make)))
        if notes:
            merged = footnotes.merge(out, list(notes), last_line)
            if merged is None:
                return _whole(renderer, text, line_anchors, last_line)
            out = merged
        if any(TOC_START in html for _, html in out):
            with_toc = toc.rebuild(out, _toc_anchor(sections) if line_anchors else "")
            if with_toc is None:
                return _whole(renderer, text, line_anchors, last_line)
            out = with_toc
        # a section of nothing but definitions prints nothing, and takes no place
        return [part for part in out if part[1].strip()] or out[:1]


def _toc_anchor(sections: list[tuple[int, str]]) -> str:
    """The line anchor the whole render puts in a table of contents (its `* TOC` line's,
    counted from its section's start)."""
    for _, chunk in sections:
        for number, line in enumerate(chunk.split("\n"), start=1):
            if TOC_ITEM.match(line):
                return f'<a name="line-{number}"></a>'
    return ""


def _whole(
    renderer: KramdownRenderer, text: str, line_anchors: bool, last_line: int
) -> list[tuple[int, str]]:
    """The text rendered in one piece (its footnotes numbered as kramdown numbers them)."""
    whole = str(renderer.convert(text, line_anchors=line_anchors))
    if '<div class="footnotes"' in whole:
        # document order, as kramdown: Python-Markdown numbers the notes in lists last
        return footnotes.merge([(0, whole)], None, last_line) or [(0, whole)]
    return [(0, whole)]


def section_separator(line_anchors: bool) -> str:
    return f"\n<!--{CHUNK_MARK}-->\n" if line_anchors else "\n"


def render_markdown(text: str, *, line_anchors: bool = True) -> str:
    """Markdown to HTML as kramdown would write it; safe to call from any thread.

    Long posts are rendered section by section with a cache (see sections.py), so that
    re-rendering after a keystroke costs about one section.
    """
    parts = render_sections(text, line_anchors=line_anchors)
    if len(parts) == 1:
        return without_marks(parts[0][1])
    return join_sections(parts, section_separator(line_anchors))
