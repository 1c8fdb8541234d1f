"""`byline spell PATH... [--lang CODE]`: the words the window would underline, one per line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.cli import Subparsers


def add_spell(sub: Subparsers) -> None:
    p = sub.add_parser(
        "spell",
        help="list misspelt words: FILE:LINE:COL: WORD: SUGGESTIONS (exit 1 when any)",
        description="Check the spelling of posts as the editor does (the blog's language, its "
        "own words, your personal dictionary and the blog's _data/spelling.txt). Exit 0 when "
        "nothing is flagged, 1 when something is, 2 on errors.",
    )
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                   help="a post, or a site folder (every post in _posts/ and _drafts/)")  # fmt: skip
    p.add_argument("--lang", default="", metavar="CODE",
                   help="the language (en, en-GB, de_DE, ...): the blog's by default")  # fmt: skip
    p.set_defaults(run=cmd_spell)


def cmd_spell(args: argparse.Namespace) -> int:
    from editor.core.errors import BylineError
    from editor.core.paths import cache_dir
    from editor.core.site.site import Site
    from editor.core.site.site_root import find_site_root
    from editor.core.spelling.language import site_language
    from editor.core.spelling.post_spelling import check_posts, suggestions_for
    from editor.core.spelling.site_words import learn, learn_cache_file
    from editor.core.spelling.speller import Speller, checker_for
    from editor.core.spelling.variant import blog_language

    lines: list[str] = []
    errors = 0
    for given in args.paths:
        path: Path = given
        if not path.exists():
            print(f"byline: {path}: no such file or folder", file=sys.stderr)
            errors += 1
            continue
        try:
            root: Path | None = find_site_root(path)
        except BylineError:
            root = None
        site = Site.open(root, learn=False) if root else None
        config = site.config.raw if site else {}
        site_posts = list(site.post_files()) if site else []
        if path.is_dir():
            if root is None:
                print(f"byline: {path}: not a Jekyll site (no _config.yml)", file=sys.stderr)
                errors += 1
                continue
            files = site_posts
        else:
            files = [path]
        code = args.lang or blog_language(root, site_language(config), site_posts)
        try:
            checker = checker_for(code)
        except BylineError as exc:
            print(f"byline: {exc}", file=sys.stderr)
            errors += 1
            continue
        speller = Speller.for_site(checker, root, config=site.config if site else None)
        # the command line's language wins over the posts' own `lang:`
        learn_from = site_posts
        if root is not None and not path.is_dir():  # a post: the site's words, remembered
            cache = learn_cache_file(cache_dir(), root)
            speller.site_words |= learn(site_posts, checker, cache, parallel=True)
            learn_from = []
        results = check_posts(files, speller, learn=learn_from, post_lang=not args.lang)
        # suggestions once per distinct word, on two cores: the slow part of a big site
        by_language: dict[str, list[str]] = {}
        for r in results:
            by_language.setdefault(r.language, []).extend(f.word for f in r.unknown)
        suggestions = {
            lang: suggestions_for(words, checker_for(lang) if lang else checker)
            for lang, words in by_language.items()
        }
        for r in results:
            shown = _shown(r.path, given, path.is_dir())
            if r.problem:
                print(f"byline: {shown}: {r.problem}; not checked", file=sys.stderr)
                errors += 1
                continue
            for f in r.unknown:
                found = ", ".join(suggestions[r.language][f.word])
                tail = f" {found}" if found else ""
                lines.append(f"{shown}:{f.line + 1}:{f.col + 1}: {f.word}:{tail}\n")
    sys.stdout.write("".join(lines))
    if errors:
        return 2
    return 1 if lines else 0


def _shown(path: Path, given: Path, is_site: bool) -> str:
    """A post's name as printed: under the folder as the user typed it."""
    if not is_site:
        return str(given)
    try:
        return os.path.join(given, os.path.relpath(path, given))
    except ValueError:  # another drive (Windows)
        return str(path)
