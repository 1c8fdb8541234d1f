"""The command line: `byline new|list|check|render`, a thin layer over editor.core."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from editor import __version__
from editor.core.errors import BylineError, PostFormatError

if TYPE_CHECKING:
    from editor.core.site import Site

# The commands import what they use when they run: `byline list` with nothing changed
# needs none of the post, YAML or index code, and starts that much sooner.

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def _add_new(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    COMMANDS["new"] = cmd_new


def cmd_new(args: argparse.Namespace) -> int:
    from editor.core.dates import parse_date_value
    from editor.core.site import Site

    site = Site.open(args.site)
    # processed first: a bad image stops everything before a byte is written
    image = None
    if getattr(args, "image", None):
        from editor.core.images import process_file  # Pillow: only when an image is given

        image = process_file(args.image)
    zone = site.zone
    if args.date:
        try:
            moment = dt.datetime.fromisoformat(args.date)
        except ValueError:
            moment = parse_date_value(args.date)  # raises a clear InvalidDateError
        moment = moment if moment.tzinfo else moment.replace(tzinfo=zone)
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
    from editor.core.image_store import ImageStage

    stage = ImageStage()
    if image is not None:
        stage.add(image)
    commit = stage.commit(site.root)  # the image goes first, then the post
    try:
        path = site.write_new(post, draft=args.draft)
    except BaseException:
        commit.undo()  # no orphan image when the post could not be written
        raise
    print(path)
    return 0


def _open_site(args: argparse.Namespace) -> Site:
    """The site, with an index that may use a second core (safe in this one-thread process)."""
    from editor.core.site import Site
    from editor.core.site_index import SiteIndex

    site = Site.open(args.site)
    use_cache = not getattr(args, "no_cache", False)
    SiteIndex(site, use_cache=use_cache, workers=2)  # attaches itself: the site uses this one
    return site


def _add_list(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("list", help="list the site's posts, newest first")
    p.add_argument("site", help="the site folder (or any folder inside it)")
    p.add_argument("--json", action="store_true", help="one JSON object per post")
    p.add_argument("--drafts", action="store_true", help="include the drafts")
    p.add_argument("--no-cache", action="store_true", help="read every post (no index cache)")
    COMMANDS["list"] = cmd_list


def cmd_list(args: argparse.Namespace) -> int:
    from editor.core.gc_pause import gc_paused

    with gc_paused():  # tens of thousands of small objects, none of them in a cycle
        return _list(args)


def _list(args: argparse.Namespace) -> int:
    if args.no_cache:  # no index: each of two processes writes the lines of the posts it read
        from editor.core.fresh_listing import fresh_listing

        _write_utf8(fresh_listing(args.site, drafts=args.drafts, as_json=args.json))
        return 0
    from editor.core import listing_cache, paths
    from editor.core.site_root import find_site_root

    variant = ("json" if args.json else "text") + ("-drafts" if args.drafts else "")
    # nothing changed since the last `byline list` like this one: its output, as it was
    root = find_site_root(args.site)
    saved = listing_cache.listing_file(paths.cache_dir(), root, variant)
    output = listing_cache.load(saved, root, variant)
    if output is not None:
        sys.stdout.write(output)
        return 0
    site = _open_site(args)
    entries = site.index.entries(drafts=args.drafts)
    from editor.core.listing import json_lines, text_lines

    output = json_lines(entries) if args.json else text_lines(entries)
    sys.stdout.write(output)
    stamps = site.index.stamps()
    if stamps is not None:
        listing_cache.save(saved, site.root, variant, *stamps, output)
    return 0


def _write_utf8(data: bytes) -> None:
    """Text already encoded as UTF-8, to standard output (decoded where it expects other)."""
    import codecs
    import os

    stdout = sys.stdout
    encoding = getattr(stdout, "encoding", None) or ""
    buffer = getattr(stdout, "buffer", None)
    try:
        utf8 = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        utf8 = False
    if utf8 and buffer is not None and os.linesep == "\n":
        stdout.flush()
        buffer.write(data)
        buffer.flush()
    else:  # a Windows console or a captured stream: let it encode and translate
        stdout.write(data.decode("utf-8"))


def _add_check(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help="report problems in the site's posts (exit 1 on errors)")
    p.add_argument("site", help="the site folder (or any folder inside it)")
    p.add_argument("--no-cache", action="store_true", help="read every post (no index cache)")
    COMMANDS["check"] = cmd_check


def cmd_check(args: argparse.Namespace) -> int:
    from editor.core.site_check import check_site, has_errors

    site = _open_site(args)
    findings = check_site(site, workers=2)
    sys.stdout.write("".join(f"{f}\n" for f in findings))
    counts = {s: sum(f.severity == s for f in findings) for s in ("error", "warning", "note")}
    posts = len(site.index)
    summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
    print(f"{posts} posts checked: {summary}", file=sys.stderr)
    return 1 if has_errors(findings) else 0


def _add_render(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("render", help="write a post as the preview shows it, as HTML")
    p.add_argument("post", type=Path, help="a Markdown file, inside a site or not")
    p.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
    p.add_argument("--body-only", action="store_true", help="only the rendered body")
    p.add_argument("--dark", action="store_true", help="the dark stylesheet")
    COMMANDS["render"] = cmd_render


def cmd_render(args: argparse.Namespace) -> int:
    from editor.core.post import decode, parse_post
    from editor.core.render import RenderOptions, SiteContext, render_post, standalone_page
    from editor.core.storage import atomic_write

    path: Path = args.post
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BylineError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        post = parse_post(data, path=str(path))
        body, fields = post.body_for_editing(), dict(post.values)
    except PostFormatError:
        body, fields = decode(data, str(path)).removeprefix("\ufeff"), {}
    site = SiteContext.for_path(path)
    options = RenderOptions(column_width=None, line_anchors=False, header=not args.body_only)
    rendered = render_post(body, fields, site, options, base_dir=path.resolve().parent)
    html = rendered.body + "\n" if args.body_only else standalone_page(rendered, dark=args.dark)
    if args.output:
        atomic_write(args.output, html.encode("utf-8"))
    else:
        sys.stdout.write(html)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="byline",
        usage="byline [PATH]\n       byline COMMAND ...   (byline COMMAND --help for one)",
        description="Byline: edit the posts of a Jekyll blog. With no command it opens the "
        "editor on PATH (a site folder or a post; the last site when left out).",
        epilog="byline --self-test checks the installation (offscreen).",
    )
    parser.add_argument("--version", action="version", version=f"byline {__version__}")
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", title="commands", prog="byline"
    )
    _add_new(sub)
    _add_list(sub)
    _add_check(sub)
    _add_render(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except BylineError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`byline list | head`): nothing more to say to it, and
        # nothing left for Python to flush into the closed pipe at exit
        import contextlib
        import os

        with contextlib.suppress(OSError, ValueError):  # no real file (tests): nothing to do
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + 13  # as if ended by SIGPIPE, like other command-line tools
