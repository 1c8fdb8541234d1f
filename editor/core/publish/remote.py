"""Push and Sync: the only calls that reach the network, and only when the author asks.

Push never forces. Sync pulls the way the repository is configured (rebase or merge; git's
historic merge when nothing is configured), then pushes what waits. A pull that stops on
conflicts is left for the author to resolve per file (keep mine / take theirs, or by hand),
then `finish` completes the merge or rebase; nothing is reset, stashed or checked out over
the author's work.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from editor.core.publish.failures import Failure, GitFailure
from editor.core.publish.status import Repo, RepoStatus, read_status


class Outcome(enum.Enum):
    PUSHED = "pushed"
    WAITING = "waiting"  # committed here; the push waits for the network
    UP_TO_DATE = "up to date"


@dataclass(frozen=True)
class PushResult:
    outcome: Outcome
    message: str
    details: str = ""  # git's output when the push waits


def _push_args(repo: Repo, status: RepoStatus) -> list[str]:
    if status.branch is None:
        raise GitFailure(Failure.DETACHED)
    if status.upstream:
        return ["push", "--porcelain"]
    remotes = repo.git.run("remote", read_only=True).text.split()
    if not remotes:
        raise GitFailure(Failure.NO_REMOTE)
    remote = "origin" if "origin" in remotes else remotes[0]
    # a branch that tracks nothing yet: publish it under its own name and track it
    return ["push", "--porcelain", "--set-upstream", remote, f"HEAD:refs/heads/{status.branch}"]


def push(repo: Repo, status: RepoStatus | None = None) -> PushResult:
    """Push the current branch; offline it says the push waits instead of failing."""
    status = status or read_status(repo)
    if status.upstream and status.ahead == 0:
        return PushResult(Outcome.UP_TO_DATE, "Everything is already published.")
    args = _push_args(repo, status)
    result = repo.git.run(*args, network=True, check=False)
    if result.code == 0:
        return PushResult(Outcome.PUSHED, "Published.")
    failure = repo.git.failure(result)
    if failure.kind is Failure.OFFLINE:
        return PushResult(
            Outcome.WAITING,
            "Committed. The remote cannot be reached, so the push waits: Sync when online.",
            failure.details,
        )
    if failure.kind is Failure.OTHER and _hook_exists(repo, "pre-push"):
        failure = GitFailure(Failure.HOOK, failure.details)
    raise failure


def _hook_exists(repo: Repo, name: str) -> bool:
    hook = repo.git.run("rev-parse", "--git-path", f"hooks/{name}", read_only=True).text.strip()
    path = repo.git.folder / hook  # an absolute hook path stays absolute
    return path.is_file()


def _pull_args(repo: Repo, status: RepoStatus) -> list[str]:
    args = ["pull", "--no-edit"]
    configured = repo.git.run("config", "--get", "pull.rebase", check=False, read_only=True)
    branch = repo.git.run(
        "config", "--get", f"branch.{status.branch}.rebase", check=False, read_only=True
    )
    if not configured.text.strip() and not branch.text.strip():
        args.append("--no-rebase")  # git's historic default; newer gits refuse to guess
    return args


def sync(repo: Repo) -> PushResult:
    """Pull (as configured), then push what waits. Conflicts raise CONFLICT with the files."""
    status = read_status(repo)
    if status.branch is None:
        raise GitFailure(Failure.DETACHED)
    if status.operation is not None or status.conflicts:
        _mark_hand_resolved(repo, status)
        status = read_status(repo)
        if status.conflicts:
            raise _conflict(repo, status, "")
        finish(repo)
    if not status.has_remote:
        raise GitFailure(Failure.NO_REMOTE)
    if status.upstream:
        result = repo.git.run(*_pull_args(repo, status), network=True, check=False)
        if result.code != 0:
            after = read_status(repo)
            details = (result.err + "\n" + result.text).strip()
            if after.operation is not None or after.conflicts:
                raise _conflict(repo, after, details)
            raise repo.git.failure(result)
    status = read_status(repo)
    outcome = push(repo, status)
    if outcome.outcome is Outcome.UP_TO_DATE:
        return PushResult(Outcome.UP_TO_DATE, "Up to date: nothing waits to be published.")
    return outcome


def _conflict(repo: Repo, status: RepoStatus, details: str) -> GitFailure:
    files = status.conflicts
    what = ", ".join(files) if files else "no file left"
    return GitFailure(
        Failure.CONFLICT,
        details,
        message=f"Your changes and the remote's touch the same lines ({what}). "
        "Resolve each file (keep mine, take theirs, or edit the markers), then Sync again.",
        paths=tuple(files),
    )


_MARKER = re.compile(r"^(<{7}|>{7})( |$)", re.M)


def _mark_hand_resolved(repo: Repo, status: RepoStatus) -> None:
    """Conflicted files the author has edited free of markers are resolved: tell git so."""
    for path in status.conflicts:
        try:
            text = (repo.git.folder / path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue  # deleted on one side and here: left for keep mine / take theirs
        if not _MARKER.search(text):
            mark_resolved(repo, path)


def resolve(repo: Repo, path: str, keep: str) -> None:
    """Resolve one conflicted site file: keep="mine" (the author's) or "theirs" (remote's).

    During a rebase git's "ours" is the remote's side, so the names are swapped here.
    """
    status = read_status(repo)
    if keep not in ("mine", "theirs"):
        raise ValueError(keep)
    mine_is_ours = status.operation != "rebase"
    side = "--ours" if (keep == "mine") == mine_is_ours else "--theirs"
    result = repo.git.run("checkout", side, "--", path, check=False)
    if result.code != 0:  # the side has no such file (deleted there): take the deletion
        repo.git.run("rm", "-q", "--", path)
        return
    repo.git.run("add", "--", path)


def mark_resolved(repo: Repo, path: str) -> None:
    """The author edited the markers away by hand: tell git this file is resolved."""
    repo.git.run("add", "--", path)


def finish(repo: Repo) -> None:
    """Complete the merge or rebase once every conflict is resolved."""
    status = read_status(repo)
    if status.conflicts:
        raise _conflict(repo, status, "")
    if status.operation == "merge":
        repo.git.run("commit", "--no-edit", "-q")
    elif status.operation == "rebase":
        repo.git.run("rebase", "--continue")
