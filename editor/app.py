"""Start-up: arguments, then the command line or the QApplication and main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from editor import __version__

# the commands by name, without importing editor.cli (tests/cli/test_mistakes.py keeps it whole)
CLI_COMMANDS = {"new", "list", "check", "render", "search", "rename-term", "publish", "sync",
                "spell"}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("--help", "-h"):  # the editor and the command line, in one
        from editor.cli import build_parser

        build_parser().print_help()
        return 0
    if args and args[0] in ("--version", "-V"):
        print(f"byline {__version__}")
        return 0
    if args and args[0] == "--self-test":
        from editor.selftest import main as selftest_main

        return selftest_main()
    commands = set(CLI_COMMANDS)
    first = args[0] if args else ""
    if first and first not in commands and not first.startswith("-"):
        from pathlib import Path

        if not Path(first).expanduser().exists():  # not a path to open: maybe a command
            from editor.mistakes import known_commands

            commands |= known_commands()  # one registered in editor.cli only
    if args and args[0] in commands:
        import gc

        # A short-lived process: the cyclic collector's passes over the tens of thousands
        # of objects an index is made of would free nothing that matters (~40 ms on
        # 10,000 posts), and neither would its last pass at exit (frozen objects are
        # left out of it).
        gc.disable()
        from editor.cli import main as cli_main

        code = cli_main(args)
        gc.freeze()
        return code
    from editor.mistakes import no_display, unknown_command

    problem = unknown_command(args, commands) or no_display(args, commands)
    if problem:  # said plainly, before Qt could abort with its own words
        print(f"byline: {problem}", file=sys.stderr)
        return 2
    import gc

    # The window's start-up makes tens of thousands of objects (modules, classes, Qt's
    # enums) and frees almost none: the cyclic collector's passes over them (~15 ms before
    # the first paint) would find nothing. It is back once the window has painted, with
    # those objects frozen out of its passes (editor/ui/startup/application.py).
    gc.disable()
    from editor.ui.startup.feature_scan import spare_our_modules

    spare_our_modules()  # before the window's modules are imported
    from editor.ui.startup.application import run_gui

    return run_gui(args)
