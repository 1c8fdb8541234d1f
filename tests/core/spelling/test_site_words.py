"""The blog's own words, learnt from its posts and remembered between runs."""

from pathlib import Path

import pytest

from editor.core.spelling import site_words
from editor.core.spelling.site_words import learn, learn_cache_file
from editor.core.spelling.speller import checker_for


def test_learnt_from_three_posts_and_remembered_by_post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    posts = []
    for n in range(4):
        p = tmp_path / "_posts" / f"2025-01-0{n + 1}-p.md"
        p.parent.mkdir(exist_ok=True)
        p.write_text(f"---\ntitle: {n}\n---\nWe walked to Fjordholm. A recieve {n}.\n", "utf-8")
        posts.append(p)
    checker = checker_for("en_US")
    cache = learn_cache_file(tmp_path / "cache", tmp_path)
    assert learn(posts, checker, cache) == {"Fjordholm", "recieve"} == learn(posts, checker)
    read = []
    real = site_words.read_text
    monkeypatch.setattr(site_words, "read_text", lambda p: read.append(p) or real(p))
    assert learn(posts, checker, cache) == {"Fjordholm", "recieve"}
    assert read == []  # nothing changed: nothing read
    for p in posts[:2]:  # two posts now spell it right: one typo left in two posts
        p.write_text(p.read_text("utf-8").replace("recieve", "receive") + "\n", "utf-8")
    assert learn(posts, checker, cache) == {"Fjordholm"}
    assert sorted(read) == posts[:2]
    cache.write_text("{damaged", "utf-8")  # a damaged cache is no cache
    assert learn(posts, checker, cache) == {"Fjordholm"}
