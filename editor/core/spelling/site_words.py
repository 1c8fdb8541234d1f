"""The blog's own words: a word the dictionary does not know but three posts or more use.

Names, products and places an author writes again and again are known; a typo that
appears in one post only is still flagged. Only words the dictionary rejects are counted,
so the counts stay small. The scan reads each post once and never touches the site index
(the window runs it in the background after the post list is shown).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from editor.core.spelling.checker import SpellChecker
from editor.core.spelling.tokens import words

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


def unknown_words(text: str, checker: SpellChecker) -> set[str]:
    """The words of a post's body the dictionary does not know."""
    body, _ = body_of(text)
    seen = {w.text for w in words(body)}
    return {w for w in seen if not checker.known(w)}


def learn(posts: Iterable[Path], checker: SpellChecker) -> set[str]:
    """The site's own words: unknown to the dictionary, used in MIN_POSTS posts or more."""
    counts: Counter[str] = Counter()
    for path in posts:
        text = read_text(path)
        if text is not None:
            counts.update(unknown_words(text, checker))
    return site_words_from(counts)


def site_words_from(counts: Counter[str]) -> set[str]:
    return {w for w, n in counts.items() if n >= MIN_POSTS}
