"""The whole-blog tools in the real window, on the sample blog: Find in all posts, the
outline, the word goal and the tags manager."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog

from editor.ui.sitewide.plan_dialog import PlanDialog
from editor.ui.window.main_window import MainWindow

PACKING = "_posts/2025-06-02-packing-light-the-7-kg-rucksack.md"


def _search_idle(window: MainWindow) -> None:
    window.sitewide.search.runner.wait(10000)


def test_find_in_all_posts_as_you_type_and_enter_selects_the_match(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.actions.find_all.trigger()
    panel = window.sitewide.find
    assert window.sitewide.find_dock.isVisible()
    assert panel.query_edit.hasFocus()
    qtbot.keyClicks(panel.query_edit, '"kitchen scale"')
    qtbot.waitUntil(lambda: panel.results.count() == 1, timeout=10000)
    assert panel.status.text() == "1 post."
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            window.document.path is not None and window.document.path.as_posix().endswith(PACKING)
        ),
        timeout=5000,
    )
    assert window.markdown.editor.textCursor().selectedText().lower() == "kitchen scale"


def test_malformed_query_says_what_to_type(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.actions.find_all.trigger()
    panel = window.sitewide.find
    qtbot.keyClicks(panel.query_edit, "AND AND")
    qtbot.waitUntil(lambda: "needs a word on each side" in panel.status.text(), timeout=5000)
    assert panel.results.count() == 0


def test_search_follows_a_save(qtbot, window: MainWindow, type_at_end) -> None:  # type: ignore[no-untyped-def]
    type_at_end("\n\nA zeppelin appeared.\n")
    assert window.save()
    window.wait_for_index()
    _search_idle(window)
    window.actions.find_all.trigger()
    panel = window.sitewide.find
    qtbot.keyClicks(panel.query_edit, "zeppelin")
    qtbot.waitUntil(lambda: panel.results.count() == 1, timeout=10000)


def test_outline_follows_typing_and_jumps(qtbot, window: MainWindow, type_at_end) -> None:  # type: ignore[no-untyped-def]
    window.actions.show_outline.setChecked(True)
    outline = window.sitewide.outline
    assert window.sitewide.outline_dock.isVisible()
    before = outline.count()
    type_at_end("\n\n## A brand new section\n\nWords.\n")
    qtbot.waitUntil(lambda: outline.count() == before + 1, timeout=5000)
    last = outline.item(outline.count() - 1)
    assert last.text().strip() == "A brand new section"
    assert outline.currentRow() == outline.count() - 1  # the cursor is in that section
    first = outline.item(0)
    outline.itemClicked.emit(first)
    line = window.markdown.editor.textCursor().blockNumber() + 1
    assert line == first.data(Qt.ItemDataRole.UserRole)
    assert outline.currentRow() == 0


def test_word_goal_and_words_today(
    qtbot, window: MainWindow, type_at_end, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (5000, True))
    window.actions.word_goal.trigger()
    label = window.sitewide.goal_label
    assert "/ 5,000 words" in label.text() and "0 written today" in label.text()
    type_at_end("\n\none two three four five\n")
    qtbot.waitUntil(lambda: "5 written today" in label.text(), timeout=5000)
    path = window.document.path
    assert path is not None
    before = path.read_bytes()
    assert b"5000" not in before  # the goal is Byline's, never the post's
    assert "5000" in (data_dir / "writing-goals.json").read_text(encoding="utf-8")


def test_tag_manager_renames_with_a_diff_first(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[PlanDialog] = []

    def accept(dialog: PlanDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PlanDialog, "exec", accept)
    window.actions.manage_terms.trigger()
    dialog = window.sitewide.terms
    assert dialog is not None and dialog.isVisible()
    tags = dialog.tables["tag"]
    names = {
        tags.item(r, 0).text(): tags.item(r, 1).data(Qt.ItemDataRole.DisplayRole)
        for r in range(tags.rowCount())
    }
    assert names["packing"] == 1
    dialog.changeRequested.emit("tag", ["packing", "lists"], "Packing")
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "-tags: [packing, lists]\n+tags: [Packing]\n" in shown[0].diff.toPlainText()
    window.wait_for_index()
    window.sitewide.index_work.wait(10000)
    post = window.site.root / PACKING
    qtbot.waitUntil(lambda: b"tags: [Packing]\n" in post.read_bytes(), timeout=10000)
    qtbot.waitUntil(lambda: window.vocabulary.tags.get("Packing") == 1, timeout=10000)


def test_tag_manager_keeps_unsaved_edits_of_the_open_post(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, type_at_end
) -> None:  # type: ignore[no-untyped-def]
    post = window.site.root / PACKING
    assert window.open_post(post)
    type_at_end("\n\nUnsaved words.\n")
    assert window.document.dirty
    monkeypatch.setattr(PlanDialog, "exec", lambda self: QDialog.DialogCode.Accepted.value)
    on_disk = post.read_bytes()
    window.sitewide.plan_change("tag", ["lists"], "checklists")
    qtbot.waitUntil(
        lambda: (
            window.document.post is not None
            and window.document.post.get("tags") == ["packing", "checklists"]
        ),
        timeout=10000,
    )
    window.sitewide.index_work.wait(10000)
    assert post.read_bytes() == on_disk  # the file waits for the author's own save
    assert "Unsaved words." in window.markdown.text()
    assert window.save()
    assert (
        b"tags: [packing, checklists]\n" in post.read_bytes()
        and b"Unsaved words." in post.read_bytes()
    )


def test_replace_in_all_posts_preview_untick_apply_and_undo(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[PlanDialog] = []

    def untick_first(dialog: PlanDialog) -> int:
        shown.append(dialog)
        dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PlanDialog, "exec", untick_first)
    posts = sorted((window.site.root / "_posts").glob("*.md"))
    before = {p: p.read_bytes() for p in posts}
    window.actions.find_all.trigger()
    panel = window.sitewide.find
    panel.replace_toggle.setChecked(True)
    panel.find_text.setText("kitchen scale")
    panel.replace_text.setText("KITCHEN SCALE")
    panel.preview_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    rows = shown[0].list.count()
    assert rows >= 2  # the sample post says it more than once
    window.sitewide.index_work.wait(10000)
    qtbot.waitUntil(lambda: window.actions.undo_replace.isEnabled(), timeout=10000)
    changed = [p for p in posts if p.read_bytes() != before[p]]
    assert len(changed) == 1
    text = changed[0].read_bytes()
    assert text.count(b"KITCHEN SCALE") == rows - 1  # the unticked one is left
    window.actions.undo_replace.trigger()
    window.sitewide.index_work.wait(10000)
    qtbot.waitUntil(lambda: changed[0].read_bytes() == before[changed[0]], timeout=10000)
    assert not window.actions.undo_replace.isEnabled()


def test_outline_shown_is_remembered(window: MainWindow) -> None:
    window.actions.show_outline.setChecked(True)
    window._save_settings()
    assert window.settings.get("view/outline") is True


def test_a_published_draft_keeps_its_goal(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    draft = next((window.site.root / "_drafts").glob("*.md"))
    assert window.open_post(draft)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (750, True))
    window.actions.word_goal.trigger()
    assert window.publish_draft()
    goals = window.sitewide.goals
    assert goals is not None and window.document.path is not None
    assert goals.goal(window.document.path) == 750 and goals.goal(draft) is None
