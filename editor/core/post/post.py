"""A post: its front matter and body, kept so that saving an unchanged post gives the same bytes.

The text is split the way Jekyll splits it; the front matter is kept as raw lines grouped
by top-level key, and only the lines of a key the author edits are ever rewritten.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from editor.core.errors import (
    BylineError,
    EncodingError,
    InvalidDateError,
    NotAMappingError,
    PostFormatError,
    YamlSyntaxError,
)
from editor.core.post.dates import (
    DEFAULT_DATE_STYLE,
    UTC,
    DateStyle,
    format_date,
    parse_date_value,
    short_text,
)
from editor.core.post.house_style import DEFAULT_STYLE, FieldShape, HouseStyle, shape_of
from editor.core.post.yaml_io import QuoteStyle, dump_value, format_scalar, load_yaml, quote_scalar

BOM = "\ufeff"
# Jekyll: \A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)  (Ruby's $ also matches before \r\n)
_SPLIT = re.compile(
    r"\A(?P<open>---[ \t]*\r?\n)(?P<fm>.*?\n?)^(?P<close>(?:---|\.\.\.)[ \t]*(?:\r?\n|\r?\Z))",
    re.S | re.M,
)
_OPEN_ONLY = re.compile(r"\A---[ \t]*\r?\n")
_KEY_LINE = re.compile(
    r"""^(?P<key>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#\-?:][^:]*?|-[^\s:][^:]*?)[ \t]*:(?:[ \t]|\r?$)"""
)


@dataclass
class Block:
    """Raw lines of the front matter: one top-level key with its value, or trivia."""

    lines: list[str]
    key: str | None = None  # None for comments and blank lines between keys

    @property
    def text(self) -> str:
        return "".join(self.lines)


def decode(data: bytes, path: str | None = None) -> str:
    """UTF-8 bytes to text (a BOM stays in the text); a clear error otherwise."""
    if b"\x00" in data:
        raise EncodingError(
            "this is a binary file, not a text post (it contains NUL bytes)", path=path
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise EncodingError(
            f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be read",
            path=path,
            line=line,
        ) from None


def _key_name(raw: str) -> str:
    if raw[:1] == '"':
        loaded = load_yaml(raw)
        return str(loaded)
    if raw[:1] == "'":
        return raw[1:-1].replace("''", "'")
    return raw


def _split_blocks(front_matter: str, first_line: int) -> list[Block]:
    blocks: list[Block] = []
    pending: list[str] = []
    seen: dict[str, int] = {}
    line_no = first_line - 1
    for line in front_matter.splitlines(keepends=True):
        line_no += 1
        stripped = line.strip()
        if not stripped or (line.startswith("#")):
            pending.append(line)
            continue
        match = _KEY_LINE.match(line)
        starts_block = line[0] not in " \t-" or (match is not None and line[0] == "-")
        if match and starts_block:
            if pending:
                blocks.append(Block(pending))
                pending = []
            key = _key_name(match["key"])
            if key in seen:
                raise YamlSyntaxError(
                    f"duplicate key '{key}' (first on line {seen[key]})", line=line_no, column=1
                )
            seen[key] = line_no
            blocks.append(Block([line], key))
        elif blocks and blocks[-1].key is not None:
            blocks[-1].lines.extend(pending)
            pending = []
            blocks[-1].lines.append(line)
        else:
            pending.append(line)  # YAML will report what is wrong with it
    if pending:
        blocks.append(Block(pending))
    return blocks


class Post:
    """A parsed post. `values` holds the loaded front matter; the raw text is kept beside it."""

    def __init__(
        self,
        *,
        bom: bool,
        opening: str,
        blocks: list[Block],
        closing: str,
        body: str,
        values: dict[str, Any],
        zone: dt.tzinfo = UTC,
        style: HouseStyle = DEFAULT_STYLE,
        path: str | None = None,
    ) -> None:
        self.bom = bom
        self.opening = opening
        self.blocks = blocks
        self.closing = closing
        self.body = body
        self.values = values
        self.zone = zone
        self.style = style
        self.path = path
        # a new post ends with a line break when the blog's posts do (`HouseStyle`); a
        # post read from a file keeps its ending as it is
        self.ensure_final_newline = False

    # --- reading -----------------------------------------------------------

    @property
    def newline(self) -> str:
        return "\r\n" if self.opening.endswith("\r\n") else "\n"

    def keys(self) -> list[str]:
        return [b.key for b in self.blocks if b.key is not None]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def __contains__(self, key: str) -> bool:
        return key in self.values

    def raw_value(self, key: str) -> str:
        """The YAML text of one key's value as written in the file (for a raw editor)."""
        block = self._block(key)
        if block is None:
            return ""
        text = block.text
        value = text.split(":", 1)[1] if ":" in text else ""
        if "\n" not in value.rstrip("\r\n"):
            return value.strip()
        return dump_value(self.values.get(key))

    def date(self) -> dt.datetime | None:
        """The publishing date and time in the site's timezone, or None when there is none."""
        if self.values.get("date") is None:
            return None
        return parse_date_value(self.values["date"], self.zone).astimezone(self.zone)

    @property
    def front_matter_text(self) -> str:
        return "".join(b.text for b in self.blocks)

    def body_for_editing(self) -> str:
        """The body as an editor shows it: LF line endings, without the blank separator line."""
        body = self.body.replace("\r\n", "\n")
        return body[1:] if body.startswith("\n") else body

    def set_body_from_editor(self, text: str) -> None:
        """Take the editor's text back, restoring the separator line and the file's line endings."""
        if text == self.body_for_editing():
            return
        had_separator = self.body.replace("\r\n", "\n").startswith("\n") or not self.body
        # a text starting with a blank line needs the separator too, or it reads back without it
        separator = "\n" if had_separator or text.startswith(("\n", "\r\n")) else ""
        body = separator + text
        if self.ensure_final_newline and text and not body.endswith("\n"):
            body += "\n"
        if self.newline == "\r\n":
            body = body.replace("\r\n", "\n").replace("\n", "\r\n")
        self.body = body

    def to_text(self) -> str:
        return (
            (BOM if self.bom else "")
            + self.opening
            + self.front_matter_text
            + self.closing
            + self.body
        )

    def to_bytes(self) -> bytes:
        return self.to_text().encode("utf-8")

    # --- editing -----------------------------------------------------------

    def _block(self, key: str) -> Block | None:
        for block in self.blocks:
            if block.key == key:
                return block
        return None

    def set(self, key: str, value: Any) -> None:
        """Set one field; only that key's lines change. Setting the current value changes nothing."""
        if key in self.values and _same(self.values[key], value):
            return
        block = self._block(key)
        shape = shape_of(block.lines) if block else None
        lines = self._render(key, value, shape, block)
        comment = _trailing_comment(block.lines) if block else ""
        if comment and len(lines) == 1:
            lines = [lines[0].rstrip("\r\n") + comment + self.newline]
        if block is not None:
            lines = _with_ending(lines, block.lines)
        snapshot = self._snapshot()
        self._replace_or_insert(key, lines)
        self._commit(key, snapshot)

    def set_raw(self, key: str, yaml_text: str) -> None:
        """Set one field from YAML text typed by the author (the "Other fields" table)."""
        value = load_yaml(f"{key}: {yaml_text}" if "\n" not in yaml_text else yaml_text)
        if isinstance(value, dict) and key in value and "\n" not in yaml_text:
            current = self._block(key)
            if current is not None and self.raw_value(key) == yaml_text.strip():
                return
            snapshot = self._snapshot()
            line = f"{_write_key(key)}: {yaml_text.strip()}{self.newline}"
            self._replace_or_insert(key, _with_ending([line], current.lines if current else []))
            self._commit(key, snapshot)
            return
        raise YamlSyntaxError(f"not a single YAML value for {key}: {yaml_text!r}")

    def set_lines(self, key: str, lines: list[str]) -> None:
        """Replace the raw lines of an existing key (an edit made in the post's own style, such
        as renaming one tag); the same checks as set(): an edit that breaks the YAML or
        changes another field is undone and raised."""
        block = self._block(key)
        if block is None:
            raise KeyError(key)
        snapshot = self._snapshot()
        block.lines = list(lines)
        self._commit(key, snapshot)

    def remove(self, key: str) -> None:
        block = self._block(key)
        if block is None:
            return
        snapshot = self._snapshot()
        self.blocks.remove(block)
        self._commit(key, snapshot)

    def _render(
        self, key: str, value: Any, shape: FieldShape | None, block: Block | None
    ) -> list[str]:
        nl = self.newline
        head = f"{_write_key(key)}:"
        style = self.style
        if key == "date" and isinstance(value, dt.datetime | dt.date | str):
            date_style = style.date
            if block is not None:
                raw = block.lines[0].split(":", 1)[1].strip()
                date_style = DateStyle.of(raw) or style.date
            if isinstance(value, str):
                return [f"{head} {quote_scalar(value, 'plain')}{nl}"]
            if not isinstance(value, dt.datetime):
                value = dt.datetime(value.year, value.month, value.day, tzinfo=self.zone)
            return [f"{head} {format_date(value, date_style, self.zone)}{nl}"]
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

    def _replace_or_insert(self, key: str, lines: list[str]) -> None:
        block = self._block(key)
        if block is not None:
            block.lines = lines
            return
        new = Block(lines, key)
        order = self.style.key_order
        if key in order:
            rank = order.index(key)
            before = [i for i, b in enumerate(self.blocks) if b.key in order[:rank]]
            after = [i for i, b in enumerate(self.blocks) if b.key in order[rank + 1 :]]
            if before:
                self.blocks.insert(before[-1] + 1, new)
                return
            if after:
                self.blocks.insert(after[0], new)
                return
        last_key = max((i for i, b in enumerate(self.blocks) if b.key is not None), default=-1)
        self.blocks.insert(last_key + 1, new)

    def _snapshot(self) -> list[Block]:
        return [Block(list(b.lines), b.key) for b in self.blocks]

    def _commit(self, key: str, snapshot: list[Block]) -> None:
        """Re-read after editing `key`; an edit that breaks the YAML or changes another field
        (odd front matter can merge lines) is undone, so what is saved is what was shown."""
        try:
            values = _load_values(self.front_matter_text, 1)
        except BylineError:
            self.blocks = snapshot
            raise
        before = {k: v for k, v in self.values.items() if k != key}
        after = {k: v for k, v in values.items() if k != key}
        if before != after and repr(before) != repr(after):
            self.blocks = snapshot
            raise PostFormatError(
                f"changing {key} here would also change other fields; edit the front matter as text"
            )
        self.values = values

    def _reload(self) -> None:
        """Re-read the values from the new text: what is saved is what the form shows."""
        values = _load_values(self.front_matter_text, 1)
        self.values = values

    # --- construction --------------------------------------------------------

    @classmethod
    def new(
        cls,
        fields: dict[str, Any] | None = None,
        body: str = "",
        *,
        style: HouseStyle = DEFAULT_STYLE,
        zone: dt.tzinfo = UTC,
    ) -> Post:
        """A new post in the blog's style: keys in the house order, one blank line, the body."""
        post = cls(
            bom=False,
            opening="---\n",
            blocks=[],
            closing="---\n",
            body="",
            values={},
            zone=zone,
            style=style,
        )
        ordered = sorted(
            (fields or {}).items(),
            key=lambda kv: style.key_order.index(kv[0]) if kv[0] in style.key_order else 999,
        )
        for key, value in ordered:
            post.set(key, value)
        post.ensure_final_newline = style.final_newline  # for the text typed into it
        post.body = "\n" + body
        return post


def _trailing_comment(lines: list[str]) -> str:
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


def _write_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z_][\w.-]*", key) else quote_scalar(key, "double")


def _item(value: Any, quote: QuoteStyle, *, flow: bool) -> str:
    if isinstance(value, str):
        text = quote_scalar(value, "plain", flow=flow)
        return text if text == value else quote_scalar(value, quote, flow=flow)
    return format_scalar(value, "plain", flow=flow)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, dt.date) and isinstance(new, dt.date):
        try:
            return parse_date_value(old) == parse_date_value(new)
        except BylineError:
            return False
    if isinstance(new, tuple):
        new = list(new)
    return type(old) is type(new) and bool(old == new)


def _load_values(front_matter: str, first_line: int) -> dict[str, Any]:
    values = load_yaml(front_matter, line_offset=first_line)
    if values is None:
        return {}
    if not isinstance(values, dict):
        kind = "a list" if isinstance(values, list) else f"a single value ({type(values).__name__})"
        raise NotAMappingError(
            f"front matter must be `key: value` lines, but it is {kind}", line=first_line + 1
        )
    return {str(k) if not isinstance(k, str) else k: v for k, v in values.items()}


def _with_ending(lines: list[str], old: list[str]) -> list[str]:
    """`lines` ending as the key's old lines did: in a file of mixed line endings, an
    edited key keeps its own (not the ending of the file's first line)."""
    if not old:
        return lines
    ending = "\r\n" if old[0].endswith("\r\n") else "\n" if old[0].endswith("\n") else None
    if ending is None:
        return lines
    return [line.rstrip("\r\n") + ending for line in lines]


def _line_of(blocks: list[Block], key: str, first_line: int) -> int | None:
    line = first_line
    for block in blocks:
        if block.key == key:
            return line
        line += len(block.lines)
    return None


def split_text(text: str) -> tuple[bool, str, str, str, str] | None:
    """Jekyll's split: (bom, opening line, front matter, closing line, body), or None."""
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    match = _SPLIT.match(text)
    if not match:
        return None
    return bom, match["open"], match["fm"], match["close"], text[match.end() :]


def parse_post(
    source: str | bytes,
    *,
    path: str | None = None,
    zone: dt.tzinfo = UTC,
    style: HouseStyle = DEFAULT_STYLE,
) -> Post:
    """Parse a post; raises a PostFormatError (with line and column) for anything broken."""
    text = decode(source, path) if isinstance(source, bytes) else source
    if "\x00" in text:  # the same refusal for text as for bytes: it could not be reopened
        raise EncodingError("a NUL character cannot be saved in a text post", path=path)
    try:
        parts = split_text(text)
        if parts is None:
            if _OPEN_ONLY.match(text.removeprefix(BOM)):
                raise YamlSyntaxError(
                    "front matter starts with --- on line 1 but has no closing --- line", line=1
                )
            raise PostFormatError(
                "no front matter: a post starts with a line of three dashes", line=1
            )
        bom, opening, fm, closing, body = parts
        blocks = _split_blocks(fm, 2)
        try:
            values = _load_values(fm, 1)
            if "date" in values and values["date"] is not None:
                parse_date_value(values["date"])
        except InvalidDateError as exc:
            # YAML itself refuses 2025-02-30 without a mark: point at the date line
            if exc.line is None:
                bad = _failing_block(blocks) or next((b for b in blocks if b.key == "date"), None)
                exc.line = _line_of(blocks, bad.key, 2) if bad and bad.key else None
                if exc.message.startswith("not a valid date: "):  # YAML's own words
                    raw = short_text(bad.text.split(":", 1)[-1].strip()) if bad else ""
                    detail = short_text(exc.message.removeprefix("not a valid date: "), 120)
                    key = bad.key if bad else "date"
                    exc.message = f"{key} {raw} is not a real date ({detail})"
                    exc.args = (exc.message,)
            raise
        except YamlSyntaxError as exc:
            if exc.line is None:  # a number too long for Python has no mark either
                bad = _failing_block(blocks)
                if bad is not None and bad.key is not None:
                    exc.line = _line_of(blocks, bad.key, 2)
                    exc.message = f"{bad.key}: {exc.message}"
                    exc.args = (exc.message,)
            raise
    except BylineError as exc:
        if path and not exc.path:
            exc.path = path
        raise
    return Post(
        bom=bom,
        opening=opening,
        blocks=blocks,
        closing=closing,
        body=body,
        values=values,
        zone=zone,
        style=style,
        path=path,
    )


def _failing_block(blocks: list[Block]) -> Block | None:
    """The first key whose value cannot be loaded on its own (error path only)."""
    for block in blocks:
        if block.key is not None:
            try:
                load_yaml(block.text)
            except BylineError:
                return block
    return None


def iter_key_raws(post: Post) -> Iterator[tuple[str, list[str]]]:
    for block in post.blocks:
        if block.key is not None:
            yield block.key, block.lines


__all__ = ["DEFAULT_DATE_STYLE", "Block", "Post", "decode", "parse_post", "split_text"]
