"""Git failures told in plain words, git's own message under Details; conflicts per file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.publish.failures import Failure, GitFailure


def show_failure(parent: QWidget, title: str, failure: GitFailure) -> bool:
    """The failure in words; True when the author chose Sync (after a rejected push)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, failure.message, parent=parent)
    box.setObjectName("GitFailure")
    if failure.details:
        box.setDetailedText(failure.details)
    sync = None
    if failure.kind is Failure.REJECTED:
        sync = box.addButton("Sync", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
    else:
        box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    return sync is not None and box.clickedButton() is sync


class ConflictDialog(QDialog):
    """One row per conflicted file: keep mine, take theirs, or edit the markers by hand."""

    CHOICES = (("mine", "Keep mine"), ("theirs", "Take theirs"), ("edit", "Edit by hand"))

    def __init__(self, failure: GitFailure, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sync: conflicts")
        self.setObjectName("ConflictDialog")
        text = QLabel(
            "The remote changed the same lines as you. For each file, keep your version, take "
            "the remote's, or edit it by hand (the file shows both between <<<<<<< and >>>>>>> "
            "markers; save it and Sync again). Nothing is lost until you choose.",
            self,
        )
        text.setWordWrap(True)
        grid = QGridLayout()
        self._groups: dict[str, QButtonGroup] = {}
        for row, path in enumerate(failure.paths):
            grid.addWidget(QLabel(path, self), row, 0)
            group = QButtonGroup(self)
            for col, (key, label) in enumerate(self.CHOICES, start=1):
                button = QRadioButton(label, self)
                button.setObjectName(f"{key}:{path}")
                button.setChecked(key == "edit")
                group.addButton(button)
                grid.addWidget(button, row, col)
            self._groups[path] = group
        details = QPlainTextEdit(failure.details, self)
        details.setReadOnly(True)
        details.setMaximumHeight(120)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.addButton("Resolve", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(grid)
        layout.addWidget(QLabel("Details (git):", self))
        layout.addWidget(details)
        layout.addWidget(buttons)

    def choices(self) -> dict[str, str]:
        """Each file's choice: "mine", "theirs" or "edit"."""
        out = {}
        for path, group in self._groups.items():
            checked = group.checkedButton()
            out[path] = checked.objectName().split(":", 1)[0] if checked else "edit"
        return out
