"""What the editor does to a post as a file: publish a draft, rename it, and text helpers."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from editor.core.errors import NameTakenError, StorageError
from editor.core.post.post import Post
from editor.core.post.slug import free_path, post_file_name, slugify, split_post_name
from editor.core.safety.storage import atomic_write, make_folder, real_target, taken
from editor.core.site.site import Site

WORDS_PER_MINUTE = 200
_WORD = re.compile(r"[\w'’-]+")
_INLINE_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\{%.*?%\}|\{\{.*?\}\}|<[^>]+>")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def reading_minutes(words: int) -> int:
    """Minutes to read `words` at a calm pace; at least one for any text."""
    return max(1, round(words / WORDS_PER_MINUTE)) if words else 0


def first_paragraph(body: str, limit: int = 300) -> str:
    """The first paragraph of prose in a Markdown body, as one plain line (for an excerpt)."""
    in_fence = False
    para: list[str] = []
    for line in body.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not stripped:
            if para:
                break
            continue
        if not para and (
            stripped.startswith(("#", ">", "|", "-", "*", "<", "{%"))
            or (stripped[0].isdigit() and ". " in stripped[:4])
        ):
            continue
        para.append(stripped)
    text = " ".join(para)
    text = _INLINE_MARKUP.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = re.sub(r"\[\^[^\]]*\]", "", text)
    text = re.sub(r"[*_`]+", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text


def is_draft(site: Site, path: Path) -> bool:
    return path.parent == site.drafts_dir or "_drafts" in path.relative_to(site.root).parts


def expected_path(site: Site, path: Path, post: Post) -> Path:
    """The name this post would get today from its title and date (same folder)."""
    slug = (
        slugify(str(post.get("title") or ""))
        if post.get("title")
        else split_post_name(path.stem)[1]
    )
    if is_draft(site, path):
        return path.with_name(f"{slug}{path.suffix}")
    date = post.date()
    day = date.date() if date else split_post_name(path.stem)[0] or dt.date.today()
    return path.with_name(post_file_name(day, slug, ext=path.suffix))


def name_date_mismatch(site: Site, path: Path, post: Post) -> dt.date | None:
    """The file name's date when it disagrees with the post's `date` (Jekyll uses `date`)."""
    if is_draft(site, path):
        return None
    day, _ = split_post_name(path.stem)
    date = post.date()
    if day is None or date is None or date.date() == day:
        return None
    return day


def _move(src: Path, dst: Path, site_root: Path) -> None:
    """Rename without ever replacing an existing entry, nor leaving the site."""
    if taken(dst):
        raise NameTakenError(f"{dst.name} already exists", path=str(dst))
    real_target(src, site_root)
    real_dst = real_target(dst, site_root)
    try:
        os.link(src, real_dst)
    except FileExistsError:
        raise NameTakenError(f"{dst.name} already exists", path=str(dst)) from None
    except OSError as exc:
        raise StorageError(
            f"could not rename to {dst.name}: {exc.strerror}", path=str(dst)
        ) from exc
    try:
        src.unlink()
    except OSError as exc:
        real_dst.unlink(missing_ok=True)
        raise StorageError(f"could not rename {src.name}: {exc.strerror}", path=str(src)) from exc


def rename_to_match(site: Site, path: Path, post: Post) -> Path:
    """Rename a saved post to the name its title and date give; returns the new path."""
    target = expected_path(site, path, post)
    if target == path:
        return path
    _move(path, target, site.root)
    post.path = str(target)
    return target


def publish_draft(site: Site, path: Path, post: Post, now: dt.datetime | None = None) -> Path:
    """Move `_drafts/slug.md` to `_posts/DATE-slug.md` with `date` set to now; the new path."""
    moment = (now or dt.datetime.now(site.zone)).replace(microsecond=0)
    post.set("date", moment)
    real_target(path, site.root)  # the draft is removed below: it must be the site's
    make_folder(site.posts_dir, site.root)
    stem = post_file_name(moment.astimezone(site.zone), path.stem, ext="")
    data = post.to_bytes()
    while True:
        target = free_path(site.posts_dir, stem, path.suffix)
        try:
            atomic_write(target, data, exclusive=True, site_root=site.root)
            break
        except NameTakenError:
            continue  # taken between choosing the name and writing it
    try:
        path.unlink()
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise StorageError(
            f"could not remove the draft {path.name}: {exc.strerror}", path=str(path)
        ) from exc
    post.path = str(target)
    return target


def unpublish(published: Path, draft: Path, draft_bytes: bytes, published_bytes: bytes) -> Path:
    """Undo `publish_draft`: `draft` written back with the bytes it had, `published` removed.

    Refused (StorageError) when the published file is no longer the one published (saved
    or edited since: undoing would lose that) or the draft's name was taken meanwhile.
    """
    try:
        now = published.read_bytes()
    except OSError as exc:
        raise StorageError(
            f"cannot undo: {published.name} cannot be read ({exc.strerror})", path=str(published)
        ) from None
    if now != published_bytes:
        raise StorageError(
            f"cannot undo: {published.name} changed after it was published", path=str(published)
        )
    draft.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(draft, draft_bytes, exclusive=True)  # never over another draft
    try:
        published.unlink()
    except OSError as exc:
        draft.unlink(missing_ok=True)
        raise StorageError(
            f"cannot undo: {published.name} could not be removed ({exc.strerror})",
            path=str(published),
        ) from exc
    return draft
