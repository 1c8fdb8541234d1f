"""load_post / read_post / save_post: clear errors, nothing outside the site, history kept."""

import os
from pathlib import Path

import pytest

from editor.core.errors import (
    BylineError,
    ConflictError,
    NameTakenError,
    OutsideSiteError,
    ReadOnlyError,
    StorageError,
    YamlSyntaxError,
)
from editor.core.safety.disk_stamp import DiskStamp
from editor.core.safety.history import History
from editor.core.safety.post_io import inside, load_post, read_post, save_post


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    return root


def test_load_and_save_reference_post_unchanged(site: Path, reference_bytes: bytes) -> None:
    path = site / "_posts" / "2025-08-14-ref.md"
    path.write_bytes(reference_bytes)
    before = path.stat().st_mtime_ns
    post = load_post(path)
    stamp = save_post(post, path, site)
    assert path.read_bytes() == reference_bytes
    assert path.stat().st_mtime_ns == before  # nothing to write, nothing written
    assert stamp == DiskStamp.read(path)


def test_save_keeps_history(site: Path, reference_bytes: bytes, tmp_path: Path) -> None:
    path = site / "_posts" / "2025-08-14-ref.md"
    path.write_bytes(reference_bytes)
    history = History(tmp_path / "history")
    post = load_post(path)
    post.set("title", "Changed")
    save_post(post, path, site, history=history)
    [version] = history.versions(site, path)
    assert version.read_bytes() == reference_bytes
    assert b'title: "Changed"\n' in path.read_bytes()
    assert not any(p.name.endswith(".tmp") for p in path.parent.iterdir())


def test_raw_fallback_for_broken_front_matter(site: Path) -> None:
    path = site / "_posts" / "2025-01-01-broken.md"
    path.write_bytes(b'---\ntitle: "unclosed\n---\nbody\n')
    loaded = read_post(path)
    assert loaded.post is None
    assert isinstance(loaded.error, YamlSyntaxError)
    assert loaded.text == '---\ntitle: "unclosed\n---\nbody\n'
    with pytest.raises(YamlSyntaxError):
        load_post(path)
    # the raw text can be fixed and saved
    save_post('---\ntitle: "closed"\n---\nbody\n', path, site, expected=loaded.stamp)
    assert load_post(path).get("title") == "closed"


def test_refuses_outside_site(site: Path, tmp_path: Path) -> None:
    post = load_post_text("---\ntitle: a\n---\n")
    for path in (tmp_path / "elsewhere.md", site / ".." / "x.md", site):
        with pytest.raises(OutsideSiteError, match="outside the site"):
            save_post(post, path, site)
    assert not (tmp_path / "elsewhere.md").exists()
    assert inside(site / "_posts" / "a.md", site)
    assert not inside(str(site) + "-other/a.md", site)


def test_symlinked_post_inside_the_site_is_written_through(site: Path) -> None:
    real = site / "shared" / "a.md"
    real.parent.mkdir()
    real.write_text("---\ntitle: a\n---\n")
    link = site / "_posts" / "2025-01-01-a.md"
    link.symlink_to(real)
    save_post("---\ntitle: b\n---\n", link, site)
    assert link.is_symlink() and real.read_text() == "---\ntitle: b\n---\n"


def test_symlinked_post_leading_outside_is_refused(site: Path, tmp_path: Path) -> None:
    real = tmp_path / "shared.md"
    real.write_text("---\ntitle: a\n---\n")
    link = site / "_posts" / "2025-01-01-a.md"
    link.symlink_to(real)
    with pytest.raises(OutsideSiteError, match=r"2025-01-01-a\.md leads to .*shared\.md, outside"):
        save_post("---\ntitle: b\n---\n", link, site)
    assert real.read_text() == "---\ntitle: a\n---\n"


def test_conflict_when_changed_on_disk(site: Path) -> None:
    path = site / "_posts" / "2025-01-01-a.md"
    path.write_text("---\ntitle: a\n---\n")
    stamp = read_post(path).stamp
    path.write_text("---\ntitle: theirs\n---\n")
    with pytest.raises(ConflictError, match="changed on disk"):
        save_post("---\ntitle: mine\n---\n", path, site, expected=stamp)
    assert path.read_text() == "---\ntitle: theirs\n---\n"
    save_post("---\ntitle: mine\n---\n", path, site, expected=None)  # Keep mine
    assert path.read_text() == "---\ntitle: mine\n---\n"


def test_new_post_never_takes_a_name(site: Path) -> None:
    path = site / "_posts" / "2025-01-01-a.md"
    path.write_text("theirs")
    with pytest.raises(NameTakenError, match="already exists"):
        save_post("---\ntitle: a\n---\n", path, site, new=True)
    assert path.read_text() == "theirs"


def test_new_post_creates_posts_folder(tmp_path: Path) -> None:
    save_post("---\ntitle: a\n---\n", tmp_path / "_drafts" / "a.md", tmp_path, new=True)
    assert (tmp_path / "_drafts" / "a.md").read_text() == "---\ntitle: a\n---\n"


def test_read_only_post(site: Path) -> None:
    path = site / "_posts" / "2025-01-01-a.md"
    path.write_text("---\ntitle: a\n---\n")
    path.chmod(0o444)
    with pytest.raises(ReadOnlyError, match="read-only"):
        save_post("---\ntitle: b\n---\n", path, site)
    assert path.read_text() == "---\ntitle: a\n---\n"
    os.chmod(path, 0o644)


def load_post_text(text: str):  # type: ignore[no-untyped-def]
    from editor.core.post.post import parse_post

    return parse_post(text)


def test_history_problem_does_not_stop_a_save(site: Path, tmp_path: Path) -> None:
    path = site / "_posts" / "2025-01-01-a.md"
    path.write_text("---\ntitle: a\n---\n")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the history folder should be")
    warnings: list[BylineError] = []
    save_post("---\ntitle: b\n---\n", path, site, history=History(blocked), warnings=warnings)
    assert path.read_text() == "---\ntitle: b\n---\n"
    assert len(warnings) == 1 and "cannot keep history" in warnings[0].message
    with pytest.raises(StorageError):  # without a warnings list, it is an error
        save_post("---\ntitle: c\n---\n", path, site, history=History(blocked))
    assert path.read_text() == "---\ntitle: b\n---\n"
