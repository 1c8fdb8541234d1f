"""Renaming, merging and deleting a tag, category or author in every post that uses it.

`plan_rename` reads only the posts the site index says use an old value and works out each
one's new text (nothing is written): a preview with a diff per post. `apply_plan` saves
them one by one through the window's save path (atomic, local history, conflict check):
a post that cannot be changed is reported and the others are still done.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from editor.core.errors import BylineError, PostFormatError
from editor.core.index.site_index import SiteIndex
from editor.core.post.post import Post
from editor.core.safety.disk_stamp import DiskStamp
from editor.core.safety.history import History
from editor.core.safety.post_io import read_post, save_post
from editor.core.safety.storage import tidy_folder
from editor.core.safety.textdiff import unified_diff
from editor.core.terms.rewrite import renamed_values, rewrite_lines

Kind = Literal["tag", "category", "author"]
# the keys Jekyll reads each kind from, the usual first
KEYS: dict[str, tuple[str, ...]] = {
    "tag": ("tags", "tag"),
    "category": ("categories", "category"),
    "author": ("author", "authors"),
}
Progress = Callable[[int, int], None]
SAVERS = 8  # saves at once


@dataclass
class Change:
    """One post's edit: its text before and after, and the stamp it was read at."""

    path: Path
    rel_path: str
    before: str
    after: str
    post: Post
    stamp: DiskStamp
    keys: tuple[str, ...]  # the keys whose lines changed

    def diff(self) -> str:
        return unified_diff(self.before, self.after, f"a/{self.rel_path}", f"b/{self.rel_path}")


@dataclass
class Plan:
    """What renaming would do: the changes to make, and the posts that cannot be changed."""

    kind: Kind
    olds: tuple[str, ...]
    new: str | None  # None: delete
    changes: list[Change] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (rel_path, why)


@dataclass
class Applied:
    """What applying a plan did."""

    done: list[Change] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (rel_path, why)


def _entry_values(entry: Any, kind: Kind) -> Collection[str]:
    if kind == "tag":
        return entry.tags  # type: ignore[no-any-return]
    if kind == "category":
        return entry.categories  # type: ignore[no-any-return]
    return (entry.author,)


def plan_rename(
    index: SiteIndex,
    kind: Kind,
    olds: Sequence[str],
    new: str | None,
    progress: Progress | None = None,
) -> Plan:
    """The edits that rename `olds` to `new` (None: delete them) in every post using them."""
    if new is not None and not new.strip():
        raise BylineError(f"the new {kind} is empty; to remove the {kind}, delete it")
    wanted = set(olds)
    plan = Plan(kind, tuple(olds), new)
    entries = [e for e in index.entries() if wanted & set(_entry_values(e, kind))]
    for number, entry in enumerate(entries, start=1):
        try:
            change = _change_for(entry.path, entry.rel_path, kind, wanted, new, index)
        except BylineError as exc:
            plan.problems.append((entry.rel_path, exc.message))
        except OSError as exc:
            plan.problems.append((entry.rel_path, f"cannot be read: {exc.strerror or exc}"))
        else:
            if change is not None:
                plan.changes.append(change)
        if progress is not None:
            progress(number, len(entries))
    return plan


def _change_for(
    path: Path, rel: str, kind: Kind, olds: set[str], new: str | None, index: SiteIndex
) -> Change | None:
    site = index.site
    loaded = read_post(path, zone=site.zone, style=site.style)
    if loaded.post is None:
        assert loaded.error is not None
        raise loaded.error
    post = loaded.post
    touched = []
    for key in KEYS[kind]:
        if key not in post:
            continue
        if _rename_key(post, key, olds, new, words=kind != "author"):
            touched.append(key)
    after = post.to_text()
    if after == loaded.text:
        return None
    return Change(path, rel, loaded.text, after, post, loaded.stamp, tuple(touched))


def _rename_key(post: Post, key: str, olds: set[str], new: str | None, *, words: bool) -> bool:
    """Rename inside one key's lines; True when they changed. Raises when it cannot be done."""
    value = post.get(key)
    if isinstance(value, list):
        current = value
    elif isinstance(value, str):
        current = value.split() if words else [value]
    else:
        return False
    wanted = renamed_values(current, olds, new)
    if wanted == current:
        return False
    block = next(b for b in post.blocks if b.key == key)
    edited = rewrite_lines(block.lines, olds, new, post.style.item_quote, words=words)
    if edited is not None:
        lines, result = edited
        if _same(result, value, wanted, words=words):
            try:
                post.set_lines(key, lines)
            except BylineError:
                pass
            else:
                if _same(post.get(key), value, wanted, words=words):
                    return True
    # a shape the in-place edit does not know: the whole value, in the post's style
    if not wanted:
        if isinstance(value, list):
            post.set(key, [])
        else:
            post.remove(key)
        return True
    if isinstance(value, list):
        post.set(key, wanted)
    else:
        post.set(key, " ".join(wanted))
    if not _same(post.get(key), value, wanted, words=words):  # pragma: no cover - set() checks
        raise PostFormatError(f"{key} could not be rewritten in place")
    return True


def _same(result: Any, old: Any, wanted: list[Any], *, words: bool) -> bool:
    if isinstance(old, list):
        return isinstance(result, list) and [_text(v) for v in result] == [_text(v) for v in wanted]
    if isinstance(result, str):
        return (result.split() if words else [result]) == wanted
    return False


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def variants(counts: Mapping[str, int]) -> list[list[tuple[str, int]]]:
    """Values that differ only in case, spaces or punctuation (`Javascript`, `JavaScript`,
    `java-script`), each group most used first; groups in order of their first value."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for name, count in counts.items():
        groups.setdefault(_fold(name), []).append((name, count))
    found = [sorted(g, key=lambda nc: (-nc[1], nc[0])) for g in groups.values() if len(g) > 1]
    return sorted(found, key=lambda g: g[0][0].casefold())


def _fold(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold()) or name.casefold()


def apply_plan(
    plan: Plan,
    site_root: str | os.PathLike[str],
    *,
    history: History | None = None,
    skip: Collection[str] = (),
    progress: Progress | None = None,
) -> Applied:
    """Save every change not in `skip` (site-relative paths); each post on its own: one that
    fails (read-only, changed on disk since the preview, ...) is reported, the others saved."""
    applied = Applied()
    history = history or History()
    todo = [c for c in plan.changes if c.rel_path not in skip]
    results: dict[int, str | None] = {}

    def save(number: int) -> None:
        change = todo[number]
        try:
            save_post(
                change.post,
                change.path,
                site_root,
                history=history,
                expected=change.stamp,
                tidy=False,
            )
        except BylineError as exc:
            results[number] = exc.message
        else:
            results[number] = None

    # Each save waits mostly on the disk (fsync of the post, its folder, its kept version):
    # several at once let the file system commit them together. Every post stays its own
    # atomic save; no two threads touch the same file or history folder.
    with ThreadPoolExecutor(max_workers=SAVERS, thread_name_prefix="rename-save") as pool:
        for count, _ in enumerate(as_completed(pool.submit(save, n) for n in range(len(todo))), 1):
            if progress is not None:
                progress(count, len(todo))
    for number, change in enumerate(todo):
        why = results[number]
        if why is None:
            applied.done.append(change)
        else:
            applied.failed.append((change.rel_path, why))
    for folder, names in _by_folder(c.path for c in applied.done).items():
        tidy_folder(folder, names)
    return applied


def _by_folder(paths: Iterable[Path]) -> dict[Path, set[str]]:
    folders: dict[Path, set[str]] = {}
    for path in paths:
        folders.setdefault(path.parent, set()).add(path.name)
    return folders
