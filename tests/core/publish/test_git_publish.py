"""Publishing through the real git, against a bare remote in a temp folder (no network)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from editor.core.publish.commit import commit, plan_publish
from editor.core.publish.failures import Failure, GitFailure
from editor.core.publish.remote import Outcome, finish, push, resolve, sync
from editor.core.publish.status import State, open_repo, read_status

POST = "_posts/2025-09-12-dusk-on-the-ridge.md"


def _new_post(root: Path, image: str = "assets/images/new-header.jpg") -> str:
    (root / image).write_bytes(b"\xff\xd8 a jpeg")
    rel = "_posts/2026-01-02-a-new-walk.md"
    (root / rel).write_text(
        f"---\nlayout: post\ntitle: A new walk\nimage: {image}\n---\n\nFar.\n", encoding="utf-8"
    )
    return rel


def test_states_of_new_changed_committed_and_published(git_site) -> None:
    root = git_site.root
    new = _new_post(root)
    (root / POST).write_text((root / POST).read_text() + "\nMore.\n")
    repo = open_repo(root)
    status = read_status(repo)
    assert status.branch == "main" and status.upstream == "origin/main"
    assert status.state(new) is State.NEW
    assert status.state(POST) is State.CHANGED
    other = "_posts/2025-03-08-walking-the-fjord-path-in-early-spring.md"
    assert status.state(other) is State.PUBLISHED
    commit(repo, status, [POST], "Publish: Dusk")
    status = read_status(repo)
    assert status.state(POST) is State.COMMITTED and status.ahead == 1
    assert status.state(new) is State.NEW


def test_publish_commits_the_post_and_its_new_image_only(git_site) -> None:
    root = git_site.root
    new = _new_post(root)
    (root / "assets/images/unrelated.png").write_bytes(b"png")
    (root / POST).write_text((root / POST).read_text() + "\nUnsaved elsewhere.\n")
    (root / "index.html").write_text("staged change\n")
    git_site.git("add", "index.html")
    repo = open_repo(root)
    status = read_status(repo)
    text = (root / new).read_text()
    plan = plan_publish(status, new, text)
    assert plan.ticked() == [new, "assets/images/new-header.jpg"]
    offered = {i.path for i in plan.items if not i.ticked}
    assert offered == {"assets/images/unrelated.png", POST, "index.html"}
    commit(repo, status, plan.ticked(), "Publish: A new walk")
    result = push(repo)
    assert result.outcome is Outcome.PUSHED
    assert new in git_site.remote_files()
    assert "assets/images/new-header.jpg" in git_site.remote_files()
    committed = git_site.git("show", "--name-only", "--format=%s", "HEAD").split("\n")
    assert committed[0] == "Publish: A new walk"
    assert sorted(filter(None, committed[1:])) == ["_posts/2026-01-02-a-new-walk.md",
                                                   "assets/images/new-header.jpg"]  # fmt: skip
    # everything unrelated is exactly as it was: staged stays staged, changed stays changed
    after = read_status(repo)
    assert after.entries["index.html"].staged
    assert after.entries[POST].unstaged and not after.entries[POST].staged
    assert after.state("assets/images/unrelated.png") is State.NEW
    assert after.state(new) is State.PUBLISHED


def test_publish_offline_commits_and_the_push_waits_until_sync(git_site) -> None:
    root = git_site.root
    new = _new_post(root)
    repo = open_repo(root)
    status = read_status(repo)
    commit(repo, status, plan_publish(status, new, (root / new).read_text()).ticked(), "Publish")
    git_site.offline()
    result = push(repo)
    assert result.outcome is Outcome.WAITING and result.details
    assert read_status(repo).state(new) is State.COMMITTED
    with pytest.raises(GitFailure) as info:
        sync(repo)
    assert info.value.kind is Failure.OFFLINE
    git_site.online()
    assert sync(repo).outcome is Outcome.PUSHED
    assert read_status(repo).state(new) is State.PUBLISHED


def test_rejected_push_then_sync_merges_and_pushes(git_site) -> None:
    other = git_site.other_clone()
    (other / "_posts/2026-02-01-theirs.md").write_text("---\ntitle: Theirs\n---\n")
    git_site.git("add", "-A", cwd=other)
    git_site.git("commit", "-q", "-m", "theirs", cwd=other)
    git_site.git("push", "-q", cwd=other)
    root = git_site.root
    new = _new_post(root)
    repo = open_repo(root)
    status = read_status(repo)
    commit(repo, status, [new], "Publish")
    with pytest.raises(GitFailure) as info:
        push(repo)
    assert info.value.kind is Failure.REJECTED and "rejected" in info.value.details
    git_site.git("fetch", "-q")  # Sync itself fetches; here only to see it is behind
    assert sync(repo).outcome is Outcome.PUSHED
    files = git_site.remote_files()
    assert new in files and "_posts/2026-02-01-theirs.md" in files


@pytest.mark.parametrize("rebase", [False, True])
@pytest.mark.parametrize("keep", ["mine", "theirs"])
def test_conflict_in_a_post_resolved_per_file(git_site, rebase: bool, keep: str) -> None:
    if rebase:
        git_site.git("config", "pull.rebase", "true")
    other = git_site.other_clone()
    (other / POST).write_text("---\ntitle: Theirs\n---\nTheir words.\n")
    git_site.git("commit", "-q", "-am", "theirs", cwd=other)
    git_site.git("push", "-q", cwd=other)
    root = git_site.root
    (root / POST).write_text("---\ntitle: Mine\n---\nMy words.\n")
    repo = open_repo(root)
    commit(repo, read_status(repo), [POST], "Publish: mine")
    with pytest.raises(GitFailure) as info:
        sync(repo)
    assert info.value.kind is Failure.CONFLICT and info.value.paths == (POST,)
    assert "<<<<<<<" in (root / POST).read_text()
    status = read_status(repo)
    assert status.state(POST) is State.CONFLICT
    assert status.operation == ("rebase" if rebase else "merge")
    resolve(repo, POST, keep)
    expected = "My words." if keep == "mine" else "Their words."
    assert expected in (root / POST).read_text()
    finish(repo)
    assert read_status(repo).operation is None
    assert sync(repo).outcome in (Outcome.PUSHED, Outcome.UP_TO_DATE)
    remote = git_site.git("show", f"main:{POST}", cwd=git_site.remote)
    assert expected in remote


def test_a_failing_pre_commit_hook_is_explained_and_changes_nothing(git_site) -> None:
    root = git_site.root
    hook = root / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho 'lint: trailing spaces in post' >&2\nexit 1\n")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    new = _new_post(root)
    repo = open_repo(root)
    status = read_status(repo)
    with pytest.raises(GitFailure) as info:
        commit(repo, status, plan_publish(status, new, (root / new).read_text()).ticked(), "P")
    assert info.value.kind is Failure.HOOK
    assert "trailing spaces" in info.value.details
    after = read_status(repo)
    assert after.state(new) is State.NEW  # not left staged
    assert after.state("assets/images/new-header.jpg") is State.NEW


def test_detached_head_is_refused_with_a_reason(git_site) -> None:
    git_site.git("checkout", "-q", "--detach")
    root = git_site.root
    new = _new_post(root)
    repo = open_repo(root)
    with pytest.raises(GitFailure) as info:
        commit(repo, read_status(repo), [new], "P")
    assert info.value.kind is Failure.DETACHED


def test_git_absent_and_not_a_repository(tmp_path: Path, monkeypatch) -> None:
    with pytest.raises(GitFailure) as info:
        open_repo(tmp_path)
    assert info.value.kind is Failure.NOT_A_REPO
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(GitFailure) as info:
        open_repo(tmp_path)
    assert info.value.kind is Failure.GIT_MISSING


def test_failures_are_told_in_an_author_s_words() -> None:
    from editor.core.publish.failures import classify

    prompt = "fatal: could not read Username for 'https://x': terminal prompts disabled"
    assert classify(prompt) is Failure.AUTH
    ssh = "git@host: Permission denied (publickey).\nfatal: Could not read from remote repository."
    assert classify(ssh) is Failure.AUTH  # not "offline", though git says it could not read
    assert classify("ssh: Could not resolve hostname github.com") is Failure.OFFLINE
    assert classify(" ! [rejected]        main -> main (fetch first)") is Failure.REJECTED


def _fake_ssh(base: Path, said: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An ssh that answers as a real one would, without any network."""
    ssh = base / "fake-ssh"
    ssh.write_text(f"#!/bin/sh\necho '{said}' >&2\nexit 255\n")
    ssh.chmod(0o755)
    monkeypatch.setenv("GIT_SSH_COMMAND", str(ssh))


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("git@example.invalid: Permission denied (publickey).", Failure.AUTH),
        ("ssh: Could not resolve hostname example.invalid: Name or service not known",
         Failure.OFFLINE),
    ],
)  # fmt: skip
def test_an_ssh_remote_refusing_or_unreachable(git_site, monkeypatch, said, kind) -> None:  # type: ignore[no-untyped-def]
    _fake_ssh(git_site.base, said, monkeypatch)
    git_site.git("remote", "set-url", "origin", "git@example.invalid:me/blog.git")
    root = git_site.root
    new = _new_post(root)
    repo = open_repo(root)
    commit(repo, read_status(repo), [new], "Publish")
    if kind is Failure.OFFLINE:
        result = push(repo)
        assert result.outcome is Outcome.WAITING and "resolve hostname" in result.details
        return
    with pytest.raises(GitFailure) as info:
        push(repo)
    assert info.value.kind is Failure.AUTH
    assert "Permission denied" in info.value.details


def test_a_failing_pre_push_hook_is_explained(git_site) -> None:
    hook = git_site.root / ".git/hooks/pre-push"
    hook.write_text("#!/bin/sh\necho 'tests must pass before pushing' >&2\nexit 1\n")
    hook.chmod(0o755)
    root = git_site.root
    new = _new_post(root)
    repo = open_repo(root)
    commit(repo, read_status(repo), [new], "Publish")
    with pytest.raises(GitFailure) as info:
        push(repo)
    assert info.value.kind is Failure.HOOK
    assert "tests must pass" in info.value.details
