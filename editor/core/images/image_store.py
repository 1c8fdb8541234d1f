"""Where processed images go: staged in memory, written into `assets/images/` on save.

Nothing touches the site until the post is saved: attaching stages the JPEG; saving writes
the staged images the post still uses (atomically, before the post); discarding the post
forgets them. A file is never deleted while any page of the site still refers to it.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.errors import NameTakenError, OutsideSiteError, StorageError
from editor.core.images.image_kinds import IMAGES_DIR, NAME_RE, ImageStoreError, ProcessedImage
from editor.core.safety.storage import atomic_write, make_folder, real_target

# a reference to a file in assets/images/, in any form: `image: assets/images/x.jpg`,
# `{{ site.baseurl }}/assets/images/x.jpg`, `{{ "/assets/images/x.jpg" | relative_url }}`...
_REFERENCE = re.compile(r"assets/images/([^\s\"'`()<>\[\]{}|?#\\]+)")
# files whose text may refer to an image (posts, pages, layouts, config, styles)
TEXT_SUFFIXES = frozenset(
    {".md", ".markdown", ".mkd", ".mkdn", ".html", ".htm", ".liquid", ".yml", ".yaml"}
    | {".json", ".xml", ".txt", ".css", ".scss", ".sass", ".js"}
)
_SKIP_DIRS = frozenset({"_site", "node_modules", "vendor", ".jekyll-cache", ".sass-cache"})


@dataclass
class Commit:
    """What one save wrote; `undo()` removes the files it created (if the post write fails)."""

    created: list[Path] = field(default_factory=list)
    existing: list[Path] = field(default_factory=list)  # already there, same bytes: untouched
    created_dirs: list[Path] = field(default_factory=list)

    site_root: Path | None = None

    def undo(self) -> None:
        """Remove the files this save created, unless another post refers to one by now
        (a second `byline new` of the same picture may have found it there meanwhile)."""
        for path in self.created:
            if self.site_root is not None and is_image_used(
                self.site_root, f"{IMAGES_DIR}/{path.name}"
            ):
                continue
            with contextlib.suppress(OSError):
                path.unlink()
        for folder in reversed(self.created_dirs):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only if empty
        self.created.clear()
        self.created_dirs.clear()


class ImageStage:
    """Images attached to one post since its last save, keyed by their `assets/images/` path."""

    def __init__(self) -> None:
        self._images: dict[str, ProcessedImage] = {}

    def add(self, image: ProcessedImage) -> str:
        """Stage an image; returns the path a post refers to it by. Nothing is written."""
        self._images[image.rel_path] = image
        return image.rel_path

    def discard(self, rel_path: str) -> None:
        self._images.pop(normalise(rel_path), None)

    def clear(self) -> None:
        self._images.clear()

    def get(self, rel_path: str) -> ProcessedImage | None:
        return self._images.get(normalise(rel_path))

    def images(self) -> list[ProcessedImage]:
        return list(self._images.values())

    def __contains__(self, rel_path: object) -> bool:
        return isinstance(rel_path, str) and normalise(rel_path) in self._images

    def __len__(self) -> int:
        return len(self._images)

    def commit(self, site_root: str | os.PathLike[str], *, used_in: str | None = None) -> Commit:
        """Write the staged images `used_in` (the post's text) refers to, or all without it.

        Written images leave the stage; unused ones stay staged (an undo in the editor may
        bring their reference back) and are never written. On failure the files this call
        created are removed again and ImageStoreError says which image and why.
        """
        wanted = self.images()
        if used_in is not None:
            refs = images_in_text(used_in)
            wanted = [im for im in wanted if im.rel_path in refs]
        commit = Commit(site_root=Path(site_root))
        try:
            for image in wanted:
                path = write_image(site_root, image, commit)
                if path is None:
                    commit.existing.append(Path(site_root) / image.rel_path)
        except BaseException:
            commit.undo()
            raise
        for image in wanted:
            self._images.pop(image.rel_path, None)
        return commit


def write_image(
    site_root: str | os.PathLike[str], image: ProcessedImage, commit: Commit | None = None
) -> Path | None:
    """Write one image as `assets/images/<md5>.jpg`; None when that file already holds it."""
    root = Path(site_root)
    folder = root / IMAGES_DIR
    target = folder / image.file_name
    missing = [p for p in (root / "assets", folder) if not p.is_dir()]
    try:
        make_folder(folder, root)
    except OutsideSiteError as exc:
        raise ImageStoreError(
            f"cannot store the image: {exc.message}", path=image.source or None
        ) from None
    except StorageError as exc:
        reason = exc.__cause__.strerror if isinstance(exc.__cause__, OSError) else None
        raise ImageStoreError(
            f"cannot create the folder {IMAGES_DIR}/ in the site: {reason or exc.message}",
            path=image.source or None,
        ) from None
    if commit is not None:
        commit.created_dirs.extend(missing)
    if _holds(target, image.data):
        return None
    try:
        # exclusive: a file of that name already there (another process just wrote the
        # same picture) is not ours to replace, nor to delete on undo
        atomic_write(target, image.data, exclusive=True, site_root=root)
    except NameTakenError:
        if _holds(target, image.data):
            return None
        # a damaged copy under the content's name: the right bytes replace it, but this
        # save did not create the file, so its undo never removes it
        try:
            atomic_write(target, image.data, site_root=root)
        except StorageError as exc:
            raise _store_error(exc, image) from exc
        return target
    except StorageError as exc:
        raise _store_error(exc, image) from exc
    if commit is not None:
        commit.created.append(target)
    return target


def _store_error(exc: StorageError, image: ProcessedImage) -> ImageStoreError:
    cause = exc.__cause__
    reason = cause.strerror if isinstance(cause, OSError) and cause.strerror else exc.message
    return ImageStoreError(
        f"could not store the image as {image.rel_path}: {reason}", path=image.source or None
    )


def _holds(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def normalise(ref: str) -> str:
    """`/assets/images/x.jpg`, `./assets/images/x.jpg` -> `assets/images/x.jpg`."""
    match = _REFERENCE.search(ref)
    return f"{IMAGES_DIR}/{match[1]}" if match else ref


def images_in_text(text: str) -> set[str]:
    """Every `assets/images/<file>` a post's text refers to (front matter and body)."""
    return {f"{IMAGES_DIR}/{m[1]}" for m in _REFERENCE.finditer(text)}


def _site_text_files(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            if os.path.splitext(name)[1].lower() in TEXT_SUFFIXES:
                yield Path(folder, name)


def image_users(
    site_root: str | os.PathLike[str],
    rel_path: str,
    *,
    exclude: Iterable[str | os.PathLike[str]] = (),
    first_only: bool = False,
) -> list[Path]:
    """The site's files (posts, drafts, pages, layouts, config, styles) referring to an image.

    `exclude` leaves out the post being edited, whose reference is about to go.
    """
    root = Path(site_root)
    file_name = normalise(rel_path).rsplit("/", 1)[-1]
    needle = file_name.encode("utf-8")
    skip = {os.path.realpath(p) for p in exclude}
    users: list[Path] = []
    for path in _site_text_files(root):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if needle not in data:
            continue
        if os.path.realpath(path) in skip:
            continue
        text = data.decode("utf-8", errors="replace")
        if any(m[1] == file_name for m in _REFERENCE.finditer(text)):
            users.append(path)
            if first_only:
                break
    return users


def is_image_used(
    site_root: str | os.PathLike[str],
    rel_path: str,
    *,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> bool:
    """Whether any file of the site (but those in `exclude`) still refers to the image."""
    return bool(image_users(site_root, rel_path, exclude=exclude, first_only=True))


def delete_if_unused(
    site_root: str | os.PathLike[str],
    rel_path: str,
    *,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> bool:
    """Delete an `assets/images/<md5>.jpg` nothing else refers to; True if it was deleted.

    Only content-named images are ever deleted: a file an author put there by hand stays.
    """
    rel = normalise(rel_path)
    stem, _, ext = rel.rsplit("/", 1)[-1].rpartition(".")
    if not rel.startswith(f"{IMAGES_DIR}/") or ext != "jpg" or not NAME_RE.fullmatch(stem):
        return False
    if is_image_used(site_root, rel, exclude=exclude):
        return False
    try:
        real_target(Path(site_root) / rel, site_root).unlink()
    except (OSError, StorageError):  # an `assets/images` linked outside: not ours to delete
        return False
    return True
