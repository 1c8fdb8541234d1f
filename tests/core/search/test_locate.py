"""Where the match is in a post's text (for selecting it when the post opens)."""

from editor.core.search.locate import first_match
from editor.core.search.query import parse_query

TEXT = "Intro.\n\nA crème brûlée and Peace  talks here."


def _found(query: str) -> str | None:
    span = first_match(TEXT, parse_query(query))
    return None if span is None else TEXT[span[0] : span[1]]


def test_words_phrases_prefixes_accents() -> None:
    assert _found("creme") == "crème"
    assert _found('"peace talks"') == "Peace  talks"
    assert _found("brûl*") == "brûlée"
    assert _found("here tag:x") == "here"
    assert _found("nothing") is None
    assert _found("tag:x") is None
