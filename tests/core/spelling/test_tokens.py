"""What the checker reads of a Markdown text: prose only, at the right line and column."""

from editor.core.spelling.tokens import words, words_of_line


def texts(markdown: str) -> list[str]:
    return [w.text for w in words(markdown)]


def test_prose_words_with_their_place() -> None:
    found = list(words("Hello wrld\n\nSecond line here", first_line=4))
    assert [(w.text, w.line, w.col) for w in found] == [
        ("Hello", 4, 0), ("wrld", 4, 6), ("Second", 6, 0), ("line", 6, 7), ("here", 6, 12)
    ]  # fmt: skip


def test_code_is_never_read() -> None:
    md = "Text teh\n\n```python\nimport sys\n```\n\n~~~\nfoo barr\n~~~\n\n    indented codez\n\nafter `inline codez` end"
    assert texts(md) == ["Text", "teh", "after", "end"]


def test_urls_targets_html_liquid_entities_footnotes_ials_emails_files() -> None:
    line = (
        'See [the docs](https://exmaple.com/pathh "a titel") and <a href="x.html" clas="y">linkk</a> '
        "&mdash; {% include foo.html param=barz %} {{ page.titel }} note[^footnte] {: .clss} "
        "mail someone@exmaple.com or open _config.yml and index.md, www.exmaple.org ok"
    )
    assert [w.text for w in words_of_line(line)] == [
        "See", "the", "docs", "and", "linkk", "note", "mail", "or", "open", "and", "ok"
    ]  # fmt: skip


def test_reference_definitions_html_blocks_and_comments_are_skipped() -> None:
    md = '[ref]: https://x.org "Titel"\n\n<script>\nvar speling = 1;\n</script>\n\n<!-- a\ncommentt -->\nWord'
    assert texts(md) == ["Word"]


def test_apostrophes_digits_acronyms_and_hyphens() -> None:
    line = "don’t don't mp3 4th COVID-19 NASA APIs well-knwon snake_case"
    assert [w.text for w in words_of_line(line)] == ["don’t", "don't", "well", "knwon"]


def test_columns_stay_true_after_masking() -> None:
    line = "`code` then mispeled"
    (_, b) = words_of_line(line)
    assert line[b.col : b.col + len(b.text)] == "mispeled"
