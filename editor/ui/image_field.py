"""STAND-IN for the images helper's ImageField: thumbnail + path + Choose…/Remove.

Same interface as the real one: `set_image(site_root, rel_path)`, signals
`imageStaged(object)` (here: the path relative to the site root, a str),
`imageRemoved()`, `errorOccurred(str)`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

THUMB = QSize(128, 64)


class ImageField(QWidget):
    imageStaged = Signal(object)
    imageRemoved = Signal()
    errorOccurred = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Header image")
        self._root: Path | None = None
        self.thumb = QLabel(self)
        self.thumb.setFixedSize(THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setFrameShape(QLabel.Shape.StyledPanel)
        self.thumb.setAccessibleName("Header image preview")
        self.path_label = QLabel(self)
        self.path_label.setWordWrap(True)
        self.path_label.setMinimumWidth(80)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setAccessibleName("Header image path")
        self.choose = QPushButton("Choose…", self)
        self.choose.setAccessibleName("Choose a header image")
        self.choose.clicked.connect(self._choose)
        self.remove = QPushButton("Remove", self)
        self.remove.setAccessibleName("Remove the header image")
        self.remove.clicked.connect(self._remove)
        side = QVBoxLayout()
        side.addWidget(self.path_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        side.addLayout(buttons)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumb)
        layout.addLayout(side, 1)

    def set_image(self, site_root: Path | None, rel_path: str | None) -> None:
        self._root = site_root
        # a zero-width space after each / lets a long path wrap
        self.path_label.setText((rel_path or "No header image").replace("/", "/\u200b"))
        self.path_label.setToolTip(rel_path or "")
        self.remove.setEnabled(bool(rel_path))
        self.thumb.clear()
        if not rel_path or site_root is None:
            self.thumb.setText("—")
            return
        reader = QImageReader(str(site_root / rel_path.lstrip("/")))
        size = reader.size()
        if size.isValid():
            reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            self.thumb.setText("missing")
        else:
            self.thumb.setPixmap(QPixmap.fromImage(image))

    def _choose(self) -> None:
        start = str(self._root / "assets" / "images") if self._root else ""
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a header image", start, "Images (*.jpg *.jpeg *.png *.webp *.gif)"
        )
        if not name:
            return
        path = Path(name)
        if self._root is not None:
            try:
                rel = path.resolve().relative_to(self._root.resolve()).as_posix()
            except ValueError:
                self.errorOccurred.emit(
                    f"{path.name} is outside the site; copy it into the site first."
                )
                return
            self.set_image(self._root, rel)
            self.imageStaged.emit(rel)

    def _remove(self) -> None:
        self.set_image(self._root, None)
        self.imageRemoved.emit()
