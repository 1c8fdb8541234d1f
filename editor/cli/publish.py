"""`byline publish POST` and `byline sync SITE`: commit and push through the author's git.

Exit codes for scripts: 0 published (or nothing waited), 3 committed but the push waits for
the network, 1 on an error (the reason on stderr, git's own words below it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from editor.cli.output import printable
from editor.core.errors import BylineError

if TYPE_CHECKING:
    from editor.cli import Subparsers
    from editor.core.publish.remote import PushResult

EXIT_PUSHED, EXIT_ERROR, EXIT_WAITING = 0, 1, 3


def add_publish(sub: Subparsers) -> None:
    p = sub.add_parser("publish", help="commit a post and its new images, then push")
    p.add_argument("post", type=Path, help="the post's file")
    p.add_argument("-m", "--message", help='the commit message (default "Publish: TITLE")')
    p.set_defaults(run=cmd_publish)


def add_sync(sub: Subparsers) -> None:
    p = sub.add_parser("sync", help="pull the remote's changes, then push what waits")
    p.add_argument("site", help="the site folder (or any folder inside it)")
    p.set_defaults(run=cmd_sync)


def _fail(exc: BylineError) -> int:
    print(printable(f"byline: {exc}"), file=sys.stderr)
    details = getattr(exc, "details", "")
    if details:
        print(printable("\n".join(f"  {line}" for line in details.splitlines())), file=sys.stderr)
    return EXIT_ERROR


def _report(result: PushResult) -> int:
    from editor.core.publish.remote import Outcome

    if result.outcome is Outcome.WAITING:
        print(printable(f"byline: {result.message}"), file=sys.stderr)
        return EXIT_WAITING
    print(printable(result.message))
    return EXIT_PUSHED


def cmd_publish(args: argparse.Namespace) -> int:
    try:
        return _publish(args.post, args.message)
    except BylineError as exc:
        return _fail(exc)


def _publish(post: Path, message: str | None) -> int:
    from editor.core.post.post import parse_post
    from editor.core.publish.commit import commit, plan_publish
    from editor.core.publish.remote import push
    from editor.core.publish.status import open_repo, read_status
    from editor.core.safety.post_io import read_file
    from editor.core.site.site_root import find_site_root

    data, _ = read_file(post)  # a clear error for a pipe, a folder or a file over 16 MB
    root = find_site_root(post.resolve().parent)
    rel = post.resolve().relative_to(root.resolve()).as_posix()
    if rel.startswith("_drafts/"):
        raise BylineError(f"{rel} is a draft: publish the draft first (Publish Draft)")
    text = data.decode("utf-8", "replace")
    if message is None:
        title = parse_post(data, path=str(post)).get("title") or post.stem
        message = f"Publish: {title}"
    repo = open_repo(root)
    status = read_status(repo)
    files = plan_publish(status, rel, text).ticked()
    if files:
        commit(repo, status, files, message)
        for path in files:
            print(printable(f"committed {path}"))
        status = read_status(repo)
    return _report(push(repo, status))


def cmd_sync(args: argparse.Namespace) -> int:
    from editor.core.publish.remote import sync
    from editor.core.publish.status import open_repo
    from editor.core.site.site_root import find_site_root

    try:
        return _report(sync(open_repo(find_site_root(args.site))))
    except BylineError as exc:
        return _fail(exc)
