"""After a crash: the posts the journal can bring back, each with Compare, Restore and Discard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor.core.errors import BylineError
from editor.core.safety.journal import Journal, JournalEntry, compare_with_disk
from editor.ui.dialogs.diff_view import DiffDialog


class RecoveryRow(QFrame):
    """One recoverable post: what it is, when it was journalled, and its three buttons."""

    def __init__(self, entry: JournalEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setFrameShape(QFrame.Shape.StyledPanel)
        when = entry.when.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        where = entry.post_path or "a new post, never saved"
        site = f"<br>site: {_escape(entry.site_root)}" if entry.site_root else ""
        title = f"<b>{_escape(entry.title)}</b>"
        self.label = QLabel(
            f"{title}<br>{_escape(where)}{site}<br>unsaved changes from {when}", self
        )
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)  # long paths wrap instead of widening the row
        self.compare_button = QPushButton("Compare…", self)
        self.restore_button = QPushButton("Restore", self)
        self.discard_button = QPushButton("Discard", self)
        self.restore_button.setDefault(True)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        for button in (self.compare_button, self.restore_button, self.discard_button):
            layout.addWidget(button)


class RecoveryDialog(QDialog):
    """Lists `entries` (default: `journal.recoverable()`).

    Restore emits `restoreRequested(JournalEntry)`: the window opens it as an unsaved
    change (the entry stays in the journal until that post is saved). Discard moves the
    entry aside (kept a week). "Later" closes and offers the rest again next start.
    """

    restoreRequested = Signal(object)

    def __init__(
        self,
        journal: Journal,
        entries: list[JournalEntry] | None = None,
        parent: QWidget | None = None,
        *,
        confirm_discard: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recover unsaved work")
        self.journal = journal
        self.confirm_discard = confirm_discard
        self.last_compare: DiffDialog | None = None
        intro = QLabel(
            "Byline closed before these posts were saved. Their text was kept: "
            "compare it with the file on disk, restore it, or discard it.",
            self,
        )
        intro.setWordWrap(True)
        self._list = QWidget(self)
        self._rows_layout = QVBoxLayout(self._list)
        self._rows_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._list)
        buttons = QDialogButtonBox(self)
        self.later_button = buttons.addButton("Later", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self._rows: list[RecoveryRow] = []
        for entry in journal.recoverable() if entries is None else entries:
            self._add(entry)
        self.resize(760, 420)

    def rows(self) -> list[RecoveryRow]:
        return list(self._rows)

    def _add(self, entry: JournalEntry) -> None:
        row = RecoveryRow(entry, self._list)
        row.compare_button.clicked.connect(lambda: self.compare(row))
        row.restore_button.clicked.connect(lambda: self.restore(row))
        row.discard_button.clicked.connect(lambda: self.discard(row))
        self._rows_layout.insertWidget(self._rows_layout.count() - 1, row)
        self._rows.append(row)

    def compare(self, row: RecoveryRow) -> DiffDialog:
        cmp = compare_with_disk(row.entry)
        note = ""
        if cmp.disk_text is None:
            note = "There is no file on disk for this post (new, deleted or renamed)."
        elif cmp.disk_changed:
            note = "The file on disk also changed after Byline opened it (another program?)."
        dialog = DiffDialog(
            cmp.disk_text or "",
            row.entry.text,
            title=f"Compare: {row.entry.title}",
            old_label="On disk",
            new_label="Recovered",
            note=note,
            parent=self,
        )
        dialog.show()
        self.last_compare = dialog
        return dialog

    def restore(self, row: RecoveryRow) -> None:
        self._drop(row)
        self.restoreRequested.emit(row.entry)

    def discard(self, row: RecoveryRow) -> None:
        if self.confirm_discard:
            answer = QMessageBox.question(
                self,
                "Discard recovered text?",
                f"Discard the unsaved changes to “{row.entry.title}”?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.journal.discard(row.entry.key, keep_copy=True)
        except BylineError as exc:
            QMessageBox.warning(self, "Could not discard", str(exc))
            return
        self._drop(row)

    def _drop(self, row: RecoveryRow) -> None:
        self._rows.remove(row)
        row.hide()
        row.deleteLater()
        if not self._rows:
            self.accept()


def _escape(text: str | Path) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
