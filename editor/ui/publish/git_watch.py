"""Keeps the site's git status fresh, off the GUI thread, after saves and outside git commands.

Refreshes come in bursts (a save, the index file rewritten by a terminal `git`, the window
activated again): a short single-shot timer folds them into one `git status`, one at a time,
on a thread of their own. The GUI thread only swaps the finished status in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QThreadPool, QTimer, Signal

from editor.core.publish.failures import GitFailure
from editor.ui.widgets.tasks import TaskRunner

if TYPE_CHECKING:
    from editor.core.publish.status import Repo, RepoStatus

SETTLE_MS = 120  # a save touches several files; one status after the last


@dataclass(frozen=True)
class _Found:
    root: Path
    repo: Repo | None
    status: RepoStatus | None
    reason: str  # why publishing is not available ("" when it is)


def _look(root: Path, repo: Repo | None) -> _Found:
    # imported here, on the watch's thread, by the first look (after the window is up)
    from editor.core.publish.status import open_repo, read_status

    try:
        repo = repo or open_repo(root)
        return _Found(root, repo, read_status(repo), "")
    except GitFailure as exc:
        return _Found(root, repo, None, exc.message)


class GitWatch(QObject):
    """`statusChanged(RepoStatus | None)`; `reason` says why there is none."""

    statusChanged = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one git at a time, in order
        self.runner = TaskRunner(self, self._pool)
        self.runner.finished.connect(self._on_done)
        self.runner.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self._run)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self.refresh)
        self._watcher.fileChanged.connect(self.refresh)
        self.root: Path | None = None
        self.repo: Repo | None = None
        self.status: RepoStatus | None = None
        self.reason = "Looking for git…"
        self._running = False
        self._again = False

    def set_site(self, root: Path) -> None:
        """A new site: forget the old repository and find this one's."""
        self.root = root
        self.repo = None
        self.status = None
        self.reason = "Looking for git…"
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
        self.statusChanged.emit(None)
        self.refresh()

    def refresh(self) -> None:
        """Something may have changed: a status soon (bursts fold into one)."""
        self._timer.start()

    def refresh_now(self) -> None:
        self._timer.stop()
        self._run()

    def _run(self) -> None:
        if self.root is None:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        root, repo = self.root, self.repo
        self.runner.submit(lambda: _look(root, repo))

    def _on_done(self, _ticket: int, found: _Found) -> None:
        self._running = False
        if found.root == self.root:  # else a site that is no longer open
            first = self.repo is None and found.repo is not None
            self.repo, self.status, self.reason = found.repo, found.status, found.reason
            if first and found.repo is not None:
                self._watch(found.repo)
            self.statusChanged.emit(found.status)
        if self._again:
            self._again = False
            self._run()

    def _on_failed(self, _ticket: int, exc: Exception) -> None:
        self._running = False
        self.status, self.reason = None, f"git failed: {exc}"
        self.statusChanged.emit(None)

    def _watch(self, repo: Repo) -> None:
        """A terminal `git commit`, `pull` or `push` rewrites files in these folders."""
        gd = repo.git_dir
        wanted = [gd, gd / "refs" / "heads"]
        remotes = gd / "refs" / "remotes"
        if remotes.is_dir():
            wanted += [remotes, *(p for p in remotes.iterdir() if p.is_dir())]
        self._watcher.addPaths([str(p) for p in wanted if p.exists()])

    def wait(self, msecs: int = 10000) -> bool:
        """Tests and shutdown: let a running status finish."""
        return self.runner.wait(msecs)
