"""The banner over the editor when the open post changed, or vanished, on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from editor.ui.widgets.elided_label import ElidedLabel

BannerState = Literal["hidden", "changed", "removed"]


class ConflictBanner(QFrame):
    """Hidden until `show_changed(path)` or `show_removed(path)`.

    Changed: Reload (drop mine) / Keep mine (overwrite on next save) / Compare.
    Removed: the text stays in the editor; Keep mine (save it back) / Dismiss.
    Reload and Keep mine hide the banner; Compare leaves it up.
    """

    reloadRequested = Signal()
    keepMineRequested = Signal()
    compareRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#conflictBanner { background: rgba(230, 180, 40, 60); }")
        # the file on a line of its own, elided in the middle (full path as tooltip): a
        # long name never wraps over several lines in a narrow window
        self.path_label = ElidedLabel(self)
        bold = self.path_label.font()
        bold.setBold(True)
        self.path_label.setFont(bold)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.reload_button = QPushButton("Reload (drop mine)", self)
        self.keep_button = QPushButton("Keep mine", self)
        self.compare_button = QPushButton("Compare…", self)
        self.dismiss_button = QPushButton("Dismiss", self)
        self.reload_button.setToolTip("Load the version on disk; your unsaved changes are dropped")
        self.keep_button.setToolTip("Keep your text; the next Save overwrites the file on disk")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (
            self.compare_button,
            self.reload_button,
            self.keep_button,
            self.dismiss_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.path_label)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.reload_button.clicked.connect(self._reload)
        self.keep_button.clicked.connect(self._keep)
        self.compare_button.clicked.connect(self.compareRequested)
        self.dismiss_button.clicked.connect(self.dismiss)
        self._state: BannerState = "hidden"
        self.hide()

    @property
    def state(self) -> BannerState:
        return self._state

    def show_changed(self, path: str | Path) -> None:
        self.path_label.setText(str(path))
        self.message.setText(
            "This file was changed on disk by another program, and you have unsaved changes."
        )
        self._show("changed", reload=True, keep=True, compare=True, dismiss=False)

    def show_removed(self, path: str | Path) -> None:
        self.path_label.setText(str(path))
        self.message.setText(
            "This file was deleted or renamed on disk. Your text is still here; Save writes it back."
        )
        self.keep_button.setText("Keep mine")
        self._show("removed", reload=False, keep=True, compare=False, dismiss=True)

    def dismiss(self) -> None:
        self._state = "hidden"
        self.hide()

    def _show(
        self, state: BannerState, *, reload: bool, keep: bool, compare: bool, dismiss: bool
    ) -> None:
        self._state = state
        self.reload_button.setVisible(reload)
        self.keep_button.setVisible(keep)
        self.compare_button.setVisible(compare)
        self.dismiss_button.setVisible(dismiss)
        self.show()
        # laid out now, at least at its natural size: its buttons can be clicked at once,
        # even before the window around it has had its next layout pass
        self.resize(self.size().expandedTo(self.sizeHint()))
        layout = self.layout()
        if layout is not None:
            layout.setGeometry(self.rect())

    def _reload(self) -> None:
        self.dismiss()
        self.reloadRequested.emit()

    def _keep(self) -> None:
        self.dismiss()
        self.keepMineRequested.emit()
