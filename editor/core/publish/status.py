"""Where each file of the site stands with git, in two quick calls (fine for 10,000 posts).

`git status --porcelain=v2 -z --branch` gives the branch, its upstream, ahead/behind and every
new or changed file; `git log @{upstream}..HEAD --name-only` the files committed but not yet
pushed. Every other tracked file is published. Neither call touches the network or takes a
lock (GIT_OPTIONAL_LOCKS=0), so it may run while the author uses git in a terminal.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.publish.failures import Failure, GitFailure
from editor.core.publish.gitrun import Git


class State(enum.Enum):
    NEW = "new"  # git does not know the file yet
    CHANGED = "changed"  # differs from the last commit (staged or not)
    COMMITTED = "committed"  # committed, but the remote does not have it yet
    PUBLISHED = "published"  # committed and pushed
    CONFLICT = "conflict"  # a merge or rebase left conflict markers in it


class Change(enum.Enum):
    UNTRACKED = "new"
    MODIFIED = "modified"
    ADDED = "added"  # staged as new
    DELETED = "deleted"
    RENAMED = "renamed"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class Entry:
    """One changed file: `path` relative to the site folder (with / separators)."""

    path: str
    change: Change
    staged: bool  # something of it is in the index already
    unstaged: bool  # the working file differs from the index
    original: str | None = None  # a rename's old path


@dataclass(frozen=True)
class Repo:
    """A site folder inside a git work tree."""

    git: Git
    top: Path  # the work tree's top folder
    prefix: str  # the site folder relative to it ("" or "docs/")
    git_dir: Path

    def to_site(self, repo_path: str) -> str | None:
        """A path git printed (relative to the top) as a site path; None when outside it."""
        if not self.prefix:
            return repo_path
        return repo_path[len(self.prefix) :] if repo_path.startswith(self.prefix) else None


@dataclass
class RepoStatus:
    branch: str | None  # None: detached HEAD
    upstream: str | None  # "origin/main", or None when the branch tracks nothing
    ahead: int
    behind: int
    has_remote: bool
    operation: str | None  # "merge" or "rebase" while one waits for conflicts to be resolved
    entries: dict[str, Entry] = field(default_factory=dict)
    unpushed: frozenset[str] = frozenset()  # site paths changed by commits not yet pushed
    initial: bool = False  # no commit yet

    def state(self, path: str) -> State:
        """The state of one site-relative path (a tracked file git lists nowhere: PUBLISHED)."""
        entry = self.entries.get(path)
        if entry is not None:
            if entry.change is Change.CONFLICT:
                return State.CONFLICT
            return State.NEW if entry.change is Change.UNTRACKED else State.CHANGED
        if path in self.unpushed or not self.has_remote or self.initial:
            return State.COMMITTED
        return State.PUBLISHED

    def states(self, paths: list[str]) -> dict[str, State]:
        return {p: self.state(p) for p in paths}

    @property
    def conflicts(self) -> list[str]:
        return sorted(p for p, e in self.entries.items() if e.change is Change.CONFLICT)


def open_repo(folder: Path, executable: str | None = None) -> Repo:
    """The repository holding `folder`; GitFailure (GIT_MISSING, NOT_A_REPO) otherwise."""
    git = Git(folder, executable)
    result = git.run(
        "rev-parse", "--show-toplevel", "--show-prefix", "--absolute-git-dir",
        check=False, read_only=True,
    )  # fmt: skip
    lines = result.text.splitlines()
    if result.code != 0 or len(lines) < 3:
        if "not a git repository" in result.err.lower() or result.code == 128:
            raise GitFailure(Failure.NOT_A_REPO, result.err)
        raise git.failure(result)
    top, prefix, git_dir = lines[0], lines[1], lines[2]
    return Repo(git, Path(top), prefix, Path(git_dir))


def _entry(repo: Repo, code: str, xy: str, path: str, original: str | None) -> Entry | None:
    site_path = repo.to_site(path)
    if site_path is None:
        return None
    if code == "?":
        return Entry(site_path, Change.UNTRACKED, False, True)
    x, y = xy[0], xy[1]
    if code == "u":
        change = Change.CONFLICT
    elif code == "2":
        change = Change.RENAMED
    elif "D" in xy:
        change = Change.DELETED
    elif x == "A":
        change = Change.ADDED
    else:
        change = Change.MODIFIED
    old = repo.to_site(original) if original else None
    return Entry(site_path, change, x != ".", y != ".", old)


def parse_porcelain(repo: Repo, data: bytes) -> RepoStatus:
    """Parse `git status --porcelain=v2 -z --branch` output."""
    status = RepoStatus(None, None, 0, 0, False, None)
    fields = data.decode("utf-8", "surrogateescape").split("\0")
    i = 0
    while i < len(fields):
        record = fields[i]
        i += 1
        if not record:
            continue
        kind = record[0]
        if kind == "#":
            key, _, value = record[2:].partition(" ")
            if key == "branch.head":
                status.branch = None if value == "(detached)" else value
            elif key == "branch.oid":
                status.initial = value == "(initial)"
            elif key == "branch.upstream":
                status.upstream = value
            elif key == "branch.ab":
                ahead, behind = value.split()
                status.ahead, status.behind = int(ahead), -int(behind)
            continue
        if kind in "?!":
            if kind == "?":
                entry = _entry(repo, "?", "..", record[2:], None)
                if entry is not None:
                    status.entries[entry.path] = entry
            continue
        parts = record.split(" ", {"1": 8, "2": 9, "u": 10}.get(kind, 8))
        path = parts[-1]
        original = None
        if kind == "2":  # -z: the original path is the next field
            original = fields[i]
            i += 1
        entry = _entry(repo, kind, parts[1], path, original)
        if entry is not None:
            status.entries[entry.path] = entry
    return status


def read_status(repo: Repo) -> RepoStatus:
    """Branch, ahead/behind, changed files and unpushed files of the site: no network."""
    git = repo.git
    out = git.run(
        "status", "--porcelain=v2", "-z", "--branch", "--untracked-files=all",
        "--no-renames", "--", ".", read_only=True,
    ).out  # fmt: skip
    status = parse_porcelain(repo, out)
    status.has_remote = bool(git.run("remote", read_only=True).text.strip())
    status.operation = _operation(repo.git_dir)
    if status.initial or not status.has_remote:
        return status
    # commits the remote lacks: those after the upstream, or, for a branch that tracks
    # nothing yet, those on no remote branch at all
    span = ["@{upstream}..HEAD"] if status.upstream else ["HEAD", "--not", "--remotes"]
    if status.upstream and status.ahead == 0:
        return status
    log = git.run(
        "log", "--format=", "--name-only", "-z", "--no-renames", "--relative", *span, "--", ".",
        read_only=True,
    ).text  # fmt: skip
    status.unpushed = frozenset(p.strip("\n") for p in log.split("\0") if p.strip("\n"))
    return status


def _operation(git_dir: Path) -> str | None:
    if (git_dir / "rebase-merge").is_dir() or (git_dir / "rebase-apply").is_dir():
        return "rebase"
    if (git_dir / "MERGE_HEAD").is_file():
        return "merge"
    return None
