"""A post's outline: its headings with the line each starts on (fenced code skipped)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_IAL = re.compile(r"\s*\{[:#][^}]*\}\s*$")  # kramdown's `{#id}` / `{: .class}` after a heading


@dataclass(frozen=True)
class Heading:
    level: int  # 1-6
    text: str
    line: int  # 1-based line of the body where the heading starts


def outline(body: str) -> list[Heading]:
    """The headings of a Markdown body: `# ATX` and setext (`===` / `---` underlined)."""
    headings: list[Heading] = []
    fence = ""
    previous = ""  # the line before, when it could be a setext heading's text
    for number, line in enumerate(body.split("\n"), start=1):
        line = line.rstrip("\r")
        if fence:
            if line.lstrip(" ").startswith(fence):
                fence = ""
            previous = ""
            continue
        opened = _FENCE.match(line)
        if opened:
            fence = opened[1][0] * 3
            previous = ""
            continue
        atx = _ATX.match(line)
        if atx:
            text = _IAL.sub("", (atx[2] or "").strip())
            headings.append(Heading(len(atx[1]), text, number))
            previous = ""
            continue
        setext = _SETEXT.match(line)
        if (
            setext
            and previous.strip()
            and not previous.startswith(("    ", "\t", ">", "-", "*", "|"))
        ):
            headings.append(
                Heading(1 if setext[1][0] == "=" else 2, _IAL.sub("", previous.strip()), number - 1)
            )
            previous = ""
            continue
        previous = line
    return headings


def section_at(headings: list[Heading], line: int) -> int | None:
    """The index of the heading whose section holds `line` (None: before the first)."""
    found = None
    for index, heading in enumerate(headings):
        if heading.line > line:
            break
        found = index
    return found
