"""Bodies Python-Markdown would take minutes over, made linear before rendering.

Python-Markdown scans to the end of a paragraph for every `[` without its `]` (and every
`](` without its `)`), and to the next `>` of the document for every `<tag` left open:
10,000 `[` took 12 s, 20,000 `<a ` a minute. Such text renders as nothing else anyway:
an open `<` is shown as `&lt;` (what kramdown prints for it), and a block whose inline
markup would still cost too much is shown as an escaped plain paragraph. Ordinary posts
pass through unchanged; the number of lines never changes (line anchors stay right).
"""

from __future__ import annotations

import bisect
import re

# Work (characters scanned) one block may cost before it is shown as plain text: about
# a second for unmatched brackets, which Python-Markdown scans character by character.
MAX_UNMATCHED_WORK = 2_000_000
# Inline markers times the paragraph's length: each match rebuilds the paragraph's text.
MAX_MARKER_WORK = 300_000_000
# Characters the HTML parser may scan for the ends of tags left open, in all.
MAX_OPEN_TAG_WORK = 2_000_000

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_MARKERS = re.compile(r"[\[<`*_&]")
_BRACKETS = re.compile(r"[\[\]]")


def bound_work(text: str) -> str:
    """`text` with the constructs that would make rendering super-linear defused."""
    if "<" in text:
        text = _close_open_tags(text)
    lines = text.split("\n")
    block: list[int] = []  # indices of the current block's lines
    fence = ""
    changed = False
    for index, line in enumerate([*lines, ""]):
        m = _FENCE.match(line) if index < len(lines) else None
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = ""
            continue
        if m:
            changed |= _check_block(lines, block)
            block = []
            fence = m.group(1)
            continue
        if line.strip():
            block.append(index)
        else:
            changed |= _check_block(lines, block)
            block = []
    return "\n".join(lines) if changed else text


def _check_block(lines: list[str], block: list[int]) -> bool:
    """Replace the block's lines with an escaped paragraph when it costs too much."""
    if not block:
        return False
    text = "\n".join(lines[i] for i in block)
    size = len(text)
    if size < 64:
        return False
    unmatched = _unmatched_brackets(text) + max(0, text.count("](") - text.count(")"))
    markers = len(_MARKERS.findall(text))
    if unmatched * size <= MAX_UNMATCHED_WORK and markers * size <= MAX_MARKER_WORK:
        return False
    first, last = block[0], block[-1]
    for i in block:  # entities stay entities, as in Markdown; tags are shown, not read
        lines[i] = lines[i].replace("<", "&lt;").replace(">", "&gt;")
    lines[first] = '<p class="byline-plain">' + lines[first]
    lines[last] += "</p>"
    return True


def _unmatched_brackets(text: str) -> int:
    """`[` never closed by a `]`: each one is a scan to the end of the paragraph."""
    depth = 0
    for m in _BRACKETS.finditer(text):
        if m.group() == "[":
            depth += 1
        elif depth:
            depth -= 1
    return depth


def _close_open_tags(text: str) -> str:
    """`<a <a <a ...` with no `>`: each `<` the HTML parser would scan far from becomes
    `&lt;` (kramdown prints it so) when the scans would add up to too much."""
    ends = [m.start() for m in re.finditer(">", text)]
    starts = [m.start() for m in _TAG_START.finditer(text)]
    work = 0
    open_tags: list[int] = []
    for position, start in enumerate(starts):
        following = starts[position + 1] if position + 1 < len(starts) else len(text)
        at = bisect.bisect_left(ends, start)
        end = ends[at] if at < len(ends) else len(text)
        if end > following:  # another tag starts before this one ends: left open
            open_tags.append(start)
            work += end - start
    if work <= MAX_OPEN_TAG_WORK:
        return text
    parts: list[str] = []
    previous = 0
    for start in open_tags:
        parts.append(text[previous:start])
        parts.append("&lt;")
        previous = start + 1
    parts.append(text[previous:])
    return "".join(parts)
