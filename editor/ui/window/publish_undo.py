"""Undo Publish: the last published draft back in `_drafts/`, as it was before publishing.

Publish Draft moves and renames the file and sets its date at once; File > Undo Publish
takes that back while the published file is still exactly what was published.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.errors import BylineError
from editor.core.site import post_actions
from editor.ui.dialogs import prompts

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


@dataclass(frozen=True)
class _Published:
    draft: Path
    published: Path
    draft_bytes: bytes  # the draft as the author had it (unsaved edits included), no date
    published_bytes: bytes


class PublishUndo:
    """Remembers the last publish; `undo()` reverses it (the File menu's Undo Publish)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._last: _Published | None = None
        window.actions.undo_publish.setEnabled(False)
        window.actions.undo_publish.triggered.connect(self.undo)

    def remember(self, draft: Path, published: Path, draft_bytes: bytes) -> None:
        try:
            published_bytes = published.read_bytes()
        except OSError:
            return
        self._last = _Published(draft, published, draft_bytes, published_bytes)
        self.window.actions.undo_publish.setEnabled(True)

    def undo(self) -> bool:
        w, last = self.window, self._last
        if last is None:
            return False
        doc = w.document
        if doc.path == last.published and doc.dirty:
            prompts.show_error(w, "Undo Publish", "Save or revert your changes to "
                               f"{last.published.name} first: undoing would lose them.")  # fmt: skip
            return False
        try:
            post_actions.unpublish(last.published, last.draft, last.draft_bytes,
                                   last.published_bytes)  # fmt: skip
        except BylineError as exc:
            prompts.show_error(w, "Undo Publish", exc.message)
            return False
        self._last = None
        w.actions.undo_publish.setEnabled(False)
        w.sitewide.moved(last.published, last.draft)  # its goal and today's words
        w.spelling.moved(last.published, last.draft)  # the words ignored in it
        if doc.path == last.published:
            w.reload_from_disk(last.draft)
            w.safety.moved(last.published, last.draft)
        w.refresh_paths(last.published, last.draft)
        w.status.showMessage(f"Back in the drafts as {last.draft.name}", 6000)
        return True
