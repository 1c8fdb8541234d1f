"""The words of a Markdown text worth checking, with where they stand.

What is never checked: fenced and indented code, inline code, URLs and link or image
targets, reference definitions, HTML tags with their attributes, HTML comments, entities,
Liquid tags and output, footnote labels, kramdown attribute lists, math, e-mail addresses,
file names and paths. Masked spans are blanked out (same length) so that columns stay true.

The rule for odd words (stated in the README):
- a word touching a digit (`mp3`, `4th`, `COVID-19`) or an underscore is skipped;
- ALL-CAPS words of two letters or more (`NASA`, `APIs`) are skipped as acronyms;
- CamelCase words (`JavaScript`, `iPhone`) are checked whole first, and pass when every
  part of three letters or more is known (see checker.py);
- hyphenated words are checked part by part; straight and curly apostrophes both work.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple


class Word(NamedTuple):
    text: str  # as written (a curly apostrophe stays curly)
    line: int  # 0-based line of the text given
    col: int  # 0-based column (in characters) on that line


# spans blanked out before looking for words, in this order
_MASKS = re.compile(
    "|".join(
        (
            r"(?P<code>`+)[^`]?.*?(?P=code)",  # inline code (any number of backticks)
            r"\{%.*?%\}|\{\{.*?\}\}|\{%.*|\{\{.*",  # Liquid (an unclosed tag to the end)
            r"<!--.*?(?:-->|$)",  # an HTML comment on one line
            r"\$\$.*?\$\$",  # kramdown math
            r"<(?:https?|ftp|mailto):[^>\s]*>",  # autolinks
            r"</?[A-Za-z][^>]*>?",  # HTML tags and their attributes
            r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);",  # entities
            r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)",  # ](target "t")
            r"\]\[[^\]]*\]",  # ][reference]
            r"\[\^[^\]\s]+\]",  # footnote labels
            r"\{:[^}]*\}|\{[#.][^}]*\}",  # kramdown IALs and ALDs
            r"(?:https?|ftp|file)://\S+|\bwww\.\S+",  # bare URLs
            r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail addresses
            r"(?<![^\s(\[])[^\s\[\]()<>]*[/\\][^\s\[\]()<>]*",  # paths (also `and/or`: fine)
            r"\b[\w-]+(?:\.[\w-]+)*\.(?:md|markdown|html?|css|scss|js|ts|json|ya?ml|toml|xml"
            r"|txt|py|rb|go|rs|java|c|h|cpp|sh|png|jpe?g|gif|webp|svg|pdf|zip|gz|tar|csv|mp3"
            r"|mp4|mov|avi|exe|dmg|deb|ico|lock|conf|cfg|ini|log|sql|php|swift|kt|lua|pl|exs?"
            r"|bat|ps1|env|gem|gemspec|woff2?|ttf)\b",  # file names
        )
    ),
    re.IGNORECASE,
)
# words: letters with inner apostrophes/hyphens; digits and underscores caught to be skipped
_CHUNK = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
_PART = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NEEDS_MASK = re.compile(r"[`{<&\]@/\\$\[]|\.\w").search  # a line with nothing to mask
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]").search
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s")
_ABBR_DEF = re.compile(r"^ {0,3}\*\[[^\]]+\]:")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_HTML_BLOCK = re.compile(r"^\s*<(script|style|pre|svg|math|textarea)\b", re.IGNORECASE)
_LIQUID_BLOCK = re.compile(r"\{%-?\s*(highlight|raw|comment|capture)\b")
_IAL_LINE = re.compile(r"^\s*\{:.*\}\s*$")


def mask_line(line: str) -> str:
    """`line` with everything that is not prose blanked out (same length)."""
    return _MASKS.sub(lambda m: " " * (m.end() - m.start()), line)


def prose_of_line(line: str) -> str:
    """`line` masked (see `mask_line`); '' for a line that is never prose."""
    if _REF_DEF.match(line) or _IAL_LINE.match(line) or _ABBR_DEF.match(line):
        return ""
    return mask_line(line) if _NEEDS_MASK(line) else line


def chunks_of_line(line: str, *, masked: bool = False) -> list[str]:
    """The runs of word characters (with inner hyphens and apostrophes) of a line of prose:
    `words_of_line` splits each the same way wherever it stands, so a chunk's verdict can
    be remembered (a fast path for whole posts, see speller.py)."""
    return _CHUNK.findall(line if masked else prose_of_line(line))


def chunk_spans(line: str, *, masked: bool = False) -> list[tuple[int, str]]:
    """`chunks_of_line` with the column each starts at (`masked`: `line` is already
    `prose_of_line`'s)."""
    text = line if masked else prose_of_line(line)
    return [(m.start(), m.group()) for m in _CHUNK.finditer(text)]


def words_of_line(line: str, line_no: int = 0) -> Iterator[Word]:
    """The checkable words of one line of prose (no block context: see `words`)."""
    for chunk in _CHUNK.finditer(prose_of_line(line)):
        base = chunk.start()
        for col, word in words_of_chunk(chunk.group()):
            yield Word(word, line_no, base + col)


def words_of_chunk(text: str) -> list[tuple[int, str]]:
    """The checkable words of a chunk (see `chunks_of_line`), with their offsets in it."""
    if text.isalpha():  # the common case, quickly: a plain word
        if len(text) > 1 and not text.isupper() and not _acronym_plural(text):
            return [(0, text)]
        return []
    if _DIGIT_OR_UNDERSCORE(text):
        return []
    out = []
    for part in _PART.finditer(text):
        word = part.group()
        if len(word) < 2 or (word.isupper() or _acronym_plural(word)):
            continue
        out.append((part.start(), word))
    return out


def _acronym_plural(word: str) -> bool:
    return len(word) > 2 and word[-1] == "s" and word[:-1].isupper()


def words(text: str, first_line: int = 0) -> Iterator[Word]:
    """The checkable words of a Markdown body, skipping code and HTML blocks."""
    for n, line in prose_lines(text, first_line):
        yield from words_of_line(line, n)


def prose_lines(text: str, first_line: int = 0) -> Iterator[tuple[int, str]]:
    """(line number, line) for each line of a Markdown body that may hold prose: not in
    code, HTML or Liquid blocks, comments or math (parts of a line are masked later)."""
    fence = ""
    closer = ""
    blank_before = True
    in_list = False
    in_comment = False
    for n, line in enumerate(text.split("\n"), first_line):
        line = line.removesuffix("\r")
        stripped = line.strip()
        if fence:  # inside fenced code
            if line.lstrip().startswith(fence) and line.strip(fence[0] + " \t") == "":
                fence = ""
            continue
        if closer:  # inside an HTML or Liquid block that is never prose
            if closer in line.lower():
                closer = ""
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        if m := _FENCE.match(line):
            fence = m.group(1)
            continue
        if not stripped:
            blank_before = True
            continue
        indented = line.startswith(("    ", "\t"))
        if indented and blank_before and not in_list:
            continue  # an indented code block (blank_before stays: the block goes on)
        if _LIST_ITEM.match(line):
            in_list = True
        elif not indented and blank_before:
            in_list = False
        blank_before = False
        if m := _HTML_BLOCK.match(line):
            tag = m.group(1).lower()
            if f"</{tag}" not in line.lower():
                closer = f"</{tag}"
            continue
        if m := _LIQUID_BLOCK.search(line):
            tag = m.group(1)
            if f"end{tag}" not in line:
                closer = f"end{tag}"
            continue
        if "<!--" in line and "-->" not in line[line.index("<!--") :]:
            in_comment = True
            line = line[: line.index("<!--")]
        if stripped.startswith("$$") and stripped.count("$$") == 1:
            closer = "$$"
            continue
        yield n, line
