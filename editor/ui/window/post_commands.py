"""The main window's commands on the open post's file: Save, Revert, Publish Draft,
Rename to Match Title and Date, Reveal in File Manager.

A mixin of MainWindow (main_window.py); the file work itself is in editor.core (through
Document.save and post_actions), never here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from editor.core.errors import BylineError, ConflictError
from editor.core.site import post_actions
from editor.ui.dialogs import prompts


class PostCommands:
    """Saving the open post and moving its file, each failure said in a dialog."""

    def save(self) -> bool:
        """Save through the core; on failure say why and keep everything in the editor."""
        self.sync_body()
        safety = self.safety
        warnings: list[BylineError] = []
        try:
            path = self.document.save(history=safety.history,
                                      expected=safety.guard.expected_stamp, warnings=warnings)  # fmt: skip
        except ConflictError as exc:
            if self.document.path is not None:
                safety.banner.show_changed(self.document.path)
            prompts.show_error(self, "Not saved", f"{exc.message}\n\nUse the bar above the text "
                               "to compare, reload, or keep yours.")  # fmt: skip
            return False
        except BylineError as exc:
            prompts.show_error(self, "Could not save", f"The post was not saved: {exc.message}\n\n"
                               "Your text is still in the editor.")  # fmt: skip
            return False
        except OSError as exc:
            prompts.show_error(self, "Could not save", f"The post was not saved: {exc}")
            return False
        self.markdown.set_modified(False)
        safety.on_saved()
        note = f" (history not kept: {warnings[0].message})" if warnings else ""
        self.status.showMessage(f"Saved {path.name}{note}", 4000)
        return True

    def _on_saved(self, path: Path) -> None:
        self._refresh_paths(path)
        self._idle.start()  # warnings about what the save changed (an image written) go now
        self.post_list.select_path(path)
        self.actions.publish.setEnabled(self.document.draft)
        self._update_title()

    def revert(self) -> None:
        if self.document.path is None:
            return
        if self.document.dirty and not prompts.confirm_revert(self):
            return
        self._load(self.document.path)

    def publish_draft(self) -> bool:
        doc = self.document
        if not doc.draft or doc.path is None or doc.post is None:
            return False
        self.sync_body()
        old = doc.path
        before = doc.post.to_bytes()  # what Undo Publish writes back
        try:
            new = post_actions.publish_draft(
                self.site, old, doc.post, dt.datetime.now(self.site.zone)
            )
        except BylineError as exc:
            prompts.show_error(self, "Publish Draft", str(exc))
            return False
        doc.moved(new, draft=False)
        self.markdown.set_modified(False)
        self.safety.moved(old, new)
        self.sitewide.moved(old, new)
        self.spelling.moved(old, new)
        self._refresh_paths(old, new)
        self._show_document()
        self.publish_undo.remember(old, new, before)
        self.status.showMessage(
            f"Published as {new.name} (File > Undo Publish takes it back)", 10000
        )
        return True

    def rename_to_match(self) -> bool:
        doc = self.document
        if doc.path is None or doc.post is None:
            return False
        if doc.dirty and not self.save():
            return False
        old = doc.path
        try:
            new = post_actions.rename_to_match(self.site, old, doc.post)
        except BylineError as exc:
            prompts.show_error(self, "Rename", str(exc))
            return False
        if new != old:
            doc.moved(new, draft=doc.draft)
            self.safety.moved(old, new)
            self.sitewide.moved(old, new)
            self.spelling.moved(old, new)
            self._refresh_paths(old, new)
            self._show_document()
        return True

    def _reveal(self) -> None:
        target = self.document.path.parent if self.document.path else self.site.root
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
