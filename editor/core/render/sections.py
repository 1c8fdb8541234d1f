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
import zlib
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


# A section longer than LONG is cut again into parts at paragraph starts (see split_parts)
LONG = 32 * 1024
# on average one paragraph start in CUT_ONE_IN is a cut, chosen by its text (so an edit moves
# no cut but its own); a part grows past MAX_PART only up to the next paragraph start
CUT_ONE_IN = 8
MAX_PART = 64 * 1024
# a line that can only start an ordinary paragraph: no indent, list item, quote, table,
# definition, term's definition, HTML, IAL, math, Liquid, heading, rule or end-of-block mark
_PARAGRAPH_START = re.compile(
    r"(?![-*+](?:[ \t]|$)|\d+[.)](?:[ \t]|$)|\*\[|[-=_*]{3})[^\s:>|\[<{$#^~`%]"
)
_COMMENT_OPEN = "<!--"
_PRINTS = re.compile(r"[^\s\[{*]|\*[^\[]")  # not indented, a definition or an IAL
_DEFINITION_LINE = re.compile(r" {0,3}:")  # `: a definition` of the term above it
# {::comment} ... {:/comment}, {::nomarkdown type="html"} ... {:/}, not {::comment /}
_EXTENSION_OPEN = re.compile(r"\{::(?!options)[a-z]+\b(?:\\\}|[^}])*?(?<!/)\}")


def split_parts(text: str) -> list[tuple[int, str]] | None:
    """`split_sections`, with every section longer than LONG cut again into parts at the
    starts of ordinary paragraphs after a blank line, outside fences, HTML, comments and
    math: there nothing before the cut reaches after it (lists, quotes, tables, code,
    definitions all end at such a line), so each part renders as it would in the whole
    text. Python-Markdown's inline and tree passes grow faster than the text (a 4 MB body
    took 3.5 s/MB whole); parts keep rendering linear, and a keystroke re-renders its own
    part only. None when the text must be rendered whole."""
    if "{::options" in text:  # changes how all the text after it reads, to the end
        return None
    sections = split_sections(text)
    if sections is None:
        if len(text) <= LONG:
            return None
        sections = [(0, text)]
    parts: list[tuple[int, str]] = []
    for first, chunk in sections:
        if len(chunk) <= LONG:
            parts.append((first, chunk))
            continue
        lines = chunk.split("\n")
        cuts = _cuts(lines)
        bounds = [0, *cuts, len(lines)]
        parts += [
            (first + bounds[k], "\n".join(lines[bounds[k] : bounds[k + 1]]))
            for k in range(len(bounds) - 1)
        ]
    return parts if len(parts) > 1 else None


def _cuts(lines: list[str]) -> list[int]:
    """Indices of the lines to cut before (see split_parts)."""
    cuts: list[int] = []
    fence = ""
    open_tag = ""
    depth = 0
    comment = math = extension = after_ial = after_html = False
    prev_blank = True
    size = 0  # characters since the last cut
    for i, line in enumerate(lines):
        size += len(line) + 1
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            prev_blank = False
            continue
        if comment:
            comment = "-->" not in line
            prev_blank = False
            continue
        if extension:
            extension = "{:/" not in line
            prev_blank = False
            continue
        m = _FENCE.match(line)
        if m:
            fence = m.group(1)
            prev_blank = False
            continue
        if (
            i
            and prev_blank
            and not depth
            and not math
            and not after_ial
            and not after_html
            and _PARAGRAPH_START.match(line)
            and (size > MAX_PART or zlib.crc32(line.encode()) % CUT_ONE_IN == 0)
            and not _term(lines, i)
        ):
            cuts.append(i)
            size = len(line) + 1
        if depth:
            depth = max(0, depth + _html_balance(line, open_tag))
        else:
            opened = _HTML_OPEN.match(line)
            if opened and opened.group(1).lower() not in _VOID and not opened.group(2):
                open_tag = opened.group(1).lower()
                depth = max(0, _html_balance(line, open_tag))
        start = line.rfind(_COMMENT_OPEN)
        comment = start >= 0 and "-->" not in line[start:]
        if line.count("$$") % 2:
            math = not math
        ext = _EXTENSION_OPEN.search(line)
        extension = ext is not None and "{:/" not in line[ext.end() :]
        if stripped:  # raw HTML leaves a blank line after its block: no cut after one,
            # nor after definitions, IALs or indented lines that follow it (print nothing)
            html = bool(depth) or stripped[0] in "<$" or stripped.startswith("{::")
            after_html = html or (after_html and (not prev_blank or not _PRINTS.match(line)))
        prev_blank = not stripped
        if stripped:
            after_ial = bool(BLOCK_IAL.match(line))
    return cuts


def _term(lines: list[str], i: int) -> bool:
    """Whether the paragraph at line i is the term of a definition (`: ...` in it or in the
    block after it), which would carry on a definition list above it."""
    j = i
    while j < len(lines) and lines[j].strip():
        if _DEFINITION_LINE.match(lines[j]):
            return True
        j += 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j < len(lines) and bool(_DEFINITION_LINE.match(lines[j]))


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
