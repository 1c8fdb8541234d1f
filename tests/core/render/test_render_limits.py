"""Bodies Python-Markdown would take minutes over render in linear time (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.render import RenderOptions, render_post
from editor.core.render.sanitize import bound_work

REPO = Path(__file__).resolve().parents[3]
OPTIONS = RenderOptions(column_width=None, line_anchors=False, header=False)


def body(text: str) -> str:
    return render_post(text, {}, None, OPTIONS).body


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[" * 10_000, "[" * 50),
        ("[a](" * 5_000, "[a]([a]("),
        ("<a " * 20_000, "&lt;a &lt;a "),
        ("x *y* [l](http://e.example) `c` " * 40_000, "x *y* [l](http://e.example) `c`"),
    ],
    ids=["brackets", "open-links", "open-tags", "one-megabyte-paragraph"],
)
def test_pathological_paragraphs_are_shown_as_plain_text(text: str, shown: str) -> None:
    html = body(text + "\n\nAfter *that*.\n")
    assert '<p class="byline-plain">' in html and shown in html
    assert "<p>After <em>that</em>.</p>" in html  # the rest renders as usual


def test_lines_are_kept() -> None:
    text = "a\n\n" + "[" * 10_000 + "\nmore [\n\nb\n"
    assert bound_work(text).count("\n") == text.count("\n")


def test_fenced_code_is_left_alone() -> None:
    text = "```\n" + "[" * 10_000 + "\n```\n"
    assert bound_work(text) == text


@pytest.mark.parametrize(
    "post", sorted((REPO / "resources" / "sample-blog" / "_posts").glob("*.md")), ids=str
)
def test_ordinary_posts_pass_unchanged(post: Path) -> None:
    text = post.read_text(encoding="utf-8")
    assert bound_work(text) is text


def test_the_reference_post_passes_unchanged(reference_bytes: bytes) -> None:
    text = reference_bytes.decode("utf-8")
    assert bound_work(text) is text
