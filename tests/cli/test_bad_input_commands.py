"""Bad input through every command: a clear one-line error, never a traceback (issue 16).

The per-file cases live in tests/fixtures/bad_input (tests/core/test_bad_input.py); these
are the ones that broke a command: dates out of range, huge or endless images, damaged
caches, posts over 16 MB, terminal escapes in titles. Their time and memory are measured
by tests/perf/bench_bad_input.py.
"""

from __future__ import annotations

import io
import json
import os
import struct
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from PIL import Image

from editor.cli import main

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "bad_input"


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def make_site(root: Path, config: str = "title: T\n") -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text(config)
    (root / "_posts" / "2025-01-01-fine.md").write_text("---\ntitle: Fine\n---\n\nFine.\n")
    return root


def one_line(text: str) -> bool:
    return text.count("\n") == 1 and text.endswith("\n") and "Traceback" not in text


# --- dates out of range -------------------------------------------------------------


@pytest.mark.parametrize("name", ["date-after-year-9999.md", "date-before-year-1.md"])
def test_a_date_out_of_range_is_reported_by_every_command(tmp_path: Path, name: str) -> None:
    site = make_site(tmp_path / "site")
    post = site / "_posts" / f"2025-01-02-{name}"
    post.write_bytes((CORPUS / name).read_bytes())
    for args in (["list", str(site)], ["list", str(site), "--no-cache"], ["list", str(site)]):
        code, out, err = run(*args)
        assert code == 0 and err == ""
        assert "is out of range" in out and "Fine" in out
    code, out, err = run("check", str(site), "--no-cache")
    assert code == 1 and f"{post.name}:4: error: date " in out and "is out of range" in out
    code, out, err = run("render", str(post))
    assert code == 0 and "Body." in out


def test_year_9999_with_a_site_timezone(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", "timezone: Pacific/Kiritimati\n")
    post = site / "_posts" / "2025-01-02-late.md"
    post.write_text("---\ntitle: Late\ndate: 9999-12-31 23:00:00\n---\n\nBody.\n")
    code, out, _ = run("list", str(site))
    assert code == 0 and "is out of range" in out
    code, out, _ = run("check", str(site))
    assert code == 1 and "late.md:3: error: date 9999-12-31 23:00:00 is out of range" in out
    code, out, _ = run("render", str(post))
    assert code == 0


@pytest.mark.parametrize("date", ["9999-12-31T23:59:59-23:59", "0001-01-01 00:00:00 +05:00"])
def test_new_with_a_date_out_of_range(tmp_path: Path, date: str) -> None:
    site = make_site(tmp_path / "site")
    code, out, err = run("new", str(site), "--title", "x", "--date", date)
    assert code == 2 and out == "" and one_line(err) and "is out of range" in err
    assert [p.name for p in (site / "_posts").iterdir()] == ["2025-01-01-fine.md"]


def test_a_number_of_5000_digits_is_read_and_never_echoed(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    post = site / "_posts" / "2025-01-02-big.md"
    post.write_bytes((CORPUS / "number-5000-digits.md").read_bytes())
    code, out, _ = run("check", str(site))  # Jekyll builds it: so does Byline
    assert code == 0 and "error" not in out
    code, out, _ = run("list", str(site))
    assert code == 0 and "Big" in out
    code, out, _ = run("render", str(post))
    assert code == 0 and "Body." in out
    code, _, err = run("new", str(site), "--title", "x", "--date", "7" * 5000)
    assert code == 2 and one_line(err) and len(err) < 200


# --- images that never end, or cannot be a JPEG ------------------------------------


def test_an_image_taller_than_a_jpeg_can_be(tmp_path: Path) -> None:
    from editor.core.images.pipeline import ImageSettings, ImageTooLargeError, process_file

    site = make_site(tmp_path / "site")
    tall = tmp_path / "tall.png"
    Image.new("RGB", (100, 70000), (1, 2, 3)).save(tall)
    # a header image is capped at 2000 px tall (issue 18): it fits then
    code, _out, err = run("new", str(site), "--title", "x", "--image", str(tall))
    assert code == 0 and err == ""
    (stored,) = (site / "assets" / "images").iterdir()
    with Image.open(stored) as im:
        assert im.size == (3, 2000)
    # without a height cap, the JPEG format's own limit is said plainly
    with pytest.raises(ImageTooLargeError) as caught:
        process_file(tall, ImageSettings(max_height=None))
    assert "100 x 70000 pixels; a JPEG holds at most 65,535 pixels on a side" in str(caught.value)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="POSIX only")
def test_dev_zero_as_an_image(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    code, _, err = run("new", str(site), "--title", "x", "--image", "/dev/zero")
    assert code == 2 and one_line(err) and "not a regular file" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_a_fifo_as_an_image_does_not_hang(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    fifo = tmp_path / "photo.jpg"
    os.mkfifo(fifo)
    code, _, err = run("new", str(site), "--title", "x", "--image", str(fifo))
    assert code == 2 and one_line(err) and "not a regular file" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX only")
def test_a_fifo_rendered_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "post.md"
    os.mkfifo(fifo)
    code, _, err = run("render", str(fifo))
    assert code == 2 and one_line(err) and "not a regular file" in err


def jpeg_with_exif_segments(count: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (9, 90, 200)).save(buffer, "JPEG")
    jpeg = buffer.getvalue()
    payload = b"Exif\0\0" + b"MM\0*\0\0\0\x08\0\0" + bytes(1000)
    segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + segment * count + jpeg[2:]


def test_a_jpeg_with_a_thousand_exif_segments(tmp_path: Path) -> None:
    from editor.core.images.jpeg_segments import MAX_METADATA_SEGMENTS, thin_metadata
    from editor.core.render.media import image_size

    path = tmp_path / "many.jpg"
    data = jpeg_with_exif_segments(1000)
    path.write_bytes(data)
    thinned = thin_metadata(data)
    assert thinned.count(b"\xff\xe1") == MAX_METADATA_SEGMENTS
    with Image.open(io.BytesIO(thinned)) as im:
        assert im.size == (64, 48)
    assert image_size(path) == (64, 48)  # from the frame header
    site = make_site(tmp_path / "site")
    code, _out, err = run("new", str(site), "--title", "x", "--image", str(path))
    assert (code, err) == (0, "")
    assert b"Exif" not in next((site / "assets" / "images").iterdir()).read_bytes()


# --- damaged caches ------------------------------------------------------------------


def cache_files(site: Path) -> list[Path]:
    cache = Path(os.environ["XDG_CACHE_HOME"]) / "Byline"
    return sorted(p for p in cache.rglob(f"{site.name}-*") if p.is_file())


def test_an_index_cache_of_100000_brackets_is_rebuilt(tmp_path: Path) -> None:
    site = make_site(tmp_path / "deep-cache-site")
    assert run("list", str(site))[0] == 0
    files = cache_files(site)
    assert files
    for file in files:
        file.write_bytes(b"[" * 100_000)
    for args in (["list", str(site)], ["list", str(site), "--json"], ["check", str(site)]):
        code, out, err = run(*args)
        assert (code == 0 and "Fine" in out) or "1 posts checked" in err, (args, out, err)
    assert all(not f.read_bytes().startswith(b"[[[") for f in cache_files(site))


def test_a_cache_row_with_a_mapping_title_is_rebuilt(tmp_path: Path) -> None:
    site = make_site(tmp_path / "mapping-cache-site")
    assert run("list", str(site), "--json")[0] == 0
    for file in cache_files(site):
        if file.suffix == ".json":
            data = json.loads(file.read_text())
            data["rows"][0][4] = {"evil": ["nested"]}
            file.write_text(json.dumps(data))
        else:
            file.unlink()  # the listing kept as printed: the index must be read
    code, out, err = run("list", str(site), "--json")
    assert (code, err) == (0, "")
    assert [p["title"] for p in json.loads(out)] == ["Fine"]


# --- posts over the editor's 16 MB -----------------------------------------------------


def test_a_post_over_16_mb_is_reported_at_once(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    huge = site / "_posts" / "2025-01-02-huge.md"
    with open(huge, "w") as handle:  # front matter that never closes: the worst case
        handle.write("---\ntitle: Huge\n")
        line = "key: " + "v" * 94 + "\n"
        handle.write(line * (17 * 2**20 // len(line)))
    for args in (["list", str(site)], ["list", str(site), "--no-cache"]):
        code, out, err = run(*args)
        assert code == 0 and "Byline opens posts up to 16 MB" in out and "Fine" in out
    code, out, _ = run("check", str(site))
    assert code == 1 and "huge.md:1: error: this file is 17.0 MB" in out
    code, out, err = run("render", str(huge))
    assert code == 2 and out == "" and one_line(err) and "up to 16 MB" in err


# --- terminal escapes ----------------------------------------------------------------


def test_control_characters_are_escaped_in_every_command(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    evil = "Evil\x1b]0;pwned\x07\x1b[2J\u009b31m"
    post = site / "_posts" / "2025-01-02-evil.md"
    post.write_text('---\ntitle: "Evil\\e]0;pwned\\a\\e[2J\\x9b31m"\n---\n\nText \x1b[5m.\n')
    shown = "Evil\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m"
    for args in (["list", str(site)], ["list", str(site)], ["list", str(site), "--no-cache"]):
        code, out, _ = run(*args)
        assert code == 0 and shown in out and "\x1b" not in out and "\x07" not in out
    code, out, _ = run("list", str(site), "--json")
    assert json.loads(out)[0]["title"] == evil and "\x1b" not in out
    code, out, _ = run("render", str(post))
    assert "\x1b" not in out and "\\x1b[5m" in out
    code, out, err = run("new", str(site), "--title", evil, "--body-file", str(tmp_path / "no"))
    assert code == 2 and "\x1b" not in err
    code, out, _ = run("search", str(site), "pwned")
    assert code == 0 and "\x1b" not in out and shown in out
    (site / "_posts" / "2025-01-03-bad\x1b[2J.md").write_text("---\ntitle: [\n---\n")
    code, out, _ = run("check", str(site))
    assert "\x1b" not in out and "bad\\x1b[2J.md" in out
