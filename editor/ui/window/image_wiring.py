"""Header and inline images in the window: processed off the GUI thread, staged on the document.

Nothing reaches `assets/images/` before Save: the document's ImageStage holds every image
attached since the last save, and Document.save writes the ones the post still uses.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from editor.core.images.image_kinds import ImageSettings, ProcessedImage
from editor.core.images.inline_images import InlineForm, InlineReference, images_without_alt
from editor.core.images.staged_copies import StagedCopies, prune_stale
from editor.core.render.context import SiteContext
from editor.core.site.post_checks import PostWarning
from editor.ui.dialogs import prompts
from editor.ui.form.inline_image import InlineImageAttacher, insert_reference

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


class ImageWiring(QObject):
    """The window's side of the header image field and of images dropped into the text."""

    def __init__(self, window: MainWindow, cache_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.inline = InlineImageAttacher(self)
        copies_dir = cache_dir / "staged-images"
        prune_stale(copies_dir)  # what a crashed window left behind
        self.copies = StagedCopies(copies_dir)
        self._render_site: tuple[SiteContext, object, SiteContext] | None = None

    def set_settings(self, settings: ImageSettings) -> None:
        """How the header field and images dropped into the text are processed from now on."""
        self.window.form.image.settings = settings
        self.inline.settings = settings

    def render_site(self, site: SiteContext) -> SiteContext:
        """`site` for the preview, seeing the post's staged images (copies outside the site).

        Cheap when nothing changed (it runs on every keystroke): the same context again."""
        overlay = self.copies.overlay(self.window.document.images.images())
        if not overlay:
            return site
        cached = self._render_site
        if cached is not None and cached[0] is site and cached[1] is overlay:
            return cached[2]
        staged = dataclasses.replace(site, staged=overlay)
        self._render_site = (site, overlay, staged)
        return staged

    def close(self) -> None:
        """The window closes: its copies of staged images go (the preview has stopped)."""
        self._render_site = None
        self.copies.close()

    def accept_header_drops_on(self, widget: QWidget) -> None:
        """A picture dropped onto `widget` (the preview) becomes the header image."""
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        image = self.window.form.image
        if isinstance(event, (QDragEnterEvent, QDragMoveEvent)) and event.type() in (
            QEvent.Type.DragEnter,
            QEvent.Type.DragMove,
        ):
            accept = self._can_edit() and image.can_accept(event.mimeData())
        elif isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
            accept = self._can_edit() and image.attach_mime(event.mimeData())
        else:
            return super().eventFilter(watched, event)
        if accept:
            event.acceptProposedAction()
        return accept

    def _can_edit(self) -> bool:
        return self.window.document.post is not None  # raw mode: the form is off

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


def alt_text_warnings(body: str) -> list[PostWarning]:
    """Images in the text without alt text (screen readers and broken links show nothing)."""
    missing = images_without_alt(body)
    if not missing:
        return []
    lines = ", ".join(str(m.line) for m in missing[:8]) + (" …" if len(missing) > 8 else "")
    noun = "An image has" if len(missing) == 1 else f"{len(missing)} images have"
    return [PostWarning("alt", f"{noun} no alt text (line {lines}): describe what it shows.")]
