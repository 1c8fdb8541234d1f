"""kramdown's block attribute lists: `{: .notice}` on a line of its own, above or below a block.

kramdown applies a block IAL to the block right before it when no blank line comes
between, else to the next block (`{: .notice}` + `Text` -> `<p class="notice">Text</p>`);
`{:name: .cls}` defines a reusable list that `{: name}` refers to. The line rewriter
(blocks.py) turns each such line into a marker paragraph of its own; `ApplyBlockIals`
moves the marker's attributes onto its neighbour and drops the marker.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

MARKER = "bylineialq7"
PRE_CLASSES = "data-byline-ial-class"  # classes for an indented code block's outer div
_MARKER_TEXT = re.compile(rf"{MARKER}(\d+)([pn])")
# a block IAL or an attribute list definition, alone on its line (not `{::` extensions)
BLOCK_IAL = re.compile(r"^ {0,3}\{:(?![:/])((?:\\\}|[^}\n])*)\}[ \t]*$")
_ALD = re.compile(r"^([A-Za-z0-9_][\w-]*):(.*)$", re.S)
_NAME = r"[A-Za-z0-9_][\w-]*"
_TOKEN = re.compile(
    rf"""(?P<key>{_NAME})=(?P<q>["'])(?P<value>(?:\\\}}|\\(?P=q)|(?!(?P=q))[^}}])*?)(?P=q)"""
    rf"|(?P<idcls>(?:[#.]{_NAME})+)"
    rf"|(?P<ref>{_NAME})"
)
_ID_CLASS = re.compile(rf"([#.])({_NAME})")
# kramdown leaves these alone: an IAL on a marker it cannot hold is dropped
_HOLDERS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "table"}
_HIGHLIGHT = re.compile(r'^<div class="(language-[^" ]*)( highlighter-rouge")')


class Ials:
    """The attribute lists of one document: the block IALs in order, the named ones."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.named: dict[str, str] = {}

    def reset(self) -> None:
        self.items = []
        self.named = {}

    def marker(self, line: str, direction: str) -> str | None:
        """The marker paragraph for an IAL line (`direction`: "p" the block before it,
        "n" the next one), or None for a definition (which prints nothing)."""
        m = BLOCK_IAL.match(line)
        body = m.group(1) if m else ""
        ald = _ALD.match(body)
        if ald:
            self.named[ald.group(1)] = ald.group(2)
            return None
        self.items.append(body)
        return f"{MARKER}{len(self.items) - 1}{direction}"

    def attributes(self, body: str, seen: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
        """(key, value) in order; classes as ("class", name) one by one."""
        out: list[tuple[str, str]] = []
        for m in _TOKEN.finditer(body):
            if m.group("key"):
                value = m.group("value").replace("\\}", "}")
                out.append((m.group("key"), value))
            elif m.group("idcls"):
                for kind, name in _ID_CLASS.findall(m.group("idcls")):
                    out.append(("id" if kind == "#" else "class", name))
            elif m.group("ref") and m.group("ref") not in seen and m.group("ref") in self.named:
                ref = m.group("ref")
                out += self.attributes(self.named[ref], seen | {ref})
        return out


def apply(el: etree.Element, attrs: list[tuple[str, str]]) -> None:
    """Set the attributes on an element as kramdown does: classes add up, the rest replace."""
    for key, value in attrs:
        if key == "class":
            old = el.get("class", "")
            el.set("class", f"{old} {value}".strip() if old else value)
        else:
            el.set(key, value)


def apply_to_html(raw: str, attrs: list[tuple[str, str]]) -> str:
    """The same on a stashed code block: classes between its language and Rouge's mark."""
    classes = " ".join(v for k, v in attrs if k == "class")
    rest = "".join(f' {k}="{_escape(v)}"' for k, v in attrs if k != "class")
    m = _HIGHLIGHT.match(raw)
    if m:
        return (
            f'<div class="{m.group(1)}{" " + classes if classes else ""}{m.group(2)}{rest}'
            + (raw[m.end() :])
        )
    return raw


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


class ApplyBlockIals(Treeprocessor):
    """Moves each marker's attributes to its neighbour (see the module's docstring)."""

    def __init__(self, md: markdown.Markdown, ials: Ials, dropped: list[etree.Element]) -> None:
        super().__init__(md)
        self.ials = ials
        self.dropped = dropped  # markers taken out, for the line-anchor bookkeeping

    def run(self, root: etree.Element) -> None:
        if not self.ials.items:
            return
        for parent in list(root.iter()):
            if any(self._marker(child) for child in parent):
                self._parent(parent)

    @staticmethod
    def _marker(el: etree.Element) -> re.Match[str] | None:
        if el.tag != "p" or len(el):
            return None
        return _MARKER_TEXT.fullmatch((el.text or "").strip())

    def _parent(self, parent: etree.Element) -> None:
        pending: list[tuple[str, str]] = []
        previous: etree.Element | None = None
        for child in list(parent):
            m = self._marker(child)
            if m is None:
                if pending:
                    self._apply(child, pending)
                    pending = []
                previous = child
                continue
            attrs = self.ials.attributes(self.ials.items[int(m.group(1))])
            if m.group(2) == "p" and previous is not None:
                self._apply(previous, attrs)
            else:
                pending += attrs
            if child.tail and child.tail.strip() and previous is not None:
                previous.tail = (previous.tail or "") + child.tail
            parent.remove(child)
            self.dropped.append(child)

    def _apply(self, el: etree.Element, attrs: list[tuple[str, str]]) -> None:
        if el.tag == "p" and len(el) == 0:
            stashed = HTML_PLACEHOLDER_RE.fullmatch((el.text or "").strip())
            if stashed:
                blocks = self.md.htmlStash.rawHtmlBlocks
                index = int(stashed.group(1))
                raw = blocks[index] if index < len(blocks) else None
                if isinstance(raw, str):
                    blocks[index] = apply_to_html(raw, attrs)
                return
        if el.tag == "pre":  # indented code: kramdown.py wraps it in Rouge's divs later
            classes = " ".join(v for k, v in attrs if k == "class")
            if classes:
                el.set(PRE_CLASSES, classes)
        elif el.tag in _HOLDERS:
            apply(el, attrs)
