"""Publish… and Sync in the window: git work on a thread of its own, results told in words.

The GUI thread only asks (dialogs) and shows (badges, messages); every git call runs in a
one-thread pool, in order, and comes back by signal with the next step to take.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, QThreadPool
from PySide6.QtWidgets import QDialog, QMessageBox, QToolBar

from editor.core.publish.failures import Failure, GitFailure
from editor.ui.dialogs import prompts
from editor.ui.publish.git_watch import GitWatch
from editor.ui.widgets.tasks import TaskRunner

# committing and pushing are imported with the first Publish… or Sync, not at start-up
if TYPE_CHECKING:
    from editor.core.publish.commit import PublishPlan
    from editor.core.publish.remote import PushResult
    from editor.core.publish.status import Repo, RepoStatus
    from editor.ui.window.main_window import MainWindow


def publish_toolbar(window: MainWindow) -> QToolBar:
    """Publish…, Sync and Preview on the Site, one click away."""
    bar = QToolBar("Publishing", window)
    bar.setObjectName("PublishingToolbar")
    bar.setIconSize(QSize(16, 16))
    bar.setToolButtonStyle(bar.toolButtonStyle().ToolButtonTextBesideIcon)
    a = window.actions
    for action in (a.publish_site, a.sync, a.preview_site):
        bar.addAction(action)
    return bar


def _plan(repo: Repo, rel: str, text: str) -> tuple[RepoStatus, PublishPlan]:
    from editor.core.publish.commit import plan_publish
    from editor.core.publish.status import read_status

    status = read_status(repo)
    return status, plan_publish(status, rel, text)


def _commit_and_push(repo: Repo, status: RepoStatus, paths: list[str], msg: str) -> PushResult:
    from editor.core.publish.commit import commit
    from editor.core.publish.remote import push

    commit(repo, status, paths, msg)
    return push(repo)


def _resolve_and_sync(repo: Repo, choices: dict[str, str]) -> PushResult:
    from editor.core.publish.remote import Outcome, PushResult, resolve, sync

    for path, keep in choices.items():
        if keep in ("mine", "theirs"):
            resolve(repo, path, keep)
    by_hand = [p for p, keep in choices.items() if keep == "edit"]
    if by_hand:  # the merge or rebase waits for the author's edit
        return PushResult(
            Outcome.WAITING, f"Edit the markers in {', '.join(by_hand)}, save, then Sync again."
        )
    return sync(repo)


class PublishWiring(QObject):
    """Owns the git watch and the Publish…/Sync actions of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.watch = GitWatch(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.jobs = TaskRunner(self, self._pool)
        self.jobs.finished.connect(self._on_done)
        self.jobs.failed.connect(self._on_failed)
        self._next: dict[int, Callable[[Any], None]] = {}
        # tests replace these to answer the dialogs
        self.run_dialog: Callable[[QDialog], int] = lambda d: d.exec()
        self.show_failure: Callable[[str, GitFailure], bool] = self._show_failure
        self.watch.statusChanged.connect(self._on_status)
        window.installEventFilter(self)

    # --- state ---------------------------------------------------------------

    def _show_failure(self, title: str, failure: GitFailure) -> bool:
        from editor.ui.publish import failure_dialog

        return failure_dialog.show_failure(self.window, title, failure)

    def set_site(self, root: Path) -> None:
        self.watch.set_site(root)

    def _on_status(self, status: RepoStatus | None) -> None:
        a = self.window.actions
        reason = self.watch.reason if status is None else ""
        if status is not None and status.branch is None:
            reason = Failure.DETACHED.value
        for action, tip in ((a.publish_site, "Commit this post and push it"),
                            (a.sync, "Pull the remote's changes, then push what waits")):  # fmt: skip
            action.setEnabled(not reason and not self.busy)
            action.setToolTip(reason or tip)
            action.setStatusTip(reason or tip)
        waiting = status.ahead if status is not None and status.upstream else 0
        a.sync.setIconText(f"Sync ({waiting})" if waiting else "Sync")
        if waiting and not reason:
            commits = "commit waits" if waiting == 1 else "commits wait"
            a.sync.setToolTip(f"{waiting} {commits} to be pushed: Sync pushes them")
        if status is not None and not status.has_remote:
            a.sync.setEnabled(False)
            a.sync.setToolTip(Failure.NO_REMOTE.value)
        lookup = (lambda rel: status.state(rel).value) if status is not None else None
        self.window.post_list.set_git_states(lookup)

    @property
    def busy(self) -> bool:
        return bool(self._next)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # back from a terminal: its git commands may have changed the states
        if event.type() == QEvent.Type.WindowActivate:
            self.watch.refresh()
        return False

    # --- jobs ----------------------------------------------------------------

    def _submit(self, fn: Callable[[], Any], then: Callable[[Any], None]) -> None:
        self._next[self.jobs.submit(fn)] = then
        self.window.status.set_busy("Git…")
        self._on_status(self.watch.status)

    def _on_done(self, ticket: int, result: Any) -> None:
        then = self._next.pop(ticket, None)
        self._after_job()
        if then is not None:
            then(result)

    def _on_failed(self, ticket: int, exc: Exception) -> None:
        self._next.pop(ticket, None)
        self._after_job()
        if isinstance(exc, GitFailure):
            self._show_git_failure(exc)
        else:
            prompts.show_error(self.window, "Git", str(exc))

    def _after_job(self) -> None:
        if not self._next:
            self.window.status.set_busy(None)
        self.watch.refresh_now()

    def _show_git_failure(self, failure: GitFailure) -> None:
        if failure.kind is Failure.CONFLICT and failure.paths:
            self._ask_conflicts(failure)
        elif self.show_failure("Publish", failure):
            self.sync()  # a rejected push: the author chose Sync

    # --- Publish… --------------------------------------------------------------

    def publish(self) -> None:
        """Save if needed, offer Publish Draft for a draft, then show what will be committed."""
        w = self.window
        repo = self.watch.repo
        if repo is None:
            prompts.show_error(w, "Publish", self.watch.reason)
            return
        doc = w.document
        if (doc.dirty or doc.path is None) and not w.save():
            return
        if doc.draft:
            SB = QMessageBox.StandardButton
            answer = QMessageBox.question(
                w, "Publish", "This is a draft: Jekyll does not publish drafts. Publish Draft "
                "first (move it to _posts with today's date), then commit and push it?",
                SB.Yes | SB.Cancel, SB.Yes,
            )  # fmt: skip
            if answer != SB.Yes or not w.publish_draft():
                return
        path = doc.path
        if path is None:
            return
        rel = path.resolve().relative_to(w.site.root.resolve()).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        title = doc.title()
        self._submit(lambda: _plan(repo, rel, text), lambda r: self._ask_publish(repo, title, *r))

    def _ask_publish(self, repo: Repo, title: str, status: RepoStatus, plan: PublishPlan) -> None:
        if status.branch is None:
            self._show_git_failure(GitFailure(Failure.DETACHED))
            return
        if not plan.ticked():  # the post is committed already: push what waits
            from editor.core.publish.remote import push

            self._submit(lambda: push(repo), self._show_pushed)
            return
        remote = status.upstream or "the remote"
        from editor.ui.publish.publish_dialog import PublishDialog

        dialog = PublishDialog(plan, title, remote, self.window)
        self.last_dialog = dialog
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        paths, message = dialog.chosen(), dialog.message()
        self._submit(lambda: _commit_and_push(repo, status, paths, message), self._show_pushed)

    def _show_pushed(self, result: PushResult) -> None:
        from editor.core.publish.remote import Outcome

        self.last_result = result
        seconds = 20000 if result.outcome is Outcome.WAITING else 8000
        self.window.status.showMessage(result.message, seconds)

    # --- Sync ----------------------------------------------------------------

    def sync(self) -> None:
        repo = self.watch.repo
        if repo is None:
            prompts.show_error(self.window, "Sync", self.watch.reason)
            return
        if self.window.document.dirty and not self.window.save():
            return
        from editor.core.publish.remote import sync

        self._submit(lambda: sync(repo), self._show_pushed)

    def _ask_conflicts(self, failure: GitFailure) -> None:
        repo = self.watch.repo
        if repo is None:
            return
        from editor.ui.publish import failure_dialog

        dialog = failure_dialog.ConflictDialog(failure, self.window)
        self.last_dialog = dialog
        if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        choices = dialog.choices()
        by_hand = [p for p, c in choices.items() if c == "edit"]
        if by_hand:  # open the first in the editor, markers and all
            self.window.open_post(self.window.site.root / by_hand[0])
        if any(c != "edit" for c in choices.values()):
            self._submit(lambda: _resolve_and_sync(repo, choices), self._show_pushed)
