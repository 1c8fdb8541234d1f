"""Reading and saving one post file: clear errors, nothing outside the site, history kept."""

from __future__ import annotations

import datetime as dt
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import (
    BylineError,
    ConflictError,
    FileTooLargeError,
    NameTakenError,
    OutsideSiteError,
    PostFormatError,
    ReadOnlyError,
    StorageError,
)
from editor.core.post.dates import UTC
from editor.core.post.house_style import DEFAULT_STYLE, HouseStyle
from editor.core.post.post import Post, decode, parse_post
from editor.core.safety.disk_stamp import DiskStamp
from editor.core.safety.history import History
from editor.core.safety.storage import (
    atomic_write,
    make_folder,
    real_target,
    remove_stale_temps,
    taken,
)

MAX_POST_BYTES = 16 * 1024 * 1024  # the longest real posts are well under 1 MB


@dataclass
class LoadedPost:
    """A post file as read: the parsed post, or its raw text and why the form cannot show it."""

    path: Path
    text: str
    stamp: DiskStamp
    post: Post | None
    error: PostFormatError | None  # set when `post` is None: edit `text` raw


def read_file(path: Path) -> tuple[bytes, DiskStamp]:
    """A post file's bytes and stamp; refuses pipes, folders and files too large to be posts."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode) and not path.is_dir():
            # a pipe or a device named .md would block or never end
            raise StorageError(f"{path.name} is not a regular file", path=str(path))
    except OSError as exc:
        raise StorageError(
            f"cannot read {path.name}: {exc.strerror or exc}", path=str(path)
        ) from exc
    try:
        with open(path, "rb") as handle:
            st = os.fstat(handle.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise StorageError(f"{path.name} is a folder, not a post", path=str(path))
            if st.st_size > MAX_POST_BYTES:
                raise FileTooLargeError(
                    f"{path.name} is {st.st_size / 2**20:.1f} MB; Byline opens posts up to "
                    f"{MAX_POST_BYTES // 2**20} MB (it is left untouched)",
                    path=str(path),
                )
            data = handle.read(MAX_POST_BYTES + 1)
    except IsADirectoryError as exc:
        raise StorageError(f"{path.name} is a folder, not a post", path=str(path)) from exc
    except OSError as exc:
        raise StorageError(
            f"cannot read {path.name}: {exc.strerror or exc}", path=str(path)
        ) from exc
    if len(data) > MAX_POST_BYTES:
        raise FileTooLargeError(f"{path.name} is too large to be a post", path=str(path))
    return data, DiskStamp.of(data, st)


def read_post(
    path: str | os.PathLike[str], *, zone: dt.tzinfo = UTC, style: HouseStyle = DEFAULT_STYLE
) -> LoadedPost:
    """Read a post; broken front matter gives the raw text and the error instead of raising.

    Raises only for files that are no text at all (binary, not UTF-8, too large, unreadable).
    """
    file = Path(path)
    data, stamp = read_file(file)
    text = decode(data, str(file))
    try:
        post = parse_post(text, path=str(file), zone=zone, style=style)
    except PostFormatError as exc:
        return LoadedPost(file, text, stamp, None, exc)
    return LoadedPost(file, text, stamp, post, None)


def load_post(
    path: str | os.PathLike[str], *, zone: dt.tzinfo = UTC, style: HouseStyle = DEFAULT_STYLE
) -> Post:
    """Read and parse a post; any problem is a BylineError naming the file and line."""
    loaded = read_post(path, zone=zone, style=style)
    if loaded.post is None:
        assert loaded.error is not None
        raise loaded.error
    return loaded.post


def inside(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> bool:
    """True when `path` (as written, `..` resolved, symlinks not followed) is inside `root`."""
    p = os.path.abspath(path)
    r = os.path.abspath(root)
    return os.path.commonpath([p, r]) == r and p != r


def save_post(
    post: Post | str,
    path: str | os.PathLike[str],
    site_root: str | os.PathLike[str],
    *,
    history: History | None = None,
    expected: DiskStamp | None = None,
    new: bool = False,
    warnings: list[BylineError] | None = None,
    tidy: bool = True,
) -> DiskStamp:
    """Save a post (or raw text) atomically and return the new file's stamp.

    - refuses a path outside `site_root` (OutsideSiteError);
    - `new`: the file must not exist yet (NameTakenError otherwise);
    - `expected`: the stamp the editor opened; a file changed since is a ConflictError
      (pass None to overwrite, e.g. after "Keep mine");
    - keeps the replaced version in `history` before replacing it (a history that cannot
      be written does not stop the save: the problem is appended to `warnings`);
    - a Post is re-read from the bytes about to be written: what is saved is what was shown.
    - `tidy`: remove temp files a killed save left beside it (a scan of the folder: a
      caller saving many posts of one folder does it once, at the end).
    Every failure leaves the file on disk as it was.
    """
    target = Path(path)
    if not inside(target, site_root):
        raise OutsideSiteError(
            f"{target} is outside the site folder {site_root}; it was not saved", path=str(target)
        )
    if new and taken(target):
        raise NameTakenError(f"{target.name} already exists", path=str(target))
    real_target(target, site_root)  # through symlinks too; raises OutsideSiteError
    if isinstance(post, Post):
        data = post.to_bytes()
        _check_reads_back(post, data, str(target))
    else:
        data = post.encode("utf-8", "surrogatepass")
    if not target.parent.is_dir():
        make_folder(target.parent, site_root)
    old: bytes | None = None
    if not new and target.exists():
        old, now = read_file(target)
        if expected is not None and not expected.same_content(now):
            raise ConflictError(
                f"{target.name} changed on disk since it was opened; reload it or keep yours",
                path=str(target),
            )
        mode = target.stat().st_mode
        if not mode & stat.S_IWUSR:
            raise ReadOnlyError(
                f"{target.name} is read-only, so it was not saved", path=str(target)
            )
    if old == data:
        written = target
    else:
        if old is not None and history is not None:
            try:
                history.keep_version(site_root, target, old)
            except BylineError as exc:
                if warnings is None:
                    raise
                warnings.append(exc)
        written = atomic_write(target, data, exclusive=new, site_root=site_root)
    if tidy:
        remove_stale_temps(written)
    stamp = DiskStamp.read(written)
    if stamp is None:  # pragma: no cover - the file was removed the same instant
        raise StorageError(f"{target.name} vanished right after saving", path=str(target))
    return stamp


def _check_reads_back(post: Post, data: bytes, path: str) -> None:
    try:
        again = parse_post(data, path=path, zone=post.zone, style=post.style)
    except BylineError as exc:
        raise PostFormatError(
            f"the post would not read back after saving: {exc.message}", path=path
        ) from None
    # repr() as well as ==, so that a `.nan` value equals itself
    same_values = again.values == post.values or repr(again.values) == repr(post.values)
    if not same_values or again.body != post.body:
        raise PostFormatError(
            "the post would read back differently after saving; not saved", path=path
        )
