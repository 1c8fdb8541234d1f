"""The open post: its Post (or raw text when the front matter is broken), path and dirty state.

The document talks to the core; widgets talk to the document. Body text lives in the
Markdown pane's QTextDocument while typing and is handed over only when needed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from editor.core.errors import BylineError, EncodingError, PostFormatError
from editor.core.images.image_store import ImageStage
from editor.core.post.post import BOM, Post, parse_post
from editor.core.safety.disk_stamp import DiskStamp
from editor.core.safety.history import History
from editor.core.safety.journal import Journal
from editor.core.safety.post_io import read_file, save_post
from editor.core.site import post_actions
from editor.core.site.site import Site


class Document(QObject):
    """One open post. `raw`: the front matter is broken, so the whole file is shown as text."""

    loaded = Signal()
    dirtyChanged = Signal(bool)
    rawChanged = Signal(bool)
    fieldsChanged = Signal()  # the front matter changed (form edit or raw fix)
    saved = Signal(object)  # Path

    def __init__(self, site: Site, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.site = site
        self.path: Path | None = None
        self.post: Post | None = None
        self.draft = False
        self.error: BylineError | None = None
        self.raw_text = ""  # the raw file as edited (LF, no BOM) in raw mode
        self._original: bytes = b""
        self._raw_crlf = False
        self._raw_bom = False
        self.read_only = False
        self._fields_dirty = False
        self._body_dirty = False
        self.stamp: DiskStamp | None = None  # the file as last read or saved
        self.images = ImageStage()  # images attached since the last save: written on Save
        self.journal_key = Journal.new_key()

    # --- state ---------------------------------------------------------------

    @property
    def raw(self) -> bool:
        return self.post is None

    @property
    def is_new(self) -> bool:
        return self.path is None

    @property
    def dirty(self) -> bool:
        return self._fields_dirty or self._body_dirty

    def _set_fields_dirty(self, value: bool) -> None:
        was = self.dirty
        self._fields_dirty = value
        if self.dirty != was:
            self.dirtyChanged.emit(self.dirty)

    def set_body_dirty(self, value: bool) -> None:
        """The Markdown pane's modified flag (undoing back to the saved text clears it)."""
        was = self.dirty
        self._body_dirty = value
        if self.dirty != was:
            self.dirtyChanged.emit(self.dirty)

    def discard_changes(self) -> None:
        """The author chose Discard: nothing left to save (the file on disk is untouched)."""
        self._fields_dirty = self._body_dirty = False
        self.images.clear()  # no orphan file: staged images were never written
        self.dirtyChanged.emit(False)

    def title(self) -> str:
        if self.post is not None and self.post.get("title"):
            return str(self.post.get("title"))
        if self.path is not None:
            return self.path.name
        return "New draft" if self.draft else "New post"

    # --- loading -------------------------------------------------------------

    def load(self, path: Path) -> None:
        """Open a post file; broken front matter opens in raw mode with `error` set."""
        data, self.stamp = read_file(path)
        self.images.clear()
        self.path = path
        self.journal_key = Journal.key_for(self.site.root, path)
        self.draft = post_actions.is_draft(self.site, path) if self._inside_site(path) else False
        self._original = data
        self.read_only = False
        try:
            self.post = parse_post(data, path=str(path), zone=self.site.zone, style=self.site.style)
            self.error = None
        except BylineError as exc:
            self._enter_raw(data, exc)
        self._fields_dirty = self._body_dirty = False
        self.loaded.emit()
        self.dirtyChanged.emit(False)

    def restore_text(self, text: str) -> None:
        """Take a whole post's text (from the journal or history) as an unsaved change."""
        self.read_only = False
        try:
            self.post = parse_post(text, path=str(self.path or ""), zone=self.site.zone,
                                   style=self.site.style)  # fmt: skip
            self.error = None
        except PostFormatError as exc:
            self._enter_raw(text.encode("utf-8", "surrogatepass"), exc)
        self._fields_dirty = True
        self.loaded.emit()
        self.dirtyChanged.emit(True)

    def _inside_site(self, path: Path) -> bool:
        try:
            path.resolve().relative_to(self.site.root)
        except ValueError:
            return False
        return True

    def _enter_raw(self, data: bytes, exc: BylineError) -> None:
        self.post = None
        self.error = exc
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
            self.read_only = isinstance(exc, EncodingError)
        self._raw_bom = text.startswith(BOM)
        text = text.removeprefix(BOM)
        self._raw_crlf = "\r\n" in text
        self.raw_text = text.replace("\r\n", "\n")

    def new(self, *, draft: bool, layout: str, author: str, now: dt.datetime | None = None) -> None:
        """A new, unsaved post pre-filled with the site's usual layout and author."""
        fields: dict[str, Any] = {"layout": layout, "title": ""}
        if not draft:
            fields["date"] = (now or dt.datetime.now(self.site.zone)).replace(microsecond=0)
        if author:
            fields["author"] = author
        fields["categories"] = []
        fields["tags"] = []
        self.post = self.site.new_post(fields, "")
        self.path = None
        self.stamp = None
        self.images.clear()
        self.journal_key = Journal.new_key()
        self.draft = draft
        self.error = None
        self._original = b""
        self.read_only = False
        self._fields_dirty = self._body_dirty = False
        self.loaded.emit()
        self.dirtyChanged.emit(False)

    # --- editing -------------------------------------------------------------

    def set_field(self, key: str, value: Any) -> None:
        if self.post is None:
            return
        before = self.post.front_matter_text
        if value is None:
            self.post.remove(key)
        else:
            self.post.set(key, value)
        if self.post.front_matter_text != before:
            self._set_fields_dirty(True)
            self.fieldsChanged.emit()

    def set_raw_field(self, key: str, yaml_text: str) -> None:
        """Set one key from YAML text; raises PostFormatError when the text is not YAML."""
        if self.post is None:
            return
        before = self.post.front_matter_text
        self.post.set_raw(key, yaml_text)
        if self.post.front_matter_text != before:
            self._set_fields_dirty(True)
            self.fieldsChanged.emit()

    def body_text(self) -> str:
        return self.post.body_for_editing() if self.post is not None else self.raw_text

    def set_body(self, text: str) -> None:
        """Take the pane's text (the body, or the whole file in raw mode)."""
        if self.post is not None:
            self.post.set_body_from_editor(text)
        else:
            self.raw_text = text

    def try_leave_raw(self, text: str) -> bool:
        """In raw mode: parse the edited file; when it is whole again, go back to the form."""
        if self.post is not None:
            return True
        if self.read_only:
            return False  # shown with replacement characters: never to be parsed or saved
        self.raw_text = text
        try:
            post = parse_post(self._raw_bytes(), path=str(self.path or ""), zone=self.site.zone,
                              style=self.site.style)  # fmt: skip
        except PostFormatError as exc:
            self.error = exc
            return False
        self.post = post
        self.error = None
        self._fields_dirty = True
        self.rawChanged.emit(False)
        self.fieldsChanged.emit()
        return True

    def _raw_bytes(self) -> bytes:
        text = self.raw_text.replace("\n", "\r\n") if self._raw_crlf else self.raw_text
        return ((BOM if self._raw_bom else "") + text).encode("utf-8")

    # --- saving --------------------------------------------------------------

    def to_bytes(self) -> bytes:
        if self.post is not None:
            return self.post.to_bytes()
        data = self._raw_bytes()
        # unedited raw text goes back exactly as it came, whatever was lossy on the way in
        if self._original and data == self._roundtrip_original():
            return self._original
        return data

    def _roundtrip_original(self) -> bytes:
        text = self._original.decode("utf-8", errors="replace").removeprefix(BOM)
        text = text.replace("\r\n", "\n")
        text = text.replace("\n", "\r\n") if self._raw_crlf else text
        return ((BOM if self._raw_bom else "") + text).encode("utf-8")

    def text(self) -> str:
        """The whole post as Save would write it (what the journal and history compare)."""
        return self.to_bytes().decode("utf-8", "surrogatepass")

    def save(
        self,
        *,
        history: History | None = None,
        expected: DiskStamp | None = None,
        warnings: list[BylineError] | None = None,
    ) -> Path:
        """Write the staged images the post uses, then the post (a new one gets its name now).

        `expected`: the file as the editor knows it (ConflictError if it changed since).
        Raises BylineError with the reason; a failed post write removes the images it wrote.
        """
        if self.read_only:
            raise EncodingError("this file is not UTF-8 text; Byline will not overwrite it")
        new = self.path is None
        if self.path is None:
            assert self.post is not None
            path = self.site.path_for_new(self.post, draft=self.draft)
        else:
            path = self.path
        data = self.to_bytes()
        text = data.decode("utf-8", "surrogatepass")
        staged = self.images.images()
        commit = self.images.commit(self.site.root, used_in=text)
        try:
            content: Post | str = self.post if self.post is not None else text
            stamp = save_post(content, path, self.site.root, history=history,
                              expected=None if new else expected, new=new,
                              warnings=warnings)  # fmt: skip
        except BaseException:
            commit.undo()
            for image in staged:  # staged again for the next try: nothing is lost
                self.images.add(image)
            raise
        if self.post is not None:
            self.post.path = str(path)
        self.path = path
        self.journal_key = Journal.key_for(self.site.root, path)
        self.stamp = stamp
        self._original = data
        self._fields_dirty = False
        self._body_dirty = False
        self.saved.emit(path)
        self.dirtyChanged.emit(False)
        return path

    def moved(self, path: Path, *, draft: bool) -> None:
        """The file was renamed or published (the core did the move)."""
        self.path = path
        self.draft = draft
        self._original = path.read_bytes()
        self.stamp = DiskStamp.read(path)
        self.journal_key = Journal.key_for(self.site.root, path)
        self._fields_dirty = self._body_dirty = False
        self.saved.emit(path)
        self.dirtyChanged.emit(False)
