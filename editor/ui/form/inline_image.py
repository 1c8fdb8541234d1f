"""Images dropped or pasted into the Markdown pane: processed off the GUI thread, then inserted
as a reference in the site's own form, with the alt text selected for typing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from editor.core.errors import BylineError
from editor.core.images.image_kinds import DEFAULT_SETTINGS, ImageSettings, ProcessedImage
from editor.core.images.inline_images import DEFAULT_FORM, InlineForm, InlineReference
from editor.ui.form.image_field import (
    PASTED_NAME,
    local_files,
    process_bytes,
    qimage_to_png,
    read_image_file,
)
from editor.ui.widgets.tasks import TaskRunner


class InlineImageAttacher(QObject):
    """imageReady(ProcessedImage, InlineReference) for each image; errorOccurred(str) otherwise.

    Every result is delivered (several files may be dropped at once); the window stages the
    image with the post's other staged images and inserts the reference.
    """

    imageReady = Signal(object, object)
    errorOccurred = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        settings: ImageSettings = DEFAULT_SETTINGS,
        form: InlineForm = DEFAULT_FORM,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.form = form  # learn_site_inline_form(site) when a site is opened
        self._runner = TaskRunner(self)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._sources: dict[int, str] = {}
        self.pending = 0

    def can_accept(self, mime: QMimeData) -> bool:
        return bool(local_files(mime)) or mime.hasImage()

    def attach_mime(self, mime: QMimeData) -> bool:
        """Process every local file of a drop or paste, else its picture; False if neither."""
        files = local_files(mime)
        for path in files:
            self.attach_file(path)
        if files:
            return True
        if mime.hasImage():
            image = mime.imageData()
            self.attach_image(image if isinstance(image, QImage) else QImage(image))
            return True
        return False

    def attach_file(self, path: str | Path) -> None:
        name, settings = str(path), self.settings
        self._start(
            lambda: process_bytes(read_image_file(name), name=name, settings=settings, inline=True),
            name,
        )

    def attach_image(self, image: QImage, name: str = PASTED_NAME) -> None:
        if image.isNull():
            self.errorOccurred.emit(f"{name}: the clipboard holds no picture")
            return
        copy, settings = image.copy(), self.settings
        self._start(
            lambda: process_bytes(qimage_to_png(copy), name=name, settings=settings, inline=True),
            name,
        )

    def wait(self, msecs: int = 10_000) -> bool:
        return self._runner.wait(msecs)

    def _start(self, work: object, source: str) -> None:
        ticket = self._runner.submit(work)  # type: ignore[arg-type]
        self._sources[ticket] = source
        self.pending += 1

    def _on_finished(self, ticket: int, result: object) -> None:
        self._sources.pop(ticket, None)
        self.pending -= 1
        if isinstance(result, ProcessedImage):
            self.imageReady.emit(result, self.form.reference(result.file_name))

    def _on_failed(self, ticket: int, exc: object) -> None:
        source = self._sources.pop(ticket, "image")
        self.pending -= 1
        if isinstance(exc, BylineError):
            self.errorOccurred.emit(str(exc))
        else:
            self.errorOccurred.emit(f"{source}: could not process the image ({exc})")


def insert_reference(editor: QPlainTextEdit | QTextEdit, ref: InlineReference) -> None:
    """Insert `ref` at the cursor (one undo step) and select its alt text for typing."""
    cursor = editor.textCursor()
    cursor.insertText(ref.text)
    start = cursor.position() - _utf16(ref.text)  # Qt counts UTF-16 units, Python code points
    cursor.setPosition(start + _utf16(ref.text[: ref.alt_start]))
    cursor.setPosition(start + _utf16(ref.text[: ref.alt_end]), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
