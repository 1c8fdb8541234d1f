"""`byline search`: find posts by their words, through the search index in the cache folder."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from editor.cli.output import printable, write_utf8

if TYPE_CHECKING:
    from editor.cli import Subparsers
    from editor.core.search.store import Hit

_HELP = (
    'words must all appear; "a phrase"; summ* (a word\'s start); alaska OR europe; -war '
    "(leave out); filters tag:T category:C author:A draft:yes|no year:2024 or year:2020..2024"
)


def add_search(sub: Subparsers) -> None:
    p = sub.add_parser(
        "search",
        help="find posts by their words (exit 1 when none match)",
        description=f"Find posts by their title, excerpt and text. {_HELP}.",
    )
    p.add_argument("site", help="the site folder (or any folder inside it)")
    p.add_argument("query", help="what to find (quote it for the shell)")
    p.add_argument("--json", action="store_true", help="one JSON object per matching post")
    p.add_argument(
        "--limit", type=int, default=20, metavar="N", help="show the best N (default 20; 0: all)"
    )
    p.set_defaults(run=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    from editor.core.index.site_index import SiteIndex
    from editor.core.search.query import parse_query
    from editor.core.search.store import search_index_of
    from editor.core.site.site import Site

    query = parse_query(args.query)  # a malformed query is refused before anything is read
    site = Site.open(args.site, learn=False)
    index = SiteIndex(site, workers=2)
    index.refresh()
    search = search_index_of(site)
    try:
        report = search.sync(index.entries())
        for rel, why in report.unreadable:
            print(f"byline: {rel}: cannot be searched: {why}", file=sys.stderr)
        limit = args.limit if args.limit > 0 else max(len(index), 1)
        results = search.search(query, limit=limit)
    finally:
        search.close()
    if args.json:
        lines = [json.dumps(_json(hit), ensure_ascii=False) + "\n" for hit in results.hits]
    else:
        colour = sys.stdout.isatty()
        lines = [_text(hit, colour) for hit in results.hits]
        if results.total > len(results.hits):
            lines.append(f"({len(results.hits)} of {results.total} posts; --limit 0 for all)\n")
    write_utf8("".join(lines).encode("utf-8"))
    return 0 if results.hits else 1


def _json(hit: Hit) -> dict[str, object]:
    return {
        "path": hit.rel_path,
        "title": hit.title,
        "date": hit.date,
        "draft": hit.draft,
        "score": round(hit.score, 6),
        "snippet": hit.snippet_text,
        "highlights": hit.highlights(),
    }


def _text(hit: Hit, colour: bool) -> str:
    start, end = ("\x1b[1;33m", "\x1b[0m") if colour else ("«", "»")
    # the post's text escaped (no ESC from a post reaches the terminal), not the colours
    snippet = "".join(
        f"{start}{printable(text)}{end}" if matched else printable(text)
        for text, matched in hit.snippet
    )
    date = (hit.date or "draft")[:10]
    draft = " (draft)" if hit.draft and hit.date else ""
    return f"{date}  {printable(hit.title)}{draft}  [{printable(hit.rel_path)}]\n    {snippet}\n"
