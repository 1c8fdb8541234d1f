"""Images in a post's body: the reference form a site uses, and images missing their alt text.

A new inline image is written the way the site's existing posts write theirs (learned from
a sample of bodies), by default `![alt]({{ site.baseurl }}/assets/images/<md5>.jpg)`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from editor.core.images.image_kinds import IMAGES_DIR
from editor.core.site.site import Site

FILE = "\0FILE\0"  # stands for the file name in a learned URL template
DEFAULT_TEMPLATE = "{{ site.baseurl }}/" + IMAGES_DIR + "/" + FILE

# a Markdown image: ![alt](url "title") or ![alt][ref]; the URL may hold Liquid with spaces.
# Every repetition is possessive (`*+`, `++`) and the alternatives never overlap, so a
# malformed line fails in linear time instead of backtracking exponentially.
_URL = (
    r"(?:\{\{(?:[^}\n]|\}(?!\}))*+\}\}"  # {{ liquid output }}
    r"|\{%(?:[^%\n]|%(?!\}))*+%\}"  # {% liquid tag %}
    r"|<[^>\n]*+>"
    r"|\([^\s()]*+\)"
    r"|[^\s(){<]"
    r"|[{<])++"
)
_MD_IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\]\\\n]|\\.)*+)\]"
    r"(?:\(\s*+(?P<url>" + _URL + r")(?:\s++(?:\"[^\"\n]*+\"|'[^'\n]*+'|\([^)\n]*+\)))?\s*+\)"
    r"|\[(?P<ref>[^\]\n]*+)\])"
)
_HTML_IMG = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.I)
_ALT_ATTR = re.compile(
    r"""\balt\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.I
)
_SRC_ATTR = re.compile(
    r"""\bsrc\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.I
)
_FILE_IN_URL = re.compile(re.escape(IMAGES_DIR) + r"/(?P<file>[^\s\"'`()<>{}|?#]+)")
_FENCE = re.compile(r"^[ ]{0,3}(?P<fence>`{3,}|~{3,})")
_TICKS = re.compile(r"`+")


@dataclass(frozen=True)
class InlineForm:
    """How a site writes the URL of an image in `assets/images/` inside a post's body."""

    url_template: str = DEFAULT_TEMPLATE

    def url(self, file_name: str) -> str:
        return self.url_template.replace(FILE, file_name)

    def reference(self, file_name: str, alt: str = "") -> InlineReference:
        """The Markdown to insert for `file_name` (`<md5>.jpg`), with the alt text's span."""
        escaped = re.sub(r"([\\\[\]])", r"\\\1", alt)
        text = f"![{escaped}]({self.url(file_name)})"
        return InlineReference(text, 2, 2 + len(escaped))


@dataclass(frozen=True)
class InlineReference:
    text: str
    alt_start: int  # offsets into `text`: the window selects the alt text for typing
    alt_end: int


DEFAULT_FORM = InlineForm()


def url_template(url: str) -> str | None:
    """A reference's URL with its file name replaced by FILE; None if not in assets/images/."""
    match = _FILE_IN_URL.search(url)
    if match is None:
        return None
    return url[: match.start("file")] + FILE + url[match.end("file") :]


def learn_inline_form(bodies: Iterable[str]) -> InlineForm:
    """The form most of the site's inline images in `assets/images/` use (the default if none)."""
    votes: Counter[str] = Counter()
    for body in bodies:
        for match in _MD_IMAGE.finditer(_blank_code(body)):
            url = match["url"]
            if url is None:
                continue
            if url.startswith("<") and url.endswith(">"):
                url = url[1:-1]
            template = url_template(url)
            if template is not None:
                votes[template] += 1
    if not votes:
        return DEFAULT_FORM
    return InlineForm(votes.most_common(1)[0][0])


def learn_site_inline_form(site: Site, sample: int = 200) -> InlineForm:
    """The inline form of a site, learned from its `sample` newest posts."""
    files = sorted(site.post_files(), key=lambda p: p.name, reverse=True)[:sample]
    bodies = []
    for path in files:
        try:
            bodies.append(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
    return learn_inline_form(bodies)


def format_inline(
    file_name: str, alt: str = "", form: InlineForm = DEFAULT_FORM
) -> InlineReference:
    return form.reference(file_name, alt)


@dataclass(frozen=True)
class MissingAlt:
    """An image without alt text: where it is (1-based line and column) and what it shows."""

    line: int
    column: int
    url: str
    offset: int  # into the body


def images_without_alt(body: str) -> list[MissingAlt]:
    """Markdown images with an empty alt, and HTML <img> tags with no alt attribute.

    (`alt=""` in HTML is the accepted way to mark a purely decorative image, so it is not
    flagged; Markdown has no such way.) Code blocks and code spans are skipped.
    """
    text = _blank_code(body)
    found: list[tuple[int, str]] = []
    for match in _MD_IMAGE.finditer(text):
        if not match["alt"].strip():
            found.append((match.start(), match["url"] or f"[{match['ref']}]"))
    for match in _HTML_IMG.finditer(text):
        attrs = match["attrs"]
        if _ALT_ATTR.search(attrs) is None:
            src = _SRC_ATTR.search(attrs)
            found.append(
                (match.start(), (src["dq"] or src["sq"] or src["bare"] or "") if src else "")
            )
    found.sort()
    result = []
    for offset, url in found:
        line = body.count("\n", 0, offset) + 1
        column = offset - (body.rfind("\n", 0, offset) + 1) + 1
        result.append(MissingAlt(line, column, url, offset))
    return result


def _blank_code(body: str) -> str:
    """The body with fenced code blocks and code spans blanked out (same length, same lines)."""
    lines = body.split("\n")
    fence: str | None = None
    for i, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = match["fence"]
                lines[i] = " " * len(line)
        else:
            if match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence):
                fence = None
            lines[i] = " " * len(line)
    text = "\n".join(lines)
    pieces, done = [], 0
    for start, end in _code_spans(text):
        pieces += [text[done:start], re.sub(r"[^\n]", " ", text[start:end])]
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans: a run of N backticks up to the next run of exactly N (linear time)."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        later = bisect.bisect_right(same, index)
        if later == len(same):
            index += 1  # no closing run: literal backticks
            continue
        closing = same[later]
        spans.append((start, runs[closing][1]))
        index = closing + 1
    return spans
