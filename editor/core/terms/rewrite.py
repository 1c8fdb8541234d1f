"""Renaming values inside one key's raw lines, touching nothing else of them.

A flow list keeps its brackets, spacing, the other items' quotes and a trailing comment; a
block list keeps its indent and the lines of the other items; a scalar keeps its quotes.
Only the item that changes is rewritten, in the quoting that item had. What comes out is
checked by the caller (Post.set_lines), which refuses any edit that reads back wrong.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from editor.core.errors import BylineError
from editor.core.post.yaml_io import QuoteStyle, load_yaml, quote_scalar

_KEY = re.compile(r"^(?P<head>[^:]*:)(?P<gap>[ \t]*)(?P<value>.*?)(?P<end>\r?\n|)$", re.S)
_ITEM_LINE = re.compile(r"^(?P<lead>[ \t]*-[ \t]+)(?P<rest>.*?)(?P<end>\r?\n|)$", re.S)


def renamed_values(values: list[Any], olds: Collection[str], new: str | None) -> list[Any]:
    """The list after renaming: each old value becomes `new` (or goes, when `new` is None);
    `new` is kept once, where it first appears."""
    out: list[Any] = []
    seen_new = False
    for value in values:
        text = value if isinstance(value, str) else str(value)
        is_old = text in olds
        if is_old or (new is not None and text == new):
            if new is None or seen_new:
                continue
            seen_new = True
            out.append(new if is_old else value)
            continue
        out.append(value)
    return out


@dataclass
class _Item:
    start: int  # span of the item's text in the line (quotes included)
    end: int
    text: str
    value: Any


def _load_item(text: str) -> Any:
    try:
        return load_yaml(f"[{text}]")[0]
    except (BylineError, IndexError, TypeError):
        raise BylineError(f"cannot read the list item {text!r}") from None


def _split_flow(inner: str, offset: int) -> list[_Item]:
    """The items of a one-line flow list's inside; plain scalars and quoted strings only."""
    items: list[_Item] = []
    i = 0
    n = len(inner)
    while i < n:
        while i < n and inner[i] in " \t":
            i += 1
        if i >= n:
            break
        start = i
        if inner[i] in "\"'":
            quote = inner[i]
            i += 1
            while i < n:
                if quote == '"' and inner[i] == "\\":
                    i += 2
                    continue
                if inner[i] == quote:
                    if quote == "'" and i + 1 < n and inner[i + 1] == "'":
                        i += 2
                        continue
                    break
                i += 1
            i += 1
        elif inner[i] in "[]{}":
            raise BylineError("a nested list or mapping in the list")
        else:
            while i < n and inner[i] != ",":
                if inner[i] in "[]{}":
                    raise BylineError("a nested list or mapping in the list")
                i += 1
        text = inner[start:i].rstrip(" \t")
        items.append(_Item(offset + start, offset + start + len(text), text, _load_item(text)))
        while i < n and inner[i] in " \t":
            i += 1
        if i < n:
            if inner[i] != ",":
                raise BylineError("an unexpected character in the list")
            i += 1
    return items


def _quote_of(text: str) -> QuoteStyle:
    return "double" if text.startswith('"') else "single" if text.startswith("'") else "plain"


def _write(value: str, like: str, fallback: QuoteStyle, *, flow: bool) -> str:
    """`value` quoted as the item it replaces was (plain when it was plain and may be)."""
    style = _quote_of(like)
    if style == "plain":
        text = quote_scalar(value, "plain", flow=flow)
        return text if text == value else quote_scalar(value, fallback, flow=flow)
    return quote_scalar(value, style, flow=flow)


def _edit_items(
    items: list[_Item], olds: Collection[str], new: str | None
) -> tuple[dict[int, str | None], list[Any]]:
    """What happens to each item: index -> new text (None: removed); and the new values."""
    changes: dict[int, str | None] = {}
    values = [item.value for item in items]
    kept = renamed_values(values, olds, new)
    seen_new = False
    for index, item in enumerate(items):
        text = item.value if isinstance(item.value, str) else str(item.value)
        is_old = text in olds
        if is_old or (new is not None and text == new):
            if new is None or seen_new:
                changes[index] = None
                continue
            seen_new = True
            if is_old:
                changes[index] = new
    return changes, kept


def rewrite_lines(
    lines: list[str],
    olds: Collection[str],
    new: str | None,
    item_quote: QuoteStyle = "double",
    *,
    words: bool = True,
) -> tuple[list[str], Any] | None:
    """(new raw lines, new value) of one key with `olds` renamed to `new` (None: removed);
    None when the lines' shape is not one this can edit in place (the caller then sets the
    whole value in the post's style)."""
    first = _KEY.match(lines[0])
    if first is None:
        return None
    value = first["value"]
    if value.startswith("[") and len(lines) == 1:
        return _rewrite_flow(lines[0], first, olds, new, item_quote)
    if not value or value.startswith("#"):
        return _rewrite_block(lines, olds, new, item_quote)
    if len(lines) == 1 and value[0] not in "[{|>&*!%@`":
        return _rewrite_scalar(lines[0], first, olds, new, words=words)
    return None


def _rewrite_flow(
    line: str, match: re.Match[str], olds: Collection[str], new: str | None, quote: QuoteStyle
) -> tuple[list[str], Any] | None:
    value = match["value"]
    close = _closing_bracket(value)
    if close is None:
        return None
    start = match.start("value")
    try:
        items = _split_flow(value[1:close], start + 1)
    except BylineError:
        return None
    changes, kept = _edit_items(items, olds, new)
    if not changes:
        return [line], kept
    # the kept items, each followed by the separator it had (the last by none): the other
    # items and their spacing stay as they were
    texts = []
    for index, item in enumerate(items):
        if index in changes and changes[index] is None:
            continue
        replacement = changes.get(index)
        text = (
            item.text if replacement is None else _write(replacement, item.text, quote, flow=True)
        )
        after = line[item.end : items[index + 1].start] if index + 1 < len(items) else ""
        texts.append((text, after))
    inside = "".join(
        text + (after if n < len(texts) - 1 else "") for n, (text, after) in enumerate(texts)
    )
    head, tail = line[: items[0].start], line[items[-1].end :]
    if not texts:
        head = head[: head.rindex("[") + 1]  # `[ a ]` -> `[]` rather than `[  ]`
        tail = tail[tail.index("]") :]
    return [head + inside + tail], kept


def _closing_bracket(value: str) -> int | None:
    """Where the flow list that `value` starts with ends (quotes skipped); None if it does
    not end on this line."""
    quote = ""
    i = 1
    while i < len(value):
        ch = value[i]
        if quote:
            if quote == '"' and ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "]":
            rest = value[i + 1 :].strip()
            return i if not rest or rest.startswith("#") else None
        i += 1
    return None


def _rewrite_block(
    lines: list[str], olds: Collection[str], new: str | None, quote: QuoteStyle
) -> tuple[list[str], Any] | None:
    items: list[_Item] = []
    where: list[int] = []
    for number, line in enumerate(lines[1:], start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _ITEM_LINE.match(line)
        if match is None:
            return None  # a nested list, a mapping or a continued scalar
        rest = match["rest"]
        text = _item_text(rest)
        if text is None:
            return None
        start = match.start("rest")
        try:
            value = _load_item(text)
        except BylineError:
            return None
        if isinstance(value, list | dict):
            return None
        items.append(_Item(start, start + len(text), text, value))
        where.append(number)
    if not items:
        return None
    changes, kept = _edit_items(items, olds, new)
    out = list(lines)
    for index in sorted(changes, reverse=True):
        number = where[index]
        item = items[index]
        replacement = changes[index]
        if replacement is None:
            del out[number]
        else:
            line = out[number]
            out[number] = (
                line[: item.start]
                + _write(replacement, item.text, quote, flow=False)
                + line[item.end :]
            )
    if not kept:
        return None  # an empty block list: the caller writes `key: []`
    return out, kept


def _item_text(rest: str) -> str | None:
    """The item's own text in what follows `- ` (a trailing comment left out)."""
    rest = rest.rstrip(" \t")
    if rest[:1] in "\"'":
        quote = rest[0]
        i = 1
        while i < len(rest):
            if quote == '"' and rest[i] == "\\":
                i += 2
                continue
            if rest[i] == quote:
                if quote == "'" and rest[i + 1 : i + 2] == "'":
                    i += 2
                    continue
                tail = rest[i + 1 :].strip()
                return rest[: i + 1] if not tail or tail.startswith("#") else None
            i += 1
        return None
    if rest[:1] in "[]{}&*!|>%@`-?:" or not rest:
        return None
    cut = rest.find(" #")
    return (rest[:cut] if cut != -1 else rest).rstrip(" \t")


def _rewrite_scalar(
    line: str, match: re.Match[str], olds: Collection[str], new: str | None, *, words: bool
) -> tuple[list[str], Any] | None:
    """`author: "Mira"`, or with `words` `tags: a b c` (Jekyll reads a string of words as
    a list)."""
    raw = match["value"]
    text = raw
    comment = ""
    if raw[:1] not in "\"'":
        cut = raw.find(" #")
        if cut != -1:
            text, comment = raw[:cut].rstrip(" \t"), raw[len(raw[:cut].rstrip(" \t")) :]
    else:
        end = _item_text(raw)
        if end is None:
            return None
        text, comment = end, raw[len(end) :]
    try:
        value = load_yaml(f"k: {text}")["k"]
    except (BylineError, TypeError, KeyError):
        return None
    if not isinstance(value, str):
        return None
    parts = value.split() if words else [value]
    kept_words = renamed_values(parts, olds, new)
    if kept_words == parts:
        return [line], value
    if not kept_words:
        return None  # nothing left: the caller removes the value
    new_value = " ".join(kept_words)
    written = _write(new_value, text, "double", flow=False)
    head = match["head"] + match["gap"]
    return [f"{head}{written}{comment}{match['end']}"], new_value
