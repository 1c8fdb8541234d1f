"""The words the author chose to *Ignore in This Post*, kept per post across restarts.

One JSON file in Byline's data folder (`spelling/ignored.json`): {site folder: {post path
under it (with `/`): [words]}}. A post outside any site is kept under "" by its full path.
The file is small (a few words per post that has any) and is rewritten whole, atomically;
an unreadable or damaged file is an empty one (ignoring words is a convenience: losing
it must never stop anything).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from editor.core.safety.storage import atomic_write

FILE = Path("spelling") / "ignored.json"
MAX_BYTES = 5_000_000  # larger is not this file


def _keys(site_root: Path | None, post: Path) -> tuple[str, str]:
    if site_root is None:
        return "", os.path.abspath(post)
    root = os.path.abspath(site_root)
    try:
        return root, Path(os.path.relpath(os.path.abspath(post), root)).as_posix()
    except ValueError:  # another drive (Windows)
        return "", os.path.abspath(post)


def _read(file: Path) -> dict[str, dict[str, list[str]]]:
    try:
        if file.stat().st_size > MAX_BYTES:
            return {}
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    out: dict[str, dict[str, list[str]]] = {}
    for site, posts in data.items():
        if isinstance(posts, dict):
            out[site] = {
                p: [w for w in words if isinstance(w, str)]
                for p, words in posts.items()
                if isinstance(words, list)
            }
    return out


def ignored_words(data_dir: Path, site_root: Path | None, post: Path) -> set[str]:
    """The words ignored in `post` (a file of the site at `site_root`, or of none)."""
    site, rel = _keys(site_root, post)
    return set(_read(data_dir / FILE).get(site, {}).get(rel, []))


def ignore_word(data_dir: Path, site_root: Path | None, post: Path, word: str) -> None:
    """Remember that `word` is to be ignored in `post` (raises StorageError when the data
    folder cannot be written)."""
    file = data_dir / FILE
    site, rel = _keys(site_root, post)
    data = _read(file)
    words = data.setdefault(site, {}).setdefault(rel, [])
    if word in words:
        return
    words.append(word)
    _write(file, data)


def move_ignored(data_dir: Path, site_root: Path | None, old: Path, new: Path) -> None:
    """A post published or renamed from `old` to `new` keeps the words ignored in it
    (raises StorageError when the data folder cannot be written)."""
    file = data_dir / FILE
    data = _read(file)
    old_site, old_rel = _keys(site_root, old)
    words = data.get(old_site, {}).pop(old_rel, None)
    if not words:
        return
    new_site, new_rel = _keys(site_root, new)
    kept = data.setdefault(new_site, {}).setdefault(new_rel, [])
    kept.extend(w for w in words if w not in kept)
    if not data[old_site]:
        del data[old_site]
    _write(file, data)


def _write(file: Path, data: dict[str, dict[str, list[str]]]) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    atomic_write(file, text.encode("utf-8"), durable=False)
