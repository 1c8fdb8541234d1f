"""Checking a post: a language's checker plus the words the blog and the author taught it.

The one place the window and `byline spell` share, so that both flag the same words.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from editor.core.site.site_config import SiteConfig
from editor.core.spelling.checker import SpellChecker
from editor.core.spelling.dictionaries import DictionaryFile, available, resolve
from editor.core.spelling.tokens import (
    Word,
    chunk_spans,
    chunks_of_line,
    prose_lines,
    prose_of_line,
    words_of_chunk,
    words_of_line,
)
from editor.core.spelling.word_lists import (
    SITE_LIST,
    config_names,
    expand,
    personal_path,
    read_list,
)

MAX_LINE_CACHED = 5000  # longer lines are not remembered whole (their chunks are)
MAX_LINE_CHARS = 4_000_000  # characters of lines remembered, all posts together
_checkers: dict[Path, SpellChecker] = {}
_checkers_lock = threading.Lock()


def checker_for(code: str, found: dict[str, DictionaryFile] | None = None) -> SpellChecker:
    """The (shared, loaded once) checker for a language code; raises UnknownLanguage or
    DictionaryError with a message for the author."""
    dic = resolve(code, found)
    with _checkers_lock:
        checker = _checkers.get(dic.aff)
        if checker is None:
            checker = SpellChecker(dic)
            _checkers[dic.aff] = checker
        return checker


def forget_checkers() -> None:
    """Drop the loaded dictionaries (tests; a dictionary changed on disk)."""
    with _checkers_lock:
        _checkers.clear()


class Flag(NamedTuple):
    word: str
    line: int  # 0-based, in the text checked
    col: int  # 0-based


@dataclass
class Speller:
    """A checker and the extra words it accepts: personal, the blog's list, the blog's own
    words (site_words.py), and those the author ignored in this post."""

    checker: SpellChecker
    personal: set[str] = field(default_factory=set)
    site_list: set[str] = field(default_factory=set)
    site_words: set[str] = field(default_factory=set)
    ignored: set[str] = field(default_factory=set)
    # remember whole lines (the window, which checks the same post again and again; a run
    # over a blog's posts sees each line once)
    remember_lines: bool = False

    @classmethod
    def for_site(
        cls,
        checker: SpellChecker,
        site_root: Path | None,
        site_words: Iterable[str] = (),
        config: SiteConfig | None = None,
    ) -> Speller:
        site_list = read_list(site_root / SITE_LIST) if site_root else set()
        if config is not None:
            site_list |= config_names(config)
        return cls(checker, expand(read_list(personal_path())), expand(site_list),
                   set(site_words))  # fmt: skip

    def known(self, word: str) -> bool:
        plain = word.replace("’", "'")
        for extra in (self.personal, self.site_list, self.site_words, self.ignored):
            if plain in extra or word in extra:
                return True
        if plain.endswith("'s") and (plain[:-2] in self.site_words or plain[:-2] in self.site_list):
            return True
        return self.checker.known(word)

    def flags(self, found: Iterable[Word]) -> list[Flag]:
        verdict: dict[str, bool] = {}
        out = []
        for w in found:
            ok = verdict.get(w.text)
            if ok is None:
                ok = verdict[w.text] = self.known(w.text)
            if not ok:
                out.append(Flag(w.text, w.line, w.col))
        return out

    def check_body(self, body: str, first_line: int = 0) -> list[Flag]:
        """The unknown words of a Markdown body, lines counted from `first_line`."""
        out: list[Flag] = []
        for n, line in prose_lines(body, first_line):
            out += self.check_prose_line(line, n)
        return out

    def check_prose_line(self, line: str, n: int = 0) -> list[Flag]:
        """The unknown words of one line of a body. Fast: a line's chunks (tokens.py) are
        mostly ones seen before, whose verdict the checker remembers; lines seen before
        (typing rechecks a post mostly unchanged) too, with the words the dictionary
        does not know in them."""
        checker = self.checker
        lines = checker.line_verdicts
        unknown = lines.get(line)
        if unknown is None:
            masked = prose_of_line(line)
            seen = checker.chunk_verdicts.get
            # seen chunks at C speed; a chunk not seen yet (None) takes the longer way
            if all(map(seen, chunks_of_line(masked, masked=True))):
                unknown = ()
            else:
                found = []
                for start, chunk in chunk_spans(masked, masked=True):
                    ok = seen(chunk)
                    if ok is None:
                        ok = checker.chunk_known(chunk)
                    if not ok:
                        found += [(start + col, w) for col, w in words_of_chunk(chunk)
                                  if not checker.known(w)]  # fmt: skip
                unknown = tuple(found)
            if self.remember_lines and len(line) <= MAX_LINE_CACHED:
                checker.line_chars += len(line)
                if checker.line_chars > MAX_LINE_CHARS:
                    lines.clear()
                    checker.line_chars = len(line)
                lines[line] = unknown
        if not unknown:
            return []
        return [Flag(w, n, col) for col, w in unknown if not self.known(w)]

    def check_line(self, text: str) -> list[Flag]:
        """The unknown words of one line of plain text (a title, an excerpt)."""
        return self.flags(words_of_line(text))

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        return self.checker.suggest(word, limit)


def languages() -> list[str]:
    """The dictionaries there are, by name (shipped first)."""
    return list(available())
