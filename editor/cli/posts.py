"""`byline new`: a post in the site's house style, with its header image."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from editor.cli.output import printable
from editor.core.errors import BylineError

if TYPE_CHECKING:
    from editor.cli import Subparsers


def add_new(sub: Subparsers) -> None:
    p = sub.add_parser("new", help="create a post in the site's house style")
    p.add_argument("site", help="the site folder (or any folder inside it)")
    p.add_argument("--title", required=True)
    p.add_argument("--date", help="ISO date and time, in the site's timezone (default: now)")
    p.add_argument("--author")
    p.add_argument("--category", action="append", default=[], dest="categories")
    p.add_argument("--tag", action="append", default=[], dest="tags")
    p.add_argument("--excerpt")
    p.add_argument("--layout", default=None)
    p.add_argument("--body-file", type=Path)
    p.add_argument("--draft", action="store_true", help="write to _drafts/ instead of _posts/")
    p.add_argument("--image", type=Path, help="a header image (JPEG, PNG, WebP, GIF, BMP, TIFF)")
    p.set_defaults(run=cmd_new)


def cmd_new(args: argparse.Namespace) -> int:
    from editor.core.index.site_index import open_site
    from editor.core.post.dates import parse_date_value

    site = open_site(args.site)
    # processed first: a bad image stops everything before a byte is written
    image = None
    if getattr(args, "image", None):
        from editor.core.images.pipeline import process_file  # Pillow: only when an image is given

        image = process_file(args.image)
    zone = site.zone
    if args.date:
        try:
            moment = dt.datetime.fromisoformat(args.date)
        except ValueError:
            moment = parse_date_value(args.date, zone)  # raises a clear InvalidDateError
        moment = moment if moment.tzinfo else moment.replace(tzinfo=zone)
        parse_date_value(moment)  # out of range in some timezone: a clear error, not a crash
    else:
        moment = dt.datetime.now(zone).replace(microsecond=0)
    if not args.title.strip():
        raise BylineError("the title is empty")
    body = ""
    if args.body_file:
        try:
            body = args.body_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BylineError(f"cannot read the body file {args.body_file}: {exc}") from None
    fields: dict[str, object] = {
        "layout": args.layout or "post",
        "title": args.title,
        "date": moment,
    }
    if args.author:
        fields["author"] = args.author
    fields["categories"] = args.categories
    fields["tags"] = args.tags
    if args.excerpt is not None:
        fields["excerpt"] = args.excerpt
    if image is not None:
        fields["image"] = image.rel_path
    post = site.new_post(fields, body)
    from editor.core.images.image_store import ImageStage

    stage = ImageStage()
    if image is not None:
        stage.add(image)
    commit = stage.commit(site.root)  # the image goes first, then the post
    try:
        path = site.write_new(post, draft=args.draft)
    except BaseException:
        commit.undo()  # no orphan image when the post could not be written
        raise
    print(printable(str(path)))
    return 0
