"""File names for posts: slugs from titles, dated post names, and free names."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

MAX_SLUG = 60
# File names hold 255 bytes. A post is `YYYY-MM-DD-<slug>-NN.markdown` and its temp file
# `.<name>.<8 random>.tmp`: 120 bytes of slug leave room for both, in any script.
MAX_SLUG_BYTES = 120
# Names Windows reserves whatever the extension (`con.md` cannot be created there).
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{dev}{n}" for dev in ("com", "lpt") for n in (*"123456789", "¹", "²", "³")}
)
# Letters that NFKD does not fold to ASCII, spelled the way people type them.
_TRANSLIT = str.maketrans(
    {
        "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe",
        "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d",
        "ı": "i", "&": " and ",
    }
)  # fmt: skip


def slugify(title: str, *, max_length: int = MAX_SLUG) -> str:
    """`Crème brûlée: 10 tips!` -> `creme-brulee-10-tips`. Never empty, never a path."""
    text = unicodedata.normalize("NFKD", title.translate(_TRANSLIT))
    out = []
    for ch in text:
        if unicodedata.combining(ch):
            continue
        if ch.isascii():
            out.append(ch.lower() if ch.isalnum() else " ")
        elif ch.isalnum():
            out.append(ch.lower())  # other scripts stay readable
        else:
            out.append(" ")
    words = "".join(out).split()
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length or _bytes(candidate) > MAX_SLUG_BYTES:
            if not slug:
                slug = _cut(word[:max_length], MAX_SLUG_BYTES)
            break
        slug = candidate
    if slug in WINDOWS_RESERVED:
        slug += "-post"  # `con.md` is a device on Windows, `con-post.md` a file
    return slug or "untitled"


def _bytes(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _cut(text: str, limit: int) -> str:
    """The longest start of `text` whose UTF-8 form fits in `limit` bytes."""
    while _bytes(text) > limit:
        text = text[:-1]
    return text


def post_file_name(date: dt.date, slug: str, ext: str = ".md") -> str:
    return f"{date:%Y-%m-%d}-{slug}{ext}"


def free_path(
    folder: Path, stem: str, ext: str, exists: Callable[[Path], bool] | None = None
) -> Path:
    """`folder/stem.ext`, or `stem-2.ext`, `stem-3.ext`… when the name is taken.

    Any folder entry takes a name: a file, a folder, a symlink (a dangling one too).
    """
    taken = exists or os.path.lexists
    candidate = folder / f"{stem}{ext}"
    n = 2
    while taken(candidate):
        candidate = folder / f"{stem}-{n}{ext}"
        n += 1
    return candidate


_DATED = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)$")


def split_post_name(stem: str) -> tuple[dt.date | None, str]:
    """`2025-08-14-alaska` -> (date(2025, 8, 14), "alaska"); a bad or missing date -> None."""
    m = _DATED.match(stem)
    if not m:
        return None, stem
    try:
        return dt.date.fromisoformat(m["date"]), m["slug"]
    except ValueError:
        return None, stem
