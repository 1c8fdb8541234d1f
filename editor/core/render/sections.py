"""Render a long post section by section, so a keystroke re-renders only its own section.

A post is cut before each top-level ATX heading that follows a blank line (outside fenced
code and raw HTML blocks): a heading there ends any paragraph, list or quote, so each
section renders exactly as it would inside the whole text. Reference link and abbreviation
definitions apply to the whole post: every section is rendered with all of them appended
(they print nothing), and so is every footnote definition: footnotes.py then numbers
them across the post, and toc.py writes a `{:toc}` again from every section's headings.
Posts whose footnotes are written in ways footnotes.py does not take are rendered whole.
Each section's HTML is cached by its text; header ids are de-duplicated across sections
the way kramdown's counter does, and line anchors are shifted to the section's place.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable

from editor.core.markup.ial import BLOCK_IAL
from editor.core.markup.kramdownify import OWN_ID

_DEFINITION = re.compile(r"^ {0,3}(?:\[(?!\^)[^\]\n]+\]|\*\[[^\]\n]+\]):.*$", re.M)
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HTML_OPEN = re.compile(r"^ {0,3}<([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>")
_HTML_CLOSE = re.compile(r"</([a-zA-Z][a-zA-Z0-9-]*)\s*>")
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source"}
_ANCHOR = re.compile(r'<a name="line-(\d+)"></a>')
_HEADER_ID = re.compile(r'(<h[1-6] id=")([^"]*)(")')
CACHE_SIZE = 4000
# OWN_ID marks a heading whose id the post sets ({#id}): kramdown never numbers those, so
# neither does join_sections (the mark goes first, so _HEADER_ID passes it by)


def split_sections(text: str) -> list[tuple[int, str]] | None:
    """(index of the first line, text) for each section; None when the text must be
    rendered whole."""
    lines = text.split("\n")
    starts = [0]
    fence = ""
    open_tag = ""
    depth = 0
    prev_blank = True
    after_ial = False
    for i, line in enumerate(lines):
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            prev_blank = False
            continue
        m = _FENCE.match(line)
        if m:
            fence = m.group(1)
            prev_blank = False
            continue
        if depth:
            depth += _html_balance(line, open_tag)
            depth = max(depth, 0)
        else:
            opened = _HTML_OPEN.match(line)
            if opened and opened.group(1).lower() not in _VOID and not opened.group(2):
                open_tag = opened.group(1).lower()
                depth = max(0, _html_balance(line, open_tag))
        if i and prev_blank and not depth and _HEADING.match(line) and not after_ial:
            starts.append(i)
        prev_blank = not line.strip()
        if line.strip():  # `{: .x}`, a blank line, then the heading: it belongs to the heading
            after_ial = bool(BLOCK_IAL.match(line))
    if len(starts) == 1:
        return None
    bounds = [*starts, len(lines)]
    return [(bounds[k], "\n".join(lines[bounds[k] : bounds[k + 1]])) for k in range(len(starts))]


def definitions(text: str) -> str:
    """The text's reference link and abbreviation definitions, one per line."""
    return "\n".join(m.group(0) for m in _DEFINITION.finditer(text))


def _html_balance(line: str, tag: str) -> int:
    opens = len(re.findall(rf"<{tag}\b[^>]*?(?<!/)>", line, re.I))
    closes = sum(1 for m in _HTML_CLOSE.finditer(line) if m.group(1).lower() == tag)
    return opens - closes


class SectionCache:
    """The last rendered sections, by text (least recently used dropped first)."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, bool], str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, bool], make: Callable[[], str]) -> str:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        value = make()  # outside the lock: two threads may render the same section once
        with self._lock:
            self._items[key] = value
            if len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


def _shift_anchors(html: str, by: int) -> str:
    return _ANCHOR.sub(lambda m: f'<a name="line-{int(m.group(1)) + by}"></a>', html)


def join_sections(parts: list[tuple[int, str]], separator: str) -> str:
    """The sections' HTML as one: anchors moved to their lines, header ids made unique."""
    out: list[str] = []
    for first_line, html in parts:
        out.append(_shift_anchors(html, first_line) if first_line else html)
    joined = separator.join(out)
    counter: dict[str, int] = defaultdict(lambda: -1)

    def unique(m: re.Match[str]) -> str:
        base = m.group(2)
        counter[base] += 1
        n = counter[base]
        return m.group(0) if n == 0 else f"{m.group(1)}{base}-{n}{m.group(3)}"

    return without_marks(_HEADER_ID.sub(unique, joined))


def without_marks(html: str) -> str:
    """The HTML without the section-joining marks."""
    return html.replace(f' {OWN_ID}=""', "") if OWN_ID in html else html
