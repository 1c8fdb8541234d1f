"""`byline list` output: a line per post, or a JSON array with one object per post.

`byline list` keeps what it printed (listing_cache): a change to what these functions
print must bump listing_cache.FORMAT, or an old listing may be printed again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from json.encoder import encode_basestring
from typing import Any

from editor.core.index.post_entry import PostEntry

FIELDS = (
    "path", "title", "date", "author", "categories", "tags", "image", "layout", "draft",
    "published", "problem",
)  # fmt: skip


def entry_json(entry: PostEntry) -> dict[str, Any]:
    """The JSON object of one post (dates in ISO 8601 with the site's offset)."""
    problem = entry.problem
    return {
        "path": entry.rel_path,
        "title": entry.title,
        "date": None if entry.date is None else entry.date.isoformat(),
        "author": entry.author,
        "categories": list(entry.categories),
        "tags": list(entry.tags),
        "image": entry.image,
        "layout": entry.layout,
        "draft": entry.draft,
        "published": entry.published,
        "problem": None if problem is None else {"line": problem.line, "message": problem.message},
    }


def json_object(entry: PostEntry) -> str:
    """json.dumps(entry_json(entry), ensure_ascii=False), spelled out: three times faster."""
    enc = encode_basestring
    date = entry.date
    image = entry.image
    problem = entry.problem
    problem_text = "null"
    if problem is not None:
        problem_text = json.dumps(
            {"line": problem.line, "message": problem.message}, ensure_ascii=False
        )
    return (
        f'{{"path": {enc(entry.rel_path)}, "title": {enc(entry.title)}, '
        f'"date": {"null" if date is None else enc(date.isoformat())}, '
        f'"author": {enc(entry.author)}, '
        f'"categories": [{", ".join(map(enc, entry.categories))}], '
        f'"tags": [{", ".join(map(enc, entry.tags))}], '
        f'"image": {"null" if image is None else enc(image)}, "layout": {enc(entry.layout)}, '
        f'"draft": {"true" if entry.draft else "false"}, '
        f'"published": {"true" if entry.published else "false"}, "problem": {problem_text}}}'
    )


def json_lines(entries: Iterable[PostEntry]) -> str:
    """A JSON array with one post per line (in the order given)."""
    return json_array([json_object(e) for e in entries])


def text_line(entry: PostEntry) -> str:
    """`2025-08-14 22:02  Title  _posts/2025-08-14-title.md`, with [draft] and the like."""
    date = "-" if entry.date is None else f"{entry.date:%Y-%m-%d %H:%M}"
    flags = ""
    if entry.draft:
        flags += " [draft]"
    if not entry.published:
        flags += " [unpublished]"
    if entry.problem is not None:
        where = f" line {entry.problem.line}" if entry.problem.line else ""
        flags += f" [broken:{where} {entry.problem.message}]"
    return f"{date:<16}  {entry.title}{flags}  {entry.rel_path}\n"


def text_lines(entries: Iterable[PostEntry]) -> str:
    """A line per post (see `text_line`), in the order given."""
    return "".join(map(text_line, entries))


def json_array(items: list[str]) -> str:
    """JSON objects (as text) as an array with one per line."""
    if not items:
        return "[]\n"
    return "[\n" + ",\n".join(items) + "\n]\n"
