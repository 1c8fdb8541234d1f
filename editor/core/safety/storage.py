"""Atomic file writes: temp file in the same folder, fsync, rename over the target."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Collection
from pathlib import Path

from editor.core.errors import (
    DiskFullError,
    NameTakenError,
    OutsideSiteError,
    ReadOnlyError,
    StorageError,
)

STALE_TEMP_SECONDS = 60.0


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def storage_error(exc: OSError, target: Path, *, writing_folder: bool = False) -> StorageError:
    """An OSError from writing `target` as the error an author reads (the old file is intact)."""
    name = target.name
    folder = target.parent
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DiskFullError(
            f"the disk is full: {name} was not saved (the file on disk is unchanged)",
            path=str(target),
        )
    if code == errno.EROFS:
        return ReadOnlyError(
            f"the disk holding {folder} is read-only: {name} was not saved", path=str(target)
        )
    if code in (errno.EACCES, errno.EPERM):
        where = f"the folder {folder} is read-only" if writing_folder else f"{name} is read-only"
        return ReadOnlyError(f"permission denied: {where}, so it was not saved", path=str(target))
    if code == errno.ENOENT:
        return StorageError(f"the folder {folder} does not exist", path=str(target))
    if code == errno.EISDIR:
        return StorageError(f"{name} is a folder, not a file", path=str(target))
    if code == errno.EEXIST:
        return NameTakenError(f"{name} already exists", path=str(target))
    return StorageError(f"could not save {name}: {exc.strerror or exc}", path=str(target))


def real_target(path: str | os.PathLike[str], site_root: str | os.PathLike[str]) -> Path:
    """Where a write of `path` really lands (symlinks followed, dangling ones too).

    A cloned blog is untrusted: `_posts/x.md -> ~/.bashrc`, a `_posts` or `assets/images`
    linked outside, or `..` in a name would send a write out of the site. Raises
    OutsideSiteError unless the real target is inside the site's real folder (a symlink
    that stays inside is fine).
    """
    root = os.path.realpath(site_root)
    real = os.path.realpath(path)
    try:
        inside = os.path.commonpath([real, root]) == root and real != root
    except ValueError:  # another drive (Windows)
        inside = False
    if not inside:
        shown = os.path.abspath(path)
        what = f"{os.path.basename(shown)} leads to {real}" if shown != real else shown
        raise OutsideSiteError(
            f"{what}, outside the site folder {root}; nothing was written there", path=shown
        )
    return Path(real)


def make_folder(folder: str | os.PathLike[str], site_root: str | os.PathLike[str]) -> Path:
    """Create `folder` (and its parents) after checking it really lies inside the site."""
    real = real_target(folder, site_root)
    try:
        real.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error(exc, real / "x", writing_folder=True) from exc
    real_target(real, site_root)  # a link swapped in meanwhile
    return real


def taken(path: str | os.PathLike[str]) -> bool:
    """Whether any folder entry holds the name: a file, a folder, a symlink (dangling too)."""
    return os.path.lexists(path)


def atomic_write(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    exclusive: bool = False,
    durable: bool = True,
    site_root: str | os.PathLike[str] | None = None,
) -> Path:
    """Write `data` to `path` so that it holds either the old or the new bytes, never a mix.

    A symlink is written through to its target, and an existing file keeps its mode.
    A file without write permission is refused (ReadOnlyError), as a plain write would be.
    With `exclusive`, no entry of that name may exist, not even a dangling symlink
    (NameTakenError). With `site_root`, the real target must lie inside the site's real
    folder (OutsideSiteError). `durable=False` skips the fsyncs: for caches, where a lost
    write only costs time.
    """
    target = Path(path)
    if exclusive and taken(target):
        raise NameTakenError(f"{target.name} already exists", path=str(target))
    if site_root is not None:
        target = real_target(target, site_root)
    elif target.is_symlink():
        target = Path(os.path.realpath(target))
    folder = target.parent
    mode: int | None = None
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise StorageError(f"cannot read {target.name}: {exc.strerror}", path=str(target)) from exc
    if exclusive and mode is not None:
        raise NameTakenError(f"{target.name} already exists", path=str(target))
    if target.is_dir():
        raise StorageError(f"{target.name} is a folder, not a file", path=str(target))
    if mode is not None and not mode & stat.S_IWUSR:
        # rename() would happily replace it; a read-only post is the author's decision
        raise ReadOnlyError(f"{target.name} is read-only, so it was not saved", path=str(target))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise storage_error(exc, target, writing_folder=True) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        if exclusive:
            # link() fails if the name appeared meanwhile; rename() would replace it
            try:
                os.link(tmp, target)
            except FileExistsError as exc:
                raise NameTakenError(f"{target.name} already exists", path=str(target)) from exc
            except OSError:
                if target.exists():
                    raise NameTakenError(
                        f"{target.name} already exists", path=str(target)
                    ) from None
                os.replace(tmp, target)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    tmp.unlink()
        else:
            os.replace(tmp, target)
    except StorageError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise storage_error(exc, target) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        _fsync_dir(folder)
    return target


def remove_stale_temps(target: Path, *, older_than: float = STALE_TEMP_SECONDS) -> int:
    """Delete temp files a killed atomic_write of `target` left behind; returns how many."""
    return tidy_folder(target.parent, {target.name}, older_than=older_than)


def tidy_folder(
    folder: Path, names: Collection[str], *, older_than: float = STALE_TEMP_SECONDS
) -> int:
    """Delete temp files killed atomic_writes of the files `names` of `folder` left behind,
    in one scan of the folder; returns how many."""
    removed = 0
    now = time.time()
    try:
        with os.scandir(folder) as entries:
            candidates = [
                Path(e.path)
                for e in entries
                if e.name.startswith(".")
                and e.name.endswith(".tmp")
                and e.name[1:].rsplit(".", 2)[0] in names
            ]
    except OSError:
        return 0
    for tmp in candidates:
        with contextlib.suppress(OSError):
            if now - tmp.stat().st_mtime > older_than:
                tmp.unlink()
                removed += 1
    return removed
