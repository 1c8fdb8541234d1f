"""`byline new --image`: the header image is processed, stored by MD5, and Jekyll builds it."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from PIL import Image

from editor.cli import main
from editor.core.errors import StorageError
from editor.core.site.site import Site

LAYOUT = """<!doctype html>
<html><body>
<img class="header" src="{{ page.image | relative_url }}" alt="">
<h1>{{ page.title }}</h1>
{{ content }}
</body></html>
"""


def make_site(root: Path) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_layouts").mkdir()
    (root / "_config.yml").write_text('title: Test blog\nbaseurl: "/blog"\n', encoding="utf-8")
    (root / "_layouts/post.html").write_text(LAYOUT, encoding="utf-8")
    return root


def phone_photo(path: Path) -> Path:
    """A 'portrait phone photo': stored sideways with orientation 6, GPS in its EXIF."""
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 40.0)}
    Image.new("RGB", (3000, 2000), (90, 140, 200)).save(path, "JPEG", exif=exif.tobytes())
    return path


def run_new(site: Path, *extra: str) -> tuple[int, str, str]:
    argv = ["new", str(site), "--title", "Hello, image", "--date", "2025-08-14T22:02:54", *extra]
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_new_with_image_writes_image_then_post(tmp_path: Path) -> None:
    site = make_site(tmp_path / "blog")
    code, out, err = run_new(site, "--image", str(phone_photo(tmp_path / "IMG_0001.jpg")))
    assert (code, err) == (0, "")
    images = list((site / "assets/images").iterdir())
    assert len(images) == 1
    stored = images[0]
    data = stored.read_bytes()
    assert stored.name == hashlib.md5(data).hexdigest() + ".jpg"
    with Image.open(stored) as im:
        assert im.size == (1333, 2000)  # upright: a portrait, within the 2000 px height cap
        assert dict(im.getexif()) == {}  # no GPS, no EXIF at all
    post = Path(out.strip())
    text = post.read_text(encoding="utf-8")
    assert f"\nimage: assets/images/{stored.name}\n---\n" in text


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"hello", "not an image"), (b"\x00\x00\x00\x18ftypheic" + b"\0" * 40, "HEIC")],
)
def test_bad_image_leaves_no_post_and_no_file(tmp_path: Path, content: bytes, words: str) -> None:
    site = make_site(tmp_path / "blog")
    bad = tmp_path / "bad.heic"
    bad.write_bytes(content)
    code, out, err = run_new(site, "--image", str(bad))
    assert code == 2 and out == ""
    assert err.startswith(f"byline: {bad}: ") and words in err
    assert list((site / "_posts").iterdir()) == []
    assert not (site / "assets").exists()


def test_failed_post_write_removes_the_new_image(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_site(tmp_path / "blog")

    def full_disk(*_args: object, **_kw: object) -> Path:
        raise StorageError("could not save the post: No space left on device")

    monkeypatch.setattr(Site, "write_new", full_disk)
    code, out, err = run_new(site, "--image", str(phone_photo(tmp_path / "a.jpg")))
    assert (code, out) == (2, "") and "No space left" in err
    assert not (site / "assets").exists()  # the image and the folders made for it are gone


@pytest.mark.jekyll
def test_jekyll_builds_the_post_with_its_image(tmp_path: Path) -> None:
    jekyll = shutil.which("jekyll")
    assert jekyll, "jekyll is installed on this machine and in CI"
    site = make_site(tmp_path / "blog")
    code, _out, _err = run_new(site, "--image", str(phone_photo(tmp_path / "IMG_0001.jpg")))
    assert code == 0
    stored = next((site / "assets/images").iterdir())
    dest = tmp_path / "built"
    result = subprocess.run(
        [jekyll, "build", "--safe", "--quiet", "-s", str(site), "-d", str(dest)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pages = list(dest.rglob("hello-image.html"))
    assert len(pages) == 1, sorted(str(p) for p in dest.rglob("*"))
    html = pages[0].read_text(encoding="utf-8")
    assert f'src="/blog/assets/images/{stored.name}"' in html
    assert (dest / "assets/images" / stored.name).read_bytes() == stored.read_bytes()
