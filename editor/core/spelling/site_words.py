"""The blog's own words: a word the dictionary does not know but three posts or more use.

Names, products and places an author writes again and again are known; a typo that
appears in one post only is still flagged. Only words the dictionary rejects are counted,
so the counts stay small. The scan reads each post once and never touches the site index
(the window runs it in the background after the first preview). Each post's unknown words
are remembered in the user's cache folder by its size and time, so a blog opened again is
learnt from the posts that changed only (10,000 posts: ~0.2 s instead of several seconds).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from editor.core.safety.storage import atomic_write
from editor.core.spelling.checker import SpellChecker
from editor.core.spelling.speller import Speller
from editor.core.spelling.tokens import prose_lines

MIN_POSTS = 3
MAX_POST_BYTES = 2_000_000  # larger files are not posts worth learning from


def body_of(text: str) -> tuple[str, int]:
    """A post's Markdown body and the file line it starts on (the whole text without
    front matter)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if text.startswith("---"):
        lines = text.split("\n")
        for i in range(1, len(lines)):
            if lines[i].rstrip("\r") in ("---", "..."):
                return "\n".join(lines[i + 1 :]), i + 1
    return text, 0


def read_text(path: Path) -> str | None:
    """A post's text, or None when it is not a readable text file."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_POST_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_POST_BYTES or b"\x00" in data:
        return None
    return data.decode("utf-8", errors="replace")


CACHE_VERSION = 1  # raise when the rules for what is a word change


def unknown_words(text: str, checker: SpellChecker) -> set[str]:
    """The words of a post's body the dictionary does not know."""
    body, _ = body_of(text)
    speller = Speller(checker)
    return {f.word for _, line in prose_lines(body) for f in speller.check_prose_line(line)}


def learn_cache_file(cache_dir: Path, site_root: Path) -> Path:
    """Where a blog's learnt words are remembered (one small file per blog)."""
    key = hashlib.sha1(os.path.abspath(site_root).encode("utf-8")).hexdigest()[:16]
    return cache_dir / "spelling" / f"learnt-{key}.json"


def learn(
    posts: Iterable[Path],
    checker: SpellChecker,
    cache: Path | None = None,
    *,
    parallel: bool = False,
) -> set[str]:
    """The site's own words: unknown to the dictionary, used in MIN_POSTS posts or more.
    `cache`: the file remembering each post's unknown words (see the module's docstring);
    `parallel`: the posts to read shared with a helper process (the command line only)."""
    stamp = _dictionary_stamp(checker)
    old = _read_cache(cache, stamp) if cache else {}
    new: dict[str, list[object]] = {}
    stale: list[tuple[Path, os.stat_result]] = []
    for path in posts:
        try:
            st = path.stat()
        except OSError:
            continue
        entry = old.get(str(path))
        if entry is not None and entry[:2] == [st.st_mtime_ns, st.st_size]:
            new[str(path)] = entry
        else:
            stale.append((path, st))

    def part(chunk: Sequence[tuple[Path, os.stat_result]]) -> list[list[str] | None]:
        out: list[list[str] | None] = []
        for path, _ in chunk:
            text = read_text(path)
            out.append(None if text is None else sorted(unknown_words(text, checker)))
        return out

    if parallel and len(stale) > 50:
        from editor.core.index.two_processes import shared_map

        found = shared_map(stale, part)
    else:
        found = part(stale)
    for (path, st), words in zip(stale, found, strict=True):
        if words is not None:
            new[str(path)] = [st.st_mtime_ns, st.st_size, words]
    counts: Counter[str] = Counter()
    for entry in new.values():
        counts.update(w for w in entry[2] if isinstance(w, str))  # type: ignore[attr-defined]
    if cache is not None and new != old:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            data = {"version": CACHE_VERSION, "dictionary": stamp, "posts": new}
            atomic_write(cache, json.dumps(data).encode("utf-8"), durable=False)
        except (OSError, ValueError):  # a cache: failing to write it costs time only
            pass
    return site_words_from(counts)


def _dictionary_stamp(checker: SpellChecker) -> list[object]:
    try:
        st = checker.file.dic.stat()
        return [checker.name, st.st_mtime_ns, st.st_size]
    except OSError:
        return [checker.name]


def _read_cache(cache: Path, stamp: list[object]) -> dict[str, list[object]]:
    try:
        data = json.loads(cache.read_bytes())
    except (OSError, ValueError):
        return {}
    if (
        not isinstance(data, dict)
        or data.get("version") != CACHE_VERSION
        or data.get("dictionary") != stamp
        or not isinstance(data.get("posts"), dict)
    ):
        return {}
    return {
        k: v
        for k, v in data["posts"].items()
        if isinstance(v, list) and len(v) == 3 and isinstance(v[2], list)
    }


def site_words_from(counts: Counter[str]) -> set[str]:
    return {w for w, n in counts.items() if n >= MIN_POSTS}
