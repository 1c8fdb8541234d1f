"""Block structure the way kramdown reads it: lists, their items' paragraphs, quotes, tables.

A list that changes type (bullets, numbers) is a new list, a blank line between two
quotes makes two quotes, and a separator line inside a table's body starts a new body;
Python-Markdown joined the first two and made the last a row of dashes.

kramdown wraps an item's text in <p> when a blank line follows that text, and wraps the
last item too when every item before it is wrapped (a definition's text: only when a blank
line came before its `:`). Python-Markdown also wraps the
first item after a blank line (a list continued in a new block), and an item whose text
a nested list follows when a blank line comes later; kramdown leaves both tight.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

import markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

_LISTS = ("ol", "ul")
# kramdown's span elements (parser/html.rb): any other tag starting a line starts an HTML
# block (`<dialog>`, `<references>`); Python-Markdown knows only a fixed list of blocks
KRAMDOWN_SPAN_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "big",
        "bdo",
        "br",
        "button",
        "cite",
        "code",
        "del",
        "dfn",
        "em",
        "i",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "mark",
        "option",
        "q",
        "rb",
        "rbc",
        "rp",
        "rt",
        "rtc",
        "ruby",
        "samp",
        "select",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "tt",
        "u",
        "var",
    ]
)


def read_blocks_as_kramdown(md: markdown.Markdown) -> None:
    """Lists and quotes as kramdown reads them (see the module's docstring)."""
    for name in ("olist", "ulist"):
        processor = md.parser.blockprocessors[name]
        # a bullet list after a numbered one (or the reverse) is a list of its own
        processor.SIBLING_TAGS = [processor.TAG]  # type: ignore[attr-defined]
        processor.run = _tight_first(processor)  # type: ignore[method-assign, assignment]
    indent = md.parser.blockprocessors["indent"]
    indent.run = _tight_parent(indent)  # type: ignore[method-assign, assignment]
    md.preprocessors.register(HtmlBlockTags(md), "kramdown_html_block_tags", 29)
    if "defindent" in md.parser.blockprocessors:
        definition = md.parser.blockprocessors["defindent"]
        definition.run = _tight_definition(definition)  # type: ignore[method-assign, assignment]
    quote = md.parser.blockprocessors["quote"]
    quote.lastChild = _no_quote_before(quote)  # type: ignore[method-assign, assignment]


class HtmlBlockTags(Preprocessor):
    """Any tag but kramdown's span elements that starts a line of this document starts an
    HTML block: its name joins Python-Markdown's list of block tags for this document."""

    _LINE_TAG = re.compile(r"^ {0,3}</?([A-Za-z][A-Za-z0-9-]*)", re.M)

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.base = list(md.block_level_elements)

    def run(self, lines: list[str]) -> list[str]:
        known = set(self.base)
        extra: list[str] = []
        if "<" in "".join(lines):
            for line in lines:
                m = self._LINE_TAG.match(line)
                name = m.group(1).lower() if m else ""
                if name and name not in known and name not in KRAMDOWN_SPAN_ELEMENTS:
                    known.add(name)
                    extra.append(name)
        self.md.block_level_elements = self.base + extra
        return lines


def _no_quote_before(processor: BlockProcessor) -> Callable[[etree.Element], etree.Element | None]:
    """A quote block never goes on in the quote before it: a blank line came between."""
    original = processor.lastChild

    def last_child(parent: etree.Element) -> etree.Element | None:
        child = original(parent)
        return None if child is not None and child.tag == "blockquote" else child

    return last_child


def _tight_parent(processor: BlockProcessor) -> Callable[[etree.Element, list[str]], bool | None]:
    """An indented block after a nested list goes on in that list or its item: the item's
    own text was followed by the nested list, not by a blank line, so it stays tight."""
    original = processor.run

    def run(parent: etree.Element, blocks: list[str]) -> bool | None:
        spine = []
        el = parent
        while len(el):  # the block lands somewhere along the last children
            el = el[-1]
            if el.tag == "li" and (el.text or "").strip() and len(el) and el[-1].tag in _LISTS:
                spine.append(el)
        result = original(parent, blocks)
        for item in spine:
            _unwrap(item)
        return result

    return run


def _tight_definition(
    processor: BlockProcessor,
) -> Callable[[etree.Element, list[str]], bool | None]:
    """A definition's own text stays tight when blocks follow it after a blank line
    (kramdown wraps it only when a blank line came before the `:`)."""
    original = processor.run

    def run(parent: etree.Element, blocks: list[str]) -> bool | None:
        last = parent[-1] if len(parent) else None
        dd = last[-1] if last is not None and last.tag == "dl" and len(last) else None
        tight = dd is not None and dd.tag == "dd" and bool((dd.text or "").strip())
        result = original(parent, blocks)
        if tight and dd is not None:
            _unwrap(dd)
        return result

    return run


def _tight_first(processor: BlockProcessor) -> Callable[[etree.Element, list[str]], bool | None]:
    original = processor.run
    sibling_tags = getattr(processor, "SIBLING_TAGS", _LISTS)

    def run(parent: etree.Element, blocks: list[str]) -> bool | None:
        sibling = processor.lastChild(parent)
        continued = sibling is not None and sibling.tag in sibling_tags
        before = len(sibling) if sibling is not None and continued else 0
        # an item whose text a nested list follows: the blank line came after that list,
        # not after its text, and kramdown keeps the text tight
        previous = sibling[before - 1] if sibling is not None and before else None
        nested = previous is not None and bool((previous.text or "").strip()) and len(previous)
        result = original(parent, blocks)
        if sibling is None or not continued or len(sibling) <= before:
            return result
        if nested and previous is not None:
            _unwrap(previous)
        _unwrap(sibling[before])  # wrapped again if the list goes on after a blank line
        return result

    return run


def _unwrap(item: etree.Element) -> None:
    """The item's leading paragraph back to tight text."""
    if len(item) and item[0].tag == "p" and not (item.text or "").strip():
        paragraph = item[0]
        item.text = paragraph.text
        item.remove(paragraph)
        for index, child in enumerate(list(paragraph)):
            item.insert(index, child)


class LastItemLikeTheOthers(Treeprocessor):
    """The last item of a list whose other items all have paragraphs gets one too; so does
    an item's text that indented code follows."""

    def run(self, root: etree.Element) -> None:
        for li in root.iter("li"):
            # indented code after an item's text always had a blank line before it
            if (li.text or "").strip() and len(li) and li[0].tag == "pre":
                paragraph = etree.Element("p")
                paragraph.text = li.text
                li.text = ""
                li.insert(0, paragraph)
        for lst in root.iter():
            items = [li for li in lst if li.tag == "li"] if lst.tag in _LISTS else []
            if len(items) < 2 or not (items[-1].text or "").strip():
                continue
            *earlier, last = items
            if all(len(li) and li[0].tag == "p" and not (li.text or "").strip() for li in earlier):
                paragraph = etree.Element("p")
                paragraph.text = last.text
                last.text = ""
                last.insert(0, paragraph)


_SEPARATOR_CELL = re.compile(r":?-+:?")


class TableSeparators(Treeprocessor):
    """A separator line inside a table's body starts a new body (kramdown), not a row of
    dashes. Runs before inline processing, while the cells still hold their source text."""

    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            for body in table.findall("tbody"):
                rows = list(body)
                if not any(_is_separator(row) for row in rows):
                    continue
                groups: list[list[etree.Element]] = [[]]
                for row in rows:
                    if _is_separator(row):
                        groups.append([])
                    else:
                        groups[-1].append(row)
                position = list(table).index(body)
                table.remove(body)
                for group in (g for g in groups if g):
                    new = etree.Element("tbody")
                    new.text, new.tail = body.text, body.tail
                    new.extend(group)
                    table.insert(position, new)
                    position += 1


def _is_separator(row: etree.Element) -> bool:
    cells = list(row)
    return bool(cells) and all(
        len(cell) == 0 and _SEPARATOR_CELL.fullmatch((cell.text or "").strip()) for cell in cells
    )


_CODE_OR_PIPE = re.compile(r"(`+)|(?<!\\)\|")


def _cells(line: str) -> list[str] | None:
    """A line split at its pipes (outside code spans, not escaped); None when it has none."""
    cells: list[str] = []
    start = pos = 0
    found = False
    while True:
        m = _CODE_OR_PIPE.search(line, pos)
        if m is None:
            break
        if m.group(1):  # a code span: skip to its closing run, if any
            end = line.find(m.group(1), m.end())
            pos = end + len(m.group(1)) if end >= 0 else m.end()
            continue
        found = True
        cells.append(line[start : m.start()])
        start = pos = m.end()
    cells.append(line[start:])
    return [c.replace("\\|", "|") for c in cells] if found else None


class HeaderlessTable(BlockProcessor):
    """A block whose every line holds a pipe is a table without a header in kramdown
    (`Open File|Open Theme.` is a one-row table); Python-Markdown wants a separator line."""

    def test(self, parent: etree.Element, block: str) -> bool:
        lines = [line for line in block.split("\n") if line.strip()]
        return bool(lines) and all(_cells(line) is not None for line in lines)

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        lines = [line.strip() for line in blocks.pop(0).split("\n") if line.strip()]
        leading = lines[0].startswith("|")
        rows = []
        for line in lines:
            cells = _cells(line) or [line]
            if leading and not cells[0].strip():
                cells.pop(0)
            if len(cells) > 1 and not cells[-1].strip():
                cells.pop()
            rows.append(cells)
        columns = max(len(r) for r in rows)
        table = etree.SubElement(parent, "table")
        body = etree.SubElement(table, "tbody")
        for cells in rows:
            tr = etree.SubElement(body, "tr")
            for cell in cells + [""] * (columns - len(cells)):
                etree.SubElement(tr, "td").text = cell.strip()


def read_headerless_tables(md: markdown.Markdown) -> None:
    """Install `HeaderlessTable` just before the paragraph processor."""
    md.parser.blockprocessors.register(HeaderlessTable(md.parser), "kramdown_table_rows", 11)
