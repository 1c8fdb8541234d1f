"""What a file on disk looked like: mtime, size and MD5, to notice changes made elsewhere."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DiskStamp:
    mtime_ns: int
    size: int
    md5: str

    @classmethod
    def of(cls, data: bytes, st: os.stat_result) -> DiskStamp:
        return cls(st.st_mtime_ns, len(data), hashlib.md5(data, usedforsecurity=False).hexdigest())

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> DiskStamp | None:
        """The stamp of the file now, or None when it is missing or unreadable."""
        try:
            with open(path, "rb") as handle:
                st = os.fstat(handle.fileno())
                data = handle.read()
        except OSError:
            return None
        return cls.of(data, st)

    def same_content(self, other: DiskStamp | None) -> bool:
        return other is not None and other.size == self.size and other.md5 == self.md5

    def to_json(self) -> dict[str, Any]:
        return {"mtime_ns": self.mtime_ns, "size": self.size, "md5": self.md5}

    @classmethod
    def from_json(cls, data: Any) -> DiskStamp | None:
        if not isinstance(data, dict):
            return None
        try:
            return cls(int(data["mtime_ns"]), int(data["size"]), str(data["md5"]))
        except (KeyError, TypeError, ValueError):
            return None
