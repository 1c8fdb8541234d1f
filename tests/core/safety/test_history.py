"""Local history: each save keeps the replaced version, 30 per post, outside the blog."""

from pathlib import Path

from editor.core.safety.history import History


def test_keeps_lists_diffs_and_restores(tmp_path: Path) -> None:
    site = tmp_path / "site"
    post = site / "_posts" / "2025-01-01-a.md"
    history = History(tmp_path / "data" / "history")
    history.keep_version(site, post, b"---\ntitle: a\n---\n\none\n")
    history.keep_version(site, post, b"---\ntitle: a\n---\n\ntwo\n")
    versions = history.versions(site, post)
    assert [v.size for v in versions] == [22, 22]
    assert versions[0].saved_at > versions[1].saved_at
    assert history.restore_text(versions[1]) == "---\ntitle: a\n---\n\none\n"
    diff = history.diff(versions[1], "---\ntitle: a\n---\n\nthree\n")
    assert diff.splitlines()[-2:] == ["-one", "+three"]
    assert not (site).exists()  # nothing written in the blog


def test_same_version_is_kept_once(tmp_path: Path) -> None:
    history = History(tmp_path)
    assert history.keep_version(tmp_path / "s", tmp_path / "s" / "p.md", b"x") is not None
    assert history.keep_version(tmp_path / "s", tmp_path / "s" / "p.md", b"x") is None
    assert len(history.versions(tmp_path / "s", tmp_path / "s" / "p.md")) == 1


def test_keeps_only_the_last_30(tmp_path: Path) -> None:
    history = History(tmp_path)
    post = tmp_path / "s" / "p.md"
    for n in range(35):
        history.keep_version(tmp_path / "s", post, f"v{n}".encode())
    versions = history.versions(tmp_path / "s", post)
    assert len(versions) == 30
    assert versions[0].read_bytes() == b"v34"
    assert versions[-1].read_bytes() == b"v5"


def test_posts_and_sites_are_separate(tmp_path: Path) -> None:
    history = History(tmp_path)
    history.keep_version(tmp_path / "s1", tmp_path / "s1" / "p.md", b"one")
    history.keep_version(tmp_path / "s2", tmp_path / "s2" / "p.md", b"two")
    assert [
        v.read_bytes() for v in history.versions(tmp_path / "s1", tmp_path / "s1" / "p.md")
    ] == [b"one"]
    assert [
        v.read_bytes() for v in history.versions(tmp_path / "s2", tmp_path / "s2" / "p.md")
    ] == [b"two"]


def test_follows_a_rename(tmp_path: Path) -> None:
    history = History(tmp_path)
    site = tmp_path / "s"
    history.keep_version(site, site / "old.md", b"one")
    history.move(site, site / "old.md", site / "new.md")
    assert history.versions(site, site / "old.md") == []
    assert [v.read_bytes() for v in history.versions(site, site / "new.md")] == [b"one"]
