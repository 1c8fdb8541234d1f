"""`byline list` and `byline check`: the site through its index."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from editor.cli.output import printable, printable_utf8, write_utf8

if TYPE_CHECKING:
    from editor.cli import Subparsers
    from editor.core.site.site import Site


def _open_site(args: argparse.Namespace) -> Site:
    """The site, with an index that may use a second core (safe in this one-thread process)."""
    from editor.core.index.site_index import SiteIndex
    from editor.core.site.site import Site

    site = Site.open(args.site)
    use_cache = not getattr(args, "no_cache", False)
    SiteIndex(site, use_cache=use_cache, workers=2)  # attaches itself: the site uses this one
    return site


def add_list(sub: Subparsers) -> None:
    p = sub.add_parser("list", help="list the site's posts, newest first")
    p.add_argument("site", help="the site folder (or any folder inside it)")
    p.add_argument("--json", action="store_true", help="one JSON object per post")
    p.add_argument("--drafts", action="store_true", help="include the drafts")
    p.add_argument("--no-cache", action="store_true", help="read every post (no index cache)")
    p.set_defaults(run=cmd_list)


def cmd_list(args: argparse.Namespace) -> int:
    from editor.core.index.gc_pause import gc_paused

    with gc_paused():  # tens of thousands of small objects, none of them in a cycle
        return _list(args)


def _list(args: argparse.Namespace) -> int:
    if args.no_cache:  # no index: each of two processes writes the lines of the posts it read
        from editor.core.index.fresh_listing import fresh_listing

        listing = fresh_listing(args.site, drafts=args.drafts, as_json=args.json)
        write_utf8(printable_utf8(listing, json=args.json))
        return 0
    from editor.core import paths
    from editor.core.index import listing_cache
    from editor.core.site.site_root import find_site_root

    variant = ("json" if args.json else "text") + ("-drafts" if args.drafts else "")
    # nothing changed since the last `byline list` like this one: its output, as it was
    root = find_site_root(args.site)
    saved = listing_cache.listing_file(paths.cache_dir(), root, variant)
    output = listing_cache.load(saved, root, variant)
    if output is not None:
        sys.stdout.write(output)
        return 0
    from editor.core.index.site_index import index_of

    site = _open_site(args)
    index = index_of(site)
    entries = index.entries(drafts=args.drafts)
    from editor.core.index.listing import json_lines, text_lines

    output = json_lines(entries) if args.json else text_lines(entries)
    output = printable(output, json=args.json)  # no ESC from a title reaches the terminal
    sys.stdout.write(output)
    stamps = index.stamps()
    if stamps is not None:
        listing_cache.save(saved, site.root, variant, *stamps, output)
    return 0


def add_check(sub: Subparsers) -> None:
    p = sub.add_parser("check", help="report problems in the site's posts (exit 1 on errors)")
    p.add_argument("site", help="the site folder (or any folder inside it)")
    p.add_argument("--no-cache", action="store_true", help="read every post (no index cache)")
    p.set_defaults(run=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    from editor.core.index.site_check import check_site, has_errors
    from editor.core.index.site_index import index_of

    site = _open_site(args)
    findings = check_site(site, workers=2)
    sys.stdout.write(printable("".join(f"{f}\n" for f in findings)))
    counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "note")}
    posts = len(index_of(site))
    summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
    print(f"{posts} posts checked: {summary}", file=sys.stderr)
    return 1 if has_errors(findings) else 0
