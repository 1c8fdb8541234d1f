"""The search box's language: words, "phrases", prefix*, -exclusions, OR, and filters.

A query is parsed once into an FTS5 MATCH expression (every word quoted, so nothing the
author types can be FTS5 syntax) and filters on the post's front matter. Anything that
cannot mean one thing is a QueryError saying what to type instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from editor.core.errors import BylineError

FILTERS = {
    "tag": "tag",
    "tags": "tag",
    "category": "category",
    "categories": "category",
    "author": "author",
    "draft": "draft",
    "year": "year",
}
_YES = {"yes", "true", "y", "1", "on"}
_NO = {"no", "false", "n", "0", "off"}
_WORDLIKE = re.compile(r"\w")
_YEAR = re.compile(r"^(\d{4})(?:\.\.(\d{4}))?$")
_FILTER = re.compile(r"^([A-Za-z]+):(.*)$", re.S)


class QueryError(BylineError):
    """A search that cannot be understood; the message says what to type instead."""


@dataclass(frozen=True)
class Term:
    """One thing to find: a word, a word's start (`prefix`) or a phrase of words."""

    text: str
    kind: str = "word"  # "word", "prefix" or "phrase"

    def fts(self) -> str:
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + " *" if self.kind == "prefix" else quoted


@dataclass
class Query:
    """A parsed query: `match` for FTS5 (None: filters only) and the filters."""

    text: str
    match: str | None = None
    terms: list[Term] = field(default_factory=list)  # what to highlight (not the excluded)
    excluded: list[Term] = field(default_factory=list)  # -word: posts with it are left out
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    draft: bool | None = None
    years: tuple[int, int] | None = None

    @property
    def has_filters(self) -> bool:
        return bool(
            self.tags or self.categories or self.authors
            or self.draft is not None or self.years is not None
        )  # fmt: skip

    @property
    def empty(self) -> bool:
        return self.match is None and not self.has_filters


@dataclass
class _Token:
    text: str
    column: int  # 1-based, for messages
    quoted: bool = False  # a "phrase"
    filter_name: str | None = None


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        start = i
        if ch == '"':
            end = text.find('"', i + 1)
            if end == -1:
                raise QueryError(
                    f'the quote at column {start + 1} is never closed: add a " after the phrase',
                    column=start + 1,
                )
            tokens.append(_Token(text[i + 1 : end], start + 1, quoted=True))
            i = end + 1
            continue
        while i < n and not text[i].isspace():
            if text[i] == '"':
                # `author:"Mira Chen"` or `-"a phrase"`: the quote belongs to this token
                end = text.find('"', i + 1)
                if end == -1:
                    raise QueryError(
                        f'the quote at column {i + 1} is never closed: add a " after the phrase',
                        column=i + 1,
                    )
                i = end + 1
                continue
            i += 1
        tokens.append(_Token(text[start:i], start + 1))
    return tokens


def _unquote(value: str) -> tuple[str, bool]:
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        return value[1:-1], True
    return value, False


def _term(token: _Token) -> Term | None:
    """The Term of a token; None for one with nothing searchable in it (`&`, `--`)."""
    text = token.text
    if token.quoted:
        words = text.strip()
        if not words:
            raise QueryError(
                f"the quotes at column {token.column} hold no words", column=token.column
            )
        return Term(words, "phrase") if _WORDLIKE.search(words) else None
    inner, quoted = _unquote(text)
    if quoted:
        return Term(inner.strip(), "phrase") if _WORDLIKE.search(inner) else None
    if "*" in text:
        stem = text[:-1] if text.endswith("*") else None
        if stem is None or "*" in stem:
            raise QueryError(
                f"`{text}` at column {token.column}: a * can only end a word, as in summ*",
                column=token.column,
            )
        if not _WORDLIKE.search(stem):
            raise QueryError(
                f"`{text}` at column {token.column}: a * needs letters before it, as in summ*",
                column=token.column,
            )
        return Term(stem, "prefix")
    return Term(text, "word") if _WORDLIKE.search(text) else None


def _filter(query: Query, name: str, raw: str, column: int) -> None:
    kind = FILTERS.get(name.lower())
    if kind is None:
        names = ", ".join(f"{n}:" for n in ("tag", "category", "author", "draft", "year"))
        raise QueryError(
            f"`{name}:` at column {column} is not a filter; the filters are {names} "
            f'(put text with a colon in quotes: "{name}:{raw}")',
            column=column,
        )
    value, _ = _unquote(raw)
    value = value.strip()
    if not value:
        raise QueryError(
            f"`{name}:` at column {column} needs a value, as in {name}:"
            + {"draft": "yes", "year": "2024"}.get(kind, "travel"),
            column=column,
        )
    if kind == "tag":
        query.tags.append(value)
    elif kind == "category":
        query.categories.append(value)
    elif kind == "author":
        query.authors.append(value)
    elif kind == "draft":
        if value.lower() not in _YES | _NO:
            raise QueryError(
                f"draft:{value} at column {column}: say draft:yes or draft:no", column=column
            )
        query.draft = value.lower() in _YES
    else:
        match = _YEAR.match(value)
        if match is None:
            raise QueryError(
                f"year:{value} at column {column}: give a year (year:2024) or a range "
                "(year:2020..2024)",
                column=column,
            )
        first, last = int(match[1]), int(match[2] or match[1])
        query.years = (min(first, last), max(first, last))


def parse_query(text: str) -> Query:
    """Parse what the author typed; a QueryError (with a column) when it cannot be read."""
    query = Query(text)
    groups: list[list[Term]] = []  # AND of ORs
    excluded: list[Term] = []
    pending_or = False
    last_op: _Token | None = None
    for token in _tokens(text):
        if not token.quoted and token.text in ("AND", "OR"):
            if last_op is not None or not groups:
                where = f"at column {token.column}"
                raise QueryError(
                    f"{token.text} {where} needs a word on each side, as in alaska "
                    f"{token.text} europe",
                    column=token.column,
                )
            last_op = token
            pending_or = token.text == "OR"
            continue
        negate = False
        body = token
        if not token.quoted and token.text.startswith("-") and len(token.text) > 1:
            negate = True
            body = _Token(token.text[1:], token.column + 1)
        if not body.quoted:
            match = _FILTER.match(body.text)
            # `Latest:` alone is a word with a colon; `name:value` is a filter (or a mistake)
            if match and (match[1].lower() in FILTERS or match[2].strip()):
                if negate:
                    raise QueryError(
                        f"{token.text} at column {token.column}: filters cannot be excluded",
                        column=token.column,
                    )
                if last_op is not None:
                    raise QueryError(
                        f"{last_op.text} at column {last_op.column} must join two words, "
                        "not a filter",
                        column=last_op.column,
                    )
                _filter(query, match[1], match[2], body.column)
                continue
        term = _term(body)
        if term is None:
            if last_op is not None:
                raise QueryError(
                    f"{last_op.text} at column {last_op.column} needs a word after it",
                    column=last_op.column,
                )
            continue  # punctuation alone: nothing to find
        if negate:
            if last_op is not None:
                raise QueryError(
                    f"{last_op.text} at column {last_op.column} cannot join an excluded word",
                    column=last_op.column,
                )
            excluded.append(term)
            continue
        if pending_or and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        query.terms.append(term)
        pending_or = False
        last_op = None
    if last_op is not None:
        raise QueryError(
            f"{last_op.text} at column {last_op.column} needs a word after it",
            column=last_op.column,
        )
    query.excluded = excluded
    if excluded and not groups:
        raise QueryError(
            "a search cannot only exclude words: add a word to find (or a filter such as tag:)"
        )
    if not groups:
        if not query.has_filters and text.strip():
            raise QueryError("nothing to search for: type a word")
        return query
    parts = []
    for group in groups:
        inner = " OR ".join(t.fts() for t in group)
        parts.append(f"({inner})" if len(group) > 1 else inner)
    match_text = " AND ".join(parts)
    if excluded:
        match_text = f"({match_text}) NOT (" + " OR ".join(t.fts() for t in excluded) + ")"
    query.match = match_text
    return query
