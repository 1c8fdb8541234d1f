"""A fast path for the simple front matter most posts have; PyYAML's exact values or None.

Most front matter is `key: value` lines with plain or quoted scalars, flow lists and the odd
block list. For those, this reads the values with a few string operations and PyYAML's own
resolver and constructors, so the values are exactly what `yaml_io.load_yaml` gives. For
anything else (anchors, tags, block scalars, multi-line values, comments after a value,
escapes beyond the simplest, odd characters) it returns None and the caller uses PyYAML.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from editor.core.post.long_numbers import construct_int

_RESOLVERS: dict[str | None, list[tuple[str, re.Pattern[str]]]] = (
    yaml.resolver.Resolver.yaml_implicit_resolvers
)
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_STAMP_TAG = "tag:yaml.org,2002:timestamp"
_INT_TAG = "tag:yaml.org,2002:int"
# Tags a plain scalar may resolve to that we build with PyYAML's own constructors.
_BUILT = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}
# Characters that send the whole front matter to PyYAML: control characters
# (YAML refuses them), tabs and CR (indentation and line-break subtleties), NEL, LS, PS
# (YAML line breaks) and the BOM.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$")
_ITEM_LINE = re.compile(r"( *)- +(.*)$")
_DOUBLE_ESCAPED = re.compile(r'(?:[^"\\]|\\["\\/])*')
_ESCAPE = re.compile(r"\\(.)")
_FLOW_PLAIN = re.compile(r"\w[\w .&/+'-]*")
# A plain scalar cannot start with an indicator; those values are left to PyYAML.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")


class _NotSimple(Exception):
    """This text is not for the fast path."""


_MEMO: dict[str, Any] = {}  # plain scalars seen before (immutable values only)
_MEMO_MAX = 4096
_DIGITS = frozenset("0123456789")
_SIMPLE_STAMP = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d:\d\d)?")


def _plain(text: str) -> Any:
    """A plain scalar's value, resolved and constructed exactly as PyYAML does."""
    if text in _MEMO:
        return _MEMO[text]
    resolvers = _RESOLVERS.get(text[0] if text else "")
    value: Any = text
    if resolvers:
        for tag, regexp in resolvers:
            if regexp.match(text):
                if tag not in _BUILT:
                    raise _NotSimple
                value = _construct(tag, text)
                break
    if len(_MEMO) < _MEMO_MAX and not isinstance(value, dt.date):
        _MEMO[text] = value
    return value


def _stamp(text: str) -> dt.date:
    """What PyYAML builds for a `2025-08-14` or `2025-08-14T22:02:54`, without its regexes."""
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text)
    except ValueError:  # 2025-02-30: PyYAML's own error message, please
        raise _NotSimple from None


def _construct(tag: str, text: str) -> Any:
    if tag == _STAMP_TAG and _SIMPLE_STAMP.fullmatch(text):
        return _stamp(text)
    try:
        node = yaml.nodes.ScalarNode(tag, text)
        if tag == _INT_TAG:  # ints of any length, as yaml_io's loader reads them
            return construct_int(_CONSTRUCTOR, node)
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except ValueError:  # 2025-02-30: PyYAML's own error message, please
        raise _NotSimple from None


def _quoted(text: str) -> str | None:
    """The value of a one-line quoted scalar, or None when `text` is not one we can read."""
    if len(text) < 2 or text[-1] != text[0]:
        return None
    inner = text[1:-1]
    if text[0] == "'":
        if "'" in inner.replace("''", ""):
            return None
        return inner.replace("''", "'")
    if '"' not in inner and "\\" not in inner:
        return inner
    if _DOUBLE_ESCAPED.fullmatch(inner):
        return _ESCAPE.sub(r"\1", inner)
    return None


def _block_scalar(text: str) -> Any:
    """A value in block context: plain or quoted scalar, or a flow list."""
    if not text:
        raise _NotSimple
    first = text[0]
    if first == '"' or first == "'":
        value = _quoted(text)
        if value is None:
            raise _NotSimple
        return value
    if first == "[":
        return _flow_list(text)
    if first in _INDICATORS or " #" in text or ": " in text or text[-1] == ":":
        raise _NotSimple
    return _plain(text)


_FLOW_MEMO: dict[str, tuple[Any, ...]] = {}  # flow lists seen before (`[News]`, `[]`)


def _flow_list(text: str) -> list[Any]:
    cached = _FLOW_MEMO.get(text)
    if cached is not None:
        return list(cached)
    out = _read_flow_list(text)
    if len(_FLOW_MEMO) < _MEMO_MAX and not any(isinstance(v, dt.date) for v in out):
        _FLOW_MEMO[text] = tuple(out)
    return out


def _read_flow_list(text: str) -> list[Any]:
    if text[-1] != "]":
        raise _NotSimple
    inner = text[1:-1].strip(" ")
    if not inner:
        return []
    out: list[Any] = []
    for raw in inner.split(","):
        item = raw.strip(" ")
        if not item:
            raise _NotSimple
        first = item[0]
        if first == '"' or first == "'":
            value = _quoted(item)
            if value is None:
                raise _NotSimple
            out.append(value)
        elif _FLOW_PLAIN.fullmatch(item) and ": " not in item:
            out.append(_plain(item))
        else:
            raise _NotSimple
    return out


_PLAIN_KEYS: set[str] = set()  # keys already known to read as themselves


def _key(text: str) -> str:
    if text in _PLAIN_KEYS:
        return text
    if text[0] in _RESOLVERS and not isinstance(_plain(text), str):
        raise _NotSimple  # `yes:` or `null:` is not the key it looks like
    if len(_PLAIN_KEYS) < 1000:
        _PLAIN_KEYS.add(text)
    return text


# `key: value` lines; values hold no ASCII control character (tabs and CR included)
_KEY_LINES = re.compile(
    r"^([A-Za-z_][A-Za-z0-9_-]*):(?: +([^\x00-\x1f\x7f]*))?$",
    re.M,
)


def load_simple(
    front_matter: str, *, lines: bool = True
) -> tuple[dict[str, Any], dict[str, int] | None] | None:
    """(values, line of each key counted from 0) of simple front matter, else None.

    None means "ask PyYAML": the text may still be valid YAML, or broken. Without
    `lines`, the second item is None (saves a little when only values matter).
    """
    if not front_matter.isascii() and _UNSAFE.search(front_matter):
        return None
    # every line must be a key line, and key lines hold no ASCII control character
    pairs = _KEY_LINES.findall(front_matter)
    if len(pairs) != front_matter.count("\n") + (not front_matter.endswith("\n")):
        return _load_lines(front_matter)  # blank lines, comments or block lists
    values: dict[str, Any] = {}
    plain_keys = _PLAIN_KEYS
    memo = _MEMO
    try:
        for key, raw in pairs:
            if key not in plain_keys:
                _key(key)
            text = raw.rstrip(" ")
            if not text:
                values[key] = None
                continue
            first = text[0]
            if first == '"':
                inner = text[1:-1]
                if text[-1] == '"' and len(text) > 1 and '"' not in inner and "\\" not in inner:
                    values[key] = inner
                    continue
            elif first == "[":
                cached = _FLOW_MEMO.get(text)
                if cached is not None:
                    values[key] = list(cached)
                    continue
            elif first not in _INDICATORS and " #" not in text and ": " not in text:
                if text in memo:
                    values[key] = memo[text]
                    continue
                if first in _DIGITS and _SIMPLE_STAMP.fullmatch(text):
                    # `2025-08-14T22:02:54` resolves to a timestamp and nothing else
                    values[key] = _stamp(text)
                    continue
                if text[-1] != ":":
                    values[key] = _plain(text)
                    continue
            values[key] = _block_scalar(text)
    except _NotSimple:
        return None
    if len(values) != len(pairs):
        return None  # a duplicate key: parse_post reports it
    if not lines:
        return values, None
    return values, {key: number for number, (key, _) in enumerate(pairs)}


def _load_lines(front_matter: str) -> tuple[dict[str, Any], dict[str, int]] | None:
    """load_simple for front matter with blank lines, comments or block lists."""
    if _UNSAFE.search(front_matter):
        return None
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    list_key: str | None = None  # a key written `key:` whose block list may follow
    list_indent = ""
    try:
        for number, line in enumerate(front_matter.split("\n")):
            if not line or line[0] == "#" or line.isspace():
                if list_key is not None and line[:1] == "#":
                    raise _NotSimple
                continue
            if list_key is not None:
                item = _ITEM_LINE.match(line)
                if item:
                    indent = item[1]
                    current = values[list_key]
                    if current is None:
                        values[list_key] = current = []
                        list_indent = indent
                    elif indent != list_indent:
                        raise _NotSimple
                    current.append(_block_scalar(item[2].rstrip(" ")))
                    continue
                list_key = None
            match = _KEY_LINE.match(line)
            if match is None:
                return None
            key = _key(match[1])
            if key in values:
                return None  # duplicate: parse_post reports it
            lines[key] = number
            text = (match[2] or "").rstrip(" ")
            if not text:
                values[key] = None
                list_key = key
                continue
            values[key] = _block_scalar(text)
    except _NotSimple:
        return None
    return values, lines


__all__ = ["load_simple"]
