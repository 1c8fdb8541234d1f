"""`byline publish` and `byline sync` against a real bare remote: exit codes and stderr."""

from __future__ import annotations

from pathlib import Path

from editor.cli import main

NEW = "_posts/2026-01-02-a-new-walk.md"


def _write_post(root: Path) -> None:
    (root / "assets/images/walk.jpg").write_bytes(b"\xff\xd8 jpeg")
    (root / NEW).write_text(
        "---\nlayout: post\ntitle: A new walk\nimage: /assets/images/walk.jpg\n---\n\nFar.\n"
    )


def test_publish_pushes_the_post_and_its_image(git_site, capsys) -> None:
    _write_post(git_site.root)
    assert main(["publish", str(git_site.root / NEW)]) == 0
    assert NEW in git_site.remote_files()
    assert "assets/images/walk.jpg" in git_site.remote_files()
    subject = git_site.git("log", "-1", "--format=%s", "main", cwd=git_site.remote)
    assert subject.strip() == "Publish: A new walk"
    assert "Published" in capsys.readouterr().out


def test_publish_offline_exits_3_then_sync_pushes(git_site, capsys) -> None:
    _write_post(git_site.root)
    git_site.offline()
    assert main(["publish", str(git_site.root / NEW), "-m", "my words"]) == 3
    assert "push waits" in capsys.readouterr().err
    assert main(["sync", str(git_site.root)]) == 1
    assert "could not be reached" in capsys.readouterr().err
    git_site.online()
    assert main(["sync", str(git_site.root)]) == 0
    subject = git_site.git("log", "-1", "--format=%s", "main", cwd=git_site.remote)
    assert subject.strip() == "my words"


def test_publish_outside_a_repository_exits_1_with_the_reason(git_site, capsys) -> None:
    import shutil

    shutil.rmtree(git_site.root / ".git")
    _write_post(git_site.root)
    assert main(["publish", str(git_site.root / NEW)]) == 1
    assert "not a git repository" in capsys.readouterr().err


def test_sync_reports_a_conflict_in_a_post_with_git_s_words(git_site, capsys) -> None:
    post = "_posts/2025-09-12-dusk-on-the-ridge.md"
    other = git_site.other_clone()
    (other / post).write_text("---\ntitle: Theirs\n---\n")
    git_site.git("commit", "-q", "-am", "theirs", cwd=other)
    git_site.git("push", "-q", cwd=other)
    (git_site.root / post).write_text("---\ntitle: Mine\n---\n")
    assert main(["publish", str(git_site.root / post)]) == 1
    assert "Sync first" in capsys.readouterr().err
    assert main(["sync", str(git_site.root)]) == 1
    err = capsys.readouterr().err
    assert post in err and "CONFLICT" in err


def test_byline_itself_hands_publish_and_sync_to_the_command_line(git_site, capsys) -> None:
    from editor.app import main as byline

    _write_post(git_site.root)
    assert byline(["publish", str(git_site.root / NEW)]) == 0
    assert byline(["sync", str(git_site.root)]) == 0
    assert "Up to date" in capsys.readouterr().out
