"""What to say, before any window is tried, when the arguments cannot open one.

`byline lsit SITE` is a mistyped command, not a path; `byline frobnicate` is neither a
command nor a file; and on Linux without a display Qt would abort with a message about
xcb libraries. Each gets one plain sentence on standard error instead (exit 2).

Outside editor.cli on purpose: importing a module of that package imports every command,
which the window's start-up (the common case, checked here first) has no use for.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path


def known_commands() -> set[str]:
    """Every command the parser knows (the registry in editor.cli, whoever added to it)."""
    import argparse

    from editor.cli import build_parser

    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _bare_word(text: str) -> bool:
    """A word a person types as a command: no folder separator, no file suffix."""
    return bool(text) and "/" not in text and os.sep not in text and "." not in text


def unknown_command(args: Sequence[str], commands: Collection[str]) -> str | None:
    """The message for a first argument that is neither a command nor an existing path."""
    if not args or args[0].startswith("-") or args[0] in commands:
        return None
    first = args[0]
    if Path(first).expanduser().exists():
        return None
    import difflib  # only for a mistake: a window's start-up never needs it

    close = difflib.get_close_matches(first, sorted(commands), n=1, cutoff=0.6)
    if close:
        return f"unknown command '{first}' (did you mean {close[0]}?)"
    if _bare_word(first) or len(args) > 1:
        names = ", ".join(sorted(commands))
        return (
            f"'{first}' is neither a command ({names}) nor a file or folder; "
            "byline --help lists what it can do"
        )
    return None  # a path that does not exist: the window says so (and offers Open Site…)


def no_display(
    args: Sequence[str],
    commands: Collection[str],
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
) -> str | None:
    """On Linux with no X11 or Wayland display (and no other Qt platform chosen): why the
    window cannot open, and what works without one."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if chosen and chosen not in ("xcb", "wayland", "wayland-egl"):
        return None  # offscreen, vnc, eglfs...: Qt was told where to draw
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    names = "|".join(sorted(commands))
    missing = ""
    if args and not args[0].startswith("-") and not Path(args[0]).expanduser().exists():
        missing = f"{args[0]} does not exist, and "
    return (
        f"{missing}there is no display to open the editor on "
        "(neither DISPLAY nor WAYLAND_DISPLAY is set). "
        f"The commands work without one: byline {names} ... (byline --help)"
    )
