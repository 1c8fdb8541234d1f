"""Preferences: the editor's font, size and wrapping; how attached images are processed."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.ui import appearance
from editor.ui.settings import Settings
from editor.ui.widgets.form_columns import align_label_columns

MAX_WIDTH = 20000


def _width_box(parent: QWidget, value: int, name: str) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, MAX_WIDTH)
    box.setSingleStep(100)
    box.setSuffix(" px")
    box.setSpecialValueText("no limit")  # shown for 0
    box.setValue(max(0, min(MAX_WIDTH, value)))
    box.setAccessibleName(name)
    return box


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
        images = settings.image_settings()
        self.header_width = _width_box(
            self, images.max_width or 0, "Largest width of header images"
        )
        self.header_height = _width_box(
            self, images.max_height or 0, "Largest height of header images"
        )
        self.appearance = QComboBox(self)
        for value, label in appearance.CHOICES:
            self.appearance.addItem(label, value)
        self.appearance.setCurrentIndex(
            max(0, self.appearance.findData(settings.get("appearance/theme")))
        )
        self.appearance.setAccessibleName("Appearance")
        self.inline_width = _width_box(
            self, images.inline_max_width or 0, "Largest width of images in the text"
        )
        self.quality = QSpinBox(self)
        self.quality.setRange(1, 100)
        self.quality.setValue(images.quality)
        self.quality.setAccessibleName("JPEG quality")
        self.keep_icc = QCheckBox("Keep the colour profile", self)
        self.keep_icc.setChecked(images.keep_icc)
        self.spelling_language = QComboBox(self)
        self.spelling_language.setAccessibleName("Spelling language")
        self.spelling_language.addItem("The blog's language", "")
        from editor.core.spelling.dictionaries import available

        for name, dic in available().items():
            where = "" if dic.shipped else f" ({dic.folder})"
            self.spelling_language.addItem(f"{name}{where}", name)
        chosen = self.spelling_language.findData(settings.get("spelling/language"))
        self.spelling_language.setCurrentIndex(max(0, chosen))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():  # words say it; some styles add dated icons
            button.setIcon(QIcon())

        window_box = QGroupBox("Window", self)
        QFormLayout(window_box).addRow("&Appearance", self.appearance)
        editor_box = QGroupBox("Editor", self)
        editor_form = QFormLayout(editor_box)
        editor_form.addRow("&Font", self.font_kind)
        editor_form.addRow("Font &size", self.size)
        editor_form.addRow(self.wrap)
        editor_form.addRow("Spelling &language", self.spelling_language)
        image_box = QGroupBox("Attached images", self)
        image_form = QFormLayout(image_box)
        header_size = QHBoxLayout()
        header_size.addWidget(self.header_width)
        header_size.addWidget(QLabel("wide,", self))
        header_size.addWidget(self.header_height)
        header_size.addWidget(QLabel("tall", self))
        header_size.addStretch(1)
        header_label = QLabel("&Header images at most", self)
        header_label.setBuddy(self.header_width)
        image_form.addRow(header_label, header_size)
        image_form.addRow("Images in the &text at most", self.inline_width)
        image_form.addRow("JPEG &quality", self.quality)
        image_form.addRow(self.keep_icc)
        privacy = QLabel("Location, camera and other photo data are always removed.", self)
        privacy.setWordWrap(True)
        image_form.addRow(privacy)
        layout = QVBoxLayout(self)
        layout.addWidget(window_box)
        layout.addWidget(editor_box)
        layout.addWidget(image_box)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        align_label_columns(self)  # every group's fields start at the same x
        super().showEvent(event)

    def accept(self) -> None:
        self.settings.set("editor/font", self.font_kind.currentData())
        self.settings.set("editor/font_size", self.size.value())
        self.settings.set("editor/wrap", self.wrap.isChecked())
        self.settings.set("appearance/theme", self.appearance.currentData())
        self.settings.set("image/max_width", self.header_width.value())
        self.settings.set("image/max_height", self.header_height.value())
        self.settings.set("image/inline_max_width", self.inline_width.value())
        self.settings.set("image/quality", self.quality.value())
        self.settings.set("image/keep_icc", self.keep_icc.isChecked())
        self.settings.set("spelling/language", self.spelling_language.currentData())
        super().accept()
