"""Git failures in words an author understands, with git's own message kept as details."""

from __future__ import annotations

import enum
import re

from editor.core.errors import BylineError


class Failure(enum.Enum):
    """What went wrong, as the author sees it (the value is the one-line explanation)."""

    GIT_MISSING = "Git is not installed, so Byline cannot publish from here."
    NOT_A_REPO = "This site is not a git repository."
    NO_REMOTE = "This repository has no remote to publish to."
    AUTH = "The remote refused your credentials (authentication failed)."
    OFFLINE = "The remote could not be reached (no network?)."
    REJECTED = "The remote has changes you do not have yet (someone pushed first): Sync first."
    CONFLICT = "Your changes and the remote's touch the same lines of a post."
    DETACHED = "The repository is not on a branch (detached HEAD); switch to a branch first."
    HOOK = "A git hook of this repository refused the change."
    NOTHING = "There is nothing to commit."
    BUSY = "Another git command is running in this repository; try again in a moment."
    OTHER = "Git reported an error."


class GitFailure(BylineError):
    """A git command failed: `kind` says why in plain words, `details` is git's own output."""

    def __init__(
        self, kind: Failure, details: str = "", *, message: str | None = None,
        paths: tuple[str, ...] = (),
    ) -> None:  # fmt: skip
        super().__init__(message or kind.value)
        self.kind = kind
        self.details = details.strip()
        self.paths = paths  # the conflicted files (site-relative), for CONFLICT


# Checked in this order: an SSH key refusal also prints "Could not read from remote".
_PATTERNS: list[tuple[Failure, re.Pattern[str]]] = [
    (Failure.AUTH, re.compile(
        r"Authentication failed|Permission denied \(publickey|could not read Username"
        r"|could not read Password|terminal prompts disabled|Invalid username or password"
        r"|Host key verification failed|returned error: 40[13]|HTTP Basic: Access denied",
        re.I,
    )),
    (Failure.REJECTED, re.compile(
        r"\[rejected\]|\(fetch first\)|non-fast-forward|Updates were rejected", re.I
    )),
    (Failure.OFFLINE, re.compile(
        r"Could not resolve host|Could not read from remote repository|Connection refused"
        r"|Connection timed out|Network is unreachable|No route to host|unable to access"
        r"|does not appear to be a git repository|Temporary failure in name resolution"
        r"|Operation timed out|Connection reset|Could not connect",
        re.I,
    )),
    (Failure.CONFLICT, re.compile(r"^CONFLICT \(|Merge conflict in|could not apply", re.I | re.M)),
    (Failure.BUSY, re.compile(r"index\.lock': File exists|Unable to create .*\.lock", re.I)),
    (Failure.NOTHING, re.compile(r"nothing to commit|no changes added to commit", re.I)),
]  # fmt: skip


def classify(output: str) -> Failure:
    """The kind of failure git's output describes (OTHER when none is recognised)."""
    for kind, pattern in _PATTERNS:
        if pattern.search(output):
            return kind
    return Failure.OTHER
