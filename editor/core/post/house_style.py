"""How a blog writes its front matter, and learning that style from its posts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from editor.core.post.dates import DEFAULT_DATE_STYLE, DateStyle
from editor.core.post.yaml_io import QuoteStyle

ListStyle = Literal["flow", "block"]

DEFAULT_KEY_ORDER = (
    "layout",
    "title",
    "date",
    "author",
    "categories",
    "tags",
    "excerpt",
    "image",
)
DEFAULT_QUOTES: Mapping[str, QuoteStyle] = {
    "layout": "plain",
    "title": "double",
    "author": "double",
    "excerpt": "double",
    "image": "plain",
}


@dataclass(frozen=True)
class HouseStyle:
    """The shape of the front matter a blog's posts share (POST_FORMAT.md is the default)."""

    key_order: tuple[str, ...] = DEFAULT_KEY_ORDER
    quotes: Mapping[str, QuoteStyle] = field(default_factory=lambda: dict(DEFAULT_QUOTES))
    default_quote: QuoteStyle = "plain"
    item_quote: QuoteStyle = "double"  # for list items that need quoting
    list_style: ListStyle = "flow"
    flow_padding: bool = False  # `[ a, b ]` instead of `[a, b]`
    block_indent: str = ""  # what comes before `- item` in a block list
    date: DateStyle = DEFAULT_DATE_STYLE
    final_newline: bool = True  # new posts end with a line break, as the blog's posts do

    def quote_for(self, key: str) -> QuoteStyle:
        return self.quotes.get(key, self.default_quote)


DEFAULT_STYLE = HouseStyle()


@dataclass(frozen=True)
class FieldShape:
    """What one key's raw text looks like in a post."""

    kind: Literal["scalar", "flow", "block", "empty", "blockscalar"]
    quote: QuoteStyle = "plain"
    padding: bool = False
    indent: str = ""
    item_quote: QuoteStyle | None = None


_KEY_VALUE = re.compile(r"^[^:]*:[ \t]*(?P<value>.*?)[ \t]*$")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)-(?:[ \t]+(?P<value>.*?))?[ \t]*$")


def shape_of(raw_lines: list[str]) -> FieldShape:
    """Classify a key block's raw lines (first line is `key: ...`)."""
    first = raw_lines[0].rstrip("\r\n")
    m = _KEY_VALUE.match(first)
    value = m["value"] if m else ""
    if value.startswith("#"):
        value = ""
    if not value:
        items = [_ITEM.match(line.rstrip("\r\n")) for line in raw_lines[1:]]
        items_found = [i for i in items if i]
        if items_found:
            quotes = [_quote_of(i["value"] or "") for i in items_found]
            quoted = [q for q in quotes if q != "plain"]
            return FieldShape(
                "block", indent=items_found[0]["indent"], item_quote=quoted[0] if quoted else None
            )
        return FieldShape("empty")
    if value.startswith("["):
        inner = value[1:].split("]")[0]
        quoted = [q for q in (_quote_of(p.strip()) for p in inner.split(",")) if q != "plain"]
        return FieldShape(
            "flow",
            padding=value.startswith("[ "),
            item_quote=quoted[0] if quoted else None,
        )
    if value[0] in "|>":
        return FieldShape("blockscalar")
    return FieldShape("scalar", quote=_quote_of(value))


def _quote_of(text: str) -> QuoteStyle:
    if text.startswith('"'):
        return "double"
    if text.startswith("'"):
        return "single"
    return "plain"


def _majority(counter: Counter[object], default: object) -> object:
    if not counter:
        return default
    return counter.most_common(1)[0][0]


def learn_style(
    posts: Iterable[tuple[list[str], Mapping[str, list[str]], Mapping[str, object]]],
    base: HouseStyle = DEFAULT_STYLE,
    final_newlines: Iterable[bool] = (),
) -> HouseStyle:
    """Majority vote over posts given as (key order, raw lines per key, values per key),
    and over whether their files end with a line break (`final_newlines`).

    A site with no posts (or no votes on a point) keeps `base`, the blog's default.
    """
    quote_votes: dict[str, Counter[object]] = {}
    list_votes: Counter[object] = Counter()
    padding_votes: Counter[object] = Counter()
    indent_votes: Counter[object] = Counter()
    item_quote_votes: Counter[object] = Counter()
    date_votes: Counter[object] = Counter()
    positions: dict[str, list[float]] = {}
    count = 0
    for order, raws, values in posts:
        count += 1
        for index, key in enumerate(order):
            positions.setdefault(key, []).append(index / max(len(order) - 1, 1))
        for key, lines in raws.items():
            value = values.get(key)
            shape = shape_of(lines)
            if key == "date":
                first = _KEY_VALUE.match(lines[0].rstrip("\r\n"))
                date_style = DateStyle.of(first["value"]) if first else None
                if date_style:
                    date_votes[date_style] += 1
                continue
            if isinstance(value, list):
                if value and shape.kind in ("flow", "block"):
                    list_votes[shape.kind] += 1
                    if shape.kind == "flow":
                        padding_votes[shape.padding] += 1
                    else:
                        indent_votes[shape.indent] += 1
                if shape.item_quote:
                    item_quote_votes[shape.item_quote] += 1
            elif isinstance(value, str) and shape.kind == "scalar":
                # a plain-safe value written with quotes is a vote for quotes; a value
                # that needs quotes says nothing about plain-vs-quoted
                quote_votes.setdefault(key, Counter())[shape.quote] += 1
    endings: Counter[object] = Counter(final_newlines)
    if count == 0:
        return replace(base, final_newline=bool(_majority(endings, base.final_newline)))
    quotes = dict(base.quotes)
    for key, votes in quote_votes.items():
        quotes[key] = _majority(votes, quotes.get(key, base.default_quote))  # type: ignore[assignment]
    common = [k for k, p in positions.items() if len(p) * 2 >= count]
    order = sorted(common, key=lambda k: sum(positions[k]) / len(positions[k]))
    for key in base.key_order:  # keys the blog never uses keep their default place
        if key not in order:
            order.append(key)
    string_quotes = Counter(q for k, q in quotes.items() if k in ("title", "author", "excerpt"))
    return HouseStyle(
        key_order=tuple(order),
        quotes=quotes,
        default_quote=base.default_quote,
        item_quote=_majority(  # type: ignore[arg-type]
            item_quote_votes,
            "single"
            if string_quotes.get("single", 0) > string_quotes.get("double", 0)
            else base.item_quote,
        ),
        list_style=_majority(list_votes, base.list_style),  # type: ignore[arg-type]
        flow_padding=bool(_majority(padding_votes, base.flow_padding)),
        block_indent=str(_majority(indent_votes, base.block_indent)),
        date=_majority(date_votes, base.date),  # type: ignore[arg-type]
        final_newline=bool(_majority(endings, base.final_newline)),
    )
