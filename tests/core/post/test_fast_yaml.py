"""The front matter fast path gives exactly PyYAML's values, or steps aside."""

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from editor.core.errors import BylineError
from editor.core.post.fast_yaml import load_simple
from editor.core.post.post import split_text
from editor.core.post.yaml_io import load_yaml

PERF = Path(__file__).resolve().parents[2] / "perf" / "synthetic_site.py"


def _synthetic() -> Any:
    spec = importlib.util.spec_from_file_location("synthetic_site", PERF)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _yaml(text: str) -> Any:
    try:
        return load_yaml(text)
    except BylineError:
        return "error"


def _same(text: str) -> None:
    fast = load_simple(text)
    if fast is not None:
        expected = _yaml(text)
        if expected is None:  # empty front matter: no values (parse_post says the same)
            expected = {}
        assert fast[0] == expected, text
        # same types too: 1 is not True, a date is not a datetime
        assert [type(v) for v in fast[0].values()] == [type(v) for v in expected.values()], text


TRICKY = [
    "a: yes", "a: No", "a: on", "a: OFF", "a: y", "a: n", "a: true", "a: False",
    "a: null", "a: ~", "a: Null", "a:", "a:   ", "a: NULL",
    "a: 1", "a: 0", "a: 017", "a: 0o17", "a: 0x1F", "a: 0b101", "a: 1_000", "a: 1:20",
    "a: 1.5", "a: .5", "a: 1e3", "a: 1.0e+3", "a: .inf", "a: -.Inf", "a: .NaN", "a: +1",
    "a: -1", "a: 3.", "a: 1,000", "a: 12:30:00", "a: 190:20:30",
    "a: 2025-08-14", "a: 2025-08-14T22:02:54", "a: 2025-08-14 22:02:54",
    "a: 2025-08-14t22:02:54", "a: 2025-08-14T22:02:54Z", "a: 2025-08-14T22:02:54.5",
    "a: 2025-08-14 22:02:54 +02:00", "a: 2025-08-14 22:02:54 +0200", "a: 2025-8-4",
    "a: 2025-02-30", "a: 2025-02-30T10:00:00", "a: 2025-08-14T22:02", "a: 20250814",
    'a: "plain"', "a: 'single'", "a: 'it''s'", "a: ''''", "a: ''", 'a: ""',
    'a: "say \\"hi\\""', 'a: "back\\\\slash"', 'a: "slash\\/"', 'a: "tab\\there"',
    'a: "\\u00e9"', 'a: "x\\ y"', 'a: "unclosed', "a: 'unclosed", "a: 'a' 'b'",
    'a: "a" # note', "a: Hash #1", "a: C#", "a: a#b", "a: x #", "a: Colon: here",
    "a: url:http://x", "a: http://example.com/a?b=c#d", "a: ends with colon:",
    "a: [News]", "a: []", "a: [ ]", "a: [a, b]", "a: [a,b]", "a: [ a, b ]", "a: [a, ]",
    "a: [1, 2.5, yes, null, ~]", "a: ['a, b', c]", 'a: ["a", \'b\']', "a: [a b, c-d]",
    "a: [[a]]", "a: [a: b]", "a: [a, [b]]", "a: [don't]", "a: [C#]", "a: [a #b]",
    "a: [2025-08-14]", "a: [a] # c", "a: {b: c}", "a: &x 1", "a: *x", "a: !!str 1",
    "a: |\n  text", "a: >\n  text", "a: - b", "a: ? b", "a: @b", "a: `b`", "a: %b",
    "a: =", "a: <<", "a: <b>", "a: -b", "a: b -c", "a: multi\n  line",
    "a: x\nb: y\na: z", "yes: 1", "on: a", "null: b", "1: a", "_a: b", "a-b: c",
    "a:b", "a: b\n\nc: d", "# comment\na: b", "a: b\n# comment\nc: d",
    "a:\n- x\n- y", "a:\n  - x\n  - 'y'", "a:\n  - x\n    - y", "a:\n- x\nb: c",
    "a:\n  - [x]", "a:\n  -", "a:\n  - x: y", "a:\n  - x #c", "a:\n  # c\n  - x",
    "a: café", "a: \u00e9t\u00e9 \u2013 \u201cquoted\u201d", "a: emoji \U0001f600",
    "a: nbsp\u00a0here", "a: line\u2028sep", "a: nel\x85x", "a: bell\x07", "a: tab\there",
    "a: cr\rx", "a: bom\ufeffx", "a: trailing   ", 'a: "trailing"   ', "a: [a]   ",
    "title: \"Latest: Crunch time in Alaska - Trump set to meet Putin\"",
    "image: assets/images/ada012e67f183ef3e9094a5b4ba609c2.jpg",
]  # fmt: skip


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_values_match_pyyaml(text: str) -> None:
    _same(text + "\n")
    _same(text)


def test_fast_path_is_taken_for_the_usual_shapes() -> None:
    for text in ("a: b", "a: [x, y]", 'a: "q"', "a: 2025-08-14T22:02:54", "a:\n  - x"):
        assert load_simple(text + "\n") is not None, text


def test_fast_path_steps_aside_for_what_it_cannot_read() -> None:
    for text in ("a: Hash #1", "a: &x 1", "a: |\n  t", "a: multi\n  line", "a: x\na: y"):
        assert load_simple(text + "\n") is None, text


def test_key_lines() -> None:
    result = load_simple("# c\nlayout: post\n\ntags:\n  - a\ntitle: x\n")
    assert result is not None
    assert result[1] == {"layout": 1, "tags": 3, "title": 5}


def test_whole_synthetic_site_matches_pyyaml() -> None:
    synthetic = _synthetic()
    taken = 0
    for _name, text in synthetic.iter_posts(10_000, body_words=5):
        parts = split_text(text)
        if parts is None:
            continue
        front_matter = parts[2]
        fast = load_simple(front_matter)
        if fast is None:
            continue
        taken += 1
        assert fast[0] == load_yaml(front_matter), front_matter
    assert taken >= 9_800  # the broken ones (1 in 100) go to PyYAML


# --- random front matter: whatever the fast path reads, PyYAML reads the same -------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = ["a", "Z", "1", "0", " ", "  ", ":", ": ", "#", " #", "'", "''", '"', "\\", "\\\"",
           "[", "]", ",", ", ", "{", "}", "-", "- ", "?", "!", "&", "*", "|", ">", "%", "@",
           "`", ".", "e", "x", "_", "yes", "no", "null", "~", "2025-08-14", "T22:02:54", "é",
           "\u2028", "\t", "\r", "\x85", "\ufeff", "=", "<<", "inf", "0x1"]  # fmt: skip
_value = st.lists(st.sampled_from(_PIECES), max_size=8).map("".join)
_key = st.sampled_from(["a", "b", "title", "yes", "on", "1", "_x", "a-b", "n"])
_line = st.one_of(
    st.tuples(_key, _value).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    st.tuples(_key, _value).map(lambda kv: f"{kv[0]}:{kv[1]}"),
    _value.map(lambda v: f"  - {v}"),
    _value.map(lambda v: f"- {v}"),
    st.sampled_from(["", "# c", "  ", "a:", "tags:"]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, min_size=1, max_size=6))
def test_random_front_matter_matches_pyyaml(lines: list[str]) -> None:
    _same("\n".join(lines) + "\n")


_word = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 ._/&+'-]{0,10}", fullmatch=True)
_inner = st.text(alphabet="ab :#,[]{}'-é\\\"", max_size=8)
_simple_value = st.one_of(
    _word,
    _inner.map(lambda s: f'"{s}"'),
    _inner.map(lambda s: f"'{s}'"),
    st.lists(st.one_of(_word, _inner.map(lambda s: f'"{s}"')), max_size=3).map(
        lambda items: "[" + ", ".join(items) + "]"
    ),
    st.sampled_from(["2025-08-14", "2025-08-14T22:02:54", "2025-02-30", "1.5", "yes", "~", ""]),
)
_plain_key = st.sampled_from(["layout", "title", "date", "author", "tags", "image", "x_1", "b-c"])
_block = st.tuples(_plain_key, st.lists(_simple_value, min_size=1, max_size=3)).map(
    lambda kv: f"{kv[0]}:\n" + "".join(f"  - {v}\n" for v in kv[1])
)
_simple_doc = st.lists(
    st.one_of(st.tuples(_plain_key, _simple_value).map(lambda kv: f"{kv[0]}: {kv[1]}\n"), _block),
    min_size=1,
    max_size=6,
    unique_by=lambda text: text.split(":", 1)[0],
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_simple_doc)
def test_random_simple_front_matter_matches_pyyaml(text: str) -> None:
    _same(text)
