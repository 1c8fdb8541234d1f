"""The search language: what each query means, and the message for one that means nothing."""

import pytest

from editor.core.search.query import QueryError, parse_query


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("summit", '"summit"'),
        ("Alaska summit", '"Alaska" AND "summit"'),
        ('"peace talks"', '"peace talks"'),
        ("sanc*", '"sanc" *'),
        ("alaska OR europe summit", '("alaska" OR "europe") AND "summit"'),
        ("peace -war", '("peace") NOT ("war")'),
        ('peace -"trade war"', '("peace") NOT ("trade war")'),
        ("alaska AND europe", '"alaska" AND "europe"'),
        ("NEAR(x) ^start col:umn", None),  # FTS5 syntax is text here, never syntax
        ("Latest: news", '"Latest:" AND "news"'),
        ('say "hi" & bye', '"say" AND "hi" AND "bye"'),
    ],
)
def test_text_becomes_a_quoted_fts5_expression(text: str, match: str | None) -> None:
    if match is None:
        with pytest.raises(QueryError, match="not a filter"):
            parse_query(text)
        return
    assert parse_query(text).match == match


def test_filters() -> None:
    query = parse_query('tag:ai category:News author:"Mira Chen" draft:no year:2020..2022 x')
    assert (query.tags, query.categories, query.authors) == (["ai"], ["News"], ["Mira Chen"])
    assert query.draft is False
    assert query.years == (2020, 2022)
    assert query.match == '"x"'
    only = parse_query("tags:trade year:2024")
    assert only.match is None and only.tags == ["trade"] and only.years == (2024, 2024)


def test_terms_to_highlight_leave_out_the_excluded() -> None:
    query = parse_query('"peace talks" sum* -war')
    assert [(t.text, t.kind) for t in query.terms] == [("peace talks", "phrase"), ("sum", "prefix")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"unclosed', "the quote at column 1 is never closed"),
        ('peace "talks', "the quote at column 7 is never closed"),
        ("AND AND", "AND at column 1 needs a word on each side"),
        ("alaska AND AND europe", "AND at column 12 needs a word on each side"),
        ("alaska OR", "OR at column 8 needs a word after it"),
        ("*", "a * needs letters before it"),
        ("su*m", "a * can only end a word"),
        ("-war", "cannot only exclude words"),
        ("tga:ai", "`tga:` at column 1 is not a filter"),
        ("year:soon", "give a year (year:2024)"),
        ("draft:maybe", "say draft:yes or draft:no"),
        ("tag:", "needs a value"),
        ("-tag:ai x", "filters cannot be excluded"),
        ('""', "hold no words"),
        ("& !", "nothing to search for"),
    ],
)
def test_malformed_queries_say_what_to_type(text: str, message: str) -> None:
    with pytest.raises(
        QueryError, match=message.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")
    ):
        parse_query(text)


def test_an_empty_query_is_empty_not_an_error() -> None:
    assert parse_query("   ").empty
