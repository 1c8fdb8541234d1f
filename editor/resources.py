"""The one way to reach files under resources/: installed, editable and frozen alike."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache  # it never moves while Byline runs; asked for each icon and resource
def resource_root() -> Path:
    """The folder holding Byline's resources (icons, stylesheets, the sample blog)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "editor" / "resources"
    package = Path(__file__).resolve().parent
    # installed: resources/ inside the package, where importlib.resources.files("editor")
    # points for a package in a folder; an editable install or a source checkout:
    # resources/ beside it. (importlib.resources itself, only needed for a zipped install,
    # would cost ~9 ms of imports before the first paint.)
    for folder in (package / "resources", package.parent / "resources"):
        if folder.is_dir():
            return folder
    from importlib import resources

    return Path(str(resources.files("editor") / "resources"))


def resource_path(*parts: str) -> Path:
    return resource_root().joinpath(*parts)


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")
