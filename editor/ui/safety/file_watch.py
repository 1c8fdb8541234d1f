"""Watch the open post and the site's post folders for changes made outside the editor.

Events are debounced (git checkouts and sync tools touch many files at once). The open
post is compared by content with what the editor last read or saved, so the app's own
saves and mere `touch`es are not reported. Atomic replaces (rename over the file) make
inotify drop the watch; the path is re-added after each event.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from editor.core.safety.disk_stamp import DiskStamp

DEBOUNCE_MS = 300


class FileWatch(QObject):
    """`postChangedOnDisk(path)`, `postRemovedOnDisk(path)`, `postFolderChanged()`."""

    postChangedOnDisk = Signal(Path)
    postRemovedOnDisk = Signal(Path)
    postFolderChanged = Signal()

    def __init__(self, parent: QObject | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file)
        self._watcher.directoryChanged.connect(self._on_dir)
        self._post: Path | None = None
        self._known: DiskStamp | None = None
        self._removed = False
        self._roots: list[Path] = []
        self._folders: set[str] = set()
        self._post_timer = self._timer(debounce_ms, self._check_post)
        self._folder_timer = self._timer(debounce_ms, self._check_folders)

    def _timer(self, ms: int, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # --- what to watch -------------------------------------------------------

    @property
    def post_path(self) -> Path | None:
        return self._post

    def watch_post(
        self, path: str | os.PathLike[str] | None, stamp: DiskStamp | None = None
    ) -> None:
        """Watch the open post; `stamp` is the content the editor holds (read now if None)."""
        if self._post is not None:
            self._remove(str(self._post))
            if str(self._post.parent) not in self._folders:
                self._remove(str(self._post.parent))
        self._post = None if path is None else Path(path)
        self._removed = False
        self._post_timer.stop()
        if self._post is None:
            self._known = None
            return
        self._known = stamp if stamp is not None else DiskStamp.read(self._post)
        self._add(str(self._post))
        self._add(str(self._post.parent))  # to see it removed, renamed or re-created

    def set_known(self, stamp: DiskStamp | None) -> None:
        """The editor saved or reloaded: this content is not a change made elsewhere."""
        self._known = stamp
        self._removed = stamp is None
        if self._post is not None:
            self._add(str(self._post))

    def watch_folders(self, folders: Iterable[str | os.PathLike[str]]) -> None:
        """Watch the site's post folders (and their subfolders) for added and removed files."""
        for folder in self._folders:
            if self._post is None or folder != str(self._post.parent):
                self._remove(folder)
        self._roots = [Path(f) for f in folders]
        self._folders = set()
        self._scan_folders()

    def watched(self) -> list[str]:
        return sorted(self._watcher.files() + self._watcher.directories())

    def _scan_folders(self) -> None:
        for root in self._roots:
            for folder, dirs, _ in os.walk(root):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                if folder not in self._folders:
                    self._folders.add(folder)
                    self._add(folder)

    def _add(self, path: str) -> None:
        if os.path.exists(path) and path not in self._watcher.files() + self._watcher.directories():
            self._watcher.addPath(path)

    def _remove(self, path: str) -> None:
        if path in self._watcher.files() + self._watcher.directories():
            self._watcher.removePath(path)

    # --- events --------------------------------------------------------------

    @Slot(str)
    def _on_file(self, path: str) -> None:
        if self._post is not None and path == str(self._post):
            self._post_timer.start()

    @Slot(str)
    def _on_dir(self, path: str) -> None:
        if self._post is not None and path == str(self._post.parent):
            self._post_timer.start()
        if path in self._folders or not os.path.exists(path):
            self._folder_timer.start()

    @Slot()
    def _check_post(self) -> None:
        post = self._post
        if post is None:
            return
        now = DiskStamp.read(post)
        if now is None:
            if not post.exists() and not self._removed:
                self._removed = True
                self.postRemovedOnDisk.emit(post)
            return
        self._add(str(post))  # an atomic replace dropped the watch
        self._removed = False
        if self._known is not None and self._known.same_content(now):
            return  # our own save, a touch, or back as it was
        self._known = now
        self.postChangedOnDisk.emit(post)

    @Slot()
    def _check_folders(self) -> None:
        gone = {f for f in self._folders if not os.path.isdir(f)}
        self._folders -= gone
        self._scan_folders()
        self.postFolderChanged.emit()
