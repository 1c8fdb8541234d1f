"""Staging and storing images: nothing before save, no orphans, no partial files, no deletions
of an image another post uses."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from editor.core.images.image_store import (
    ImageStage,
    delete_if_unused,
    image_users,
    images_in_text,
    is_image_used,
    normalise,
    write_image,
)
from editor.core.images.pipeline import ImageError, ImageStoreError, process_bytes, process_file
from editor.core.safety import storage


def picture(
    colour: tuple[int, int, int] = (200, 30, 30), size: tuple[int, int] = (60, 40)
) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def site(tmp_path: Path) -> Path:
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Blog\n", encoding="utf-8")
    return root


def files_under(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_attaching_writes_nothing_until_commit(tmp_path: Path) -> None:
    root = site(tmp_path)
    stage = ImageStage()
    image = process_bytes(picture(), name="a.png")
    rel = stage.add(image)
    assert rel == image.rel_path and rel in stage
    assert not (root / "assets").exists()
    commit = stage.commit(root)
    stored = root / rel
    assert stored.read_bytes() == image.data
    assert commit.created == [stored] and len(stage) == 0


def test_discarded_post_leaves_no_orphan(tmp_path: Path) -> None:
    root = site(tmp_path)
    stage = ImageStage()
    stage.add(process_bytes(picture(), name="a.png"))
    stage.clear()  # the author closes the post without saving
    stage.commit(root)
    assert not (root / "assets").exists()


def test_only_images_the_saved_text_uses_are_written(tmp_path: Path) -> None:
    root = site(tmp_path)
    stage = ImageStage()
    kept = process_bytes(picture((10, 10, 200)), name="kept.png")
    dropped = process_bytes(picture((10, 200, 10)), name="dropped.png")
    stage.add(kept)
    stage.add(dropped)
    text = f"---\ntitle: x\nimage: {kept.rel_path}\n---\n\nbody\n"
    stage.commit(root, used_in=text)
    assert files_under(root / "assets/images") == [kept.file_name]
    assert dropped.rel_path in stage  # still staged: an undo may bring its reference back
    stage.discard(dropped.rel_path)
    assert len(stage) == 0


def test_same_picture_twice_is_stored_once(tmp_path: Path) -> None:
    root = site(tmp_path)
    first = process_bytes(picture(), name="a.png")
    second = process_bytes(picture(), name="copy-of-a.png")
    assert first.rel_path == second.rel_path
    assert write_image(root, first) is not None
    stored = root / first.rel_path
    before = stored.stat().st_mtime_ns
    stage = ImageStage()
    stage.add(second)
    commit = stage.commit(root)
    assert commit.created == [] and commit.existing == [stored]
    assert stored.stat().st_mtime_ns == before
    assert files_under(root / "assets/images") == [first.file_name]


def test_a_damaged_file_under_the_name_is_replaced(tmp_path: Path) -> None:
    root = site(tmp_path)
    image = process_bytes(picture(), name="a.png")
    (root / "assets/images").mkdir(parents=True)
    (root / image.rel_path).write_bytes(image.data[:10])
    assert write_image(root, image) == root / image.rel_path
    assert (root / image.rel_path).read_bytes() == image.data


class _FullDisk:
    """`os` as storage.atomic_write sees it, but the disk fills up halfway through a write."""

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    @staticmethod
    def fdopen(fd: int, mode: str) -> Any:
        real = os.fdopen(fd, mode)

        class Handle:
            def __enter__(self) -> Handle:
                return self

            def __exit__(self, *exc: object) -> None:
                real.close()

            def write(self, data: bytes) -> int:
                real.write(data[: len(data) // 2])
                real.flush()
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        return Handle()


def test_full_disk_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = site(tmp_path)
    monkeypatch.setattr(storage, "os", _FullDisk())
    stage = ImageStage()
    image = process_bytes(picture(), name="/photos/a.png")
    stage.add(image)
    with pytest.raises(ImageStoreError) as info:
        stage.commit(root)
    message = str(info.value)
    assert message.startswith("/photos/a.png: could not store the image as assets/images/")
    assert "No space left on device" in message
    assert files_under(root / "assets") == []  # no temp file, no image, not even the folder
    assert image.rel_path in stage  # still staged: saving again after freeing space works
    monkeypatch.undo()
    stage.commit(root)
    assert (root / image.rel_path).read_bytes() == image.data


def test_failed_commit_removes_what_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site(tmp_path)
    (root / "assets/images").mkdir(parents=True)
    stage = ImageStage()
    first = process_bytes(picture((1, 2, 3)), name="one.png")
    second = process_bytes(picture((200, 2, 3)), name="two.png")
    stage.add(first)
    stage.add(second)
    real = storage.atomic_write
    calls = []

    def flaky(path: Any, data: bytes, **kw: Any) -> Path:
        calls.append(path)
        if len(calls) == 2:
            raise storage.StorageError("could not save: No space left on device")
        return real(path, data, **kw)

    monkeypatch.setattr("editor.core.images.image_store.atomic_write", flaky)
    with pytest.raises(ImageStoreError):
        stage.commit(root)
    assert files_under(root / "assets/images") == []
    assert len(stage) == 2


def test_commit_undo_after_a_failed_post_write(tmp_path: Path) -> None:
    root = site(tmp_path)
    stage = ImageStage()
    stage.add(process_bytes(picture(), name="a.png"))
    commit = stage.commit(root)
    commit.undo()
    assert not (root / "assets").exists()


def test_unwritable_site_names_the_image(tmp_path: Path) -> None:
    root = site(tmp_path)
    (root / "assets").write_text("a file where a folder should be", encoding="utf-8")
    image = process_bytes(picture(), name="a.png")
    with pytest.raises(ImageStoreError, match=r"^a\.png: cannot create the folder assets/images/"):
        write_image(root, image)


def test_bad_input_leaves_nothing_behind(tmp_path: Path) -> None:
    root = site(tmp_path)
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a picture", encoding="utf-8")
    cut = tmp_path / "cut.png"
    cut.write_bytes(picture()[:40])
    stage = ImageStage()
    for source in (bad, cut, tmp_path / "missing.jpg"):
        with pytest.raises(ImageError) as info:
            stage.add(process_file(source))
        assert str(source) in str(info.value)
    stage.commit(root)
    assert not (root / "assets").exists()


def test_references_in_any_form() -> None:
    name = "0123456789abcdef0123456789abcdef.jpg"
    text = (
        f"---\nimage: assets/images/{name}\n---\n\n"
        "![a]({{ site.baseurl }}/assets/images/b.jpg)\n"
        '<img src="/assets/images/c.png" alt="c">\n'
        "![d]({{ '/assets/images/d.jpg' | relative_url }})\n"
    )
    assert images_in_text(text) == {
        f"assets/images/{name}",
        "assets/images/b.jpg",
        "assets/images/c.png",
        "assets/images/d.jpg",
    }
    assert normalise("/assets/images/x.jpg") == "assets/images/x.jpg"
    assert normalise("{{ site.baseurl }}/assets/images/x.jpg") == "assets/images/x.jpg"


def test_an_image_another_post_uses_is_never_deleted(tmp_path: Path) -> None:
    root = site(tmp_path)
    image = process_bytes(picture(), name="a.png")
    write_image(root, image)
    mine = root / "_posts/2025-01-01-mine.md"
    other = root / "_posts/2025-01-02-other.md"
    mine.write_text(f"---\ntitle: mine\nimage: {image.rel_path}\n---\n\nx\n", encoding="utf-8")
    other.write_text(
        f"---\ntitle: other\n---\n\n![x]({{{{ site.baseurl }}}}/{image.rel_path})\n",
        encoding="utf-8",
    )
    assert image_users(root, image.rel_path) == [mine, other]
    assert is_image_used(root, image.rel_path, exclude=[mine])
    assert not delete_if_unused(root, image.rel_path, exclude=[mine])
    assert (root / image.rel_path).exists()
    other.write_text("---\ntitle: other\n---\n\nno picture now\n", encoding="utf-8")
    assert not is_image_used(root, image.rel_path, exclude=[mine])
    assert delete_if_unused(root, image.rel_path, exclude=[mine])
    assert not (root / image.rel_path).exists()


def test_pages_layouts_and_config_count_as_users(tmp_path: Path) -> None:
    root = site(tmp_path)
    image = process_bytes(picture(), name="a.png")
    write_image(root, image)
    (root / "_config.yml").write_text(f"logo: /{image.rel_path}\n", encoding="utf-8")
    assert image_users(root, image.rel_path) == [root / "_config.yml"]
    (root / "_site").mkdir()
    (root / "_site/index.html").write_text(image.rel_path, encoding="utf-8")
    assert image_users(root, image.rel_path) == [root / "_config.yml"]  # built output ignored


def test_hand_placed_images_are_never_deleted(tmp_path: Path) -> None:
    root = site(tmp_path)
    (root / "assets/images").mkdir(parents=True)
    (root / "assets/images/logo.jpg").write_bytes(b"x")
    assert not delete_if_unused(root, "assets/images/logo.jpg")
    assert (root / "assets/images/logo.jpg").exists()
