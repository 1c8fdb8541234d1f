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


def post_folders(root: str, exclude: Iterable[str] = ()) -> list[PostFolder]:
    """Every `_posts/` and `_drafts/` folder of the site, the root's first."""
    excluded = {e.strip("/") for e in exclude if isinstance(e, str)}
    found: list[PostFolder] = []

    def visit(folder: str, rel: str, categories: tuple[str, ...], depth: int) -> None:
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


def files_in(folder: PostFolder) -> list[PostFile]:
    """The post files of one folder (its subfolders too), sorted by path."""
    out: list[PostFile] = []
    stack = [(folder.path, folder.rel_path + "/", 0)]
    while stack:
        path, rel, depth = stack.pop()
        try:
            with os.scandir(path) as it:
                # folder symlinks are not followed (Jekyll's safe mode does not either)
                entries = [(e.name, e.path, e.is_dir(follow_symlinks=False)) for e in it]
        except OSError:
            continue
        draft, categories = folder.draft, folder.categories
        for name, child, is_dir in entries:
            if is_dir:
                if not _ignored(name) and depth < 8:
                    stack.append((child, f"{rel}{name}/", depth + 1))
            elif (
                name[0] not in "._#"
                and name.lower().endswith(POST_EXTENSIONS)
                and not name.endswith("~")
            ):
                out.append(PostFile(child, rel + name, draft, categories))
    out.sort(key=lambda f: f.rel_path)
    return out


def walk_posts(root: str, exclude: Iterable[str] = ()) -> list[PostFile]:
    """Every post file of the site (drafts included), sorted by folder then path."""
    out: list[PostFile] = []
    for folder in post_folders(root, exclude):
        out.extend(files_in(folder))
    return out
