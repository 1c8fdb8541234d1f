"""The front-matter form's header image field: thumbnail, path, sizes; Choose, Paste, Remove.

A picture can be chosen, dropped on the field, or pasted (a screenshot). The core pipeline
runs off the GUI thread; the processed JPEG is only staged here (`imageStaged`), and the
window writes it when the post is saved. A failure leaves the previous image in place and
reports `errorOccurred(message)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor.core.errors import BylineError
from editor.core.images.image_kinds import (
    DEFAULT_SETTINGS,
    THUMB_HEIGHT,
    ImageSettings,
    ProcessedImage,
)
from editor.ui.widgets.elided_label import ElidedLabel as BaseElidedLabel
from editor.ui.widgets.tasks import TaskRunner

if TYPE_CHECKING:
    from editor.core.images.thumbnails import ImageInfo, Thumbnail

FILE_FILTER = "Images (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff);;All files (*)"
PASTED_NAME = "pasted image"


@dataclass(frozen=True)
class _Staged:
    image: ProcessedImage
    thumb: Thumbnail


@dataclass(frozen=True)
class _Existing:
    rel_path: str
    info: ImageInfo
    thumb: Thumbnail


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def qimage_to_png(image: QImage) -> bytes:
    """A QImage as PNG bytes (fast, lightly compressed: the pipeline re-encodes it anyway)."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", 90)  # type: ignore[call-overload]  # the stubs say bytes; str works
    buffer.close()
    return bytes(array.data())


class ElidedLabel(BaseElidedLabel):
    """The image's path: when it does not fit, its file name, elided in the middle."""

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        shown = self.full_text()
        if metrics.horizontalAdvance(shown) > self.width():
            # the file name says more than its folder (always assets/images/ here)
            name = shown.rsplit("/", 1)[-1]
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, self.width())
        QLabel.setText(self, shown)


class ImageField(QWidget):
    """The `image:` field: imageStaged(ProcessedImage), imageRemoved(), errorOccurred(str)."""

    imageStaged = Signal(object)
    imageRemoved = Signal()
    errorOccurred = Signal(str)
    busyChanged = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        settings: ImageSettings = DEFAULT_SETTINGS,
        cache_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._cache_dir = cache_dir
        self._site_root: Path | None = None
        self._rel_path: str | None = None
        self._staged: ProcessedImage | None = None
        self._find_staged: Callable[[str], ProcessedImage | None] = lambda _rel: None
        self._busy = False
        self._shown_info = ""
        self._runner = TaskRunner(self)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._jobs: dict[int, tuple[str, bool]] = {}  # ticket -> (source, is an attach)
        self._current: int | None = None  # the one job whose result is still wanted

        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(THUMB_HEIGHT * 2, THUMB_HEIGHT)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setFrameShape(QLabel.Shape.StyledPanel)
        self.path_label = ElidedLabel()
        self.path_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.info_label = QLabel()
        self.choose_button = QPushButton("Choose…")
        self.paste_button = QPushButton("Paste")
        self.remove_button = QPushButton("Remove")
        self.choose_button.clicked.connect(self.choose)
        self.paste_button.clicked.connect(self.paste)
        self.remove_button.clicked.connect(self.remove)
        QShortcut(
            QKeySequence.StandardKey.Paste,
            self,
            self.paste,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

        buttons = QHBoxLayout()
        for button in (self.choose_button, self.paste_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        # the thumbnail, then the file name and the size each on a line of the field's
        # full width, then the buttons: the field stays narrow (the front-matter pane never
        # crowds out the Markdown pane) and the name and size are read whole
        self.info_label.setWordWrap(True)  # only a long message needs a second line
        self.info_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.thumbnail)
        column.addWidget(self.path_label)
        column.addWidget(self.info_label)
        column.addLayout(buttons)
        self._show_empty()

    # --- what the window uses --------------------------------------------------

    def set_staged_lookup(self, find: Callable[[str], ProcessedImage | None]) -> None:
        """Where `set_image` finds an image staged but not saved yet (the post's stage):
        after a crash recovery the post's image exists only there."""
        self._find_staged = find

    def set_image(self, site_root: Path | None, rel_path: str | None) -> None:
        """Show the post's current image (`assets/images/<md5>.jpg`, or none): the staged
        one of that name if there is one, else the file in the site."""
        self._site_root = Path(site_root) if site_root is not None else None
        self._rel_path = rel_path or None
        self._staged = None
        self._forget_job()  # a result still on its way is for another image
        if not self._rel_path:
            self._show_empty()
            return
        self.path_label.setText(self._rel_path)
        self.path_label.setToolTip(self._rel_path)
        self.thumbnail.clear()
        staged = self._find_staged(self._rel_path)
        if staged is not None:
            self._show_staged(staged)
            return
        if self._site_root is None:
            self.info_label.setText("")
            return
        path = self._site_root / self._rel_path
        cache_dir = self._cache_dir
        rel = self._rel_path

        def load() -> _Existing:
            from editor.core.images.thumbnails import image_info

            return _Existing(
                rel, image_info(path), _thumb(read_image_file(path), str(path), cache_dir)
            )

        self._start(load, str(path), attach=False)
        self.remove_button.setEnabled(True)

    def _show_staged(self, image: ProcessedImage) -> None:
        """Thumbnail and sizes from the staged image's bytes (it is in no file yet)."""
        self._staged = image
        rel, cache_dir = image.rel_path, self._cache_dir
        from editor.core.images.thumbnails import ImageInfo

        info = ImageInfo(image.width, image.height, image.size)

        def load() -> _Existing:
            return _Existing(rel, info, _thumb(image.data, image.source or rel, cache_dir))

        self._start(load, image.source or rel, attach=False)
        self.remove_button.setEnabled(True)

    def staged(self) -> ProcessedImage | None:
        """The processed image waiting for the post's save (None when unchanged or removed)."""
        return self._staged

    def rel_path(self) -> str | None:
        """The value for the post's `image:` field."""
        return self._staged.rel_path if self._staged else self._rel_path

    def is_busy(self) -> bool:
        return self._busy

    def attach_file(self, path: str | Path) -> None:
        """Process a picture file off the GUI thread; `imageStaged` or `errorOccurred` follows."""
        name = str(path)
        settings, cache_dir = self.settings, self._cache_dir

        def work() -> _Staged:
            image = process_bytes(read_image_file(name), name=name, settings=settings)
            return _Staged(image, _thumb(image.data, name, cache_dir))

        self._start(work, name, attach=True)

    def attach_image(self, image: QImage, name: str = PASTED_NAME) -> None:
        """Process an image from the clipboard or a drop (a copy goes to the worker)."""
        if image.isNull():
            self.errorOccurred.emit(f"{name}: the clipboard holds no picture")
            return
        copy = image.copy()
        settings, cache_dir = self.settings, self._cache_dir

        def work() -> _Staged:
            processed = process_bytes(qimage_to_png(copy), name=name, settings=settings)
            return _Staged(processed, _thumb(processed.data, name, cache_dir))

        self._start(work, name, attach=True)

    def can_accept(self, mime: QMimeData) -> bool:
        """Whether a drop or paste holds a local file or a picture (the preview header asks)."""
        return bool(local_files(mime)) or mime.hasImage()

    def attach_mime(self, mime: QMimeData) -> bool:
        """Attach the first local file of a drop or paste, else its picture; False if neither."""
        files = local_files(mime)
        if files:
            self.attach_file(files[0])
            return True
        if mime.hasImage():
            image = mime.imageData()
            self.attach_image(image if isinstance(image, QImage) else QImage(image))
            return True
        return False

    # --- slots --------------------------------------------------------------

    def choose(self) -> None:
        start = str(self._site_root) if self._site_root else ""
        path, _filter = QFileDialog.getOpenFileName(
            self, "Choose a header image", start, FILE_FILTER
        )
        if path:
            self.attach_file(path)

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not self.attach_mime(mime):
            self.errorOccurred.emit(f"{PASTED_NAME}: the clipboard holds no picture or image file")

    def remove(self) -> None:
        had = self._staged is not None or self._rel_path is not None
        self._staged = None
        self._rel_path = None
        self._forget_job()
        self._show_empty()
        if had:
            self.imageRemoved.emit()

    # --- drag and drop ----------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.can_accept(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.attach_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    # --- background work --------------------------------------------------------

    def _start(self, work: Callable[[], object], source: str, *, attach: bool) -> None:
        ticket = self._runner.submit(work)
        self._jobs[ticket] = (source, attach)
        self._current = ticket
        self._set_busy(True)
        self.info_label.setText("Processing…" if attach else "Loading…")

    def _on_finished(self, ticket: int, result: object) -> None:
        self._jobs.pop(ticket, None)
        if ticket != self._current:
            return  # superseded by a newer choice, a removal or another post
        self._forget_job()
        if isinstance(result, _Staged):
            image = result.image
            self._staged = image
            self._show(image.rel_path, image.width, image.height, image.size, result.thumb)
            self.imageStaged.emit(image)
        elif isinstance(result, _Existing):
            info = result.info
            self._show(result.rel_path, info.width, info.height, info.size, result.thumb)

    def _on_failed(self, ticket: int, exc: object) -> None:
        source, attach = self._jobs.pop(ticket, ("image", True))
        if ticket != self._current:
            return
        self._forget_job()
        if isinstance(exc, BylineError):
            message = str(exc)
        else:
            message = f"{source}: could not process the image ({exc})"
        if not attach:  # the post's own image cannot be shown: say so in place
            reason = exc.message if isinstance(exc, BylineError) else str(exc)
            self.info_label.setText(f"Cannot show it: {reason}")
            return
        self._restore()
        self.errorOccurred.emit(message)

    def _forget_job(self) -> None:
        self._current = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)

    # --- display ------------------------------------------------------------

    def _restore(self) -> None:
        """After a failure: the field shows what it showed before (the post keeps its image)."""
        if self._staged is None and self._rel_path is None:
            self._show_empty()
        else:
            self.info_label.setText(self._shown_info)

    def _show_empty(self) -> None:
        self.thumbnail.clear()
        self.thumbnail.setText("No image")
        self.path_label.setText("")
        self.path_label.setToolTip("")
        self.info_label.setText("Choose, drop or paste a picture")
        self.remove_button.setEnabled(False)

    def _show(self, rel_path: str, width: int, height: int, size: int, thumb: Thumbnail) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(thumb.data, "JPEG")
        if pixmap.width() > self.thumbnail.width():
            pixmap = pixmap.scaledToWidth(
                self.thumbnail.width(), Qt.TransformationMode.SmoothTransformation
            )
        self.thumbnail.setPixmap(pixmap)
        self.path_label.setText(rel_path)
        self.path_label.setToolTip(rel_path)
        self.path_label.setToolTip(rel_path)
        self._shown_info = _describe(width, height, size)
        self.info_label.setText(self._shown_info)
        self.remove_button.setEnabled(True)


def _describe(width: int, height: int, size: int) -> str:
    return f"{width} × {height} px · {human_size(size)}"


def _thumb(data: bytes, name: str, cache_dir: Path | None) -> Thumbnail:
    from editor.core.images.thumbnails import thumbnail_bytes

    return thumbnail_bytes(data, name=name, cache_dir=cache_dir)


# Pillow loads with the first image handled, in a worker, not before the first paint


def read_image_file(path: str | Path) -> bytes:
    from editor.core.images.pipeline import read_source

    return read_source(path)


def process_bytes(
    data: bytes, *, name: str, settings: ImageSettings = DEFAULT_SETTINGS, inline: bool = False
) -> ProcessedImage:
    from editor.core.images.pipeline import process_bytes as process

    return process(data, name=name, settings=settings, inline=inline)


def local_files(mime: QMimeData) -> list[str]:
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
