"""The environment for the programs Byline starts for the author (git, Jekyll).

A frozen Byline (PyInstaller) points LD_LIBRARY_PATH at its own bundled libraries; a system
`git` or `ruby` started with that would load them instead of its own (another libcurl, zlib,
OpenSSL) and may crash. The bootloader keeps the author's value as *_ORIG: it is put back.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

_LIBRARY_PATHS = ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "DYLD_FRAMEWORK_PATH")


def child_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The author's own environment, without what a frozen Byline set for itself."""
    env = dict(os.environ if base is None else base)
    if getattr(sys, "frozen", False):
        for var in _LIBRARY_PATHS:
            original = env.pop(f"{var}_ORIG", None)
            if original is not None:
                env[var] = original
            else:
                env.pop(var, None)
    return env
