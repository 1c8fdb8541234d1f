"""A `{:toc}` across sections: the table of contents rebuilt from every section's headings.

Rendered section by section (sections.py), the section holding `{:toc}` lists only its
own headings. `rebuild` writes the list again from the headings of all sections, with
the ids they get once the sections are joined (sections.join_sections), as rendering the
whole text would.
"""

from __future__ import annotations

import re
from collections import defaultdict

TOC_START = '<ul id="markdown-toc">'
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r'(?<![\w-])id="([^"]*)"')
_CLASS = re.compile(r'\bclass="([^"]*)"')
_ANCHOR = re.compile(r'<a name="line-\d+"></a>')
_LIST_TAG = re.compile(r"<(/?)ul\b[^>]*>")


def rebuild(parts: list[tuple[int, str]], anchor: str) -> list[tuple[int, str]] | None:
    """The parts with the table of contents listing every section's headings, `anchor`
    (its line's, or "") opening its first item; None when the parts are not what this
    expects (the caller then renders the whole text)."""
    holders = [i for i, (_, html) in enumerate(parts) if TOC_START in html]
    if len(holders) != 1:
        return None
    headings = _headings(parts)
    if not headings:
        return None
    first, html = parts[holders[0]]
    start = html.index(TOC_START)
    end = _list_end(html, start)
    if end is None:
        return None
    toc = _toc(headings, anchor)
    out = list(parts)
    out[holders[0]] = (first, html[:start] + toc + html[end:])
    return out


def _headings(parts: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(level, id once joined, inner HTML) of every heading the contents list."""
    counter: dict[str, int] = defaultdict(lambda: -1)
    found = []
    for _, html in parts:
        for m in _HEADING.finditer(html):
            level, attrs, inner = int(m.group(1)), m.group(2), m.group(3)
            ident = _ID.search(attrs)
            if ident is None:
                continue
            unique = ident.group(1)
            if attrs.startswith(' id="'):  # the headings join_sections numbers, as it does
                counter[unique] += 1
                if counter[unique]:
                    unique = f"{unique}-{counter[unique]}"
            classes = _CLASS.search(attrs)
            if classes and "no_toc" in classes.group(1).split():
                continue
            found.append((level, unique, _ANCHOR.sub("", inner)))
    return found


def _list_end(html: str, start: int) -> int | None:
    """Where the list that opens at `start` closes (after its `</ul>`)."""
    depth = 0
    for m in _LIST_TAG.finditer(html, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return None


def _toc(headings: list[tuple[int, str, str]], anchor: str) -> str:
    """The nested list, built as kramdown.py's `_toc_list` builds it and written as the
    whole render writes it; `anchor` goes at the start of the first item."""
    top: dict[str, list[dict[str, object]]] = {"items": []}
    stack: list[tuple[int, dict[str, list[dict[str, object]]]]] = [(0, top)]
    for level, ident, inner in headings:
        while len(stack) > 1 and stack[-1][0] >= level:
            stack.pop()
        item: dict[str, object] = {"ident": ident, "inner": inner, "items": []}
        stack[-1][1]["items"].append(item)
        stack.append((level, item))  # type: ignore[arg-type]
    written = _items(top["items"])
    if anchor:
        written = written.replace("<li>", f"<li>{anchor}", 1)
    return f"{TOC_START}{written}</ul>"


def _items(items: list[dict[str, object]]) -> str:
    out = []
    for item in items:
        ident, inner = item["ident"], item["inner"]
        sub = item["items"]
        nested = f"<ul>{_items(sub)}</ul>" if sub else ""  # type: ignore[arg-type]
        out.append(f'<li><a href="#{ident}" id="markdown-toc-{ident}">{inner}</a>{nested}</li>')
    return "".join(out)
