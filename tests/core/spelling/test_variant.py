"""Which English a blog writes, and words in another writing system."""

from pathlib import Path

from editor.core.spelling.speller import checker_for
from editor.core.spelling.variant import blog_language, english_variant


def test_the_variant_is_read_from_the_prose() -> None:
    british = "The colour of the harbour. We organised a travelling theatre."
    american = "The color of the harbor. We organized a traveling theater."
    assert english_variant([british]) == "en_GB"
    assert english_variant([american]) == "en_US"
    assert english_variant(["Nothing to tell here."]) == "en_US"  # the default
    assert english_variant(["One colour, once."]) == "en_US"  # too little to go on
    # a US blog quoting a British page now and then stays American
    assert english_variant([american, american, "the colour, the harbour, organised"]) == "en_US"


def test_what_the_config_says_wins(tmp_path: Path) -> None:
    post = tmp_path / "2025-01-01-a.md"
    post.write_text("The colour of the harbour; organised, travelling.\n", encoding="utf-8")
    assert blog_language(tmp_path, "", [post]) == "en_GB"
    assert blog_language(tmp_path, "en", [post]) == "en_GB"
    assert blog_language(tmp_path, "en-US", [post]) == "en-US"
    assert blog_language(tmp_path, "de", [post]) == "de"
    assert blog_language(None, "", []) == "en_US"


def test_words_in_another_writing_system_are_not_judged() -> None:
    checker = checker_for("en_US")
    assert checker.known("травня") and checker.known("키워드") and checker.known("以及")
    assert not checker.known("Tomás")  # Latin with an accent: English's to judge
    assert not checker.known("recieve")
