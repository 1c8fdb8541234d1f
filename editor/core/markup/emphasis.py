"""Emphasis read as kramdown reads it (its `parse_emphasis`, ported), not as Python-Markdown.

Python-Markdown's asterisk rules differ on odd input: `**All *.example.com sites**` is
`<strong>All *.example.com sites</strong>` in kramdown and nested `<em>`s in
Python-Markdown. This processor replaces Python-Markdown's emphasis patterns and follows
kramdown step by step: a delimiter followed by a space is text, the same kind never
nests, `_` inside a word is text, and a failed `**` is tried again as `*` one character
on. Code spans, links and HTML are placeholders by the time it runs; the delimiters it
decides are text are stored as escapes so no later pass reads them again.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown import util
from markdown.inlinepatterns import InlineProcessor

_START = re.compile(r"\*\*?|__?")
_STOP_CHARS = re.compile(r"[*_]")
Node = str | etree.Element


def _literal(text: str) -> str:
    """`*` and `_` as escapes: text for good, whatever pattern looks at it later."""
    return text.replace("*", f"{util.STX}42{util.ETX}").replace("_", f"{util.STX}95{util.ETX}")


def _alpha_before(data: str, pos: int) -> bool:
    """kramdown's `pre_match =~ /[[:alpha:]]-?[[:alpha:]]*\\z/`."""
    if pos >= 1 and data[pos - 1].isalpha():
        return True
    return pos >= 2 and data[pos - 1] == "-" and data[pos - 2].isalpha()


class _Parser:
    def __init__(self, data: str) -> None:
        self.data = data

    def emphasis(self, pos: int, tree: str, stack: tuple[str, ...]) -> tuple[list[Node], int]:
        """What the delimiter at `pos` starts: nodes, and the index after them."""
        data = self.data
        found = _START.match(data, pos)
        assert found is not None
        result = found.group(0)
        element = "strong" if len(result) == 2 else "em"
        kind = result[0]
        after = pos + len(result)
        if (
            (kind == "_" and _alpha_before(data, pos))
            or data[after : after + 1].isspace()
            or tree == element
            or element in stack
        ):
            return [_literal(result)], after
        inner = (*stack, tree)
        parsed = self.sub(result, element, after, inner)
        if parsed is None and element == "strong" and tree != "em":
            # kramdown goes back and reads an emphasis one character on (the first
            # delimiter character is dropped, the second is the emphasis' first text)
            parsed = self.sub(kind, "em", pos + 1, inner)
        if parsed is None:
            return [_literal(result)], after
        return [parsed[0]], parsed[1]

    def sub(
        self, delim: str, element: str, pos: int, stack: tuple[str, ...]
    ) -> tuple[etree.Element, int] | None:
        """kramdown's `sub_parse`: the element from `pos` up to its closing `delim`."""
        data = self.data
        children: list[Node] = []
        text_start = pos
        j = pos
        while True:
            m = _STOP_CHARS.search(data, j)
            if m is None:
                return None
            j = m.start()
            if j > text_start:
                children.append(data[text_start:j])
            if data.startswith(delim, j) and self._closes(delim, element, j, children):
                return _element(element, children), j + len(delim)
            nodes, j = self.emphasis(j, element, stack)
            children += nodes
            text_start = j

    def _closes(self, delim: str, element: str, j: int, children: list[Node]) -> bool:
        data = self.data
        if j == 0 or data[j - 1].isspace() or not children:
            return False
        # an em does not close on exactly two delimiters (kramdown's `**(?!\*)`)
        if element == "em" and data.startswith(delim * 2, j) and not data.startswith(delim * 3, j):
            return False
        nxt = data[j + len(delim) : j + len(delim) + 1]
        return not (delim[0] == "_" and nxt.isalnum())


def _element(tag: str, children: list[Node]) -> etree.Element:
    el = etree.Element(tag)
    last: etree.Element | None = None
    for child in children:
        if isinstance(child, str):
            if last is None:
                el.text = (el.text or "") + child
            else:
                last.tail = (last.tail or "") + child
        else:
            el.append(child)
            last = child
    return el


class KramdownEmphasis(InlineProcessor):
    """`*`, `**`, `_`, `__` as kramdown reads them (see the module's docstring)."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(r"\*\*?|__?", md)

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | str | None, int | None, int | None]:
        pos = m.start()
        nodes, end = _Parser(data).emphasis(pos, "", ())
        # text (a delimiter kramdown leaves alone) is stashed as it is: no pattern reads it again
        return nodes[0], pos, end


def use_kramdown_emphasis(md: markdown.Markdown) -> None:
    """Replace Python-Markdown's emphasis patterns by `KramdownEmphasis`."""
    for name in ("not_strong", "em_strong", "em_strong2"):
        if name in md.inlinePatterns:
            md.inlinePatterns.deregister(name)
    md.inlinePatterns.register(KramdownEmphasis(md), "kramdown_emphasis", 60)
