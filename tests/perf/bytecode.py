"""Byline's modules compiled to bytecode first, as installing it does (pip, PyInstaller).

Without this, a shell with PYTHONDONTWRITEBYTECODE set (CI machines often have it) makes
every timed process compile the editor's sources again, which no installed copy does.
"""

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def compile_editor() -> None:
    if not compileall.compile_dir(ROOT / "editor", quiet=1):
        raise SystemExit("the editor's sources do not compile")
