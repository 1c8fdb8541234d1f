"""One front matter field written as YAML lines, in the post's own style.

The lines a key gets when the author sets it: a date in the post's date style (see
dates.py), lists flow or block as the key was written (else as the blog writes them),
strings quoted as the key was; a ` # comment` after a one-line value and each line's
own ending are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from editor.core.errors import BylineError
from editor.core.post.dates import DateStyle, format_date, parse_date_value
from editor.core.post.front_matter import Block
from editor.core.post.house_style import FieldShape, HouseStyle
from editor.core.post.yaml_io import QuoteStyle, dump_value, format_scalar, load_yaml, quote_scalar


def field_lines(
    key: str,
    value: Any,
    shape: FieldShape | None,
    block: Block | None,
    *,
    style: HouseStyle,
    zone: dt.tzinfo,
    nl: str,
) -> list[str]:
    """The lines of `key: value` (`shape`, `block`: how the key is written now, if it is)."""
    head = f"{write_key(key)}:"
    if key == "date" and isinstance(value, dt.datetime | dt.date | str):
        date_style = style.date
        if block is not None:
            raw = block.lines[0].split(":", 1)[1].strip()
            date_style = DateStyle.of(raw) or style.date
        if isinstance(value, str):
            return [f"{head} {quote_scalar(value, 'plain')}{nl}"]
        if not isinstance(value, dt.datetime):
            value = dt.datetime(value.year, value.month, value.day, tzinfo=zone)
        return [f"{head} {format_date(value, date_style, zone)}{nl}"]
    if isinstance(value, list | tuple):
        items = list(value)
        kind = shape.kind if shape and shape.kind in ("flow", "block") else style.list_style
        item_quote: QuoteStyle = (shape.item_quote if shape else None) or style.item_quote
        if not items:
            return [f"{head} []{nl}"]
        if any(isinstance(i, list | dict) for i in items):
            return [f"{head} {dump_value(items)}{nl}"]
        if kind == "block":
            indent = shape.indent if shape and shape.kind == "block" else style.block_indent
            out = [f"{head}{nl}"]
            out += [f"{indent}- {_item(i, item_quote, flow=False)}{nl}" for i in items]
            return out
        padding = shape.padding if shape and shape.kind == "flow" else style.flow_padding
        inner = ", ".join(_item(i, item_quote, flow=True) for i in items)
        return [f"{head} [ {inner} ]{nl}" if padding else f"{head} [{inner}]{nl}"]
    if isinstance(value, dict):
        return [f"{head} {dump_value(value)}{nl}"]
    if isinstance(value, str):
        quote = shape.quote if shape and shape.kind == "scalar" else style.quote_for(key)
        return [f"{head} {quote_scalar(value, quote)}{nl}"]
    text = format_scalar(value, "plain")
    return [f"{head} {text}{nl}" if text else f"{head}{nl}"]


def trailing_comment(lines: list[str]) -> str:
    """The ` # comment` at the end of a one-line `key: value`, kept when the value changes."""
    if len(lines) != 1 or " #" not in lines[0]:
        return ""
    line = lines[0].rstrip("\r\n")
    rest = line.partition(":")[2]
    try:
        whole = load_yaml(f"k:{rest}")
    except BylineError:
        return ""
    start = rest.find(" #")
    while start != -1:
        try:
            if load_yaml(f"k:{rest[:start]}") == whole:
                cut = len(rest[:start].rstrip())
                return rest[cut:]
        except BylineError:
            pass
        start = rest.find(" #", start + 1)
    return ""


def write_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z_][\w.-]*", key) else quote_scalar(key, "double")


def _item(value: Any, quote: QuoteStyle, *, flow: bool) -> str:
    if isinstance(value, str):
        text = quote_scalar(value, "plain", flow=flow)
        return text if text == value else quote_scalar(value, quote, flow=flow)
    return format_scalar(value, "plain", flow=flow)


def same_value(old: Any, new: Any) -> bool:
    if isinstance(old, dt.date) and isinstance(new, dt.date):
        try:
            return parse_date_value(old) == parse_date_value(new)
        except BylineError:
            return False
    if isinstance(new, tuple):
        new = list(new)
    return type(old) is type(new) and bool(old == new)


def with_ending(lines: list[str], old: list[str]) -> list[str]:
    """`lines` ending as the key's old lines did: in a file of mixed line endings, an
    edited key keeps its own (not the ending of the file's first line)."""
    if not old:
        return lines
    ending = "\r\n" if old[0].endswith("\r\n") else "\n" if old[0].endswith("\n") else None
    if ending is None:
        return lines
    return [line.rstrip("\r\n") + ending for line in lines]
