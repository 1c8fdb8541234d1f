"""kramdown's markup where Python-Markdown's differs: GFM header ids, Rouge-shaped code
blocks, task lists, kramdown's footnote markup and the `{:toc}` list; and the per-document
state the converter's steps share."""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections import defaultdict

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from editor.core.markup.blocks import TOC_MARKER
from editor.core.markup.ial import PRE_CLASSES, Ials

_ASCII_ID = re.compile(r"[a-z0-9_\- \t]*")
_WORD_CATEGORIES = ("L", "M", "Nd", "Nl", "Pc")  # Ruby's \p{Word}, as kramdown's ids keep
_TASK = re.compile(r"^\[([ xX])\][ \t]+")
# on a heading whose id the post sets ({#id}) in a section (render/sections.py): kramdown
# never numbers those, so neither does joining the sections; removed on joining
OWN_ID = "data-byline-own-id"


class DocumentState:
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


def plain_text(el: etree.Element, md: markdown.Markdown) -> str:
    """The element's text as kramdown sees it for ids: stashed bits resolved, entities read,
    footnote markers left out."""
    text = "".join(_text_without_notes(el))

    def resolve(m: re.Match[str]) -> str:
        try:
            raw = md.htmlStash.rawHtmlBlocks[int(m.group(1))]
        except (IndexError, ValueError):
            return ""
        return re.sub(r"<[^>]+>", "", raw) if isinstance(raw, str) else ""

    text = HTML_PLACEHOLDER_RE.sub(resolve, text)
    text = re.sub(r"\x02\d+\x03", lambda m: chr(int(m.group(0)[1:-1])), text)  # escapes
    return html.unescape(text)


def _text_without_notes(el: etree.Element) -> list[str]:
    out = [el.text or ""]
    for child in el:
        if not (child.tag == "sup" and child.get("id", "").startswith("fnref")):
            out += _text_without_notes(child)
        out.append(child.tail or "")
    return out


class Kramdownify(Treeprocessor):
    """kramdown's markup where Python-Markdown's differs; runs after inline and attr_list."""

    def __init__(self, md: markdown.Markdown, state: DocumentState) -> None:
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
        text = _id_characters(plain_text(el, self.md).lower())
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


def _id_characters(text: str) -> str:
    """The characters kramdown keeps of a lower-cased heading for its id: Ruby's word
    characters (letters, combining marks such as the dot Ruby's lower case of `İ` keeps,
    digits, connectors), `-`, space and tab."""
    if _ASCII_ID.fullmatch(text):
        return text
    return "".join(
        c
        for c in text
        if c in "- \t" or c == "_" or unicodedata.category(c).startswith(_WORD_CATEGORIES)
    )
