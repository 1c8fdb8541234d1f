"""Copies of staged images for the preview: outside the site, made once, removed on close."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PIL import Image

from editor.core.images.pipeline import process_bytes
from editor.core.images.staged_copies import PREFIX, StagedCopies, prune_stale


def _image(colour: str = "teal"):  # type: ignore[no-untyped-def]
    import io

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return process_bytes(buffer.getvalue(), name=f"{colour}.png")


def test_overlay_maps_rel_path_to_a_copy_with_the_same_bytes(tmp_path: Path) -> None:
    copies = StagedCopies(tmp_path / "cache")
    image = _image()
    overlay = copies.overlay([image])
    assert list(overlay) == [image.rel_path]
    copy = overlay[image.rel_path]
    assert copy.read_bytes() == image.data
    assert copy.parent.parent == tmp_path / "cache"
    assert copy.parent.name.startswith(PREFIX)


def test_overlay_is_the_same_object_while_nothing_changes(tmp_path: Path) -> None:
    copies = StagedCopies(tmp_path)
    first, second = _image("teal"), _image("navy")
    one = copies.overlay([first])
    assert copies.overlay([first]) is one
    two = copies.overlay([first, second])
    assert two is not one and set(two) == {first.rel_path, second.rel_path}
    assert copies.overlay([]) == {}


def test_a_copy_removed_behind_its_back_is_written_again(tmp_path: Path) -> None:
    copies = StagedCopies(tmp_path)
    image = _image()
    copy = copies.overlay([image])[image.rel_path]
    copy.unlink()
    assert copies.overlay([image])[image.rel_path].read_bytes() == image.data
    assert copies.folder is not None
    import shutil

    shutil.rmtree(copies.folder)  # the whole folder, as prune_stale of another window would
    again = copies.overlay([image])[image.rel_path]
    assert again.read_bytes() == image.data


def test_close_removes_the_copies(tmp_path: Path) -> None:
    copies = StagedCopies(tmp_path)
    copy = copies.overlay([_image()])
    folder = copies.folder
    assert folder is not None and folder.is_dir()
    copies.close()
    assert not folder.exists()
    assert not any(p.exists() for p in copy.values())


def test_an_unwritable_cache_leaves_the_image_out(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert StagedCopies(blocker / "cache").overlay([_image()]) == {}


def test_prune_stale_removes_only_old_copy_folders(tmp_path: Path) -> None:
    old = tmp_path / f"{PREFIX}old"
    new = tmp_path / f"{PREFIX}new"
    other = tmp_path / "thumbnails"
    for folder in (old, new, other):
        folder.mkdir()
        (folder / "x.jpg").write_bytes(b"x")
    long_ago = time.time() - 30 * 24 * 3600
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    assert prune_stale(tmp_path) == 1
    assert not old.exists() and new.is_dir() and other.is_dir()
    assert prune_stale(tmp_path / "absent") == 0
