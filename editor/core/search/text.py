"""What search reads from a post file: its excerpt and body (the index knows the rest)."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from typing import Any

from editor.core.errors import BylineError
from editor.core.post.fast_yaml import load_simple
from editor.core.post.post import decode, split_text
from editor.core.post.yaml_io import load_yaml
from editor.core.safety.post_io import MAX_POST_BYTES

# `excerpt: "plain text"` or `excerpt: plain text` on one line: read without YAML
_EXCERPT = re.compile(
    r'^excerpt:[ \t]*(?:"([^"\\\n]*)"|([^\s"\'#&*!|>%@`[{\-?:,][^\n#]*?))[ \t]*$', re.M
)
_OTHER_EXCERPT = re.compile(r"^excerpt:", re.M)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


@dataclass(frozen=True)
class PostText:
    """The searchable text of one post; `problem` says why it could not be read."""

    excerpt: str
    body: str
    problem: str | None = None


def _excerpt(front_matter: str) -> str:
    match = _EXCERPT.search(front_matter)
    if match is not None and len(_OTHER_EXCERPT.findall(front_matter)) == 1:
        return match[1] if match[1] is not None else match[2]
    if _OTHER_EXCERPT.search(front_matter) is None:
        return ""
    simple = load_simple(front_matter, lines=False)
    values: Any
    if simple is not None:
        values = simple[0]
    else:
        try:
            values = load_yaml(front_matter)
        except BylineError:
            return ""  # broken front matter: its body is still worth finding
    value = values.get("excerpt") if isinstance(values, dict) else None
    return value if isinstance(value, str) else ""


def _read(path: str) -> bytes:
    """A post file's bytes; refuses what is not a regular file or is far too large to be one."""
    fd = os.open(path, _OPEN_FLAGS)  # O_NONBLOCK: a pipe named .md must not hang the index
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise BylineError("not a regular file")
        if st.st_size > MAX_POST_BYTES:
            raise BylineError(f"{st.st_size / 2**20:.1f} MB is too large to be a post")
        chunks = [os.read(fd, st.st_size + 1)]
        while chunks[-1] and sum(map(len, chunks)) <= MAX_POST_BYTES:  # it grew meanwhile
            chunks.append(os.read(fd, 1 << 16))
        return b"".join(chunks)
    finally:
        os.close(fd)


def post_text(path: str) -> PostText:
    """Read one post for the search index; never raises for a file that cannot be read."""
    try:
        text = decode(_read(path), path)
    except BylineError as exc:
        return PostText("", "", exc.message)
    except OSError as exc:
        return PostText("", "", f"cannot be read: {exc.strerror or exc}")
    parts = split_text(text)
    if parts is None:
        return PostText("", text)  # no front matter: all of it is body
    _, _, front_matter, _, body = parts
    return PostText(_excerpt(front_matter), body)
