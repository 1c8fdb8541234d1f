"""Footnotes across sections: every section sees every definition; numbers made global.

Rendered section by section (sections.py) with the definitions of the notes it uses
appended, each section numbers its references from 1 and lists its notes at its end.
`merge` renumbers the references in document order, drops the per-section lists and
appends one list, as rendering the whole text would. Only plainly written footnotes take
this path: a definition at the start of a line after a blank one, continued by indented
lines, with a simple name and no footnote inside it. Anything else is rendered whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_DEF_START = re.compile(r"\[\^([A-Za-z0-9_-]+)\]:(?:[ \t]|$)")
_NAME = re.compile(r"[A-Za-z0-9_-]+")
_USE = re.compile(r"\[\^([A-Za-z0-9_-]+)\](?!:)")
_ANY_DEF = re.compile(r"\[\^[^\]\n]*\]:")  # what Python-Markdown might read as one
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_REF = re.compile(
    r'<sup id="fnref(\d*):([A-Za-z0-9_-]+)" role="doc-noteref">'
    r'<a class="footnote" href="#fn:\2" rel="footnote">\d+</a></sup>'
)
_LIST = re.compile(
    r'\n*(?:<!--byline-chunk-->\n)?<div class="footnotes" role="doc-endnotes">\n<ol>\n'
    r"(.*)</ol>\n</div>\s*\Z",
    re.S,
)
_LIST_OPEN = '<div class="footnotes" role="doc-endnotes">'
_ITEM = re.compile(r'<li id="fn:([^"]*)" role="doc-endnote">')  # a note's list item starts
_BACKLINKS = re.compile(
    r'(?:<a class="reversefootnote" href="#fnref\d*:[A-Za-z0-9_-]+" '
    r'role="doc-backlink">&#8617;</a>)+'
)


def definitions(text: str) -> dict[str, str] | None:
    """Each footnote's definition by name, in definition order; None when the footnotes
    are not written plainly enough to split."""
    lines = text.split("\n")
    names: list[str] = []
    blocks: list[str] = []
    fence = ""
    i = after_definition = 0
    while i < len(lines):
        line = lines[i]
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            i += 1
            continue
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1)
            i += 1
            continue
        start = _DEF_START.match(line)
        if start is None:
            if _ANY_DEF.search(line):
                return None  # indented, inside a quote or list, oddly named: whole
            i += 1
            continue
        if i and lines[i - 1].strip() and i != after_definition:
            return None  # glued to the paragraph above
        end = _definition_end(lines, i)
        if end is None:
            return None
        block = lines[i:end]
        if "[^" in "\n".join(block)[start.end() :]:
            return None  # a footnote inside a footnote
        names.append(start.group(1))
        blocks.append("\n".join(block).rstrip("\n"))
        i = after_definition = end
    if len(set(names)) != len(names):
        return None
    return dict(zip(names, blocks, strict=True))


def used_in(chunk: str, notes: dict[str, str]) -> str:
    """The definitions of the notes `chunk` refers to, to append to it."""
    wanted = dict.fromkeys(m.group(1) for m in _USE.finditer(chunk))
    return "\n\n".join(notes[name] for name in wanted if name in notes)


def _definition_end(lines: list[str], start: int) -> int | None:
    """The line after a definition: its continuation lines are indented by four spaces."""
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            following = next((ln for ln in lines[i + 1 :] if ln.strip()), None)
            if following is None or not following.startswith("    "):
                return i
        elif _DEF_START.match(line):
            return i  # the next definition
        elif not line.startswith("    "):
            return None  # a lazy continuation line: whole
        i += 1
    return i


def _items(listed: str) -> dict[str, str] | None:
    """Each note's list item by name (a note may hold lists of its own: items are cut
    where the next note's begins); None for a name this module does not handle."""
    starts = list(_ITEM.finditer(listed))
    ends = [m.start() for m in starts[1:]] + [len(listed)]
    items = {m.group(1): listed[m.start() : end] for m, end in zip(starts, ends, strict=True)}
    if any(not _NAME.fullmatch(name) for name in items):
        return None
    return items


def _ref_id(name: str, nth: int) -> str:
    """kramdown's id for the nth reference to a note: fnref:x, fnref:x:1, fnref:x:2..."""
    return f"fnref:{name}" if nth == 1 else f"fnref:{name}:{nth - 1}"


def merge(
    parts: list[tuple[int, str]], names: Iterable[str] | None, last_line: int
) -> list[tuple[int, str]] | None:
    """The parts with footnotes numbered in document order, and one list after them (as
    its own part, at `last_line`); references and back-links written as kramdown writes
    them (Python-Markdown numbers the notes in lists and tables last, and writes
    `fnref2:x` where kramdown writes `fnref:x:1` and a back-link `↩<sup>2</sup>`).

    A part that uses or defines notes ends with its list of them (a whole text is one
    part). Unreferenced notes come last, in the order of `names` (None: as the first
    list has them).
    None when a part's HTML is not what this expects.
    """
    numbers: dict[str, int] = {}
    seen: dict[str, int] = {}
    items: dict[str, str] = {}
    out: list[tuple[int, str]] = []

    def renumber(m: re.Match[str]) -> str:
        name = m.group(2)
        if name not in numbers:
            numbers[name] = len(numbers) + 1
        seen[name] = seen.get(name, 0) + 1
        return (
            f'<sup id="{_ref_id(name, seen[name])}" role="doc-noteref"><a class="footnote" '
            f'href="#fn:{name}" rel="footnote">{numbers[name]}</a></sup>'
        )

    for first, html in parts:
        # the list's own start first: a regex search of every part costs ~1 ms a part
        at = html.find(_LIST_OPEN)
        found = _LIST.search(html, max(0, at - 64)) if at >= 0 else None
        if found is None:  # no note here
            out.append((first, html))
            continue
        here = _items(found.group(1))
        if here is None:
            return None
        for name, item in here.items():
            items.setdefault(name, item)
        if names is None:
            names = list(here)
        out.append((first, _REF.sub(renumber, html[: found.start()])))
    order = list(numbers) + [n for n in names or () if n not in numbers]
    if set(order) != set(items):
        return None
    listed: list[str] = []
    for name in order:
        count = seen.get(name, 1)  # an unreferenced note keeps one link, as Python-Markdown
        links = " ".join(
            f'<a class="reversefootnote" href="#{_ref_id(name, k)}" role="doc-backlink">'
            f"&#8617;{'' if k == 1 else f'<sup>{k}</sup>'}</a>"
            for k in range(1, count + 1)
        )
        start = _BACKLINKS.search(items[name])
        if start is None:
            return None
        listed.append(items[name][: start.start()] + links + items[name][start.end() :])
    footnotes = (
        '<div class="footnotes" role="doc-endnotes">\n<ol>\n' + "".join(listed) + "</ol>\n</div>"
    )
    out.append((last_line, footnotes))
    return out
