"""The one way to reach files under resources/: installed, editable and frozen alike."""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path


@cache  # it never moves while Byline runs; asked for each icon and resource
def resource_root() -> Path:
    """The folder holding Byline's resources (icons, stylesheets, the sample blog)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "editor" / "resources"
    packaged = resources.files("editor") / "resources"
    if packaged.is_dir():
        return Path(str(packaged))
    # an editable install or a source checkout: resources/ beside the package
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")
