"""Local history: every save keeps the version it replaces, in the app's data folder.

One folder per post (named by a hash of the site root and the post's path in it) holds
the last versions as `<nanoseconds>.md`, byte for byte, and a `post.json` naming the post.
Nothing is ever written inside the blog.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import StorageError
from editor.core.post.post import decode
from editor.core.safety.appdata import data_dir
from editor.core.safety.storage import atomic_write

KEEP = 30
_META = "post.json"


def post_key(site_root: str | os.PathLike[str] | None, post_path: str | os.PathLike[str]) -> str:
    """A stable name for one post of one site: the post's path inside the site when it is in it."""
    path = os.path.abspath(post_path)
    if site_root is None:
        return path
    root = os.path.abspath(site_root)
    rel = os.path.relpath(path, root)
    if rel.startswith(os.pardir):
        return path
    return root + "\0" + rel.replace(os.sep, "/")


@dataclass(frozen=True)
class Version:
    """One kept version: the bytes a save replaced, and when."""

    file: Path
    saved_at: dt.datetime  # when it was replaced (UTC)
    size: int

    def read_bytes(self) -> bytes:
        try:
            return self.file.read_bytes()
        except OSError as exc:
            raise StorageError(
                f"cannot read a kept version: {exc.strerror}", path=str(self.file)
            ) from exc

    def text(self) -> str:
        """The version's text (a BylineError if it was not UTF-8 text)."""
        return decode(self.read_bytes(), str(self.file))


class History:
    """The kept versions of every post; `folder` defaults to `<data dir>/history`."""

    def __init__(self, folder: str | os.PathLike[str] | None = None, *, keep: int = KEEP) -> None:
        self.folder = Path(folder) if folder is not None else data_dir() / "history"
        self.keep = keep

    def folder_for(
        self, site_root: str | os.PathLike[str] | None, post_path: str | os.PathLike[str]
    ) -> Path:
        key = post_key(site_root, post_path)
        return self.folder / hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def keep_version(
        self,
        site_root: str | os.PathLike[str] | None,
        post_path: str | os.PathLike[str],
        data: bytes,
    ) -> Version | None:
        """Keep `data` (the text a save is about to replace); None when it is already the newest."""
        folder = self.folder_for(site_root, post_path)
        newest = self.versions(site_root, post_path)
        if newest and newest[0].size == len(data) and newest[0].read_bytes() == data:
            return None
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StorageError(f"cannot keep history in {self.folder}: {exc.strerror}") from exc
        meta = folder / _META
        if not meta.exists():
            info = {"site_root": None if site_root is None else os.path.abspath(site_root),
                    "post_path": os.path.abspath(post_path)}  # fmt: skip
            atomic_write(meta, json.dumps(info, ensure_ascii=False).encode())
        stamp = time.time_ns()
        if newest:
            stamp = max(stamp, _stamp_of(newest[0].file) + 1)  # strictly increasing names
        file = folder / f"{stamp:020d}.md"
        atomic_write(file, data, exclusive=True)
        self._prune(folder)
        return Version(file, _time_of(stamp), len(data))

    def versions(
        self, site_root: str | os.PathLike[str] | None, post_path: str | os.PathLike[str]
    ) -> list[Version]:
        """Kept versions of one post, newest first."""
        return _list(self.folder_for(site_root, post_path))

    def diff(self, version: Version, current_text: str) -> str:
        """A unified diff from the kept version to the current text."""
        from editor.core.safety.textdiff import unified_diff  # difflib: only when asked

        label = version.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return unified_diff(version.text(), current_text, f"saved before {label}", "current")

    def restore_text(self, version: Version) -> str:
        """The text to put back in the editor (as an unsaved change)."""
        return version.text()

    def move(
        self,
        site_root: str | os.PathLike[str] | None,
        old_path: str | os.PathLike[str],
        new_path: str | os.PathLike[str],
    ) -> None:
        """Follow a rename: the versions of `old_path` become those of `new_path`."""
        old = self.folder_for(site_root, old_path)
        new = self.folder_for(site_root, new_path)
        if not old.is_dir() or old == new:
            return
        new.mkdir(parents=True, exist_ok=True, mode=0o700)
        for version in _list(old):
            with contextlib.suppress(OSError):
                os.replace(version.file, new / version.file.name)
        info = {"site_root": None if site_root is None else os.path.abspath(site_root),
                "post_path": os.path.abspath(new_path)}  # fmt: skip
        atomic_write(new / _META, json.dumps(info, ensure_ascii=False).encode())
        with contextlib.suppress(OSError):
            (old / _META).unlink()
            old.rmdir()
        self._prune(new)

    def _prune(self, folder: Path) -> None:
        for version in _list(folder)[self.keep :]:
            with contextlib.suppress(OSError):
                version.file.unlink()


def _stamp_of(file: Path) -> int:
    return int(file.stem)


def _time_of(stamp: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(stamp / 1e9, dt.UTC)


def _list(folder: Path) -> list[Version]:
    out = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if not name.endswith(".md") or not name[:-3].isdigit():
            continue
        try:
            size = entry.stat().st_size
        except OSError:
            continue
        stamp = int(name[:-3])
        out.append(Version(Path(entry.path), _time_of(stamp), size))
    out.sort(key=lambda v: v.file.name, reverse=True)
    return out
