"""Word goals per post and the words written today, in Byline's data folder (never in a post).

Words written today are counted per post against the count the post had when it was first
seen today: writing 300 words and deleting 100 counts 200; a post that shrinks counts 0.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import Any

from editor.core.errors import BylineError
from editor.core.safety.history import post_key
from editor.core.safety.storage import atomic_write

FILE = "writing-goals.json"
KEEP_DAYS = 7


class Goals:
    """The goals and today's counts, read once and written when they change."""

    def __init__(self, folder: Path, site_root: Path) -> None:
        self.file = folder / FILE
        self.site_root = site_root
        self._data: dict[str, Any] = {"goals": {}, "days": {}}
        self._saved: bytes | None = None  # what the file holds, once known
        with contextlib.suppress(OSError, ValueError, TypeError):
            loaded = json.loads(self.file.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._data["goals"] = dict(loaded.get("goals") or {})
                self._data["days"] = dict(loaded.get("days") or {})
                self._saved = self._encoded()

    def _key(self, path: Path) -> str:
        return post_key(self.site_root, path)

    def goal(self, path: Path | None) -> int | None:
        if path is None:
            return None
        value = self._data["goals"].get(self._key(path))
        return value if isinstance(value, int) and value > 0 else None

    def set_goal(self, path: Path, words: int | None) -> None:
        goals = self._data["goals"]
        if words:
            goals[self._key(path)] = int(words)
        else:
            goals.pop(self._key(path), None)
        self.save()

    def moved(self, old: Path, new: Path) -> None:
        """A post renamed or published keeps its goal and today's count."""
        goals = self._data["goals"]
        if self._key(old) in goals:
            goals[self._key(new)] = goals.pop(self._key(old))
        for day in self._data["days"].values():
            if isinstance(day, dict) and self._key(old) in day:
                day[self._key(new)] = day.pop(self._key(old))

    def count(self, path: Path | None, words: int, today: dt.date | None = None) -> int:
        """Record the post's current word count; returns the words written today in all."""
        day = (today or dt.date.today()).isoformat()
        days = self._data["days"]
        counts = days.setdefault(day, {})
        if path is not None:
            key = self._key(path)
            start, _ = counts.get(key, (words, words))
            counts[key] = [start, words]
        for old in sorted(days)[:-KEEP_DAYS]:
            del days[old]
        return self.today(today)

    def start_new(self, path: Path, words: int = 0, today: dt.date | None = None) -> None:
        """A post created today: all of its words are today's."""
        day = (today or dt.date.today()).isoformat()
        self._data["days"].setdefault(day, {})[self._key(path)] = [0, words]

    def today(self, today: dt.date | None = None) -> int:
        counts = self._data["days"].get((today or dt.date.today()).isoformat(), {})
        return sum(max(0, now - start) for start, now in counts.values())

    def _encoded(self) -> bytes:
        return json.dumps(self._data, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def save(self) -> None:
        data = self._encoded()
        if data == self._saved:
            return  # unchanged (a post opened again): no write on the way to the window
        with contextlib.suppress(OSError, BylineError):
            self.file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.file, data, durable=False)  # it only costs a count if lost
            self._saved = data
