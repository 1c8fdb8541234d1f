"""A post's text as Jekyll splits it, and its front matter as raw lines per top-level key.

`split_text` finds the front matter the way Jekyll does; `split_blocks` groups its lines
by top-level key (comments and blank lines between keys are blocks of their own), so that
an edit rewrites only its own key's lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from editor.core.errors import BylineError, EncodingError, NotAMappingError, YamlSyntaxError
from editor.core.post.yaml_io import load_yaml

BOM = "\ufeff"
# Jekyll: \A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)  (Ruby's $ also matches before \r\n)
_SPLIT = re.compile(
    r"\A(?P<open>---[ \t]*\r?\n)(?P<fm>.*?\n?)^(?P<close>(?:---|\.\.\.)[ \t]*(?:\r?\n|\r?\Z))",
    re.S | re.M,
)
OPEN_ONLY = re.compile(r"\A---[ \t]*\r?\n")
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


def split_blocks(front_matter: str, first_line: int) -> list[Block]:
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


def split_text(text: str) -> tuple[bool, str, str, str, str] | None:
    """Jekyll's split: (bom, opening line, front matter, closing line, body), or None."""
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    match = _SPLIT.match(text)
    if not match:
        return None
    return bom, match["open"], match["fm"], match["close"], text[match.end() :]


def load_values(front_matter: str, first_line: int) -> dict[str, Any]:
    """The front matter's values (a mapping, or a clear error); string keys."""
    values = load_yaml(front_matter, line_offset=first_line)
    if values is None:
        return {}
    if not isinstance(values, dict):
        kind = "a list" if isinstance(values, list) else f"a single value ({type(values).__name__})"
        raise NotAMappingError(
            f"front matter must be `key: value` lines, but it is {kind}", line=first_line + 1
        )
    return {str(k) if not isinstance(k, str) else k: v for k, v in values.items()}


def line_of(blocks: list[Block], key: str, first_line: int) -> int | None:
    """The line number of `key`'s first line (the first block starts at `first_line`)."""
    line = first_line
    for block in blocks:
        if block.key == key:
            return line
        line += len(block.lines)
    return None


def failing_block(blocks: list[Block]) -> Block | None:
    """The first key whose value cannot be loaded on its own (error path only)."""
    for block in blocks:
        if block.key is not None:
            try:
                load_yaml(block.text)
            except BylineError:
                return block
    return None
