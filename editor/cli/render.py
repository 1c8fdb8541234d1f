"""`byline render`: a post as the preview shows it, as HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from editor.cli.output import printable
from editor.core.errors import BylineError, InvalidDateError, PostFormatError

if TYPE_CHECKING:
    from editor.cli import Subparsers


def add_render(sub: Subparsers) -> None:
    p = sub.add_parser("render", help="write a post as the preview shows it, as HTML")
    p.add_argument("post", type=Path, help="a Markdown file, inside a site or not")
    p.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
    p.add_argument("--body-only", action="store_true", help="only the rendered body")
    p.add_argument("--dark", action="store_true", help="the dark stylesheet")
    p.set_defaults(run=cmd_render)


def cmd_render(args: argparse.Namespace) -> int:
    from editor.core.post.post import decode, parse_post
    from editor.core.render import (
        FRONT_MATTER_ERROR,
        RenderOptions,
        SiteContext,
        broken_post_body,
        render_post,
        standalone_page,
    )
    from editor.core.safety.post_io import read_file
    from editor.core.safety.storage import atomic_write

    path: Path = args.post
    if path.is_dir():
        raise BylineError(f"{path} is a folder: render takes one post (a Markdown file)")
    if not path.exists():
        raise BylineError(f"{path} does not exist")
    data, _ = read_file(path)  # a clear error for a pipe, a folder or a file over 16 MB
    broken: PostFormatError | None = None
    try:
        post = parse_post(data, path=str(path))
        body, fields = post.body_for_editing(), dict(post.values)
    except PostFormatError as exc:
        text = decode(data, str(path)).removeprefix("\ufeff")
        body, fields = text, {}
        if text.startswith("---"):  # front matter it cannot read: the body alone, the
            broken = exc  # error above it (and on stderr, exit 1)
            body, fields = broken_post_body(text), {FRONT_MATTER_ERROR: exc.message}
    site = SiteContext.for_path(path)
    options = RenderOptions(column_width=None, line_anchors=False, header=not args.body_only)
    rendered = render_post(body, fields, site, options, base_dir=path.resolve().parent)
    html = (
        rendered.body + "\n"
        if args.body_only
        else standalone_page(rendered, dark=args.dark, site=site)
    )
    if args.output:
        atomic_write(args.output, html.encode("utf-8"))
    else:
        sys.stdout.write(printable(html, keep_cr=True))  # ESC in a post never reaches the terminal
    if broken is not None:
        where = f"{path}:{broken.line}" if broken.line else str(path)
        print(
            f"byline: {printable(where)}: front matter cannot be read: "
            f"{printable(broken.message)}; rendered the body alone",
            file=sys.stderr,
        )
        # a date out of range is read (only not shown): the YAML itself is fine
        return 0 if isinstance(broken, InvalidDateError) else 1
    return 0
