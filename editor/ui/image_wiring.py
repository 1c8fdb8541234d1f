"""Header and inline images in the window: processed off the GUI thread, staged on the document.

Nothing reaches `assets/images/` before Save: the document's ImageStage holds every image
attached since the last save, and Document.save writes the ones the post still uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject

from editor.core.images import ProcessedImage
from editor.core.inline_images import InlineForm, InlineReference
from editor.ui import prompts
from editor.ui.inline_image import InlineImageAttacher, insert_reference

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow


class ImageWiring(QObject):
    """The window's side of the header image field and of images dropped into the text."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.inline = InlineImageAttacher(self)

    def set_inline_form(self, form: InlineForm) -> None:
        """The reference form the site's posts use (learned in the background)."""
        self.inline.form = form

    def on_header_staged(self, image: object) -> None:
        if not isinstance(image, ProcessedImage):
            return
        self.window.document.images.add(image)
        self.window.set_field("image", image.rel_path)

    def on_header_removed(self) -> None:
        self.window.set_field("image", None)

    def on_mime_dropped(self, mime: QMimeData) -> None:
        self.inline.attach_mime(mime)

    def on_inline_ready(self, image: ProcessedImage, ref: InlineReference) -> None:
        w = self.window
        if w.document.read_only:
            return
        w.document.images.add(image)
        insert_reference(w.markdown.editor, ref)
        w.markdown.editor.setFocus()

    def on_error(self, message: str) -> None:
        prompts.show_error(self.window, "Image", message)
