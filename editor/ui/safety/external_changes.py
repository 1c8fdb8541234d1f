"""The policy for a post changed outside the editor, tying FileWatch to the ConflictBanner.

- changed on disk, no local edits: reload silently (`reloadNeeded`; keep the cursor);
- changed on disk, local edits: the banner offers Reload / Keep mine / Compare;
- deleted or renamed on disk: the text stays, the banner says so;
- `expected_stamp` is what `save_post(..., expected=)` should get: None after Keep mine
  (or a deletion), so the next save overwrites on purpose.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from editor.core.errors import BylineError
from editor.core.safety.disk_stamp import DiskStamp
from editor.core.safety.post_io import LoadedPost, read_post
from editor.ui.safety.conflict_banner import ConflictBanner
from editor.ui.safety.file_watch import FileWatch

if TYPE_CHECKING:  # the dialog module is imported when a comparison is asked for
    from editor.ui.dialogs.diff_view import DiffDialog


class ExternalChanges(QObject):
    """`reloadNeeded(LoadedPost)`: put this in the editor. `failed(BylineError)`: say why not."""

    reloadNeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        watch: FileWatch,
        banner: ConflictBanner,
        *,
        is_modified: Callable[[], bool],
        current_text: Callable[[], str],
        read: Callable[[Path], LoadedPost] = read_post,
        dialog_parent: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.watch = watch
        self.banner = banner
        self._is_modified = is_modified
        self._current_text = current_text
        self._read = read
        self._dialog_parent = dialog_parent
        self.expected_stamp: DiskStamp | None = None
        self.last_compare: DiffDialog | None = None
        watch.postChangedOnDisk.connect(self._changed)
        watch.postRemovedOnDisk.connect(self._removed)
        banner.reloadRequested.connect(self.reload)
        banner.keepMineRequested.connect(self.keep_mine)
        banner.compareRequested.connect(self.compare)

    def opened(self, path: str | os.PathLike[str] | None, stamp: DiskStamp | None) -> None:
        """A post was opened (None: a new post without a file yet)."""
        self.expected_stamp = stamp
        self.banner.dismiss()
        self.watch.watch_post(path, stamp)

    def saved(self, stamp: DiskStamp) -> None:
        """The window saved the post: this content is ours."""
        self.expected_stamp = stamp
        self.banner.dismiss()
        self.watch.set_known(stamp)

    @Slot(Path)
    def _changed(self, path: Path) -> None:
        if self._is_modified():
            self.banner.show_changed(path)
        else:
            self.reload()

    @Slot(Path)
    def _removed(self, path: Path) -> None:
        self.expected_stamp = None  # saving recreates the file
        self.banner.show_removed(path)

    @Slot()
    def reload(self) -> None:
        path = self.watch.post_path
        if path is None:
            return
        try:
            loaded = self._read(path)
        except BylineError as exc:
            self.failed.emit(exc)
            return
        self.expected_stamp = loaded.stamp
        self.watch.set_known(loaded.stamp)
        self.banner.dismiss()
        self.reloadNeeded.emit(loaded)

    @Slot()
    def keep_mine(self) -> None:
        self.expected_stamp = None

    @Slot()
    def compare(self) -> DiffDialog | None:
        path = self.watch.post_path
        if path is None:
            return None
        try:
            disk = self._read(path).text
        except BylineError as exc:
            self.failed.emit(exc)
            return None
        from editor.ui.dialogs.diff_view import DiffDialog

        dialog = DiffDialog(
            disk,
            self._current_text(),
            title=f"Compare: {path.name}",
            old_label="On disk",
            new_label="Yours",
            parent=self._dialog_parent,
        )
        dialog.show()
        self.last_compare = dialog
        return dialog


def replace_keeping_cursor(edit: QPlainTextEdit, text: str) -> None:
    """Replace an editor's text (as one undoable step), keeping the cursor and scroll place."""
    if edit.toPlainText() == text:
        return
    position = edit.textCursor().position()
    scroll = edit.verticalScrollBar().value()
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    cursor.select(cursor.SelectionType.Document)
    cursor.insertText(text)
    cursor.endEditBlock()
    cursor.setPosition(min(position, len(text)))
    edit.setTextCursor(cursor)
    edit.verticalScrollBar().setValue(scroll)
