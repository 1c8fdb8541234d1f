"""Source lines in the converter: which top-level block came from which line of the
post, an `<a name="line-N"></a>` at the start of each (scroll sync), and a mark between
top-level blocks (the preview builds its document in slices)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.blockparser import BlockParser
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from editor.core.markup.blocks import TOC_MARKER, rewrite_lines
from editor.core.markup.kramdownify import DocumentState
from editor.core.render.highlight import fenced_block

LINE_ANCHOR = "line-{}"
CHUNK_MARK = "byline-chunk"  # <!--byline-chunk--> between top-level blocks
_TEXT_HOLDERS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "pre"}
_BLOCKS = _TEXT_HOLDERS | {"ul", "ol", "blockquote", "div", "table", "thead", "tbody", "tr", "dl"}


class Lines(Preprocessor):
    def __init__(self, md: markdown.Markdown, state: DocumentState) -> None:
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


def track_lines(parser: BlockParser, state: DocumentState) -> None:
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


def _first_line(block: str, state: DocumentState) -> str:
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


class Anchors(Treeprocessor):
    """`<a name="line-N">` at the start of each top-level block, for scroll sync."""

    def __init__(self, md: markdown.Markdown, state: DocumentState) -> None:
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
