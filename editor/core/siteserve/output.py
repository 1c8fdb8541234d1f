"""Reading `jekyll serve` output line by line: building, built, serving, errors."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Event(enum.Enum):
    BUILDING = "building"
    BUILT = "built"
    SERVING = "serving"
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Line:
    event: Event
    text: str
    seconds: float | None = None  # a build's time


_DONE = re.compile(r"done in ([0-9.]+) seconds")
_ERROR = re.compile(
    r"(^|\s)(Error|Liquid Exception|Conversion error|jekyll [0-9.]+ \| Error|"
    r"Could not find|Bundler::|cannot load such file|ERROR)\b",
)
_WARNING = re.compile(r"(^|\s)(Warning|Deprecation|Liquid Warning)\b", re.I)


def read_line(text: str) -> Line:
    """What one line of Jekyll's output says."""
    stripped = text.strip()
    done = _DONE.search(stripped)
    if done:
        return Line(Event.BUILT, stripped, float(done[1]))
    if stripped.startswith(("Generating...", "Regenerating:")):
        return Line(Event.BUILDING, stripped)
    if stripped.startswith("Server address:") or stripped.startswith("Server running"):
        return Line(Event.SERVING, stripped)
    if _ERROR.search(stripped):
        return Line(Event.ERROR, stripped)
    if _WARNING.search(stripped):
        return Line(Event.WARNING, stripped)
    return Line(Event.INFO, stripped)
