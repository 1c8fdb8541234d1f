"""Words ignored in a post: kept per site and post, in the data folder."""

import json
from pathlib import Path

from editor.core.spelling.ignored import FILE, ignore_word, ignored_words


def test_kept_per_site_and_post(tmp_path: Path) -> None:
    data, a, b = tmp_path / "data", tmp_path / "a", tmp_path / "b"
    post = a / "_posts" / "2025-01-01-x.md"
    ignore_word(data, a, post, "Fjordholm")
    ignore_word(data, a, post, "Tomás")
    ignore_word(data, a, post, "Tomás")  # once is enough
    assert ignored_words(data, a, post) == {"Fjordholm", "Tomás"}
    assert ignored_words(data, a, a / "_posts" / "2025-01-02-y.md") == set()
    assert ignored_words(data, b, b / "_posts" / "2025-01-01-x.md") == set()  # another blog
    stored = json.loads((data / FILE).read_text(encoding="utf-8"))
    assert stored[str(a)] == {"_posts/2025-01-01-x.md": ["Fjordholm", "Tomás"]}
    lone = tmp_path / "notes.md"
    ignore_word(data, None, lone, "teh")
    assert ignored_words(data, None, lone) == {"teh"}


def test_a_damaged_file_is_an_empty_one(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / FILE).parent.mkdir(parents=True)
    for junk in ("{not json", "[1, 2]", '{"x": 3}', '{"x": {"p": "word"}}'):
        (data / FILE).write_text(junk, encoding="utf-8")
        assert ignored_words(data, tmp_path, tmp_path / "p.md") == set()
    ignore_word(data, tmp_path, tmp_path / "p.md", "teh")  # and it is written afresh
    assert ignored_words(data, tmp_path, tmp_path / "p.md") == {"teh"}


def test_the_words_move_with_the_post(tmp_path: Path) -> None:
    from editor.core.spelling.ignored import move_ignored

    data, site = tmp_path / "data", tmp_path / "blog"
    draft = site / "_drafts" / "a-walk.md"
    post = site / "_posts" / "2025-01-01-a-walk.md"
    other = site / "_posts" / "2024-12-01-other.md"
    ignore_word(data, site, draft, "Fjordholm")
    ignore_word(data, site, other, "teh")
    ignore_word(data, site, post, "Tomás")  # a file of that name had some: both kept
    move_ignored(data, site, draft, post)
    assert ignored_words(data, site, post) == {"Fjordholm", "Tomás"}
    assert ignored_words(data, site, draft) == set()
    assert ignored_words(data, site, other) == {"teh"}
    before = (data / FILE).read_bytes()
    move_ignored(data, site, draft, post)  # nothing ignored there now: nothing written
    move_ignored(data, site, site / "_posts" / "none.md", draft)
    assert (data / FILE).read_bytes() == before
    lone, moved = tmp_path / "lone.md", tmp_path / "moved.md"
    ignore_word(data, None, lone, "teh")
    move_ignored(data, None, lone, moved)
    assert ignored_words(data, None, moved) == {"teh"}
