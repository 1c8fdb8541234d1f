"""Compare our HTML with kramdown's: whitespace, attribute order and entity spelling aside.

Inside highlighted code, token <span>s are dropped (Rouge and Pygments lexers split
tokens differently; the text and the block's markup are still compared).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
EXPECTED = HERE / "expected"
_VOID = {"area", "base", "br", "col", "embed", "hr", "img"}  # void elements: no end tag
_VOID |= {"input", "link", "meta", "source", "track", "wbr"}


class _Tokens(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.text: set[int] = set()  # indexes of text tokens (text may start with "<")
        self.code_depth = 0
        self.skip_end: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and re.fullmatch(r"line-\d+", found.get("name") or "") and len(found) == 1:
            self.skip_end.append(True)
            return
        if tag == "span" and self.code_depth:
            self.skip_end.append(True)
            return
        if tag == "code":
            self.code_depth += 1
        if tag == "a":
            self.skip_end.append(False)
        if found.get("style"):
            found["style"] = found["style"].replace(" ", "").rstrip(";")
        text = " ".join(f'{k}="{v or ""}"' for k, v in sorted(found.items()))
        self.out.append(f"<{tag}{' ' + text if text else ''}>")
        if tag in _VOID:
            self.out.append(f"</{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if (
            tag in ("a", "span")
            and (tag == "a" or self.code_depth)
            and self.skip_end
            and self.skip_end.pop()
        ):
            return
        if tag == "code":
            self.code_depth = max(0, self.code_depth - 1)
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        data = re.sub(r"[\s\xa0]+", " ", data)
        after_text = bool(self.out) and len(self.out) - 1 in self.text
        if not data.strip():
            # between the token spans of highlighted code, a space is part of the code
            if self.code_depth and after_text:
                self.out[-1] = re.sub(r" +", " ", self.out[-1] + data)
            return
        if after_text:
            self.out[-1] = re.sub(r" +", " ", self.out[-1] + data)
        else:
            self.text.add(len(self.out))
            self.out.append(data)


def normalise(html: str) -> list[str]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return [t.strip() if i in parser.text else t for i, t in enumerate(parser.out) if t.strip()]


def cases() -> list[str]:
    return sorted(p.stem for p in DOCS.glob("*.md"))


def expected_html(name: str) -> str:
    return (EXPECTED / f"{name}.html").read_text(encoding="utf-8")


def source(name: str) -> str:
    return (DOCS / f"{name}.md").read_text(encoding="utf-8")


def matches(name: str, ours: str) -> bool:
    return normalise(ours) == normalise(expected_html(name))
