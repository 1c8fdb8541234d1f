"""File names for posts: slugs from titles, dated post names, and free names."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

MAX_SLUG = 60
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
        if len(candidate) > max_length:
            if not slug:
                slug = word[:max_length]
            break
        slug = candidate
    return slug or "untitled"


def post_file_name(date: dt.date, slug: str, ext: str = ".md") -> str:
    return f"{date:%Y-%m-%d}-{slug}{ext}"


def free_path(
    folder: Path, stem: str, ext: str, exists: Callable[[Path], bool] | None = None
) -> Path:
    """`folder/stem.ext`, or `stem-2.ext`, `stem-3.ext`… when the name is taken."""
    taken = exists or (lambda p: p.exists())
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
