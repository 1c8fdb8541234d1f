"""Line-level rewrites that make Python-Markdown read the text the way kramdown (GFM) does.

kramdown nests list content at the column where the item's text starts ("- a" then
"  - b" nests); Python-Markdown wants four spaces. Fenced code may sit inside list items
and may interrupt a paragraph; so may lists, block quotes and headings (GFM's
`paragraph_end` quirk), also text right under a heading. `{: ...}` on the line after a
heading belongs to the heading, and `* TOC` + `{:toc}` is a table of contents. A definition
(`: text`) continues at its text's column, as a list item does. The rewritten text is only ever parsed, so the
line count may change: line numbers for scroll sync come from matching block text back
to the source (see render/line_anchors.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from editor.core.markup.ial import BLOCK_IAL
from editor.core.markup.mathjax import BLOCK as MATH_BLOCK
from editor.core.markup.mathjax import block_html

TOC_MARKER = "bylinetocmarkerq7"

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")
_ITEM = re.compile(r"^(?P<indent> *)(?P<marker>[*+-]|\d{1,9}[.)])(?P<space>[ \t]+|$)")
_DEFINITION = re.compile(r"^(?P<indent> *):(?P<space>[ \t]+)(?=\S)")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_QUOTE = re.compile(r"^ {0,3}>")
_IAL = re.compile(r"^ {0,3}\{:(?!:)[^}\n]*\}[ \t]*$")
TOC_ITEM = re.compile(r"^ {0,3}(?:[*+-]|1\.)[ \t]+TOC[ \t]*$")
TOC_IAL = re.compile(r"^ {0,3}\{:[ \t]*toc[ \t]*\}[ \t]*$")
_HTML_BLOCK_OPEN = re.compile(r"^ {0,3}<([A-Za-z][A-Za-z0-9-]*)\b[^>]*>")
_HTML_BLOCK_TAGS = {"div", "pre", "table", "figure", "section", "article", "aside", "details"}
_HTML_START = re.compile(r"^ {0,3}<[/!?A-Za-z]")
_QUOTE_PREFIX = re.compile(r"^(?: {0,3}> ?)+")
_HR = re.compile(r"^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$")


class _Item:
    __slots__ = ("dst", "first_block", "src")

    def __init__(self, src: int, dst: int) -> None:
        self.src = src  # the column where the item's content starts in the source
        self.dst = dst  # the column Python-Markdown needs for it (a multiple of 4)
        self.first_block = True  # no blank line since the item began: its lines go raw


def rewrite_lines(
    lines: list[str],
    stash_code: Callable[[str, str, str], str],
    ial_marker: Callable[[str, str], str | None] | None = None,
    stash_html: Callable[[str], str] | None = None,
) -> list[str]:
    """The lines, rewritten for Python-Markdown; fenced code replaced by `stash_code(code,
    lang, opener)`, which returns a placeholder; a block IAL line by a paragraph of its own
    holding `ial_marker(line, "p" | "n")` (see ial.py); an HTML comment that goes on a
    paragraph by `stash_html(comment)` (kramdown keeps it inside the paragraph)."""
    out: list[str] = []
    ial_direction = ""  # the direction of the IAL on the line before, if it was one
    stack: list[_Item] = []
    prev_kind = "blank"  # blank | para | item | quote | other
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            out.append("")
            prev_kind = "blank"
            for open_item in stack:
                open_item.first_block = False
            ial_direction = ""
            i += 1
            continue
        indent = len(line) - len(line.lstrip(" "))
        quote = _QUOTE_PREFIX.match(line)
        inner = line[quote.end() :] if quote else line
        if ial_marker is not None and BLOCK_IAL.match(inner) and not TOC_IAL.match(inner):
            before = lines[i - 1] if i else ""
            if quote:
                before = before[quote.end() :] if before.startswith(quote.group(0)) else ""
            # kramdown: the block right before it, unless a blank line came between
            direction = ial_direction or ("p" if before.strip() else "n")
            while stack and indent < stack[-1].src:
                stack.pop()
            marker = ial_marker(inner, direction)
            if marker is not None:
                prefix = quote.group(0).rstrip() if quote else ""
                pad = " " * (indent + (stack[-1].dst - stack[-1].src)) if stack else ""
                out += [prefix, f"{prefix} {marker}" if prefix else pad + marker, prefix]
            ial_direction = direction
            prev_kind = "blank"
            i += 1
            continue
        ial_direction = ""
        if ial_marker is not None and line.strip() == "^" and indent <= 3:
            # kramdown's end-of-block mark: ends the list or quote before it, prints nothing
            stack.clear()
            out += ["", ial_marker("{:}", "p") or "", ""]
            prev_kind = "blank"
            i += 1
            continue
        if prev_kind == "blank" and not stack and not quote:
            end = _raw_html_block(lines, i)
            if end is not None:  # kramdown leaves an HTML block as it is: no fences in it
                out += lines[i:end]
                prev_kind = "other"
                i = end
                continue
        if stash_html is not None and prev_kind == "blank" and inner.lstrip().startswith("$$"):
            end = _math_block(lines, i, quote.group(0) if quote else "")
            if end is not None:
                tex = "\n".join(ln[quote.end() :] if quote else ln for ln in lines[i:end])
                m = MATH_BLOCK.match(tex)
                prefix = quote.group(0) if quote else " " * indent
                out.append(prefix + stash_html(block_html(m.group(1) if m else tex)))
                prev_kind = "other"
                i = end
                continue
        if prev_kind == "code" and not stack and indent < 4 and not _HTML_START.match(line):
            out[-1] += " " + line  # kramdown: a lazy line goes on the code line before it
            i += 1
            continue
        if quote and _quote_interrupts(lines, i, quote.group(0)):
            out.append(quote.group(0).rstrip())  # a list or heading ends a quoted paragraph
        item = _ITEM.match(line)
        if item and _HR.match(line):
            item = None
        if item and not line[item.end() :].strip() and prev_kind == "para" and not stack:
            item = None  # an empty item cannot interrupt a paragraph: `Title\n-` is a heading
        in_list = bool(stack)  # the line before was inside a list item
        # leave the list items this line is not part of (lazy continuation stays)
        while stack and indent < stack[-1].src:
            if prev_kind in ("para", "item") and not item and not _starts_block(line):
                break
            stack.pop()
        shift = (stack[-1].dst - stack[-1].src) if stack else 0

        if TOC_ITEM.match(line) and i + 1 < n and TOC_IAL.match(lines[i + 1]):
            out += ["", " " * max(0, indent + shift) + TOC_MARKER, ""]
            prev_kind = "blank"
            i += 2
            continue

        fence = _FENCE.match(line)
        if fence and indent - (stack[-1].src if stack else 0) <= 3:
            i = _take_fence(lines, i, fence, shift, out, stash_code, prev_kind)
            prev_kind = "blank"
            continue

        if item and (indent < stack[-1].src + 4 if stack else indent <= 3):
            if not stack and prev_kind == "para" and not in_list:
                out.append("")  # a list interrupts a paragraph (GFM), not an item's text
            elif (
                stack
                and indent >= stack[-1].src
                and prev_kind == "para"
                and _paragraph_after_blank(lines, i)
            ):
                out.append("")  # so does a list after a later paragraph of an item
            dst = stack[-1].dst if stack and indent >= stack[-1].src else 0
            first = _block_indent(out)
            if first is not None and first >= dst + 4:
                # a shallower item after a nested list that began after a blank line: its
                # own block, or Python-Markdown reads it as part of the nested one
                out.append("")
            space = item["space"]
            width = len(item["marker"]) + (len(space) if 0 < len(space) <= 4 else 1)
            stack.append(_Item(indent + width, dst + 4))
            rest = line[item.end() :]
            out.append(" " * dst + item["marker"] + " " + rest)
            prev_kind = "item"
            i += 1
            continue

        definition = _DEFINITION.match(line) if not item else None
        if definition and indent - (stack[-1].src if stack else 0) <= 3 and _has_term(lines, i):
            # kramdown, like a list item: the definition's text starts the column its
            # continuation lines keep (`: text` + two spaces); Python-Markdown wants four
            dst = stack[-1].dst if stack and indent >= stack[-1].src else 0
            width = 1 + len(definition["space"])
            # in an item's first block Python-Markdown reads the lines as they are
            lead = 0 if stack and stack[-1].first_block else dst
            stack.append(_Item(indent + width, dst + 4))
            out.append(" " * lead + ": " + line[definition.end() :])
            prev_kind = "item"
            i += 1
            continue

        if _IAL.match(line) and out and _ATX.match(out[-1]) and prev_kind == "other":
            out[-1] = out[-1].rstrip() + " " + line.strip()
            i += 1
            continue

        if stash_html is not None and prev_kind == "para" and line.lstrip().startswith("<!--"):
            i = _inline_comment(lines, i, out, stash_html)
            continue

        if prev_kind == "para" and not stack and (_QUOTE.match(line) or _ATX.match(line)):
            out.append("")  # a block quote or heading interrupts a paragraph (GFM)

        if stack and indent >= stack[-1].src:
            out.append(" " * (indent + shift) + line.lstrip(" "))
        else:
            out.append(line)
        if not stack and indent >= 4 and prev_kind in ("blank", "code"):
            prev_kind = "code"
        elif _ATX.match(line) and not stack:
            prev_kind = "other"
        elif _QUOTE.match(line):
            prev_kind = "quote"
        elif line.lstrip().startswith("<") and prev_kind == "blank":
            prev_kind = "other"  # raw HTML: leave it alone
        elif prev_kind in ("blank", "para", "item") or (
            prev_kind == "other" and not stack and _ATX.match(lines[i - 1])
        ):
            prev_kind = "para"  # (text right under a heading is a paragraph too)
        i += 1
    return out


def _has_term(lines: list[str], i: int) -> bool:
    """Whether the line before (or the one before a blank line) can be a definition's term
    or an earlier definition's text: text that starts no other block."""
    j = i - 1
    if j >= 0 and not lines[j].strip():
        j -= 1
    if j < 0 or not lines[j].strip():
        return False
    line = lines[j]
    return not (_starts_block(line) or _HR.match(line) or _HTML_START.match(line))


def _paragraph_after_blank(lines: list[str], i: int) -> bool:
    """Whether the lines before i are a paragraph that began after a blank line (not an
    item's own first text, which a nested list follows tightly)."""
    j = i - 1
    while j >= 0 and lines[j].strip() and not _ITEM.match(lines[j]):
        j -= 1
    return j >= 0 and j < i - 1 and not lines[j].strip()


def _raw_html_block(lines: list[str], i: int) -> int | None:
    """The index after an HTML block that starts at line i and holds several lines, or
    None (not one, or markdown="1" in it, which Python-Markdown parses itself)."""
    m = _HTML_BLOCK_OPEN.match(lines[i])
    if m is None or m.group(1).lower() not in _HTML_BLOCK_TAGS or "markdown=" in lines[i]:
        return None
    tag = m.group(1).lower()
    opens = re.compile(rf"<{tag}\b[^>]*?(?<!/)>", re.I)
    closes = re.compile(rf"</{tag}\s*>", re.I)
    depth = 0
    for j in range(i, len(lines)):
        depth += len(opens.findall(lines[j])) - len(closes.findall(lines[j]))
        if depth <= 0:
            return j + 1 if j > i else None
    return None


def _math_block(lines: list[str], i: int, prefix: str) -> int | None:
    """The index after a block of nothing but `$$...$$` starting at line i, or None."""
    j = i
    while j < len(lines) and lines[j].startswith(prefix) and lines[j][len(prefix) :].strip():
        j += 1
    block = "\n".join(ln[len(prefix) :] for ln in lines[i:j])
    return j if MATH_BLOCK.match(block) else None


def _quote_interrupts(lines: list[str], i: int, prefix: str) -> bool:
    """Whether this quoted line is a list item or heading right after a quoted paragraph
    line (GFM ends the paragraph there; inside a quoted list it is the next item)."""
    inner = lines[i][len(prefix) :]
    item = _ITEM.match(inner)
    if not ((item is not None and inner[item.end() :].strip()) or _ATX.match(inner)):
        return False
    j = i - 1
    while j >= 0 and lines[j].startswith(prefix) and lines[j][len(prefix) :].strip():
        if _ITEM.match(lines[j][len(prefix) :]) or _ATX.match(lines[j][len(prefix) :]):
            return False  # in a quoted list, or after a heading: no paragraph to end
        j -= 1
    return j < i - 1


def _inline_comment(
    lines: list[str], start: int, out: list[str], stash_html: Callable[[str], str]
) -> int:
    """A comment that continues a paragraph, stashed as inline HTML; the index after it."""
    text = lines[start]
    j = start
    while "-->" not in text[text.index("<!--") + 4 :] and j + 1 < len(lines):
        j += 1
        text += "\n" + lines[j]
    lead = text[: text.index("<!--")]
    end = text.find("-->", text.index("<!--") + 4)
    end = len(text) if end < 0 else end + 3
    rest = text[end:]
    out.append(lead + stash_html(text[len(lead) : end]) + rest)
    return j + 1


def _block_indent(out: list[str]) -> int | None:
    """The indent of the first line of the block `out` ends with (None: no block)."""
    j = len(out)
    while j and out[j - 1] != "":
        j -= 1
    if j == len(out):
        return None
    return len(out[j]) - len(out[j].lstrip(" "))


def _starts_block(line: str) -> bool:
    return bool(_ATX.match(line) or _QUOTE.match(line) or _FENCE.match(line))


def _take_fence(
    lines: list[str],
    start: int,
    fence: re.Match[str],
    shift: int,
    out: list[str],
    stash_code: Callable[[str, str, str], str],
    prev_kind: str,
) -> int:
    """Consume a fenced block from `start`; returns the index after it."""
    mark = fence["fence"]
    indent = len(fence["indent"])
    closing = re.compile(rf"^ {{0,3}}{re.escape(mark[0])}{{{len(mark)},}}[ \t]*$")
    body: list[str] = []
    j = start + 1
    while j < len(lines):
        text = lines[j]
        stripped = text[indent:] if text[:indent].strip() == "" else text.lstrip(" ")
        if closing.match(stripped) or closing.match(text):
            j += 1
            break
        body.append(stripped)
        j += 1
    info = fence["info"].strip()
    lang = info.split()[0] if info else ""
    lang = lang.lstrip("{").lstrip(".").rstrip("}")
    placeholder = stash_code("\n".join(body) + ("\n" if body else ""), lang, lines[start])
    if prev_kind != "blank":
        out.append("")
    out += [" " * max(0, indent + shift) + placeholder, ""]
    return j
