"""Smart quotes chosen by kramdown's rules (its `SQ_RULES`, ported), not smarty's.

kramdown looks at the character before a quote and at what follows, in a fixed order of
rules; `"-"` comes out as “-“ and `'90s` as ’90s. It reads the source, where a quote
after an emphasis, link or code span has no character before it (the element's markup was
consumed): each run of text between elements is read on its own, and what follows a run
is guessed from the markup of the element after it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import util
from markdown.treeprocessors import Treeprocessor

_PUNCT = r"""[!"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"""
_CLOSE = r"[^ \\\t\r\n\[{(-]"
_A = re.ASCII
# (pattern, what each part becomes: a group number (its text) or a quote name)
_RULES: list[tuple[re.Pattern[str], list[int | str]]] = [
    (re.compile(r"""(["'])(?=[_*]{1,2}\S)""", _A), ["lquote1"]),
    (re.compile(rf"""(["'])(?={_PUNCT}(?!\.\.)\B)""", _A), ["rquote1"]),
    (re.compile(r"""(\s?)"'(?=\w)""", _A), [1, "ldquo", "lsquo"]),
    (re.compile(r"""(\s?)'"(?=\w)""", _A), [1, "lsquo", "ldquo"]),
    (re.compile(r"""(\s?)'(?=\d\ds)""", _A), [1, "rsquo"]),
    (re.compile(r"""(\s)(['"])(?=\w)""", _A), [1, "lquote2"]),
    (re.compile(rf"""({_CLOSE})(['"])""", _A), [1, "rquote2"]),
    (re.compile(r"""(["'])(?=\s|s\b|\Z)""", _A), ["rquote1"]),
    (re.compile(r"""(.?)'""", _A | re.S), [1, "lsquo"]),
    (re.compile(r"""(.?)\"""", _A | re.S), [1, "ldquo"]),
]
_CHARS = {"ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’"}
_SIDE = {"lquote1": "l", "lquote2": "l", "rquote1": "r", "rquote2": "r"}
_QUOTE = re.compile(r"""["']""")
# what markdown an element stood for, as far as the rules look ahead
_MARKUP = {"em": "*", "strong": "**", "code": "`", "a": "[", "img": "![", "sup": "[", "del": "~~"}
_SKIP = {"code", "pre", "script", "style", "kbd", "samp"}
# characters another span parser consumed in kramdown: no quote sees them as "before"
_BOUNDARY = "–—…«»" + util.ETX


def smarten(text: str, following: str = "") -> str:
    """The text with its straight quotes made curly; `following` is what comes after it
    in the source (for the look-ahead of the rules), "" at the end of a block."""
    if "'" not in text and '"' not in text:
        return text
    out: list[str] = []
    pos = 0
    n = len(text)
    whole = text + following
    while True:
        found = _QUOTE.search(text, pos)
        if found is None:
            out.append(text[pos:])
            return "".join(out)
        q = found.start()
        start = q - 1 if q - 1 >= pos and text[q - 1] not in "\\" + _BOUNDARY else q
        out.append(text[pos:start])
        for rule, parts in _RULES:
            m = rule.match(whole, start)
            if m is None:
                continue
            for part in parts:
                if isinstance(part, int):
                    out.append(m.group(part))
                elif part in _SIDE:
                    double = m.group(int(part[-1])) == '"'
                    out.append(_CHARS[f"{_SIDE[part]}{'d' if double else 's'}quo"])
                else:
                    out.append(_CHARS[part])
            pos = min(m.end(), n)
            break
        else:  # pragma: no cover - the last rules match any quote
            out.append(text[q])
            pos = q + 1


def _ahead(el: etree.Element | None) -> str:
    """A guess at the source text of an element, for the rules' look-ahead."""
    if el is None:
        return ""
    if not isinstance(el.tag, str):
        return ""
    mark = _MARKUP.get(el.tag, "<")
    return mark + (el.text or "")[:3]


_CLOSING = {"em": "*", "strong": "**", "a": "](", "del": "~~", "code": "`"}


class KramdownQuotes(Treeprocessor):
    """Each run of text outside code, made curly by `smarten`."""

    def run(self, root: etree.Element) -> None:
        self._element(root, "")

    def _element(self, el: etree.Element, after: str) -> None:
        """`after`: a guess at the source right after this element (for look-ahead)."""
        children = list(el)
        # the end of this element's text is followed by its closing markup, then `after`
        end = (_CLOSING.get(el.tag, "") if isinstance(el.tag, str) else "") + after
        if el.text:
            el.text = smarten(el.text, _ahead(children[0]) if children else end)
        for index, child in enumerate(children):
            nxt = children[index + 1] if index + 1 < len(children) else None
            tail_after = _ahead(nxt) if nxt is not None else end
            if isinstance(child.tag, str) and child.tag not in _SKIP:
                self._element(child, (child.tail or "")[:3] or tail_after)
            if child.tail:
                child.tail = smarten(child.tail, tail_after)
