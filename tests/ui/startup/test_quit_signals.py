"""Logout, shutdown, `kill`: the signal reaches the GUI thread, and the window closes
without asking, leaving its unsaved words in the journal for the next start."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from editor.core.safety.journal import Journal
from editor.ui.dialogs import prompts
from editor.ui.startup.quit_signals import QuitSignals
from editor.ui.window.main_window import MainWindow

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def test_a_signal_is_emitted_in_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    before = signal.getsignal(signal.SIGUSR1)
    quit_signals = QuitSignals(signals=[signal.SIGUSR1])
    try:
        with qtbot.waitSignal(quit_signals.requested, timeout=5000) as blocker:
            os.kill(os.getpid(), signal.SIGUSR1)
        assert blocker.args == [signal.SIGUSR1]
    finally:
        quit_signals.uninstall()
    assert signal.getsignal(signal.SIGUSR1) == before


def test_closing_for_the_system_keeps_unsaved_words_in_the_journal(
    type_at_end, qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    def never_ask(*args: object) -> prompts.Choice:
        raise AssertionError("asked while the system ends the app")

    monkeypatch.setattr(prompts, "ask_unsaved", never_ask)
    type_at_end(" Typed just before logging out.")
    folder = window.safety.journal.folder
    window.wait_for_index()
    window.close_keeping_changes()  # at once: no 1 s wait for the journal
    assert not window.isVisible()
    with Journal(folder) as journal:
        entries = journal.recoverable()
    assert len(entries) == 1
    assert entries[0].text.endswith("Typed just before logging out.\n") or (
        "Typed just before logging out." in entries[0].text
    )
    assert "Typed just before" not in Path(entries[0].post_path or "").read_text(encoding="utf-8")
