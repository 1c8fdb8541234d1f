"""Spell checking post files, for `byline spell`: a post, or every post of a site.

A site is checked in two passes: each post's unknown words (shared with a helper process,
two cores), then the words three posts or more use are taken as the site's own and the rest
reported, with suggestions worked out once per distinct word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import BylineError
from editor.core.spelling.checker import SpellChecker
from editor.core.spelling.site_words import body_of, read_text, site_words_from
from editor.core.spelling.speller import Flag, Speller, checker_for
from editor.core.spelling.tokens import words_of_line

# the front matter fields the window shows as text and checks: `title: ...`, `excerpt: ...`
_TEXT_FIELD = re.compile(r"^(title|excerpt):[ \t]+(?P<value>.*?)[ \t]*$")
_LANG = re.compile(r"^lang:[ \t]*['\"]?(?P<code>[A-Za-z_-]+)['\"]?[ \t]*$", re.MULTILINE)


@dataclass
class PostResult:
    path: Path
    language: str  # the code the post asked for ('' = the site's)
    unknown: list[Flag]  # every word the dictionary does not know, file lines (0-based)
    problem: str = ""  # why the post could not be checked


def post_language(text: str) -> str:
    """The `lang:` of a post's front matter, '' when it has none."""
    _, start = body_of(text)
    if start == 0:
        return ""
    m = _LANG.search("\n".join(text.split("\n")[:start]))
    return m.group("code") if m else ""


def _field_words(text: str, end: int) -> list[Flag]:
    out = []
    for n, line in enumerate(text.split("\n")[:end]):
        m = _TEXT_FIELD.match(line.rstrip("\r"))
        if m:
            value = m.group("value")
            start = m.start("value")
            if value[:1] in "'\"" and value[-1:] == value[:1]:
                value, start = value[1:-1], start + 1
            out += [Flag(w.text, n, start + w.col) for w in words_of_line(value)]
    return out


def unknown_in_post(
    path: Path, checker: SpellChecker, speller: Speller | None = None
) -> PostResult:
    """The words of a post file (title, excerpt, body) its dictionary does not know."""
    text = read_text(path)
    if text is None:
        return PostResult(path, "", [], "not a text file of a post (binary or over 2 MB)")
    if text.startswith("\ufeff"):
        text = text[1:]
    body, start = body_of(text)
    speller = speller or Speller(checker)
    unknown = [f for f in _field_words(text, start) if not speller.known(f.word)]
    unknown += speller.check_body(body, start)
    return PostResult(path, post_language(text), unknown)


def suggestions_for(
    words: Sequence[str], checker: SpellChecker, *, parallel: bool = True
) -> dict[str, list[str]]:
    """Up to five suggestions for each of `words`, worked out on two cores."""
    from editor.core.index.two_processes import shared_map

    def part(chunk: Sequence[str]) -> list[list[str]]:
        return [checker.suggest(w) for w in chunk]

    unique = list(dict.fromkeys(words))
    if parallel and len(unique) > 20 and checker.rank():
        checker.far_misses()  # built once, before the helper is forked (it inherits it)
    done = shared_map(unique, part) if parallel and len(unique) > 20 else part(unique)
    return dict(zip(unique, done, strict=True))


def _pack(results: list[PostResult]) -> list[tuple[str, str, list[tuple[str, int, int]], str]]:
    return [(str(r.path), r.language, [tuple(f) for f in r.unknown], r.problem) for r in results]  # type: ignore[misc]


def _unpack(
    packed: list[tuple[str, str, list[tuple[str, int, int]], str]], _: object
) -> list[PostResult]:
    return [PostResult(Path(p), lang, [Flag(*f) for f in u], prob) for p, lang, u, prob in packed]


def check_posts(
    files: Sequence[Path],
    speller: Speller,
    *,
    learn: Sequence[Path] = (),
    parallel: bool = True,
    post_lang: bool = True,
) -> list[PostResult]:
    """Check `files` with `speller`; the site's own words are learnt from `learn` (every post
    of the site) and added to the speller. Posts asking for another language get its
    dictionary (with the same extra words) unless `post_lang` is false."""
    from editor.core.index.two_processes import shared_map

    everything = list(dict.fromkeys([*files, *learn]))

    def part(paths: Sequence[Path]) -> list[PostResult]:
        return [unknown_in_post(p, speller.checker) for p in paths]

    if parallel and len(everything) > 50:
        results = shared_map(everything, part, pack=_pack, unpack=_unpack)
    else:
        results = part(everything)
    counts: Counter[str] = Counter()
    for r in results:
        counts.update({f.word for f in r.unknown})
    speller.site_words |= site_words_from(counts)
    wanted = set(files)
    out = []
    for r in results:
        if r.path not in wanted:
            continue
        chosen = speller
        if not post_lang:
            r.language = ""
        if r.language and not r.problem:
            try:
                other = checker_for(r.language)
            except BylineError as exc:
                r.problem = str(exc)
                r.unknown = []
                out.append(r)
                continue
            if other is not speller.checker:
                chosen = Speller(other, speller.personal, speller.site_list, speller.site_words)
                r.unknown = unknown_in_post(r.path, other).unknown
        r.unknown = [f for f in r.unknown if not chosen.known(f.word)]
        out.append(r)
    return out
