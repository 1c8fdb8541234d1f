"""`byline rename-term`: rename, merge or delete a tag, category or author in every post."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from editor.cli.output import write_utf8

if TYPE_CHECKING:
    from editor.cli import Subparsers


def add_rename_term(sub: Subparsers) -> None:
    p = sub.add_parser(
        "rename-term",
        help="rename, merge or delete a tag, category or author in every post",
        description="Rename a tag, category or author in every post that uses it; several "
        "OLD values are merged into NEW. Only that key's lines change, in each post's own "
        "style; each changed file's diff is printed. Exit 0 when done, 1 when a post could "
        "not be changed (the others are still done).",
    )
    p.add_argument("site", help="the site folder (or any folder inside it)")
    which = p.add_mutually_exclusive_group(required=True)
    for kind in ("tag", "category", "author"):
        which.add_argument(f"--{kind}", nargs="+", metavar="OLD", help=f"the {kind}(s) to rename")
    to = p.add_mutually_exclusive_group(required=True)
    to.add_argument("--to", metavar="NEW", help="the new value")
    to.add_argument("--delete", action="store_true", help="remove the value(s) from every post")
    p.add_argument("--dry-run", action="store_true", help="print the diffs, write nothing")
    p.set_defaults(run=cmd_rename_term)


def cmd_rename_term(args: argparse.Namespace) -> int:
    from editor.core.index.site_index import SiteIndex
    from editor.core.site.site import Site
    from editor.core.terms.rename import apply_plan, plan_rename, variants

    kind = next(k for k in ("tag", "category", "author") if getattr(args, k))
    olds: list[str] = getattr(args, kind)
    new: str | None = None if args.delete else args.to
    site = Site.open(args.site)
    index = SiteIndex(site, workers=2)  # attaches itself: the site learns its style from it
    plan = plan_rename(index, kind, olds, new)
    write_utf8("".join(change.diff() for change in plan.changes).encode("utf-8"))
    vocabulary = index.vocabulary
    counts = {"tag": vocabulary.tags, "category": vocabulary.categories}.get(
        kind, vocabulary.authors
    )
    unused = [old for old in olds if not counts.get(old)]
    for old in unused:
        print(f"byline: no post has the {kind} {old!r}", file=sys.stderr)
    names = set(olds) | ({new} if new else set())
    for group in variants(counts):
        spellings = {name for name, _ in group}
        if spellings & names and not spellings <= names:
            others = ", ".join(f"{name!r} ({count})" for name, count in group if name not in names)
            print(f"byline: note: also spelled {others}", file=sys.stderr)
    failed = list(plan.problems)
    verb = "delete" if new is None else "rename"
    what = f"{kind} {', '.join(repr(o) for o in olds)}" + ("" if new is None else f" to {new!r}")
    if args.dry_run:
        print(
            f"byline: would {verb} {what} in {len(plan.changes)} posts (dry run: nothing written)",
            file=sys.stderr,
        )
    else:
        applied = apply_plan(plan, site.root)
        failed += applied.failed
        done = "deleted" if new is None else "renamed"
        print(f"byline: {done} {what} in {len(applied.done)} posts", file=sys.stderr)
    for rel, why in failed:
        print(f"byline: {rel}: not changed: {why}", file=sys.stderr)
    return 1 if failed else 0
