"""The checker with the shipped dictionaries: detection, suggestions, languages, bad input."""

from pathlib import Path

import pytest

from editor.core.spelling.checker import DictionaryError, SpellChecker
from editor.core.spelling.dictionaries import DictionaryFile, UnknownLanguage, normalise, resolve
from editor.core.spelling.language import post_language
from editor.core.spelling.speller import Speller, checker_for
from editor.core.spelling.tokens import words


@pytest.mark.parametrize(
    ("code", "name"),
    [("en", "en_US"), ("en-GB", "en_GB"), ("en_gb", "en_GB"), ("de_DE", "de_DE"),
     ("de", "de_DE"), ("fr-CA", "fr_FR"), ("es", "es_ES"), ("en_US.UTF-8", "en_US")],
)  # fmt: skip
def test_language_codes_find_a_shipped_dictionary(code: str, name: str) -> None:
    assert resolve(code).name == name
    assert normalise(code)


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(UnknownLanguage, match="no spelling dictionary for 'xx'"):
        resolve("xx")
    with pytest.raises(UnknownLanguage, match="not a language code"):
        resolve("!!")


def test_each_shipped_language_knows_its_words_and_flags_a_typo() -> None:
    samples = {
        "en_US": ("color", "recieve", "receive"),
        "en_GB": ("colour", "recieve", "receive"),
        "de_DE": ("Haus", "Hauss", "Haus"),
        "fr_FR": ("château", "chateau", "château"),
        "es_ES": ("mañana", "manana", "mañana"),
    }
    for name, (good, bad, meant) in samples.items():
        checker = checker_for(name)
        assert checker.known(good), name
        assert not checker.known(bad), name
        assert meant in checker.suggest(bad), (name, checker.suggest(bad))


def test_suggestions_best_first_and_case_kept() -> None:
    checker = checker_for("en_US")
    assert checker.suggest("recieve")[0] == "receive"
    assert checker.suggest("Teh")[0] == "The"
    assert checker.suggest("dont’")[:1] == [] or all("'" not in s for s in checker.suggest("dont’"))
    assert len(checker.suggest("definately")) <= 5


def test_far_misses_get_the_meant_word_first_without_hunspells_search() -> None:
    checker = checker_for("en_US")
    calls = []
    real = checker._h

    class Watch:  # Hunspell's slow n-gram search must not run for these
        def __getattr__(self, name: str) -> object:
            calls.append(name) if name == "suggest" else None
            return getattr(real, name)

    checker._h = Watch()  # type: ignore[assignment]
    try:
        assert checker.suggest("algothitm")[0] == "algorithm"  # two edits away
        assert checker.suggest("Acheivments")[0] == "Achievements"  # case kept
        assert checker_for("de_DE").suggest("Schmetterlnig")[0] == "Schmetterling"
    finally:
        checker._h = real
    assert calls == []


def test_whole_body_check_equals_word_by_word() -> None:
    text = ("The colour of teh sky, well-knwon and state-of-the-art; don’t recieve it.\n\n"
            "A `codez` line with https://exmaple.com and [a link](http://x.y/pathz) adn more.\n")  # fmt: skip
    speller = Speller(checker_for("en_US"), site_words={"adn"}, remember_lines=True)
    for _ in range(2):  # the second time from the remembered chunks
        flags = speller.check_body(text, 3)
        assert [(f.word, f.line, f.col) for f in flags] == [
            (w.text, w.line, w.col) for w in words(text, 3) if not speller.known(w.text)
        ]
    assert [f.word for f in flags] == ["colour", "teh", "knwon", "recieve"]


def test_apostrophes_camel_case_and_possessives() -> None:
    checker = checker_for("en_US")
    assert checker.known("don’t") and checker.known("don't")
    assert checker.known("JavaScript") and checker.known("WordPress")
    assert not checker.known("JavaScirpt")
    assert checker.known("Jekyll's")


def test_post_language_order() -> None:
    assert post_language({"lang": "fr"}, {"lang": "de"}, "es") == "fr"
    assert post_language({}, {"lang": "de"}, "es") == "es"
    assert post_language({}, {"locale": "de_DE"}) == "de_DE"
    assert post_language({}, {}) == "en_US"


def test_speller_extra_words() -> None:
    speller = Speller(checker_for("en_US"), personal={"Byline"}, site_list={"Kraków"},
                      site_words={"Fjordland"}, ignored={"zzyzx"})  # fmt: skip
    assert [
        f.word for f in speller.check_body("Byline Kraków Fjordland zzyzx Fjordland's qwrtz")
    ] == ["qwrtz"]


def _bad_dictionary(folder: Path, aff: bytes, dic: bytes) -> DictionaryFile:
    (folder / "xx_XX.aff").write_bytes(aff)
    (folder / "xx_XX.dic").write_bytes(dic)
    return DictionaryFile("xx_XX", folder, False)


def test_damaged_or_missing_dictionary_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read"):
        SpellChecker(DictionaryFile("none_NONE", tmp_path, False))
    with pytest.raises(DictionaryError):
        SpellChecker(_bad_dictionary(tmp_path, bytes(range(256)) * 10, bytes(range(256)) * 10))
    with pytest.raises(DictionaryError, match="word count"):
        SpellChecker(_bad_dictionary(tmp_path, b"SET UTF-8\n", b"hello\nworld\n"))


def test_a_system_dictionary_is_offered(tmp_path: Path) -> None:
    from editor.core.spelling.dictionaries import available

    (tmp_path / "nl_NL.aff").write_text("SET UTF-8\n")
    (tmp_path / "nl_NL.dic").write_text("1\nfiets\n")
    found = available([tmp_path])
    assert found["nl_NL"].folder == tmp_path and not found["nl_NL"].shipped
    assert found["en_US"].shipped
    assert SpellChecker(found["nl_NL"]).known("fiets")
