"""Autosaver: journals after a pause, during long typing, on flush; discards after a save."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from editor.core.errors import DiskFullError
from editor.core.safety.journal import Journal, JournalEntry
from editor.ui.safety.autosave import Autosaver


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    with Journal(tmp_path / "journal") as j:
        yield j


def _editor_with_autosaver(
    qtbot: QtBot, journal: Journal, **kwargs: int
) -> tuple[QPlainTextEdit, Autosaver]:
    edit = QPlainTextEdit()
    qtbot.add_widget(edit)

    def state() -> JournalEntry:
        return JournalEntry("new-test", edit.toPlainText(), cursor=edit.textCursor().position())

    saver = Autosaver(journal, state, edit, **kwargs)
    edit.textChanged.connect(saver.document_changed)
    return edit, saver


def test_journals_after_typing_pauses(qtbot: QtBot, journal: Journal) -> None:
    edit, saver = _editor_with_autosaver(qtbot, journal, idle_ms=50, max_ms=10_000)
    with qtbot.waitSignal(saver.journalled, timeout=5000) as blocker:
        qtbot.keyClicks(edit, "Hello")
    assert blocker.args == ["new-test"]
    entry = journal.read("new-test")
    assert entry is not None
    assert entry.text == "Hello" and entry.cursor == 5
    assert not saver.pending


def test_journals_while_typing_goes_on(qtbot: QtBot, journal: Journal) -> None:
    # the pause timer never fires while keys keep coming; the max timer does
    edit, saver = _editor_with_autosaver(qtbot, journal, idle_ms=60_000, max_ms=100)
    qtbot.keyClicks(edit, "a")
    with qtbot.waitSignal(saver.journalled, timeout=5000):
        while not saver.journal.read("new-test"):
            qtbot.keyClicks(edit, "b")
            qtbot.wait(10)
    assert journal.read("new-test").text.startswith("ab")  # type: ignore[union-attr]


def test_flush_and_discard(qtbot: QtBot, journal: Journal) -> None:
    edit, saver = _editor_with_autosaver(qtbot, journal, idle_ms=60_000, max_ms=60_000)
    assert saver.flush()  # nothing pending: nothing written
    assert journal.read("new-test") is None
    qtbot.keyClicks(edit, "typed")
    assert saver.pending
    assert saver.flush()
    assert journal.read("new-test").text == "typed"  # type: ignore[union-attr]
    saver.discard()
    assert journal.read("new-test") is None
    assert not saver.pending


def test_losing_focus_flushes(qtbot: QtBot, journal: Journal) -> None:
    edit, saver = _editor_with_autosaver(qtbot, journal, idle_ms=60_000, max_ms=60_000)
    qtbot.keyClicks(edit, "x")
    saver._on_app_state(Qt.ApplicationState.ApplicationInactive)
    assert journal.read("new-test").text == "x"  # type: ignore[union-attr]


def test_a_failed_write_stays_pending(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit, saver = _editor_with_autosaver(qtbot, journal, idle_ms=60_000, max_ms=60_000)
    qtbot.keyClicks(edit, "x")

    def full(entry: JournalEntry) -> Path:
        raise DiskFullError("the disk is full")

    monkeypatch.setattr(journal, "write", full)
    with qtbot.waitSignal(saver.failed) as blocker:
        assert not saver.flush()
    assert isinstance(blocker.args[0], DiskFullError)
    assert saver.pending
    monkeypatch.undo()
    assert saver.flush()


def test_new_key_replaces_the_old_entry(qtbot: QtBot, journal: Journal) -> None:
    keys = ["new-1"]
    saver = Autosaver(journal, lambda: JournalEntry(keys[0], "t"), watch_app_state=False)
    saver.document_changed()
    saver.flush()
    keys[0] = "post-1"  # the new post was saved under a file name
    saver.document_changed()
    saver.flush()
    assert journal.read("new-1") is None and journal.read("post-1") is not None
