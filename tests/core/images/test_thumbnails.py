"""List thumbnails: small, upright, cached by the source's MD5."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from editor.core.images.pipeline import NotAnImageError
from editor.core.images.thumbnails import (
    ImageInfo,
    default_cache_dir,
    image_info,
    thumbnail_bytes,
    thumbnail_file,
)


def jpeg(size: tuple[int, int], orientation: int | None = None) -> bytes:
    im = Image.new("RGB", size, (20, 120, 220))
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    buffer = io.BytesIO()
    im.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def test_thumbnail_is_96_px_tall_and_cached(tmp_path: Path) -> None:
    source = tmp_path / "header.jpg"
    data = jpeg((2000, 1333))
    source.write_bytes(data)
    cache = tmp_path / "cache"
    cold = thumbnail_file(source, cache_dir=cache)
    assert (cold.width, cold.height) == (144, 96) and not cold.cached
    md5 = hashlib.md5(data).hexdigest()
    assert cold.source_md5 == md5
    assert [p.name for p in cache.iterdir()] == [f"{md5}-96.jpg"]
    warm = thumbnail_file(source, cache_dir=cache)
    assert warm.cached and warm.data == cold.data and (warm.width, warm.height) == (144, 96)


def test_thumbnail_is_upright_and_panoramas_are_capped(tmp_path: Path) -> None:
    portrait = thumbnail_bytes(jpeg((300, 200), orientation=6), name="p.jpg", cache_dir=tmp_path)
    assert (portrait.width, portrait.height) == (64, 96)
    pano = thumbnail_bytes(jpeg((4000, 200)), name="pano.jpg", cache_dir=tmp_path)
    assert pano.width == 384 and pano.height == 19


def test_small_pictures_are_not_enlarged(tmp_path: Path) -> None:
    thumb = thumbnail_bytes(jpeg((40, 30)), name="s.jpg", cache_dir=tmp_path)
    assert (thumb.width, thumb.height) == (40, 30)


def test_damaged_cache_entry_is_remade(tmp_path: Path) -> None:
    data = jpeg((400, 300))
    (tmp_path / f"{hashlib.md5(data).hexdigest()}-96.jpg").write_bytes(b"garbage")
    thumb = thumbnail_bytes(data, name="a.jpg", cache_dir=tmp_path)
    assert not thumb.cached and thumb.height == 96
    assert thumbnail_bytes(data, name="a.jpg", cache_dir=tmp_path).cached


def test_unwritable_cache_only_costs_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    thumb = thumbnail_bytes(jpeg((400, 300)), name="a.jpg", cache_dir=blocker / "thumbs")
    assert thumb.height == 96


def test_bad_input_raises_the_pipeline_error(tmp_path: Path) -> None:
    with pytest.raises(NotAnImageError, match=r"^notes\.txt: "):
        thumbnail_bytes(b"hello", name="notes.txt", cache_dir=tmp_path)


def test_default_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "byline" / "thumbs"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "byline" / "thumbs"


def test_image_info_reads_the_header(tmp_path: Path) -> None:
    path = tmp_path / "p.jpg"
    data = jpeg((300, 200), orientation=6)
    path.write_bytes(data)
    assert image_info(path) == ImageInfo(200, 300, len(data))
