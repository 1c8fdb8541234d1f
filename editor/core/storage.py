"""Atomic file writes: temp file in the same folder, fsync, rename over the target."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from editor.core.errors import StorageError


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


def atomic_write(
    path: str | os.PathLike[str], data: bytes, *, exclusive: bool = False, durable: bool = True
) -> Path:
    """Write `data` to `path` so that it holds either the old or the new bytes, never a mix.

    A symlink is written through to its target, and an existing file keeps its mode.
    With `exclusive`, an existing file is never replaced (StorageError instead).
    `durable=False` skips the fsyncs: for caches, where a lost write only costs time.
    """
    target = Path(path)
    if target.is_symlink():
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
        raise StorageError(f"{target.name} already exists", path=str(target))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise StorageError(
            f"cannot write in {folder}: {exc.strerror or exc}", path=str(target)
        ) from exc
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
                raise StorageError(f"{target.name} already exists", path=str(target)) from exc
            except OSError:
                if target.exists():
                    raise StorageError(f"{target.name} already exists", path=str(target)) from None
                os.replace(tmp, target)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    tmp.unlink()
        else:
            os.replace(tmp, target)
    except StorageError:
        raise
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageError(
            f"could not save {target.name}: {exc.strerror or exc}", path=str(target)
        ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        _fsync_dir(folder)
    return target
