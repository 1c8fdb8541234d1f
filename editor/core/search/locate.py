"""Where a search's words are in a post's text, so that the window can select the match.

FTS5 folds case and accents (`creme` finds `crème`): the text is folded the same way,
one character for one, so that a position in the folded text is one in the original.
"""

from __future__ import annotations

import re
import unicodedata

from editor.core.search.query import Query, Term


def _fold(text: str) -> str:
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch.lower())
            continue
        base = unicodedata.normalize("NFKD", ch)
        base = "".join(c for c in base if not unicodedata.combining(c)).lower()
        out.append(base if len(base) == 1 else ch.lower() if len(ch.lower()) == 1 else ch)
    return "".join(out)


def _pattern(term: Term) -> str:
    words = re.findall(r"\w+", _fold(term.text))
    if not words:
        return ""
    body = r"\W+".join(re.escape(w) for w in words)
    return rf"\b{body}" + (r"\w*" if term.kind == "prefix" else r"\b")


def first_match(text: str, query: Query) -> tuple[int, int] | None:
    """(start, end) of the first place in `text` where one of the query's terms is found."""
    patterns = [p for p in map(_pattern, query.terms) if p]
    if not patterns:
        return None
    match = re.search("|".join(f"(?:{p})" for p in patterns), _fold(text))
    return (match.start(), match.end()) if match else None
