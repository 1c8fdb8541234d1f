"""Where a Jekyll site keeps its posts: `_posts/`, `_drafts/`, and category folders' `_posts/`."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import NamedTuple

POST_EXTENSIONS = (".md", ".markdown", ".html")
MAX_DEPTH = 3  # `news/world/_posts` is as deep as real sites go; deeper is not searched
# Folders Jekyll excludes by default, or that never hold posts and may be huge.
SKIPPED = frozenset({"node_modules", "vendor", "gemfiles", "assets", "images", "img"})


class PostFile(NamedTuple):
    path: str  # absolute
    rel_path: str  # relative to the site root, "/" separators
    draft: bool
    categories: tuple[str, ...]  # folders above `_posts/` (Jekyll adds them as categories)


class PostFolder(NamedTuple):
    path: str
    rel_path: str
    draft: bool
    categories: tuple[str, ...]


def _ignored(name: str) -> bool:
    """Names Jekyll skips (dot, underscore and `#` files, editor backups)."""
    return name[0] in "._#" or name.endswith("~")


def is_post_name(name: str) -> bool:
    return not _ignored(name) and name.lower().endswith(POST_EXTENSIONS)


def _note_mtime(folder: str, seen: dict[str, int] | None) -> None:
    """Record a folder's mtime before listing it (a change while listing shows up later)."""
    if seen is not None:
        try:
            seen[folder] = os.stat(folder).st_mtime_ns
        except OSError:
            seen[folder] = -1


def post_folders(
    root: str, exclude: Iterable[str] = (), seen: dict[str, int] | None = None
) -> list[PostFolder]:
    """Every `_posts/` and `_drafts/` folder of the site, the root's first.

    `seen` receives the mtime of every folder listed (see `folders_unchanged`).
    """
    excluded = {e.strip("/") for e in exclude if isinstance(e, str)}
    found: list[PostFolder] = []

    def visit(folder: str, rel: str, categories: tuple[str, ...], depth: int) -> None:
        _note_mtime(folder, seen)
        try:
            with os.scandir(folder) as it:
                dirs = sorted((e.name, e.path) for e in it if e.is_dir())
        except OSError:
            return
        for name, path in dirs:
            rel_path = f"{rel}{name}"
            if name in ("_posts", "_drafts"):
                found.append(PostFolder(path, rel_path, name == "_drafts", categories))
            elif (
                depth < MAX_DEPTH
                and not _ignored(name)
                and name not in SKIPPED
                and rel_path not in excluded
            ):
                visit(path, rel_path + "/", (*categories, name), depth + 1)

    visit(root, "", (), 0)
    found.sort(key=lambda f: (len(f.categories), f.rel_path))
    return found


def files_in(folder: PostFolder, seen: dict[str, int] | None = None) -> list[PostFile]:
    """The post files of one folder (its subfolders too), sorted by path."""
    out: list[PostFile] = []
    stack = [(folder.path, folder.rel_path + "/", 0)]
    draft, categories = folder.draft, folder.categories
    nested = False
    while stack:
        path, rel, depth = stack.pop()
        _note_mtime(path, seen)
        names: list[str] = []
        try:
            with os.scandir(path) as it:
                for entry in it:
                    name = entry.name
                    # folder symlinks are not followed (Jekyll's safe mode does not either)
                    if entry.is_dir(follow_symlinks=False):
                        if not _ignored(name) and depth < 8:
                            stack.append((entry.path, f"{rel}{name}/", depth + 1))
                            nested = True
                    elif (
                        name[0] not in "._#"
                        and name.lower().endswith(POST_EXTENSIONS)
                        and not name.endswith("~")
                    ):
                        names.append(name)
        except OSError:
            continue
        names.sort()
        prefix = f"{path}{os.sep}"
        out.extend([PostFile(prefix + name, rel + name, draft, categories) for name in names])
    if nested:  # files of subfolders go where their paths sort
        out.sort(key=lambda f: f.rel_path)
    return out


def walk_posts(
    root: str, exclude: Iterable[str] = (), seen: dict[str, int] | None = None
) -> list[PostFile]:
    """Every post file of the site (drafts included), sorted by folder then path.

    `seen` receives the mtime of every folder listed (see `folders_unchanged`).
    """
    out: list[PostFile] = []
    for folder in post_folders(root, exclude, seen):
        out.extend(files_in(folder, seen))
    return out


RACY_NS = 2_000_000_000  # a folder changed this recently may change again within its mtime tick


def trustworthy(seen: dict[str, int], listed_at_ns: int) -> dict[str, int] | None:
    """`seen` if every folder's mtime is old enough to tell a later change; else None."""
    if any(m < 0 or listed_at_ns - m < RACY_NS for m in seen.values()):
        return None
    return seen


def folders_unchanged(seen: dict[str, int] | None) -> bool:
    """True when no folder listed last time has gained, lost or renamed an entry since.

    Adding, removing or renaming a file changes its folder's mtime, so unchanged
    folders mean the same set of post files (their contents may still have changed).
    """
    if not seen:
        return False
    stat = os.stat
    try:
        return all(stat(folder).st_mtime_ns == mtime for folder, mtime in seen.items())
    except OSError:
        return False
