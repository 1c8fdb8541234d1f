"""The window's safety net: autosave journal, recovery, local history, changes made elsewhere.

This module builds the pieces (docs/safety.md) and holds the window-side handlers;
`MainWindow._connect_signals()` connects them. Nothing here writes a post: saving stays
in Document.save (through `save_post`).
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from editor.core.errors import BylineError
from editor.core.images.image_kinds import ProcessedImage, processed
from editor.core.safety.history import History
from editor.core.safety.journal import Journal, JournalEntry, StagedImage
from editor.core.safety.post_io import LoadedPost
from editor.ui.dialogs import prompts
from editor.ui.safety.autosave import Autosaver
from editor.ui.safety.conflict_banner import ConflictBanner
from editor.ui.safety.external_changes import ExternalChanges
from editor.ui.safety.file_watch import FileWatch

if TYPE_CHECKING:
    from editor.ui.dialogs.history_dialog import HistoryDialog
    from editor.ui.dialogs.recovery_dialog import RecoveryDialog
    from editor.ui.window.main_window import MainWindow


def open_journal(data_dir: Path) -> tuple[Journal, str | None]:
    """The journal in the data folder; a temporary one (and why) when that cannot be written."""
    try:
        return Journal(data_dir / "journal"), None
    except (BylineError, OSError) as exc:
        fallback = Path(tempfile.mkdtemp(prefix="byline-journal-"))
        return Journal(fallback), f"Autosave uses {fallback}: {exc}"


class SafetyNet(QObject):
    """One per window: journal + autosaver, history, file watch + banner, recovery."""

    def __init__(self, window: MainWindow, data_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.journal, self.startup_problem = open_journal(data_dir)
        with contextlib.suppress(BylineError, OSError):  # housekeeping: never stops the editor
            self.journal.prune()
        self.history = History(data_dir / "history")
        self.autosaver = Autosaver(self.journal, state=self.journal_entry, parent=self)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):  # quitting by other ways than closing the window
            app.aboutToQuit.connect(self.autosaver.flush)
        self.watch = FileWatch(self)
        self.banner = ConflictBanner(window)
        self.guard = ExternalChanges(
            self.watch,
            self.banner,
            is_modified=lambda: window.document.dirty,
            current_text=self.current_text,
            dialog_parent=window,
            parent=self,
        )
        self.last_recovery: RecoveryDialog | None = None
        self.last_history: HistoryDialog | None = None

    def editor_column(self, markdown: QWidget) -> QWidget:
        """The banner above the Markdown pane, as one widget for the splitter."""
        column = QWidget(self.window)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(markdown, 1)
        return column

    # --- the journal ---------------------------------------------------------

    def current_text(self) -> str:
        """The whole post as Save would write it now."""
        self.window.sync_body()
        return self.window.document.text()

    def journal_entry(self) -> JournalEntry | None:
        """The open post's full state, or None when nothing is unsaved."""
        w = self.window
        doc = w.document
        if not doc.dirty or doc.read_only:
            return None
        text = self.current_text()
        image = None
        header = doc.images.get(str(doc.post.get("image") or "")) if doc.post else None
        if header is not None:
            image = StagedImage(header.rel_path, data=header.data)
        # inline images the text refers to, not yet written: journalled with it
        inline = [
            StagedImage(im.rel_path, data=im.data).to_json()
            for im in doc.images.images()
            if im is not header and im.rel_path in text
        ]
        return JournalEntry(
            key=doc.journal_key,
            text=text,
            site_root=str(w.site.root),
            post_path=None if doc.path is None else str(doc.path),
            cursor=w.markdown.editor.textCursor().position(),
            raw=doc.raw,
            fields={"draft": doc.draft, "inline_images": inline},
            image=image,
            disk=doc.stamp,
        )

    def on_dirty(self, dirty: bool) -> None:
        if not dirty:
            self.autosaver.discard()  # saved, discarded, or undone back to the file

    def on_saved(self) -> None:
        doc = self.window.document
        if doc.stamp is None or doc.path is None:
            return
        if self.watch.post_path != doc.path:
            self.guard.opened(doc.path, doc.stamp)  # a new post got its file
        else:
            self.guard.saved(doc.stamp)

    def on_opened(self) -> None:
        doc = self.window.document
        self.guard.opened(doc.path, doc.stamp)

    def moved(self, old: Path, new: Path) -> None:
        """Published or renamed: the history follows the post, the watch the new file."""
        with contextlib.suppress(BylineError, OSError):  # history is a help, never a blocker
            self.history.move(self.window.site.root, old, new)
        self.on_opened()

    def watch_site(self) -> None:
        site = self.window.site
        self.watch.watch_folders([d for d in (site.posts_dir, site.drafts_dir) if d.is_dir()])

    def before_quit(self) -> None:
        self.autosaver.flush()

    def close(self) -> None:
        self.journal.close()

    # --- recovery ------------------------------------------------------------

    def offer_recovery(self) -> None:
        """At start-up: the posts a crashed or killed instance left unsaved."""
        try:
            entries = self.journal.recoverable()
        except (BylineError, OSError):
            return
        if not entries:
            return
        from editor.ui.dialogs.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(self.journal, entries, parent=self.window)
        dialog.restoreRequested.connect(self.open_recovered)
        self.last_recovery = dialog
        dialog.exec()

    def open_recovered(self, entry: JournalEntry) -> None:
        """Open a journal entry as an unsaved change of its post (or of a new post)."""
        w = self.window
        other_site = entry.site_root and Path(entry.site_root) != w.site.root
        if other_site and (not Path(entry.site_root).is_dir() or not w.open_site(entry.site_root)):
            return
        path = Path(entry.post_path) if entry.post_path else None
        if path is not None and path.is_file():
            if not w.open_post(path):
                return
        else:
            draft = bool(entry.fields.get("draft"))
            if not w.new_post(draft=draft):
                return
            w.document.path = path  # deleted or renamed since: Save writes it back
        doc = w.document
        doc.journal_key = entry.key
        staged = [entry.image] if entry.image is not None else []
        inline = entry.fields.get("inline_images")
        staged += [StagedImage.from_json(i) for i in inline] if isinstance(inline, list) else []
        for image in staged:
            if image is not None and image.data:
                doc.images.add(_processed(image))
        w.set_text_as_unsaved_change(entry.text, cursor=entry.cursor)
        self.autosaver.adopt(entry.key)

    # --- history -------------------------------------------------------------

    def show_history(self) -> None:
        w = self.window
        if w.document.path is None:
            prompts.show_error(w, "History", "This post has not been saved yet.")
            return
        from editor.ui.dialogs.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.history, w.site.root, w.document.path, self.current_text(), w)
        dialog.restoreRequested.connect(w.set_text_as_unsaved_change)
        self.last_history = dialog
        dialog.open()

    # --- changes made elsewhere ----------------------------------------------

    def show_loaded(self, loaded: LoadedPost) -> None:
        """The post changed on disk and there were no local edits: reload, keep the cursor."""
        w = self.window
        editor = w.markdown.editor
        position = editor.textCursor().position()
        scroll = editor.verticalScrollBar().value()
        if not w.reload_from_disk(loaded.path):
            return
        cursor = editor.textCursor()
        cursor.setPosition(min(position, len(w.markdown.text())))
        editor.setTextCursor(cursor)
        editor.verticalScrollBar().setValue(scroll)
        self.guard.expected_stamp = w.document.stamp
        self.watch.set_known(w.document.stamp)


def _processed(image: StagedImage) -> ProcessedImage:
    """A journalled header image back as a staged ProcessedImage."""
    data = image.data or b""
    size = QImage.fromData(data).size()
    return processed(data, size.width(), size.height(), image.source or "recovered image", True)
