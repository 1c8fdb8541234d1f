"""A post: its front matter and body, kept so that saving an unchanged post gives the same bytes.

The text is split the way Jekyll splits it; the front matter is kept as raw lines grouped
by top-level key (front_matter.py), and only the lines of a key the author edits are ever
rewritten (field_lines.py writes them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from editor.core.errors import (
    BylineError,
    EncodingError,
    InvalidDateError,
    PostFormatError,
    YamlSyntaxError,
)
from editor.core.post.dates import DEFAULT_DATE_STYLE, UTC, parse_date_value, short_text
from editor.core.post.field_lines import (
    field_lines,
    same_value,
    trailing_comment,
    with_ending,
    write_key,
)
from editor.core.post.front_matter import (
    BOM,
    OPEN_ONLY,
    Block,
    decode,
    failing_block,
    line_of,
    load_values,
    split_blocks,
    split_text,
)
from editor.core.post.house_style import DEFAULT_STYLE, HouseStyle, shape_of
from editor.core.post.yaml_io import dump_value, load_yaml


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
        if key in self.values and same_value(self.values[key], value):
            return
        block = self._block(key)
        shape = shape_of(block.lines) if block else None
        lines = field_lines(
            key, value, shape, block, style=self.style, zone=self.zone, nl=self.newline
        )
        comment = trailing_comment(block.lines) if block else ""
        if comment and len(lines) == 1:
            lines = [lines[0].rstrip("\r\n") + comment + self.newline]
        if block is not None:
            lines = with_ending(lines, block.lines)
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
            line = f"{write_key(key)}: {yaml_text.strip()}{self.newline}"
            self._replace_or_insert(key, with_ending([line], current.lines if current else []))
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
            values = load_values(self.front_matter_text, 1)
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
        values = load_values(self.front_matter_text, 1)
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
            if OPEN_ONLY.match(text.removeprefix(BOM)):
                raise YamlSyntaxError(
                    "front matter starts with --- on line 1 but has no closing --- line", line=1
                )
            raise PostFormatError(
                "no front matter: a post starts with a line of three dashes", line=1
            )
        bom, opening, fm, closing, body = parts
        blocks = split_blocks(fm, 2)
        try:
            values = load_values(fm, 1)
            if "date" in values and values["date"] is not None:
                parse_date_value(values["date"])
        except InvalidDateError as exc:
            # YAML itself refuses 2025-02-30 without a mark: point at the date line
            if exc.line is None:
                bad = failing_block(blocks) or next((b for b in blocks if b.key == "date"), None)
                exc.line = line_of(blocks, bad.key, 2) if bad and bad.key else None
                if exc.message.startswith("not a valid date: "):  # YAML's own words
                    raw = short_text(bad.text.split(":", 1)[-1].strip()) if bad else ""
                    detail = short_text(exc.message.removeprefix("not a valid date: "), 120)
                    key = bad.key if bad else "date"
                    exc.message = f"{key} {raw} is not a real date ({detail})"
                    exc.args = (exc.message,)
            raise
        except YamlSyntaxError as exc:
            if exc.line is None:  # a number too long for Python has no mark either
                bad = failing_block(blocks)
                if bad is not None and bad.key is not None:
                    exc.line = line_of(blocks, bad.key, 2)
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


def iter_key_raws(post: Post) -> Iterator[tuple[str, list[str]]]:
    for block in post.blocks:
        if block.key is not None:
            yield block.key, block.lines


__all__ = ["BOM", "DEFAULT_DATE_STYLE", "Block", "Post", "decode", "parse_post", "split_text"]
