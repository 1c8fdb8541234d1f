"""The bundled sample blog: a real Jekyll site in the blog's format, with MD5-named images."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from editor.core.post.post import parse_post
from editor.core.site.sample_blog import install_sample_blog
from editor.core.site.site import Site
from editor.resources import resource_path

SAMPLE = resource_path("sample-blog")


def test_posts_round_trip_and_images_are_named_by_md5() -> None:
    site = Site.open(SAMPLE)
    files = list(site.post_files())
    assert len([f for f in files if f.parent.name == "_posts"]) == 5
    assert len([f for f in files if f.parent.name == "_drafts"]) == 1
    for f in files:
        data = f.read_bytes()
        post = parse_post(data)
        assert post.to_bytes() == data
        assert post.keys()[:2] == ["layout", "title"]
        image = post.get("image")
        assert image and (SAMPLE / image).is_file(), f
    for img in (SAMPLE / "assets" / "images").glob("*.jpg"):
        assert img.stem == hashlib.md5(img.read_bytes()).hexdigest()
        assert 20_000 < img.stat().st_size < 90_000
    assert set(site.config.authors) == {"mara", "tomas"}


def test_install_copies_once(tmp_path: Path) -> None:
    target = install_sample_blog(SAMPLE, tmp_path)
    assert (target / "_config.yml").is_file()
    (target / "_config.yml").write_text("title: mine\n", encoding="utf-8")
    assert install_sample_blog(SAMPLE, tmp_path) == target
    assert (target / "_config.yml").read_text(encoding="utf-8") == "title: mine\n"


@pytest.mark.jekyll
def test_sample_blog_builds_with_real_jekyll(tmp_path: Path) -> None:
    if shutil.which("jekyll") is None:
        pytest.fail("jekyll is not installed (apt-get install jekyll ruby-kramdown)")
    src = tmp_path / "src"
    shutil.copytree(SAMPLE, src)
    out = tmp_path / "site"
    run = subprocess.run(
        ["jekyll", "build", "--source", str(src), "--destination", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("index.html"))
    assert "travel/stories/2025/09/12/dusk-on-the-ridge/index.html" in pages
    assert len(pages) == 6  # the home page and five posts; the draft stays out
    dusk = (out / "travel/stories/2025/09/12/dusk-on-the-ridge/index.html").read_text()
    assert "Mara Lindqvist" in dusk and 'class="footnotes"' in dusk
    packing = next(out.rglob("packing-light-the-7-kg-rucksack/index.html")).read_text()
    assert "<table>" in packing
