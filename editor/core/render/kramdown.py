"""Python-Markdown configured to write what Jekyll's kramdown (GFM input) writes.

Bundled extensions do most of it (tables, footnotes, definition lists, abbreviations,
attribute lists, markdown-in-HTML, smarty); `KramdownExtension` adds the rest from
editor.core.markup (how kramdown reads blocks and spans; kramdownify.py: its markup),
line_anchors.py (an anchor per top-level block naming its source line, for scroll sync),
`~~strike~~` and neutralised raw HTML. `render_markdown` renders a post section by
section with a cache (sections.py, footnotes.py, toc.py).
"""

from __future__ import annotations

import threading
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.extensions.smarty import SubstituteTextPattern
from markdown.inlinepatterns import SimpleTagInlineProcessor, SubstituteTagInlineProcessor
from markdown.postprocessors import Postprocessor

from editor.core.markup.blocks import TOC_ITEM
from editor.core.markup.emphasis import use_kramdown_emphasis
from editor.core.markup.extensions import read_kramdown_extensions
from editor.core.markup.ial import ApplyBlockIals
from editor.core.markup.idle_patterns import skip_idle_text
from editor.core.markup.inline import read_spans_as_kramdown
from editor.core.markup.kramdownify import DocumentState, Kramdownify
from editor.core.markup.mathjax import read_math
from editor.core.markup.quotes import KramdownQuotes
from editor.core.markup.structure import (
    LastItemLikeTheOthers,
    TableSeparators,
    read_blocks_as_kramdown,
    read_headerless_tables,
)
from editor.core.render import footnotes, toc
from editor.core.render.line_anchors import CHUNK_MARK, Anchors, Lines, track_lines
from editor.core.render.sanitize import neutralise
from editor.core.render.sections import (
    SectionCache,
    definitions,
    join_sections,
    split_parts,
    without_marks,
)
from editor.core.render.toc import TOC_START

__all__ = ["CHUNK_MARK", "KramdownRenderer", "render_markdown", "render_sections"]
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
        self.state = DocumentState()

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(Lines(md, self.state), "kramdown_lines", 27)
        md.inlinePatterns.register(
            SimpleTagInlineProcessor(r"(~{2})(?!~)(.+?)(?<!~)~{2}", "del"), "strike", 65
        )
        # GFM (Jekyll's kramdown input): a backslash ending a line breaks it, as two spaces do
        md.inlinePatterns.register(SubstituteTagInlineProcessor(r"\\\n", "br"), "gfm_break", 6)
        md.treeprocessors.register(
            ApplyBlockIals(md, self.state.ials, self.state.dropped), "block_ials", 7
        )
        md.treeprocessors.register(Kramdownify(md, self.state), "kramdownify", 6)
        md.treeprocessors.register(LastItemLikeTheOthers(md), "kramdown_last_item", 25)
        md.treeprocessors.register(TableSeparators(md), "kramdown_table_bodies", 25)
        read_blocks_as_kramdown(md)
        read_headerless_tables(md)
        read_math(md)
        read_kramdown_extensions(md)
        use_kramdown_emphasis(md)
        read_spans_as_kramdown(md)
        md.treeprocessors.register(KramdownQuotes(md), "kramdown_quotes", 3)
        _ellipsis_as_kramdown(md)
        md.treeprocessors.register(Anchors(md, self.state), "line_anchors", 5)
        md.postprocessors.register(_Neutralise(md), "neutralise", 35)
        track_lines(md.parser, self.state)

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
