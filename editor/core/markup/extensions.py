"""kramdown's extensions: `{::comment}...{:/}` (an HTML comment), `{::nomarkdown}...{:/}`
(raw text, not read as Markdown) and `{::options key="value" /}` (prints nothing;
`parse_block_html="true"` makes the HTML blocks after it read as Markdown).

Python-Markdown printed all three as text. Runs after fenced code is stashed, so an
extension shown inside a code fence stays as written.
"""

from __future__ import annotations

import re

import markdown
from markdown.preprocessors import Preprocessor

_NAMES = "comment|nomarkdown|options"
_START = re.compile(rf"\{{::({_NAMES})\b((?:\\\}}|[^}}])*?)(/?)\}}")
_END = re.compile(r"\{:/(comment|nomarkdown|options)?\}")
_SPAN = re.compile(r"\{::(comment|nomarkdown)\b(?:\\\}|[^}])*?(?<!/)\}(.*?)\{:/(?:\1)?\}")
_EMPTY_SPAN = re.compile(rf"\{{::(?:{_NAMES})\b(?:\\\}}|[^}}])*?/\}}")
_BLOCK_START = re.compile(rf"^ {{0,3}}\{{::(?:{_NAMES})\b")
_PARSE_BLOCK_HTML = re.compile(r"""parse_block_html\s*=\s*["']?(true|false)""")
_HTML_OPENER = re.compile(r"^(\s*<([A-Za-z][A-Za-z0-9-]*))(?=[\s>/])(?![^>]*\bmarkdown=)")
# kramdown writes what a block extension holds where the block was; Python-Markdown
# unwraps a stashed paragraph only when it starts like a block: an empty comment does
_BLOCK_LEAD = "<!---->"


# kramdown reads these as holding blocks (parser/html.rb: HTML_CONTENT_MODEL_BLOCK, less
# the list and table parts, which Python-Markdown cannot read that way)
_HOLD_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "details", "div", "fieldset"}
    | {"figure", "figcaption", "footer", "form", "header", "hgroup", "main", "nav", "section"}
)


def _markdown_inside(m: re.Match[str]) -> str:
    if m.group(2).lower() not in _HOLD_BLOCKS:
        return m.group(0)
    return f'{m.group(1)} markdown="1"'


def read_kramdown_extensions(md: markdown.Markdown) -> None:
    md.preprocessors.register(KramdownExtensions(md), "kramdown_extensions", 26)


class KramdownExtensions(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not any("{::" in line for line in lines):
            return lines
        out: list[str] = []
        parse_html = False
        i = 0
        while i < len(lines):
            line = lines[i]
            after_blank = not out or not out[-1].strip()
            if after_blank and _BLOCK_START.match(line):
                end = self._block(lines, i, out)
                if end is not None:
                    if "{::options" in line:
                        m = _PARSE_BLOCK_HTML.search(line)
                        parse_html = m.group(1) == "true" if m else parse_html
                    i = end
                    continue
            if parse_html:
                line = _HTML_OPENER.sub(_markdown_inside, line, count=1)
            if "{::" in line:
                line = _EMPTY_SPAN.sub("", _SPAN.sub(self._span, line))
            out.append(line)
            i += 1
        return out

    def _block(self, lines: list[str], start: int, out: list[str]) -> int | None:
        """A block extension from line `start`: what it prints goes to `out` (blank lines
        keep the count); the index after it, or None when it is not one."""
        text = "\n".join(lines[start:])
        m = _START.search(text)
        if m is None or text[: m.start()].strip():
            return None
        name = m.group(1)
        if m.group(3):  # {::name /}: nothing in it
            body, stop = "", m.end()
        else:
            close = _END.search(text, m.end())
            if close is None or (close.group(1) and close.group(1) != name):
                return None
            body, stop = text[m.end() : close.start()], close.end()
        rest_of_line = text[stop:].split("\n", 1)[0]
        if rest_of_line.strip():
            return None  # more text after it: a span, left to the line's own reading
        used = text[:stop].count("\n") + 1
        printed = self._printed(name, body)
        out.append(self.md.htmlStash.store(_BLOCK_LEAD + printed) if printed else "")
        out.extend([""] * (used - 1))
        return start + used

    def _span(self, m: re.Match[str]) -> str:
        return self.md.htmlStash.store(self._printed(m.group(1), m.group(2)))

    @staticmethod
    def _printed(name: str, body: str) -> str:
        if name == "comment":
            return f"<!-- {body.strip()} -->"
        if name == "nomarkdown":
            return body.strip("\n")
        return ""
