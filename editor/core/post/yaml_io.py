"""Safe YAML loading with readable errors, and quoting of the scalars we write."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

import yaml

from editor.core.errors import (
    InvalidDateError,
    UnsafeYamlError,
    YamlSyntaxError,
)
from editor.core.post.long_numbers import construct_int


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader (the C one when there is one), reading ints of any length."""


Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
_PyLoader = yaml.SafeLoader
MAX_ALIASES = 100
MAX_EXPANDED = 100_000  # values after expanding aliases

QuoteStyle = Literal["plain", "double", "single"]


def _mark_line(mark: Any, line_offset: int) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + 1 + line_offset, mark.column + 1


def _check_aliases(text: str, line_offset: int) -> None:
    """Refuse alias bombs (billion laughs) before anything is constructed.

    Counts aliases and the size each one would expand to: nine levels of nine aliases
    are only 72 aliases, but 387 million nodes once anything walks the values.
    """
    if "*" not in text or "&" not in text:
        return
    count = 0
    sizes: dict[str, int] = {}
    stack: list[list[Any]] = []  # [anchor, expanded size] of each open collection
    total = 0
    for event in yaml.parse(text, Loader=Loader):
        size = 0
        if isinstance(event, yaml.AliasEvent):
            count += 1
            size = sizes.get(str(event.anchor), 1)
            if count > MAX_ALIASES or size > MAX_EXPANDED:
                _refuse(event, line_offset)
        elif isinstance(event, yaml.ScalarEvent):
            size = 1
            if event.anchor is not None:
                sizes[str(event.anchor)] = 1
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            stack.append([event.anchor, 1])
            continue
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent) and stack:
            anchor, size = stack.pop()
            if anchor is not None:
                sizes[str(anchor)] = size
        else:
            continue
        if stack:
            stack[-1][1] += size
        total += size
        if total > MAX_EXPANDED or (stack and stack[-1][1] > MAX_EXPANDED):
            _refuse(event, line_offset)


def _refuse(event: Any, line_offset: int) -> None:
    line, col = _mark_line(event.start_mark, line_offset)
    raise UnsafeYamlError(
        "YAML aliases that would expand to too many values (an alias bomb); refusing to load",
        line=line,
        column=col,
    )


def load_yaml(text: str, *, line_offset: int = 0) -> Any:
    """Load YAML safely; every failure becomes a BylineError with a line and column.

    `line_offset` is added to reported lines (front matter starts on line 2 of a post).
    """
    try:
        _check_aliases(text, line_offset)
        return yaml.load(text, Loader=Loader)
    except yaml.constructor.ConstructorError as exc:
        line, col = _mark_line(exc.problem_mark, line_offset)
        problem = exc.problem or "unsupported value"
        if "could not determine a constructor for the tag" in problem:
            tag = problem.split("tag", 1)[1].strip().strip("'")
            raise UnsafeYamlError(
                f"the YAML tag {tag} is not allowed in front matter", line=line, column=col
            ) from None
        raise YamlSyntaxError(f"invalid YAML: {problem}", line=line, column=col) from None
    except yaml.MarkedYAMLError as exc:
        line, col = _mark_line(exc.problem_mark or exc.context_mark, line_offset)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            context = exc.context
            start, _ = _mark_line(exc.context_mark, line_offset)
            if start is not None and line is not None and start != line:
                context += f" that starts on line {start}"  # an unclosed quote, for one
            problem = f"{exc.problem} ({context})"
        mark = exc.problem_mark
        lines = text.splitlines()
        if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line]:
            problem += "; this line has a tab: YAML indents with spaces only"
        raise YamlSyntaxError(f"invalid YAML: {problem}", line=line, column=col) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"invalid YAML: {exc}") from None
    except (ValueError, OverflowError) as exc:
        digits = _TOO_MANY_DIGITS.search(str(exc))
        if digits:  # Python reads at most 4,300 digits; the number is never echoed whole
            raise YamlSyntaxError(
                f"a number of {int(digits[1]):,} digits is too long (at most 4,300)"
            ) from None
        # PyYAML builds timestamps eagerly: 2025-02-30 fails here, with no mark
        raise InvalidDateError(f"not a valid date: {exc}") from None
    except RecursionError:
        raise UnsafeYamlError("YAML nested too deeply") from None


_TOO_MANY_DIGITS = re.compile(r"integer string conversion: value has (\d+) digits")


# --- writing scalars -------------------------------------------------------

_RESOLVER = yaml.resolver.Resolver()
_EMITTER = yaml.emitter.Emitter(None, allow_unicode=True)  # type: ignore[arg-type]  # only its scalar analysis is used
# Strings that YAML 1.1 readers (Jekyll's Psych, PyYAML) may read as something else.
_NUMBERISH = re.compile(r"^[-+]?[0-9][0-9_,.:eExXoObB+-]*$|^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$")
_DATEISH = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")
_YAML11_WORDS = {
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
    "true", "True", "TRUE", "false", "False", "FALSE",
    "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "",
}  # fmt: skip


def _plain_ok(text: str, *, flow: bool) -> bool:
    """True when `text` can be written without quotes and reads back as the same string."""
    if text in _YAML11_WORDS or _NUMBERISH.match(text) or _DATEISH.match(text):
        return False
    if text != text.strip() or "\n" in text or "\t" in text:
        return False
    if _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) != "tag:yaml.org,2002:str":  # type: ignore[no-untyped-call]
        return False
    analysis = _EMITTER.analyze_scalar(text)
    if flow:
        return bool(analysis.allow_flow_plain) and not any(c in text for c in ",[]{}#")
    return bool(analysis.allow_block_plain)


def quote_scalar(text: str, style: QuoteStyle, *, flow: bool = False) -> str:
    """Write one string in the given style; falls back to double quotes when needed."""
    if style == "plain" and _plain_ok(text, flow=flow):
        return text
    if style == "single" and "\n" not in text and text.isprintable():
        return "'" + text.replace("'", "''") + "'"
    return double_quote(text)


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def double_quote(text: str) -> str:
    """A YAML double-quoted scalar; printable characters (emoji too) stay as they are."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            code = ord(ch)
            out.append(
                f"\\x{code:02X}"
                if code < 0x100
                else f"\\u{code:04X}"
                if code < 0x10000
                else f"\\U{code:08X}"
            )
    return '"' + "".join(out) + '"'


def format_scalar(value: Any, style: QuoteStyle, *, flow: bool = False) -> str:
    """Write a scalar value (string, number, bool, None, date) as YAML text."""
    if isinstance(value, str):
        return quote_scalar(value, style, flow=flow)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write a {type(value).__name__} as a YAML scalar")


def dump_value(value: Any) -> str:
    """A YAML value in flow form, for a one-line cell (lists and mappings included)."""
    if isinstance(value, str | int | float | bool | dt.date) or value is None:
        return format_scalar(value, "plain")
    out = yaml.dump(
        value,
        Dumper=yaml.SafeDumper,
        default_flow_style=True,
        allow_unicode=True,
        sort_keys=False,
        width=float("inf"),
    )
    return str(out).rstrip("\n").removesuffix("\n...").rstrip("\n")
