"""`byline --self-test`: passes from the venv, and says what broke when a step fails."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor import selftest
from editor.selftest import EXPECTED_DEFAULT, SelfTest, SelfTestError

REPO = Path(__file__).resolve().parent.parent


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))


def test_self_test_passes_from_the_venv(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "editor", "--self-test"],
        cwd=tmp_path,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "self-test passed"
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "ok   start Qt",
        "ok   platform plugins",
        "ok   open the sample blog",
        "ok   store a header image",
        "ok   save a post",
        "ok   image format plugins",
        "ok   render Markdown",
        "ok   full-text search",
        "ok   spell checking",
        "ok   show the main window",
    ]
    # the temporary copy is gone; nothing was written where it ran
    assert list(tmp_path.iterdir()) == []


def test_the_post_is_written_in_the_blogs_format(tmp_path: Path) -> None:
    test = SelfTest(tmp_path, io.StringIO())
    test.site_root = tmp_path / "site"
    selftest.make_minimal_site(test.site_root)
    stored = test.header_image()
    written = test.save_post()
    md5 = hashlib.md5(selftest.make_jpeg()).hexdigest()
    assert stored == f"assets/images/{md5}.jpg"
    assert written == "_posts/2025-08-14-byline-self-test-a-post-with-a-header-image.md"
    assert (test.site_root / written).read_bytes() == (
        b"---\n"
        b"layout: post\n"
        b'title: "Byline self-test: a post with a header image"\n'
        b"date: 2025-08-14T22:02:54\n"
        b'author: "byline"\n'
        b"categories: [News]\n"
        b"tags: []\n"
        b'excerpt: "Written by byline --self-test; safe to delete."\n'
        b"image: assets/images/" + md5.encode() + b".jpg\n"
        b"---\n"
        b"\n"
        b"The self-test wrote this post.\n"
    )
    assert (
        EXPECTED_DEFAULT.replace("{md5}", md5).encode() == (test.site_root / written).read_bytes()
    )


def test_jpeg_is_the_same_every_time() -> None:
    assert selftest.make_jpeg() == selftest.make_jpeg()


def test_a_failing_step_is_named_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: SelfTest) -> str:
        raise SelfTestError("no sample blog in the bundle")

    monkeypatch.setattr(SelfTest, "start_qt", lambda self: "skipped")
    monkeypatch.setattr(SelfTest, "open_site", broken)
    out = io.StringIO()
    assert SelfTest(tmp_path, out).run() == 1
    assert out.getvalue().splitlines()[-1] == (
        "FAIL open the sample blog: no sample blog in the bundle"
    )


def test_a_missing_image_format_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    monkeypatch.setattr(selftest, "IMAGE_FORMATS", ("jpeg", "nosuchformat"))
    test = SelfTest(tmp_path, io.StringIO())
    selftest.make_minimal_site(test.site_root)
    test.header_image()
    with pytest.raises(SelfTestError, match="image formats missing: nosuchformat"):
        test.image_plugins()


def test_an_unexpected_error_prints_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(self: SelfTest) -> str:
        raise KeyError("oops")

    monkeypatch.setattr(SelfTest, "start_qt", crash)
    out = io.StringIO()
    assert SelfTest(tmp_path, out).run() == 1
    text = out.getvalue()
    assert text.startswith("FAIL start Qt: 'oops'\nTraceback")


def test_a_site_in_another_timezone_keeps_its_offset(tmp_path: Path) -> None:
    test = SelfTest(tmp_path, io.StringIO())
    selftest.make_minimal_site(test.site_root)
    (test.site_root / "_config.yml").write_text("timezone: Europe/London\n", encoding="utf-8")
    test.header_image()
    written = test.save_post()
    text = (test.site_root / written).read_text(encoding="utf-8")
    assert "\ndate: 2025-08-14T22:02:54+01:00\n" in text


def test_the_bundled_sample_blog_is_copied_not_touched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import editor.resources

    sample = tmp_path / "resources" / "sample-blog"
    selftest.make_minimal_site(sample)
    monkeypatch.setattr(editor.resources, "resource_path", lambda *parts: sample)
    test = SelfTest(tmp_path / "work", io.StringIO())
    assert test.open_site() == f"copy of {sample}"
    test.header_image()
    test.save_post()
    assert list((sample / "_posts").iterdir()) == []
    assert len(list((test.site_root / "_posts").iterdir())) == 1
