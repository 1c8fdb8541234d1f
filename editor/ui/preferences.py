"""Preferences: the editor's font (monospace or serif), its size, and soft wrap."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from editor.ui.settings import Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        self.font_kind = QComboBox(self)
        self.font_kind.addItem("Monospace", "monospace")
        self.font_kind.addItem("Serif", "serif")
        self.font_kind.setCurrentIndex(max(0, self.font_kind.findData(settings.get("editor/font"))))
        self.font_kind.setAccessibleName("Editor font")
        self.size = QSpinBox(self)
        self.size.setRange(7, 32)
        self.size.setValue(settings.get("editor/font_size"))
        self.size.setAccessibleName("Editor font size")
        self.wrap = QCheckBox("Wrap long lines", self)
        self.wrap.setChecked(settings.get("editor/wrap"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Editor &font", self.font_kind)
        form.addRow("Font &size", self.size)
        form.addRow(self.wrap)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.set("editor/font", self.font_kind.currentData())
        self.settings.set("editor/font_size", self.size.value())
        self.settings.set("editor/wrap", self.wrap.isChecked())
        super().accept()
