"""The autosave journal: the full state of every document with unsaved changes.

One JSON file per open document in `<data dir>/journal/`, written atomically, so a
kill while journalling leaves the previous entry intact. Entries of several posts,
sites and app instances coexist; each running instance holds a lock, so the next
start offers only the entries of instances that are gone (crashed or killed).
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import os
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from editor.core.errors import BylineError, StorageError
from editor.core.post.post import Post, decode, split_text
from editor.core.post.yaml_io import load_yaml
from editor.core.safety.appdata import data_dir
from editor.core.safety.disk_stamp import DiskStamp
from editor.core.safety.history import post_key
from editor.core.safety.storage import atomic_write

FORMAT = 1
DISCARDED_KEEP_SECONDS = 7 * 24 * 3600  # a discarded entry can still be dug out for a week

try:  # POSIX advisory locks tell a live instance from a dead one
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


@dataclass
class StagedImage:
    """A header image attached but not saved yet: its bytes, or the path it comes from."""

    name: str
    data: bytes | None = None
    source: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "data": None if self.data is None else base64.b64encode(self.data).decode("ascii"),
            "source": self.source,
        }

    @classmethod
    def from_json(cls, data: Any) -> StagedImage | None:
        if not isinstance(data, dict) or not isinstance(data.get("name"), str):
            return None
        raw = data.get("data")
        return cls(
            data["name"],
            base64.b64decode(raw) if isinstance(raw, str) else None,
            data.get("source") if isinstance(data.get("source"), str) else None,
        )


@dataclass
class JournalEntry:
    """Everything needed to rebuild one unsaved document.

    `text` is the whole post exactly as Save would write it (front matter and body), or
    the raw text when the front matter is broken (`raw`). `fields` is optional form state
    (JSON values) the window had not applied to the text yet.
    """

    key: str
    text: str
    site_root: str | None = None
    post_path: str | None = None  # None for a post never saved
    cursor: int = 0
    raw: bool = False
    fields: dict[str, Any] = field(default_factory=dict)
    image: StagedImage | None = None
    disk: DiskStamp | None = None  # the file on disk when the document was opened or saved
    saved_at: float = 0.0  # when journalled (seconds since the epoch)
    owner: str = ""  # the app instance that wrote it

    @classmethod
    def for_post(
        cls,
        key: str,
        post: Post,
        *,
        site_root: str | os.PathLike[str] | None = None,
        post_path: str | os.PathLike[str] | None = None,
        cursor: int = 0,
        image: StagedImage | None = None,
        disk: DiskStamp | None = None,
    ) -> JournalEntry:
        return cls(
            key=key,
            text=post.to_text(),
            site_root=None if site_root is None else os.path.abspath(site_root),
            post_path=None if post_path is None else os.path.abspath(post_path),
            cursor=cursor,
            image=image,
            disk=disk,
        )

    @property
    def front_matter(self) -> str:
        parts = split_text(self.text)
        return parts[2] if parts else ""

    @property
    def body(self) -> str:
        parts = split_text(self.text)
        return parts[4] if parts else self.text

    @property
    def title(self) -> str:
        """The post's title for a list (its file name, or its first line, when it has none)."""
        try:
            values = load_yaml(self.front_matter)
        except BylineError:
            values = None
        if isinstance(values, dict) and values.get("title"):
            return str(values["title"])
        if self.post_path:
            return Path(self.post_path).name
        first = self.body.strip().split("\n", 1)[0]
        return first[:80] or "Untitled post"

    @property
    def when(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.saved_at, dt.UTC)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "key": self.key,
            "site_root": self.site_root,
            "post_path": self.post_path,
            "text": self.text,
            "raw": self.raw,
            "fields": self.fields,
            "cursor": self.cursor,
            "image": None if self.image is None else self.image.to_json(),
            "disk": None if self.disk is None else self.disk.to_json(),
            "saved_at": self.saved_at,
            "owner": self.owner,
        }

    @classmethod
    def from_json(cls, data: Any) -> JournalEntry:
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise ValueError("not a journal entry")
        fields = data.get("fields")
        return cls(
            key=str(data["key"]),
            text=data["text"],
            site_root=data.get("site_root"),
            post_path=data.get("post_path"),
            cursor=int(data.get("cursor") or 0),
            raw=bool(data.get("raw")),
            fields=fields if isinstance(fields, dict) else {},
            image=StagedImage.from_json(data.get("image")),
            disk=DiskStamp.from_json(data.get("disk")),
            saved_at=float(data.get("saved_at") or 0.0),
            owner=str(data.get("owner") or ""),
        )


@dataclass(frozen=True)
class Comparison:
    """A journal entry against the post on disk now."""

    disk_text: str | None  # None: missing (deleted, renamed, never saved) or unreadable
    diff: str  # unified diff from disk to the journal ("" when equal)
    same: bool  # nothing to recover: the disk holds exactly the journalled text
    disk_changed: bool  # the file changed on disk after the editor opened it


def _random_id() -> str:
    """128 random bits in hex, as uuid4().hex (without importing uuid at start-up)."""
    return os.urandom(16).hex()


def compare_with_disk(entry: JournalEntry) -> Comparison:
    """Compare what the journal holds with the file on disk."""
    disk_text: str | None = None
    now: DiskStamp | None = None
    if entry.post_path:
        path = Path(entry.post_path)
        try:
            data = path.read_bytes()
            now = DiskStamp.of(data, path.stat())
            disk_text = decode(data, str(path))
        except (OSError, BylineError):
            disk_text = None
    same = disk_text == entry.text and entry.image is None
    disk_changed = entry.disk is not None and not entry.disk.same_content(now)
    from editor.core.safety.textdiff import unified_diff  # difflib: only when recovering

    diff = unified_diff(
        disk_text or "",
        entry.text,
        "on disk" if disk_text is not None else "(no file)",
        "recovered",
    )
    return Comparison(disk_text, diff, same, disk_changed)


class Journal:
    """The journal folder of this app instance; `folder` defaults to `<data dir>/journal`."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = Path(folder) if folder is not None else data_dir() / "journal"
        self.instance = _random_id()
        self.problems: list[BylineError] = []  # unreadable entries, kept on disk for a human
        self._lock: IO[bytes] | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StorageError(
                f"cannot create the journal folder {self.folder}: {exc.strerror}"
            ) from exc
        self._take_lock()

    # --- keys ----------------------------------------------------------------

    @staticmethod
    def key_for(site_root: str | os.PathLike[str] | None, post_path: str | os.PathLike[str]) -> str:
        """The key of a post with a file: the same post always gets the same key."""
        digest = hashlib.sha256(post_key(site_root, post_path).encode("utf-8", "surrogatepass"))
        return "post-" + digest.hexdigest()[:32]

    @staticmethod
    def new_key() -> str:
        """A key for a post that has never been saved."""
        return "new-" + _random_id()

    def _file(self, key: str) -> Path:
        if not key or "/" in key or "\\" in key or key.startswith("."):
            raise ValueError(f"bad journal key {key!r}")
        return self.folder / f"{key}.json"

    # --- writing -------------------------------------------------------------

    def write(self, entry: JournalEntry) -> Path:
        """Journal `entry` (atomically: a kill now leaves the previous entry whole)."""
        entry.saved_at = time.time()
        entry.owner = self.instance
        try:
            data = json.dumps(entry.to_json(), ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: JSON escapes keep it readable
            data = json.dumps(entry.to_json()).encode("ascii")
        return atomic_write(self._file(entry.key), data)

    def discard(self, key: str, *, keep_copy: bool = False) -> None:
        """Forget an entry (after a clean save); `keep_copy` moves it aside for a week instead."""
        file = self._file(key)
        try:
            if keep_copy:
                aside = self.folder / "discarded"
                aside.mkdir(exist_ok=True, mode=0o700)
                os.replace(file, aside / f"{key}-{time.time_ns()}.json")
            else:
                file.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise StorageError(
                f"cannot remove the journal entry: {exc.strerror}", path=str(file)
            ) from exc

    def rekey(self, entry: JournalEntry, new_key: str) -> None:
        """A new post got its file: journal it under its post key, then drop the old entry."""
        old = entry.key
        entry.key = new_key
        self.write(entry)
        if old != new_key:
            self.discard(old)

    # --- reading -------------------------------------------------------------

    def read(self, key: str) -> JournalEntry | None:
        file = self._file(key)
        try:
            return JournalEntry.from_json(json.loads(file.read_bytes()))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StorageError(f"unreadable journal entry: {exc}", path=str(file)) from exc

    def entries(self) -> list[JournalEntry]:
        """Every readable entry, newest first; unreadable ones are listed in `problems`."""
        self.problems = []
        out = []
        for file in sorted(self.folder.glob("*.json")):
            if file.name.startswith("."):
                continue
            try:
                entry = self.read(file.stem)
            except StorageError as exc:
                self.problems.append(exc)
                continue
            if entry is not None:
                out.append(entry)
        out.sort(key=lambda e: e.saved_at, reverse=True)
        return out

    def recoverable(self, *, include_same: bool = False) -> list[JournalEntry]:
        """Entries left by instances that are gone, whose text is not already on disk."""
        alive: dict[str, bool] = {}
        out = []
        for entry in self.entries():
            owner = entry.owner
            if owner not in alive:
                alive[owner] = owner == self.instance or self._is_alive(owner)
            if alive[owner]:
                continue
            if not include_same and compare_with_disk(entry).same:
                continue
            out.append(entry)
        return out

    def prune(self) -> None:
        """Drop entries of gone instances that hold nothing new, and old discarded copies."""
        for entry in self.recoverable(include_same=True):
            if compare_with_disk(entry).same:
                self.discard(entry.key)
        aside = self.folder / "discarded"
        cutoff = time.time() - DISCARDED_KEEP_SECONDS
        for file in aside.glob("*.json") if aside.is_dir() else []:
            with contextlib.suppress(OSError):
                if file.stat().st_mtime < cutoff:
                    file.unlink()

    # --- instance locks ------------------------------------------------------

    def _lock_file(self, instance: str) -> Path:
        return self.folder / "locks" / f"{instance}.lock"

    def _take_lock(self) -> None:
        if fcntl is None:
            return
        path = self._lock_file(self.instance)
        try:
            path.parent.mkdir(exist_ok=True, mode=0o700)
            handle = open(path, "wb")  # noqa: SIM115 - held open for the instance's life
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return  # without a lock, our entries look recoverable to others: safe side
        self._lock = handle
        # a Journal dropped without close() still releases its lock, without a warning
        weakref.finalize(self, handle.close)

    def _is_alive(self, instance: str) -> bool:
        if fcntl is None or not instance:
            return False
        path = self._lock_file(instance)
        try:
            handle = open(path, "rb")  # noqa: SIM115
        except OSError:
            return False
        with handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return True
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        with contextlib.suppress(OSError):
            path.unlink()
        return False

    def close(self) -> None:
        """Release this instance's lock (its remaining entries become recoverable)."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None
            with contextlib.suppress(OSError):
                self._lock_file(self.instance).unlink()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
