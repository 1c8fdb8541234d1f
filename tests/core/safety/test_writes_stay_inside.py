"""Writes land inside the site's real folder: a cloned blog's symlinks never redirect them.

Issue 16: a dangling or outside-pointing symlink in `_posts/`, a symlinked `_posts`,
`_drafts` or `assets/images`, renames and publishing; concurrent `byline new`; slugs
capped in bytes; Windows device names.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from PIL import Image

from editor.cli import main
from editor.core.errors import NameTakenError, OutsideSiteError
from editor.core.images.image_store import ImageStage
from editor.core.images.pipeline import process_bytes
from editor.core.post.post import parse_post
from editor.core.post.slug import free_path
from editor.core.safety.post_io import load_post, save_post
from editor.core.site import site as site_module
from editor.core.site.post_actions import publish_draft, rename_to_match
from editor.core.site.site import Site

POST = '---\nlayout: post\ntitle: "Hello"\ndate: 2025-03-01T10:00:00\n---\n\nBody.\n'


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Test\n")
    return root


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_dangling_symlink_takes_the_name_of_a_new_post(site: Path, outside: Path) -> None:
    bashrc = outside / ".bashrc"  # does not exist yet: the link dangles
    (site / "_posts" / "2025-03-01-hello.md").symlink_to(bashrc)
    code, out, err = run("new", str(site), "--title", "Hello", "--date", "2025-03-01T10:00:00")
    assert (code, err) == (0, "")
    assert Path(out.strip()).name == "2025-03-01-hello-2.md"
    assert not os.path.lexists(bashrc) and listing(outside) == []


def test_a_symlink_to_an_existing_outside_file_takes_the_name(site: Path, outside: Path) -> None:
    bashrc = outside / ".bashrc"
    bashrc.write_text("export PATH\n")
    (site / "_posts" / "2025-03-01-hello.md").symlink_to(bashrc)
    code, out, _ = run("new", str(site), "--title", "Hello", "--date", "2025-03-01T10:00:00")
    assert code == 0 and Path(out.strip()).name == "2025-03-01-hello-2.md"
    assert bashrc.read_text() == "export PATH\n"


@pytest.mark.parametrize("folder", ["_posts", "_drafts"])
def test_a_post_folder_linked_outside_is_refused(site: Path, outside: Path, folder: str) -> None:
    if folder == "_posts":
        (site / "_posts").rmdir()
    (site / folder).symlink_to(outside, target_is_directory=True)
    extra = ["--draft"] if folder == "_drafts" else []
    code, out, err = run("new", str(site), "--title", "Hello", *extra)
    assert code == 2 and out == ""
    assert f"leads to {outside}" in err and "outside the site folder" in err
    assert "nothing was written" in err and "Traceback" not in err
    assert listing(outside) == []


def test_a_post_folder_linked_inside_the_site_is_fine(site: Path) -> None:
    (site / "_posts").rmdir()
    (site / "content").mkdir()
    (site / "_posts").symlink_to(site / "content", target_is_directory=True)
    code, _, _ = run("new", str(site), "--title", "Hello", "--date", "2025-03-01T10:00:00")
    assert code == 0 and listing(site / "content") == ["2025-03-01-hello.md"]


def picture(path: Path) -> Path:
    Image.new("RGB", (40, 30), (200, 80, 20)).save(path, "PNG")
    return path


def test_an_images_folder_linked_outside_is_refused(
    site: Path, outside: Path, tmp_path: Path
) -> None:
    (site / "assets").mkdir()
    (site / "assets" / "images").symlink_to(outside, target_is_directory=True)
    photo = picture(tmp_path / "photo.png")
    code, out, err = run("new", str(site), "--title", "Hello", "--image", str(photo))
    assert code == 2 and out == "" and "outside the site folder" in err
    assert listing(outside) == [] and listing(site / "_posts") == []


def test_a_saved_post_renamed_onto_a_dangling_link_is_refused(site: Path, outside: Path) -> None:
    path = site / "_posts" / "2025-03-01-old.md"
    path.write_text(POST)
    (site / "_posts" / "2025-03-01-hello.md").symlink_to(outside / "victim")
    post = load_post(path)
    with pytest.raises(NameTakenError, match=r"2025-03-01-hello\.md already exists"):
        rename_to_match(Site.open(site), path, post)
    assert path.read_text() == POST and listing(outside) == []


def test_publishing_into_a_posts_folder_linked_outside_keeps_the_draft(
    site: Path, outside: Path
) -> None:
    (site / "_posts").rmdir()
    (site / "_posts").symlink_to(outside, target_is_directory=True)
    draft = site / "_drafts" / "hello.md"
    draft.parent.mkdir()
    draft.write_text(POST)
    with pytest.raises(OutsideSiteError, match="outside the site folder"):
        publish_draft(Site.open(site), draft, load_post(draft))
    assert draft.read_text() == POST and listing(outside) == []


def test_publishing_skips_a_name_held_by_a_dangling_link(site: Path, outside: Path) -> None:
    draft = site / "_drafts" / "hello.md"
    draft.parent.mkdir()
    draft.write_text(POST)
    import datetime as dt

    now = dt.datetime(2025, 3, 1, 10, 0, tzinfo=dt.UTC)
    (site / "_posts" / "2025-03-01-hello.md").symlink_to(outside / "victim")
    target = publish_draft(Site.open(site), draft, load_post(draft), now=now)
    assert target.name == "2025-03-01-hello-2.md" and listing(outside) == []


def test_free_path_counts_a_dangling_link_as_taken(tmp_path: Path) -> None:
    (tmp_path / "x.md").symlink_to(tmp_path / "nowhere")
    assert free_path(tmp_path, "x", ".md") == tmp_path / "x-2.md"


def test_a_new_post_saved_with_dotdot_is_refused(site: Path, outside: Path) -> None:
    with pytest.raises(OutsideSiteError):
        save_post(POST, site / "_posts" / ".." / ".." / "home" / "x.md", site, new=True)
    assert listing(outside) == []


def test_a_name_taken_meanwhile_gives_the_next_free_name(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another `byline new` writes the chosen name between choosing it and writing it."""
    real_free_path = site_module.free_path
    raced: list[Path] = []

    def racing_free_path(folder: Path, stem: str, ext: str) -> Path:
        chosen = real_free_path(folder, stem, ext)
        if not raced:
            chosen.write_text("the other process's post")
            raced.append(chosen)
        return chosen

    monkeypatch.setattr(site_module, "free_path", racing_free_path)
    path = Site.open(site, learn=False).write_new(parse_post(POST))
    assert path.name == "2025-03-01-hello-2.md"
    assert raced[0].read_text() == "the other process's post"


def test_two_concurrent_new_of_one_title_both_succeed(site: Path) -> None:
    cmd = [sys.executable, "-m", "editor", "new", str(site), "--title", "Same",
           "--date", "2025-03-01T10:00:00"]  # fmt: skip
    for _ in range(3):
        procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(2)]  # fmt: skip
        results = [p.communicate() for p in procs]
        assert [p.returncode for p in procs] == [0, 0], results
        assert len({out for out, _ in results}) == 2
    assert len(listing(site / "_posts")) == 6


def test_undo_keeps_an_image_another_post_now_uses(site: Path) -> None:
    """Two `new --image` of one picture: the one whose post fails must not delete the
    image the other post refers to by now."""
    image = process_bytes(picture_bytes(), name="a.png")
    stage = ImageStage()
    stage.add(image)
    commit = stage.commit(site)  # this run wrote the image...
    assert commit.created == [site / image.rel_path]
    other = site / "_posts" / "2025-03-01-other.md"
    other.write_text(
        POST.replace("layout: post", f"image: {image.rel_path}")
    )  # ...the other uses it
    commit.undo()  # this run's post failed
    assert (site / image.rel_path).read_bytes() == image.data


def test_undo_removes_an_image_nobody_uses(site: Path) -> None:
    image = process_bytes(picture_bytes(), name="a.png")
    stage = ImageStage()
    stage.add(image)
    commit = stage.commit(site)
    commit.undo()
    assert not (site / image.rel_path).exists()


def test_an_image_already_there_is_never_undone(site: Path) -> None:
    image = process_bytes(picture_bytes(), name="a.png")
    (site / "assets" / "images").mkdir(parents=True)
    (site / image.rel_path).write_bytes(image.data)
    stage = ImageStage()
    stage.add(image)
    commit = stage.commit(site)
    assert commit.created == []
    commit.undo()
    assert (site / image.rel_path).read_bytes() == image.data


def picture_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (20, 80, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_title_of_four_byte_letters_fits_a_file_name(site: Path) -> None:
    title = "\U00020000" * 57  # 228 bytes in UTF-8; 57 characters is under the 60 cap
    code, out, err = run("new", str(site), "--title", title, "--date", "2025-03-01T10:00:00")
    assert (code, err) == (0, "")
    path = Path(out.strip())
    assert path.is_file() and len(path.name.encode()) <= 255 - 30  # room for temp names
    assert path.name.startswith("2025-03-01-\U00020000")
    assert load_post(path).get("title") == title


@pytest.mark.parametrize("title", ["con", "NUL", "Aux", "com1", "LPT9", "prn"])
def test_windows_device_names_get_a_suffix(site: Path, title: str) -> None:
    code, out, _ = run("new", str(site), "--title", title, "--draft")
    assert code == 0
    assert Path(out.strip()).name == f"{title.lower()}-post.md"
