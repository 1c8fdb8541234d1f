"""The real window's safety net: journal while typing, recovery at start, changes made
elsewhere, history restore, conflicts on save."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt

from editor.core.safety.journal import Journal, JournalEntry
from editor.ui.dialogs import prompts
from editor.ui.dialogs.recovery_dialog import RecoveryDialog
from editor.ui.startup.application import open_window
from editor.ui.window.main_window import MainWindow

DUSK = "_posts/2025-09-12-dusk-on-the-ridge.md"
FJORD = "_posts/2025-03-08-walking-the-fjord-path-in-early-spring.md"


def _journal_file(window: MainWindow) -> Path:
    return window.safety.journal.folder / f"{window.document.journal_key}.json"


def _close(win: MainWindow) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(prompts, "ask_unsaved", lambda *a: prompts.Choice.DISCARD)
        win.wait_for_index()
        win.close()
    win.deleteLater()


def test_typing_is_journalled_and_a_save_clears_it(
    type_at_end, qtbot, window: MainWindow, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    assert window.safety.journal.folder == data_dir / "journal"
    type_at_end(" Journalled words.")
    file = _journal_file(window)
    qtbot.waitUntil(file.is_file, timeout=5000)  # 1 s after typing pauses
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["text"] == window.document.text()
    assert data["text"].endswith("Journalled words.\n") or "Journalled words." in data["text"]
    assert data["post_path"] == str(window.site.root / DUSK)
    assert window.save()
    assert not file.exists()


def test_new_post_is_journalled_too(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.new_post(draft=False)
    qtbot.keyClicks(window.form.title_edit, "Never saved")
    window.markdown.editor.setFocus()
    qtbot.keyClicks(window.markdown.editor, "Draft text")
    window.safety.autosaver.flush()  # what focus loss and quitting do
    file = _journal_file(window)
    assert file.name.startswith("new-")
    entry = json.loads(file.read_text(encoding="utf-8"))
    assert entry["post_path"] is None
    assert 'title: "Never saved"' in entry["text"] or "title: Never saved" in entry["text"]
    assert entry["text"].endswith("Draft text\n") or entry["text"].endswith("Draft text")


def test_focus_loss_flushes_the_journal(
    type_at_end, qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    type_at_end(" Before the focus went.")
    file = _journal_file(window)
    assert not file.exists()
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)  # another window took focus
    window.changeEvent(QEvent(QEvent.Type.ActivationChange))
    assert file.is_file()


@pytest.fixture
def second_window(settings, data_dir: Path) -> Iterator[list[MainWindow]]:  # type: ignore[no-untyped-def]
    opened: list[MainWindow] = []
    yield opened
    for win in opened:
        _close(win)


def test_recovery_at_start_restores_as_unsaved(qtbot, window: MainWindow, settings, data_dir: Path,
                                               monkeypatch, second_window) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    path = window.site.root / FJORD
    on_disk = path.read_text(encoding="utf-8")
    text = on_disk + "\nA paragraph typed before the crash.\n"
    crashed = Journal(data_dir / "journal")  # another instance that then died
    key = Journal.key_for(window.site.root, path)
    crashed.write(
        JournalEntry(key, text, site_root=str(window.site.root), post_path=str(path), cursor=5)
    )
    crashed.close()
    offered: list[list[str]] = []

    def fake_exec(dialog: RecoveryDialog) -> int:
        offered.append([row.entry.key for row in dialog.rows()])
        dialog.restore(dialog.rows()[0])
        return 1

    monkeypatch.setattr(RecoveryDialog, "exec", fake_exec)
    win = open_window(None, settings, data_dir)
    second_window.append(win)
    win.show()
    qtbot.waitUntil(lambda: bool(offered), timeout=5000)
    assert offered == [[key]]
    assert win.document.path == path
    assert win.document.dirty and win.isWindowModified()
    assert win.document.text() == text
    assert path.read_text(encoding="utf-8") == on_disk  # nothing written until Save
    assert win.save()
    assert path.read_text(encoding="utf-8") == text
    assert not (data_dir / "journal" / f"{key}.json").exists()


def test_recovery_discard_removes_the_entry(qtbot, window: MainWindow, settings, data_dir: Path,
                                            monkeypatch, second_window) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    crashed = Journal(data_dir / "journal")
    crashed.write(JournalEntry(Journal.new_key(), "---\ntitle: Lost\n---\nBody\n"))
    crashed.close()

    def fake_exec(dialog: RecoveryDialog) -> int:
        dialog.confirm_discard = False
        dialog.discard(dialog.rows()[0])
        return 0

    monkeypatch.setattr(RecoveryDialog, "exec", fake_exec)
    win = open_window(None, settings, data_dir)
    second_window.append(win)
    qtbot.waitUntil(lambda: win.safety.last_recovery is not None, timeout=5000)
    assert win.safety.journal.recoverable() == []
    assert not win.document.dirty


def test_external_change_without_edits_reloads_silently(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.site.root / DUSK
    cursor = window.markdown.editor.textCursor()
    cursor.setPosition(10)
    window.markdown.editor.setTextCursor(cursor)
    path.write_bytes(path.read_bytes() + b"\nAdded by git.\n")
    qtbot.waitUntil(lambda: "Added by git." in window.markdown.text(), timeout=5000)
    assert not window.document.dirty
    assert window.safety.banner.state == "hidden"
    assert window.markdown.editor.textCursor().position() == 10
    assert window.save()  # the expected stamp followed the reload: no conflict


def test_external_change_with_edits_shows_the_banner(
    type_at_end, qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda _w, _t, msg: shown.append(msg))
    path = window.site.root / DUSK
    type_at_end(" Mine.")
    theirs = path.read_bytes() + b"\nTheirs.\n"
    path.write_bytes(theirs)
    banner = window.safety.banner
    qtbot.waitUntil(lambda: banner.state == "changed", timeout=5000)
    assert banner.isVisible()
    assert window.markdown.text().endswith(" Mine.")
    assert not window.save()  # it changed since it was opened: not overwritten
    assert shown and "changed on disk" in shown[0]
    assert path.read_bytes() == theirs
    qtbot.mouseClick(banner.keep_button, Qt.MouseButton.LeftButton)
    assert window.save()
    assert path.read_text(encoding="utf-8").endswith(" Mine.")


def test_external_change_reload_drops_mine(type_at_end, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.site.root / DUSK
    type_at_end(" Mine.")
    path.write_bytes(path.read_bytes() + b"\nTheirs.\n")
    banner = window.safety.banner
    qtbot.waitUntil(lambda: banner.state == "changed", timeout=5000)
    qtbot.mouseClick(banner.reload_button, Qt.MouseButton.LeftButton)
    assert "Theirs." in window.markdown.text()
    assert " Mine." not in window.markdown.text()
    assert not window.document.dirty


def test_deleted_on_disk_keeps_the_text(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.site.root / DUSK
    text = window.markdown.text()
    path.unlink()
    qtbot.waitUntil(lambda: window.safety.banner.state == "removed", timeout=5000)
    assert "deleted or renamed" in window.safety.banner.message.text()
    assert window.markdown.text() == text
    qtbot.waitUntil(lambda: window.post_list.path_count() == 5, timeout=5000)


def test_post_list_follows_added_files(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    added = window.site.root / "_posts" / "2025-10-01-from-elsewhere.md"
    added.write_text('---\nlayout: post\ntitle: "From elsewhere"\n---\nHi\n', encoding="utf-8")
    qtbot.waitUntil(lambda: window.post_list.path_count() == 7, timeout=5000)


def test_history_restore_is_an_unsaved_change(type_at_end, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.site.root / DUSK
    first = path.read_text(encoding="utf-8")
    type_at_end(" Second version.")
    assert window.save()
    assert window.actions.history.isEnabled()
    window.actions.history.trigger()
    dialog = window.safety.last_history
    assert dialog is not None
    assert len(dialog.versions) == 1
    dialog.restore()
    assert window.document.dirty
    assert window.document.text() == first
    assert path.read_text(encoding="utf-8").endswith(" Second version.")
    assert window.save()
    assert path.read_text(encoding="utf-8") == first


def test_staged_images_survive_a_crash(qtbot, window: MainWindow, settings, data_dir: Path,
                                       choose_header, monkeypatch, second_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    from PIL import Image

    photo = tmp_path / "header.png"
    Image.new("RGB", (300, 200), "purple").save(photo)
    header = choose_header(photo)
    window.safety.autosaver.flush()
    # the first instance "dies": its journal lock goes, its entry stays
    window.safety.journal.close()

    monkeypatch.setattr(RecoveryDialog, "exec", lambda d: d.restore(d.rows()[0]) or 1)
    win = open_window(None, settings, data_dir)
    second_window.append(win)
    qtbot.waitUntil(lambda: win.document.dirty, timeout=5000)
    assert header.rel_path in win.document.images
    assert not (win.site.root / header.rel_path).exists()
    # the field shows the staged image from its bytes, not "Cannot show it"
    field = win.form.image
    qtbot.waitUntil(lambda: not field.is_busy(), timeout=10000)
    assert field.info_label.text().startswith("300 × 200 px · ")
    assert not field.thumbnail.pixmap().isNull()
    assert field.path_label.full_text() == header.rel_path
    assert win.save()
    assert (win.site.root / header.rel_path).read_bytes() == header.data
    post = (win.site.root / DUSK).read_text(encoding="utf-8")
    assert f"image: {header.rel_path}\n" in post


def test_raw_mode_post_is_journalled_as_typed(type_at_end, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    broken = window.site.root / "_posts" / "2025-10-02-broken.md"
    broken.write_text('---\ntitle: "unclosed\n---\nBody\n', encoding="utf-8")
    assert window.open_post(broken)
    assert window.document.raw
    type_at_end("More")
    window.safety.autosaver.flush()
    entry = json.loads(_journal_file(window).read_text(encoding="utf-8"))
    assert entry["raw"] is True
    assert entry["text"] == '---\ntitle: "unclosed\n---\nBody\nMore'
    assert broken.read_text(encoding="utf-8") == '---\ntitle: "unclosed\n---\nBody\n'
