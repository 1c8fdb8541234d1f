"""Publish…: what will be committed (ticked), what else changed (offered), and the message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.publish.commit import PublishPlan

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class PublishDialog(QDialog):
    """Ticked files and a message; `chosen()` and `message()` once accepted."""

    def __init__(self, plan: PublishPlan, title: str, remote: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Publish")
        self.setObjectName("PublishDialog")
        intro = QLabel(
            f"Commit these files and push them to <b>{remote}</b>. "
            "Other changes stay as they are unless you tick them.",
            self,
        )
        intro.setWordWrap(True)
        self.files = QListWidget(self)
        self.files.setAccessibleName("Files to commit")
        for item in plan.items:
            row = QListWidgetItem(f"{item.path}  —  {item.why} ({item.change.value})")
            row.setData(PATH_ROLE, item.path)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if item.ticked else Qt.CheckState.Unchecked)
            self.files.addItem(row)
        self.message_edit = QLineEdit(f"Publish: {title}", self)
        self.message_edit.setAccessibleName("Commit message")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel, Qt.Orientation.Horizontal, self
        )
        self.publish_button = self.buttons.addButton(
            "Publish", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.publish_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.files.itemChanged.connect(self._update)
        self.message_edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.files, 1)
        layout.addWidget(QLabel("Message:", self))
        layout.addWidget(self.message_edit)
        layout.addWidget(self.buttons)
        self.resize(620, 320)
        self._update()

    def chosen(self) -> list[str]:
        rows = (self.files.item(i) for i in range(self.files.count()))
        return [r.data(PATH_ROLE) for r in rows if r.checkState() == Qt.CheckState.Checked]

    def message(self) -> str:
        return self.message_edit.text().strip()

    def _update(self) -> None:
        self.publish_button.setEnabled(bool(self.chosen()) and bool(self.message()))
