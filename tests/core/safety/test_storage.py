"""atomic_write: old or new bytes, never a mix; clear errors; modes and symlinks kept."""

import errno
import os
import stat
from pathlib import Path

import pytest

from editor.core.errors import DiskFullError, NameTakenError, ReadOnlyError, StorageError
from editor.core.safety import storage
from editor.core.safety.storage import atomic_write, remove_stale_temps


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert _leftovers(tmp_path) == []


def test_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_writes_through_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_bytes(b"old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    atomic_write(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_exclusive_refuses_taken_name(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_bytes(b"mine")
    with pytest.raises(NameTakenError, match="already exists"):
        atomic_write(target, b"theirs", exclusive=True)
    assert target.read_bytes() == b"mine"
    assert _leftovers(tmp_path) == []


def test_read_only_file_refused(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_bytes(b"old")
    target.chmod(0o444)
    with pytest.raises(ReadOnlyError, match="read-only"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"


def test_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # tests run as root on CI, where chmod cannot stop a write: simulate the refusal
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    target = tmp_path / "a.md"
    target.write_bytes(b"old")
    monkeypatch.setattr(storage.tempfile, "mkstemp", refuse)
    with pytest.raises(ReadOnlyError, match=r"folder .* is read-only"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"


def test_disk_full_keeps_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.md"
    target.write_bytes(b"old")
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "fsync", full)
    with pytest.raises(DiskFullError, match="disk is full"):
        atomic_write(target, b"new" * 1000)
    monkeypatch.setattr(storage.os, "fsync", real_fsync)
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        atomic_write(tmp_path / "nope" / "a.md", b"x")


def test_target_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.md").mkdir()
    with pytest.raises(StorageError, match="is a folder"):
        atomic_write(tmp_path / "a.md", b"x")


def test_remove_stale_temps(tmp_path: Path) -> None:
    target = tmp_path / "a[1].md"
    target.write_bytes(b"x")
    stale = tmp_path / ".a[1].md.abc.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (1, 1))
    fresh = tmp_path / ".a[1].md.def.tmp"
    fresh.write_bytes(b"in progress")
    assert remove_stale_temps(target) == 1
    assert not stale.exists() and fresh.exists()
