"""Publish Draft can be taken back: File > Undo Publish puts the draft back as it was."""

from __future__ import annotations

import pytest

from editor.core.errors import StorageError
from editor.core.site import post_actions
from editor.ui.dialogs import prompts
from editor.ui.window.main_window import MainWindow

DRAFT = "_drafts/first-frost-in-the-valley.md"


def test_undo_publish_puts_the_draft_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    draft = window.site.root / DRAFT
    before = draft.read_bytes()
    assert window.open_post(draft)
    assert not window.actions.undo_publish.isEnabled()
    window.actions.publish.trigger()
    published = window.document.path
    assert published is not None and published.exists() and not draft.exists()
    assert window.actions.undo_publish.isEnabled()
    assert "Undo Publish" in window.status.currentMessage()
    window.actions.undo_publish.trigger()
    assert draft.read_bytes() == before  # exactly as it was: no date, same name
    assert not published.exists()
    assert window.document.path == draft and window.document.draft
    assert not window.document.dirty
    assert window.form.date_value() is None
    assert window.actions.publish.isEnabled()
    assert not window.actions.undo_publish.isEnabled()
    qtbot.waitUntil(lambda: window.post_list.path_count() == 6, timeout=5000)


def test_undo_publish_keeps_unsaved_edits_made_before_publishing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    draft = window.site.root / DRAFT
    assert window.open_post(draft)
    window.form.title_edit.setText("First Frost")
    window.form.title_edit.textEdited.emit("First Frost")
    window.actions.publish.trigger()
    window.actions.undo_publish.trigger()
    assert 'title: "First Frost"\n' in draft.read_text(encoding="utf-8")
    assert "date:" not in draft.read_text(encoding="utf-8")


def test_no_undo_once_the_published_post_changed(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda _w, _t, message: shown.append(message))
    draft = window.site.root / DRAFT
    assert window.open_post(draft)
    window.actions.publish.trigger()
    published = window.document.path
    assert published is not None
    qtbot.keyClicks(window.markdown.editor, "more words ")
    assert window.save()
    window.actions.undo_publish.trigger()
    assert shown == [f"cannot undo: {published.name} changed after it was published"]
    assert published.exists() and not draft.exists()


def test_unpublish_never_replaces_another_draft(tmp_path) -> None:  # type: ignore[no-untyped-def]
    published, draft = tmp_path / "p.md", tmp_path / "d.md"
    published.write_bytes(b"p")
    draft.write_bytes(b"someone else's")
    with pytest.raises(StorageError):
        post_actions.unpublish(published, draft, b"d", b"p")
    assert draft.read_bytes() == b"someone else's" and published.exists()
