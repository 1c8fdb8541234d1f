"""The command line: `byline new|list|check|render|publish|sync`, a thin layer over editor.core.

Each family of commands is a module here with `add_<command>(sub)` functions that add a
parser and set its `run`; a new command is one more entry in `COMMANDS` (imported here, not
by name, so that PyInstaller sees it). The modules import what they use when they run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from editor import __version__
from editor.cli import listing, posts, publish, render, search, spell, terms
from editor.core.errors import BylineError

# The commands import what they use when they run: `byline list` with nothing changed
# needs none of the post, YAML or index code, and starts that much sooner.

Subparsers = argparse._SubParsersAction  # type: ignore[type-arg]

# in the order `byline --help` lists them
COMMANDS = (posts.add_new, listing.add_list, listing.add_check, render.add_render,
            publish.add_publish, publish.add_sync, search.add_search,
            terms.add_rename_term, spell.add_spell)  # fmt: skip


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
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except BylineError as exc:
        from editor.cli.output import printable

        print(printable(f"byline: {exc}"), file=sys.stderr)
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
