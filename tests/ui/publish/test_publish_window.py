"""Publishing from the real window against a real bare remote: badges, Publish…, Sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from editor.core.publish.failures import Failure, GitFailure
from editor.core.publish.remote import Outcome
from editor.ui.dialogs import prompts
from editor.ui.publish.publish_dialog import PublishDialog
from editor.ui.startup.application import open_window
from editor.ui.window.main_window import MainWindow

DUSK = "_posts/2025-09-12-dusk-on-the-ridge.md"
FJORD = "_posts/2025-03-08-walking-the-fjord-path-in-early-spring.md"


@pytest.fixture
def git_window(qtbot, settings, data_dir, git_site) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = open_window(str(git_site.root), settings, data_dir)
    win.show()
    qtbot.waitUntil(lambda: win.post_list.path_count() == 6, timeout=10000)
    qtbot.waitUntil(lambda: win.publishing.watch.status is not None, timeout=10000)
    yield win
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(prompts, "ask_unsaved", lambda *a: prompts.Choice.DISCARD)
        win.wait_for_index()
        win.publishing.watch.wait()
        win.close()
    win.deleteLater()


def _retype(win: MainWindow, text: str) -> None:
    """Replace the post's text as typing would (an unsaved change)."""
    win.markdown.editor.selectAll()
    win.markdown.editor.insertPlainText(text)


def _badge(win: MainWindow, rel: str) -> str | None:
    return win.post_list.git_state(rel)


def _wait_badge(qtbot, win: MainWindow, rel: str, state: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: _badge(win, rel) == state, timeout=10000)


def _publish(qtbot, win: MainWindow, answer=None) -> PublishDialog:  # type: ignore[no-untyped-def]
    """Publish… with the dialog accepted as it comes (or answered by `answer`)."""
    seen: list[PublishDialog] = []

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, PublishDialog)
        seen.append(dialog)
        if answer is not None:
            answer(dialog)
        return QDialog.DialogCode.Accepted

    win.publishing.run_dialog = run
    win.publishing.last_result = None
    win.actions.publish_site.trigger()
    qtbot.waitUntil(lambda: win.publishing.last_result is not None, timeout=20000)
    return seen[0]


def _write_new_post(qtbot, win: MainWindow, monkeypatch, title: str, photo: Path) -> Path:  # type: ignore[no-untyped-def]
    win.new_post(draft=False)
    edit = win.form.title_edit
    edit.selectAll()
    qtbot.keyClicks(edit, title)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(photo), "Images"))
    )
    with qtbot.waitSignal(win.form.imageStaged, timeout=10000):
        win.form.image.choose_button.click()
    _retype(win, "A walk along the shore.\n")
    assert win.save()
    assert win.document.path is not None
    return win.document.path


def test_badges_show_each_state_and_follow_saves(qtbot, git_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = git_window
    assert _badge(win, DUSK) == "published"
    assert _badge(win, "_drafts/first-frost-in-the-valley.md") == "published"  # (not painted)
    win.open_post(win.site.root / FJORD)
    _retype(win, "Changed.\n")
    assert win.save()
    _wait_badge(qtbot, win, FJORD, "changed")
    # the row's tooltip says it in words too
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    view = win.post_list.view
    item = win.post_list._items[win.site.root / FJORD]
    rect = view.visualRect(win.post_list.proxy.mapFromSource(item.index()))
    at = rect.center()
    QApplication.sendEvent(
        view.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at))
    )
    assert QToolTip.text().endswith(f"{FJORD} — changed")


def test_publish_a_new_post_with_its_header_image_then_offline_then_sync(
    qtbot, git_window: MainWindow, git_site, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    win = git_window
    photo = tmp_path / "shore.png"
    Image.new("RGB", (64, 48), "teal").save(photo)
    path = _write_new_post(qtbot, win, monkeypatch, "Shore Walk", photo)
    rel = path.relative_to(win.site.root).as_posix()
    _wait_badge(qtbot, win, rel, "new")
    # something unrelated the author has not finished: offered, not ticked
    (win.site.root / "index.html").write_text("half done\n")

    dialog = _publish(qtbot, win)
    ticked = dialog.chosen()
    assert ticked[0] == rel and len(ticked) == 2 and ticked[1].startswith("assets/images/")
    assert dialog.message() == "Publish: Shore Walk"
    assert win.publishing.last_result.outcome is Outcome.PUSHED
    assert rel in git_site.remote_files() and ticked[1] in git_site.remote_files()
    assert "index.html" not in git_site.git("show", "--name-only", "HEAD")
    _wait_badge(qtbot, win, rel, "published")
    assert (win.site.root / "index.html").read_text() == "half done\n"

    # offline: the commit is made, the push waits, the badge says so
    git_site.offline()
    win.open_post(win.site.root / DUSK)
    _retype(win, "Written on the train.\n")
    _publish(qtbot, win)  # unsaved text is saved first
    assert win.publishing.last_result.outcome is Outcome.WAITING
    assert "waits" in win.status.currentMessage()
    _wait_badge(qtbot, win, DUSK, "committed")
    assert win.actions.sync.iconText() == "Sync (1)"  # the toolbar says a commit waits
    assert "1 commit waits" in win.actions.sync.toolTip()

    # back online: Sync pushes what waited
    git_site.online()
    win.publishing.last_result = None
    win.actions.sync.trigger()
    qtbot.waitUntil(lambda: win.publishing.last_result is not None, timeout=20000)
    assert win.publishing.last_result.outcome is Outcome.PUSHED
    _wait_badge(qtbot, win, DUSK, "published")
    remote = git_site.git("show", f"main:{DUSK}", cwd=git_site.remote)
    assert "Written on the train." in remote


def test_a_commit_made_in_a_terminal_updates_the_badges(qtbot, git_window, git_site) -> None:  # type: ignore[no-untyped-def]
    win = git_window
    (git_site.root / FJORD).write_text((git_site.root / FJORD).read_text() + "\nMore.\n")
    win.publishing.watch.refresh()
    _wait_badge(qtbot, win, FJORD, "changed")
    git_site.git("commit", "-q", "-am", "from a terminal")
    _wait_badge(qtbot, win, FJORD, "committed")  # seen through the .git folder's watch
    git_site.git("push", "-q")
    _wait_badge(qtbot, win, FJORD, "published")


def test_a_rejected_push_offers_sync(qtbot, git_window, git_site) -> None:  # type: ignore[no-untyped-def]
    other = git_site.other_clone()
    (other / "_posts/2026-02-01-theirs.md").write_text("---\ntitle: Theirs\n---\n")
    git_site.git("add", "-A", cwd=other)
    git_site.git("commit", "-q", "-m", "theirs", cwd=other)
    git_site.git("push", "-q", cwd=other)
    win = git_window
    shown: list[GitFailure] = []

    def answer(title: str, failure: GitFailure) -> bool:
        shown.append(failure)
        return True  # the author clicks Sync

    win.publishing.show_failure = answer
    win.open_post(win.site.root / DUSK)
    _retype(win, "Mine.\n")
    win.publishing.run_dialog = lambda d: QDialog.DialogCode.Accepted
    win.publishing.last_result = None
    win.actions.publish_site.trigger()
    qtbot.waitUntil(lambda: win.publishing.last_result is not None, timeout=20000)
    assert shown[0].kind is Failure.REJECTED and "rejected" in shown[0].details
    assert win.publishing.last_result.outcome is Outcome.PUSHED
    assert "_posts/2026-02-01-theirs.md" in git_site.remote_files()


def test_not_a_repository_greys_publishing_with_the_reason(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.publishing.watch.reason != "Looking for git…", timeout=10000)
    for action in (window.actions.publish_site, window.actions.sync):
        assert not action.isEnabled()
        assert action.toolTip() == "This site is not a git repository."
    assert window.post_list.git_state(DUSK) is None


def _conflicting_push(git_site) -> None:  # type: ignore[no-untyped-def]
    other = git_site.other_clone()
    (other / DUSK).write_text("---\ntitle: Dusk\n---\nTheir words.\n")
    git_site.git("commit", "-q", "-am", "theirs", cwd=other)
    git_site.git("push", "-q", cwd=other)


@pytest.mark.parametrize("choice", ["theirs", "edit"])
def test_a_conflict_in_a_post_is_resolved_from_the_window(
    qtbot, git_window, git_site, choice
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QRadioButton

    from editor.ui.publish.failure_dialog import ConflictDialog

    _conflicting_push(git_site)
    win = git_window
    win.open_post(win.site.root / DUSK)
    _retype(win, "My words.\n")
    conflicts: list[ConflictDialog] = []

    def run(dialog: QDialog) -> int:
        if isinstance(dialog, ConflictDialog):
            conflicts.append(dialog)
            dialog.findChild(QRadioButton, f"{choice}:{DUSK}").setChecked(True)
        return QDialog.DialogCode.Accepted

    win.publishing.run_dialog = run
    win.publishing.show_failure = lambda title, f: f.kind is Failure.REJECTED  # Sync
    win.publishing.last_result = None
    win.actions.publish_site.trigger()
    qtbot.waitUntil(lambda: bool(conflicts), timeout=20000)
    if choice == "theirs":
        qtbot.waitUntil(lambda: win.publishing.last_result is not None, timeout=20000)
        assert win.publishing.last_result.outcome is Outcome.PUSHED
        assert "Their words." in (win.site.root / DUSK).read_text()
        _wait_badge(qtbot, win, DUSK, "published")
        return
    # by hand: the post opens with git's markers in it; the author fixes it, saves, Syncs
    qtbot.waitUntil(lambda: "<<<<<<<" in win.markdown.text(), timeout=10000)
    _wait_badge(qtbot, win, DUSK, "conflict")
    win.markdown.editor.selectAll()
    win.markdown.editor.insertPlainText("---\ntitle: Dusk\n---\nOur words, together.\n")
    assert win.save()
    win.publishing.last_result = None
    win.actions.sync.trigger()
    qtbot.waitUntil(lambda: win.publishing.last_result is not None, timeout=20000)
    assert win.publishing.last_result.outcome is Outcome.PUSHED
    remote = git_site.git("show", f"main:{DUSK}", cwd=git_site.remote)
    assert "Our words, together." in remote and "<<<<<<<" not in remote


def test_without_git_publishing_is_greyed_with_the_reason(
    qtbot, settings, data_dir, git_site, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", str(git_site.base / "no-tools-here"))
    win = open_window(str(git_site.root), settings, data_dir)
    win.show()
    try:
        qtbot.waitUntil(lambda: win.publishing.watch.reason != "Looking for git…", timeout=10000)
        assert not win.actions.publish_site.isEnabled()
        assert "Git is not installed" in win.actions.publish_site.toolTip()
        assert win.post_list.git_state(DUSK) is None  # no badges, nothing else changes
        assert (
            win.post_list.path_count() == 6
            or qtbot.waitUntil(lambda: win.post_list.path_count() == 6, timeout=10000) is None
        )
    finally:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(prompts, "ask_unsaved", lambda *a: prompts.Choice.DISCARD)
            win.wait_for_index()
            win.publishing.watch.wait()
            win.close()
        win.deleteLater()


def test_a_draft_is_offered_publish_draft_first(qtbot, git_window, git_site, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win = git_window
    draft = "_drafts/first-frost-in-the-valley.md"
    win.open_post(win.site.root / draft)
    asked: list[str] = []

    def question(parent, title, text, *a):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    dialog = _publish(qtbot, win)
    assert "Publish Draft" in asked[0]
    new = win.document.path.relative_to(win.site.root).as_posix()
    assert new.startswith("_posts/") and new.endswith("-first-frost-in-the-valley.md")
    assert dialog.chosen() == [new, draft]  # the post, and the draft it replaces
    assert win.publishing.last_result.outcome is Outcome.PUSHED
    files = git_site.remote_files()
    assert new in files and draft not in files


def test_publish_and_sync_are_grey_in_the_first_frame_until_git_answers(
    qtbot, settings, data_dir, git_site
) -> None:  # type: ignore[no-untyped-def]
    """No flicker at start-up: greyed ("Looking for git…") until the status is in, then
    enabled for a repository (they once showed enabled, then greyed, then enabled)."""
    win = open_window(str(git_site.root), settings, data_dir)
    try:
        assert not win.actions.publish_site.isEnabled()
        assert not win.actions.sync.isEnabled()
        assert win.actions.publish_site.toolTip() == "Looking for git…"
        win.show()
        qtbot.waitUntil(lambda: win.actions.publish_site.isEnabled(), timeout=10000)
    finally:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(prompts, "ask_unsaved", lambda *a: prompts.Choice.DISCARD)
            win.wait_for_index()
            win.publishing.watch.wait()
            win.close()
        win.deleteLater()
