"""What publishing a post commits, and the commit itself (that post and nothing else).

The plan holds the post, the files it references that git does not have yet or that changed
(its header and inline images), a draft it was published from, and every other change
unticked: the author decides. The commit names its files (`git commit -- paths`), so
whatever else is staged or changed in the repository stays exactly as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from editor.core.publish.failures import Failure, GitFailure
from editor.core.publish.status import Change, Entry, Repo, RepoStatus

_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}-(.+)$")


@dataclass(frozen=True)
class PlanItem:
    path: str  # site-relative
    change: Change
    why: str  # "the post", "an image it uses", "the draft it replaces", "other change"
    ticked: bool


@dataclass
class PublishPlan:
    post: str
    items: list[PlanItem] = field(default_factory=list)

    def ticked(self) -> list[str]:
        return [i.path for i in self.items if i.ticked]


def _referenced(text: str, path: str) -> bool:
    """Whether the post's text names this site file (as a path or as a URL)."""
    return path in text or quote(path) in text


def plan_publish(status: RepoStatus, post: str, post_text: str) -> PublishPlan:
    """The files publishing `post` (site-relative) would commit, ticked or offered."""
    plan = PublishPlan(post)
    entries = dict(status.entries)
    own = entries.pop(post, None)
    if own is not None:
        plan.items.append(PlanItem(post, own.change, "the post", True))
    stem = Path(post).stem
    m = _DATED.match(stem)
    draft = f"_drafts/{m[1] if m else stem}"
    for path, entry in sorted(entries.items()):
        if entry.change is Change.DELETED and Path(path).with_suffix("").as_posix() == draft:
            plan.items.append(PlanItem(path, entry.change, "the draft it replaces", True))
        elif entry.change is not Change.DELETED and _referenced(post_text, path):
            plan.items.append(PlanItem(path, entry.change, "a file the post uses", True))
        else:
            plan.items.append(PlanItem(path, entry.change, "other change", False))
    return plan


def commit(repo: Repo, status: RepoStatus, paths: list[str], message: str) -> str:
    """Commit exactly these site files with `message`; returns the new commit's id.

    New files are added first (git only commits paths it knows); if the commit then fails,
    they are taken out of the index again, so a refused commit leaves things as they were.
    """
    if status.branch is None:
        raise GitFailure(Failure.DETACHED)
    if status.operation is not None:
        raise GitFailure(
            Failure.CONFLICT,
            message=f"A {status.operation} is waiting for conflicts to be resolved; Sync first.",
            paths=tuple(status.conflicts),
        )
    if not paths:
        raise GitFailure(Failure.NOTHING)
    if not message.strip():
        raise GitFailure(Failure.OTHER, message="The commit message is empty.")
    git = repo.git
    entries: dict[str, Entry | None] = {p: status.entries.get(p) for p in paths}
    added = [p for p, e in entries.items() if e is not None and e.change is Change.UNTRACKED]
    if added:
        git.run("add", "--", *added)
    result = git.run("commit", "-q", "-m", message, "--", *paths, check=False)
    if result.code != 0:
        if added:  # back to untracked, as they were
            git.run("rm", "-q", "--cached", "--", *added, check=False)
        failure = git.failure(result)
        if failure.kind in (Failure.OTHER, Failure.NOTHING) and _has_hook(repo):
            failure = GitFailure(Failure.HOOK, failure.details)
        raise failure
    return git.run("rev-parse", "HEAD", read_only=True).text.strip()


def _has_hook(repo: Repo) -> bool:
    for name in ("pre-commit", "commit-msg", "prepare-commit-msg"):
        hook = repo.git.run("rev-parse", "--git-path", f"hooks/{name}", read_only=True).text
        path = Path(hook.strip())
        if not path.is_absolute():
            path = repo.git.folder / path
        if path.is_file():
            return True
    return False
