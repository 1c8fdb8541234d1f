"""Hypothesis: the parser/writer raise only BylineError, and what is saved reads back as shown."""

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editor.core.errors import BylineError
from editor.core.post.post import parse_post
from editor.core.safety.post_io import load_post, save_post

SETTINGS = settings(
    max_examples=int(os.environ.get("BYLINE_FUZZ_EXAMPLES", "300")),
    deadline=None,  # a shared, noisy machine: no timing in tests
    suppress_health_check=[HealthCheck.too_slow],
)
SITE = Path(tempfile.mkdtemp(prefix="byline-fuzz-"))
(SITE / "_posts").mkdir()

KEYS = ["layout", "title", "date", "author", "categories", "tags", "excerpt", "image", "x-y", "toc"]
scalar_texts = st.sampled_from(
    ['"a: b"', "plain", "'it''s'", "2025-08-14T22:02:54", "2025-08-14", "[News, World]", "[]",
     "true", "12", "~", '"\\u00e9\\t"', "|\n  block\n", "\n  - a\n  - b\n", "{a: 1}", "&x one",
     "*x", "!!str 5", "# c", '"unclosed', "- x", ": y", "\t1"]
)  # fmt: skip
lines = st.one_of(
    st.tuples(st.sampled_from(KEYS), scalar_texts).map(lambda kv: f"{kv[0]}: {kv[1]}\n"),
    st.sampled_from(["# comment\n", "\n", "  indented: 1\n", "- item\n", "---x\n", "...\n"]),
    st.text(max_size=20).map(lambda t: t + "\n"),
)
posts = st.builds(
    lambda opening, fm, closing, body: opening + "".join(fm) + closing + body,
    st.sampled_from(["---\n", "---\r\n", "\ufeff---\n", "--- \n", ""]),
    st.lists(lines, max_size=8),
    st.sampled_from(["---\n", "...\n", "---", "---\r\n", ""]),
    st.text(max_size=60),
)
values = st.one_of(
    st.text(max_size=30),
    st.lists(st.text(max_size=10), max_size=4),
    st.integers(),
    st.booleans(),
    st.none(),
    st.datetimes(
        min_value=dt.datetime(1900, 1, 1),
        max_value=dt.datetime(2200, 1, 1),
        timezones=st.just(dt.UTC),
    ).map(lambda d: d.replace(microsecond=0)),
)


@SETTINGS
@given(st.text())
@example("---\n---\n")
@example("---\na: *b\n---\n")
def test_any_text_parses_or_raises_our_error(text: str) -> None:
    try:
        post = parse_post(text)
    except BylineError:
        return
    assert post.to_text() == text


@SETTINGS
@given(posts)
def test_post_shaped_text_round_trips(text: str) -> None:
    try:
        post = parse_post(text)
    except BylineError:
        return
    assert post.to_text() == text
    assert parse_post(post.to_bytes()).values == post.values


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a == b
    if isinstance(b, dt.datetime) and isinstance(a, str):
        return False
    return a == b or repr(a) == repr(b)


@SETTINGS
@given(posts, st.sampled_from(KEYS), values, st.text(max_size=40))
def test_edit_write_reread_shows_the_same(text: str, key: str, value: Any, body: str) -> None:
    try:
        post = parse_post(text)
    except BylineError:
        return
    others = {k: v for k, v in post.values.items() if k != key}
    try:
        post.set(key, value)
        post.set_body_from_editor(body)
    except BylineError:
        return  # refused with our error: nothing written
    path = SITE / "_posts" / "2025-01-01-fuzz.md"
    path.write_bytes(b"before")
    try:
        save_post(post, path, SITE)
    except BylineError:
        # refused (e.g. a NUL in the body, an empty date): the file is untouched
        assert path.read_bytes() == b"before"
        return
    again = load_post(path)
    assert again.values == post.values or repr(again.values) == repr(post.values)
    shown = post.values.get(key)
    if key == "date" and isinstance(value, dt.datetime):
        assert shown == value or shown == value.replace(tzinfo=None)
    elif isinstance(value, str) or value is None or isinstance(value, bool | int | list):
        assert _same(shown, value), (shown, value)
    assert {k: v for k, v in again.values.items() if k != key} == others
    assert again.body_for_editing() == body.replace("\r\n", "\n") or "\r" in body
