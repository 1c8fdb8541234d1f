"""Small questions and messages to the author (tests monkeypatch QMessageBox's statics)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, title: str) -> Choice:
    SB = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        "Unsaved changes",
        f"“{title}” has unsaved changes. Save them?",
        SB.Save | SB.Discard | SB.Cancel,
        SB.Save,
    )
    if answer == SB.Save:
        return Choice.SAVE
    if answer == SB.Discard:
        return Choice.DISCARD
    return Choice.CANCEL


def confirm_revert(parent: QWidget) -> bool:
    """True when the author agrees to throw the unsaved changes away."""
    SB = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent, "Revert", "Throw away the unsaved changes?", SB.Discard | SB.Cancel, SB.Cancel
    )
    return answer == SB.Discard


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)
