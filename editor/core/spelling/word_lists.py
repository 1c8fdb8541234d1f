"""The author's words: the personal dictionary and the blog's shared word list.

- Personal: `spelling/personal.txt` in Byline's data folder (`~/.local/share/Byline` on
  Linux), one word a line; *Add to dictionary* appends to it.
- The blog's: `_data/spelling.txt` in the site, one word a line, `#` starts a comment; kept
  in the repository so that co-authors share it. Byline reads it, never writes it.

- The blog's names: the site's title and its authors (`author:`, `authors:` keys, names and
  display names in `_config.yml`) are known words, so the blog's own author is never
  underlined.

A word in a list is known as written and also capitalised (a list saying `jekyll` accepts
`Jekyll` at the start of a sentence); a capitalised entry (`Kraków`) only as written.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from editor.core.paths import data_dir
from editor.core.site.site_config import SiteConfig

SITE_LIST = Path("_data") / "spelling.txt"
MAX_LIST_BYTES = 2_000_000  # a word list larger than this is not one


_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _names_in(value: Any) -> Iterable[str]:
    """The strings of a config value naming someone: a string, a mapping's name fields, a list."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key in ("name", "display_name", "full_name", "title"):
            if isinstance(value.get(key), str):
                yield value[key]
    elif isinstance(value, list):
        for item in value[:200]:
            yield from _names_in(item)


def config_names(config: SiteConfig) -> set[str]:
    """The words of the blog's own names: its title and its authors as `_config.yml` gives them."""
    texts: list[str] = [config.title, *_names_in(config.raw.get("author"))]
    for author in list(config.authors.values())[:1000]:
        texts += (author.key, author.name, author.display_name)
    words: set[str] = set()
    for text in texts:
        words.update(m.group().replace("’", "'") for m in _NAME_WORD.finditer(text[:1000]))
    return words


def personal_path() -> Path:
    return data_dir() / "spelling" / "personal.txt"


def read_list(path: Path) -> set[str]:
    """The words of a list file; an unreadable or missing file is an empty list."""
    try:
        if path.stat().st_size > MAX_LIST_BYTES:
            return set()
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return set()
    out: set[str] = set()
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip().replace("’", "'")
        if word and "\x00" not in word:
            out.add(word)
    return out


def expand(words: set[str]) -> set[str]:
    """A list's words plus the capitalised forms of its lower-case ones."""
    return words | {w[:1].upper() + w[1:] for w in words if w[:1].islower()}


def add_to_list(path: Path, word: str) -> None:
    """Append `word` to a list file (made with its folder when missing)."""
    word = word.strip().replace("’", "'")
    if not word or word in read_list(path):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "ab") as f:
        if f.tell() > 0:
            with open(path, "rb") as r:
                r.seek(-1, os.SEEK_END)
                if r.read(1) != b"\n":
                    f.write(b"\n")
        f.write(word.encode("utf-8") + b"\n")
