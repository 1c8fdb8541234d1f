"""The image pipeline: orientation, colour, size, privacy, names, and every bad input."""

from __future__ import annotations

import hashlib
import io
import os
import re
import struct
import warnings
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from editor.core.images import pipeline as images
from editor.core.images.jpeg_segments import strip_jpeg
from editor.core.images.pipeline import (
    CorruptImageError,
    ImageReadError,
    ImageSettings,
    ImageTooLargeError,
    NotAnImageError,
    UnsupportedImageError,
    process_bytes,
    process_file,
)

RED, GREEN, BLUE, YELLOW = (255, 0, 0), (0, 160, 0), (0, 0, 255), (255, 255, 0)
GPS = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 40.0)}


def quadrants(width: int = 64, height: int = 48) -> Image.Image:
    """An upright picture: red top-left, green top-right, blue bottom-left, yellow bottom-right."""
    im = Image.new("RGB", (width, height))
    hw, hh = width // 2, height // 2
    im.paste(RED, (0, 0, hw, hh))
    im.paste(GREEN, (hw, 0, width, hh))
    im.paste(BLUE, (0, hh, hw, height))
    im.paste(YELLOW, (hw, hh, width, height))
    return im


def exif_bytes(orientation: int | None = None, gps: bool = False) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    if orientation is not None:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = GPS
    return exif.tobytes()


def encode(im: Image.Image, fmt: str = "JPEG", **params: object) -> bytes:
    buffer = io.BytesIO()
    im.save(buffer, fmt, **params)
    return buffer.getvalue()


def jpeg_markers(data: bytes) -> list[int]:
    """The markers of a JPEG's header segments up to the first scan."""
    markers, pos = [], 2
    while data[pos + 1] != 0xDA:
        markers.append(data[pos + 1])
        pos += 2 + struct.unpack(">H", data[pos + 2 : pos + 4])[0]
    return markers


def close(a: tuple[int, ...], b: tuple[int, ...], tol: int = 40) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=False))


def corners(data: bytes) -> tuple[tuple[int, ...], ...]:
    with Image.open(io.BytesIO(data)) as im:
        rgb = im.convert("RGB")
        w, h = rgb.size
        spots = [
            (w // 4, h // 4),
            (3 * w // 4, h // 4),
            (w // 4, 3 * h // 4),
            (3 * w // 4, 3 * h // 4),
        ]
        return tuple(tuple(rgb.getpixel(s)) for s in spots)  # type: ignore[arg-type]


# the transform that turns the upright picture into what a camera stores for each orientation
STORE = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_comes_out_upright(orientation: int) -> None:
    upright = quadrants()
    method = STORE[orientation]
    stored = upright.transpose(method) if method is not None else upright
    data = encode(stored, quality=95, exif=exif_bytes(orientation, gps=True))
    result = process_bytes(data, name="phone.jpg")
    assert (result.width, result.height) == (64, 48)
    got = corners(result.data)
    for seen, want in zip(got, (RED, GREEN, BLUE, YELLOW), strict=True):
        assert close(seen, want), (orientation, got)
    with Image.open(io.BytesIO(result.data)) as out:
        assert out.getexif().get(0x0112) is None


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "TIFF"])
def test_orientation_of_other_formats(fmt: str) -> None:
    stored = quadrants().transpose(Image.Transpose.ROTATE_90)
    data = encode(stored, fmt, exif=exif_bytes(6))
    result = process_bytes(data, name=f"x.{fmt.lower()}")
    assert (result.width, result.height) == (64, 48)
    assert close(corners(result.data)[0], RED)


def test_gps_and_exif_are_stripped_when_reencoding() -> None:
    data = encode(quadrants(3000, 1000), quality=90, exif=exif_bytes(1, gps=True), comment=b"hi")
    result = process_bytes(data, name="big.jpg")
    assert result.reencoded and result.width == 2000
    assert 0xE1 not in jpeg_markers(result.data)  # no EXIF/XMP segment
    assert 0xFE not in jpeg_markers(result.data)  # no comment
    assert b"Exif" not in result.data and b"PhoneMaker" not in result.data
    with Image.open(io.BytesIO(result.data)) as out:
        assert dict(out.getexif()) == {}
        assert out.info.get("progressive") and "icc_profile" not in out.info


def test_fitting_jpeg_with_metadata_is_stripped_losslessly() -> None:
    original = encode(quadrants(), quality=90, exif=exif_bytes(1, gps=True), comment=b"secret")
    xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPS</x:xmpmeta>"
    app1_xmp = b"\xff\xe1" + struct.pack(">H", len(xmp) + 2) + xmp
    original = original[:2] + app1_xmp + original[2:] + b"SAMSUNG-TRAILER-WITH-LOCATION"
    result = process_bytes(original, name="small.jpg")
    assert not result.reencoded
    assert set(jpeg_markers(result.data)) & {0xE1, 0xFE} == set()
    for secret in (b"Exif", b"PhoneMaker", b"xmpmeta", b"secret", b"SAMSUNG"):
        assert secret not in result.data
    with Image.open(io.BytesIO(original)) as a, Image.open(io.BytesIO(result.data)) as b:
        assert a.tobytes() == b.tobytes()  # the very same pixels: no re-compression


def test_fitting_plain_jpeg_is_kept_byte_identical() -> None:
    data = encode(quadrants(800, 600), quality=80)
    result = process_bytes(data, name="plain.jpg")
    assert result.data == data
    assert not result.reencoded
    assert (result.width, result.height) == (800, 600)


def test_name_is_md5_of_stored_bytes() -> None:
    result = process_bytes(encode(quadrants(), "PNG"), name="x.png")
    assert result.md5 == hashlib.md5(result.data).hexdigest()
    assert re.fullmatch(r"assets/images/[0-9a-f]{32}\.jpg", result.rel_path)
    assert result.size == len(result.data)


def test_transparency_is_flattened_onto_white() -> None:
    rgba = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    rgba.paste((255, 0, 0, 255), (0, 0, 20, 40))
    result = process_bytes(encode(rgba, "PNG"), name="logo.png")
    with Image.open(io.BytesIO(result.data)) as out:
        assert out.mode == "RGB"
        assert close(out.getpixel((30, 20)), (255, 255, 255), 8)  # type: ignore[arg-type]
        assert close(out.getpixel((5, 20)), RED, 8)  # type: ignore[arg-type]


def test_palette_gif_with_transparency_first_frame() -> None:
    frame1 = Image.new("P", (30, 30), 1)
    frame1.putpalette([0, 0, 0, 255, 0, 0, 0, 0, 255] + [0] * 759)
    frame1.paste(0, (0, 0, 15, 30))  # left half: the transparent index
    frame2 = Image.new("P", (30, 30), 2)
    frame2.putpalette(frame1.getpalette() or [])
    data = encode(frame1, "GIF", save_all=True, append_images=[frame2], transparency=0)
    result = process_bytes(data, name="anim.gif")
    with Image.open(io.BytesIO(result.data)) as out:
        assert close(out.getpixel((5, 15)), (255, 255, 255), 8)  # type: ignore[arg-type]
        assert close(out.getpixel((25, 15)), RED, 8)  # type: ignore[arg-type]


def test_cmyk_is_converted_to_rgb() -> None:
    cmyk = Image.new("CMYK", (40, 40), (0, 255, 255, 0))  # pure red in print colours
    result = process_bytes(encode(cmyk, quality=95), name="print.jpg")
    with Image.open(io.BytesIO(result.data)) as out:
        assert out.mode == "RGB"
        assert close(out.getpixel((20, 20)), RED)  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", ["L", "1", "P", "LA", "I;16", "RGB"])
def test_other_modes_become_rgb(mode: str) -> None:
    im = quadrants().convert(mode) if mode not in ("I;16",) else Image.new("I;16", (20, 20), 40000)
    result = process_bytes(encode(im, "PNG" if mode != "RGB" else "BMP"), name=f"{mode}.png")
    with Image.open(io.BytesIO(result.data)) as out:
        assert out.mode == "RGB"
        if mode == "I;16":
            assert 140 < out.getpixel((10, 10))[0] < 170  # type: ignore[index]  # 40000/65535


def test_never_upscales_and_downscales_to_max_width() -> None:
    small = process_bytes(encode(quadrants(300, 200), "PNG"), name="s.png")
    assert (small.width, small.height) == (300, 200)
    wide = process_bytes(encode(quadrants(3000, 1000), "PNG"), name="w.png")
    assert (wide.width, wide.height) == (2000, 667)
    custom = process_bytes(
        encode(quadrants(3000, 1000), "PNG"), name="w.png", settings=ImageSettings(max_width=500)
    )
    assert custom.width == 500


def test_inline_images_have_no_width_cap_unless_configured() -> None:
    data = encode(quadrants(2400, 100), "PNG")
    assert process_bytes(data, name="a.png", inline=True).width == 2400
    capped = ImageSettings(inline_max_width=800)
    assert process_bytes(data, name="a.png", settings=capped, inline=True).width == 800


def test_quality_setting_changes_the_encoding() -> None:
    data = encode(Image.effect_noise((300, 300), 40).convert("RGB"), "PNG")
    low = process_bytes(data, name="n.png", settings=ImageSettings(quality=30))
    high = process_bytes(data, name="n.png", settings=ImageSettings(quality=95))
    assert low.size < high.size


def _srgb_bytes() -> bytes:
    return bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())


def test_icc_profile_dropped_by_default_and_kept_on_request() -> None:
    icc = _srgb_bytes()
    data = encode(quadrants(2400, 100), quality=90, icc_profile=icc)
    assert "icc_profile" not in Image.open(io.BytesIO(process_bytes(data, name="a").data)).info
    kept = process_bytes(data, name="a", settings=ImageSettings(keep_icc=True))
    assert Image.open(io.BytesIO(kept.data)).info.get("icc_profile") == icc
    fitting = encode(quadrants(), quality=90, icc_profile=icc)
    kept_fit = process_bytes(fitting, name="b", settings=ImageSettings(keep_icc=True))
    assert kept_fit.data == fitting


def test_non_srgb_profile_is_converted_not_silently_dropped() -> None:
    other = _srgb_bytes().replace(b"s\0R\0G\0B", b"x\0R\0G\0B").replace(b"sRGB", b"xRGB")
    assert not images.is_srgb(other)
    data = encode(quadrants(), quality=90, icc_profile=other)
    result = process_bytes(data, name="p3.jpg")
    assert result.reencoded  # pixels converted to sRGB, then the profile can go
    assert "icc_profile" not in Image.open(io.BytesIO(result.data)).info


def test_strip_jpeg_refuses_what_browsers_cannot_show() -> None:
    assert strip_jpeg(b"not a jpeg") is None
    data = encode(quadrants())
    assert strip_jpeg(data[: len(data) // 2]) is None  # no end of image
    assert strip_jpeg(data) is data


def test_mpo_keeps_only_the_first_picture() -> None:
    first, second = quadrants(), quadrants().transpose(Image.Transpose.ROTATE_180)
    data = encode(first, "MPO", save_all=True, append_images=[second])
    result = process_bytes(data, name="camera.jpg")
    assert result.data.count(b"\xff\xd8") == 1 and b"MPF" not in result.data
    assert close(corners(result.data)[0], RED)


# --- bad input ----------------------------------------------------------------


def _png_with_size(width: int, height: int) -> bytes:
    data = bytearray(encode(Image.new("L", (1, 1)), "PNG"))
    ihdr = bytearray(data[12:29])  # type + 13 bytes of IHDR data
    ihdr[4:12] = struct.pack(">II", width, height)
    data[12:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(ihdr)) & 0xFFFFFFFF)
    return bytes(data)


@pytest.mark.parametrize(
    ("data", "name", "error", "words"),
    [
        (b"just some words\n", "notes.jpg", NotAnImageError, "not an image"),
        (b"", "empty.png", NotAnImageError, "empty"),
        (
            b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\0" * 40,
            "IMG_1.HEIC",
            UnsupportedImageError,
            "HEIC",
        ),
        (
            b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
            "d.svg",
            UnsupportedImageError,
            "SVG",
        ),
        (b"%PDF-1.7\n...", "scan.pdf", UnsupportedImageError, "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "cut.png", CorruptImageError, "truncated"),
    ],
)
def test_bad_input_says_what_and_why(data: bytes, name: str, error: type, words: str) -> None:
    with pytest.raises(error) as info:
        process_bytes(data, name=name)
    assert words in str(info.value)
    assert str(info.value).startswith(f"{name}: ")


def test_unsupported_messages_suggest_converting() -> None:
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\0" * 40
    with pytest.raises(UnsupportedImageError, match="convert it to JPEG"):
        process_bytes(heic, name="IMG_0001.HEIC")
    with pytest.raises(UnsupportedImageError, match="convert it to PNG"):
        process_bytes(b"<svg/>", name="x.svg")


def test_known_but_unaccepted_format_is_named() -> None:
    with pytest.raises(UnsupportedImageError, match="ICO images are not supported"):
        process_bytes(encode(quadrants(32, 32), "ICO"), name="favicon.ico")


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "GIF", "TIFF"])
def test_truncated_image_is_reported(fmt: str) -> None:
    noisy = Image.effect_noise((200, 200), 50).convert("RGB")
    data = encode(noisy, fmt)
    with pytest.raises(CorruptImageError, match="damaged or truncated"):
        process_bytes(data[: len(data) * 2 // 3], name=f"cut.{fmt.lower()}")


def test_truncated_fitting_jpeg_is_not_kept() -> None:
    data = encode(Image.effect_noise((200, 200), 50).convert("RGB"))
    with pytest.raises(CorruptImageError):
        process_bytes(data[:-200], name="cut.jpg")


def test_decompression_bomb_is_refused() -> None:
    for size in ((20_000, 20_000), (100_000, 100_000), (9_500, 9_500)):
        with pytest.raises(ImageTooLargeError, match="too large") as info:
            process_bytes(_png_with_size(*size), name="bomb.png")
        assert "decompression bomb" in str(info.value)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ImageReadError, match="cannot read the file") as info:
        process_file(tmp_path / "missing.jpg")
    assert str(tmp_path / "missing.jpg") in str(info.value)
    with pytest.raises(ImageReadError, match="folder"):
        process_file(tmp_path)
    if os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.jpg"
        locked.write_bytes(encode(quadrants()))
        locked.chmod(0)
        with pytest.raises(ImageReadError, match="Permission denied"):
            process_file(locked)


def test_process_file_reads_and_names_the_source(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(encode(quadrants(), "PNG"))
    result = process_file(path)
    assert result.source == str(path) and result.width == 64


def test_settings_are_validated() -> None:
    with pytest.raises(ValueError):
        ImageSettings(quality=0)
    with pytest.raises(ValueError):
        ImageSettings(max_width=0)
    assert ImageSettings() == ImageSettings(2000, 85, False, None)


def test_kept_profile_must_describe_rgb() -> None:
    lab = bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes())
    data = encode(quadrants().convert("L"), "PNG", icc_profile=lab)
    result = process_bytes(data, name="grey.png", settings=ImageSettings(keep_icc=True))
    assert "icc_profile" not in Image.open(io.BytesIO(result.data)).info


def test_text_starting_like_a_bmp_is_not_called_damaged() -> None:
    with pytest.raises(NotAnImageError):
        process_bytes(b"BMW service notes\nnext: May\n", name="notes.bmp")


def test_damaged_exif_does_not_lose_the_picture() -> None:
    plain = encode(quadrants(), quality=90)
    junk = b"Exif\0\0II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06"  # cut-off IFD
    data = plain[:2] + b"\xff\xe1" + struct.pack(">H", len(junk) + 2) + junk + plain[2:]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow warns about the corrupt EXIF; that is fine
        result = process_bytes(data, name="odd.jpg")
    assert b"Exif" not in result.data and (result.width, result.height) == (64, 48)


@pytest.mark.parametrize(
    "params",
    [{"progressive": True}, {"restart_marker_blocks": 4}, {"progressive": True, "optimize": True}],
)
def test_lossless_strip_walks_every_scan(params: dict[str, object]) -> None:
    noisy = Image.effect_noise((300, 200), 60).convert("RGB")
    data = encode(noisy, quality=90, exif=exif_bytes(1, gps=True), **params)
    result = process_bytes(data, name="p.jpg")
    assert not result.reencoded and b"Exif" not in result.data
    assert len(data) - len(result.data) == len(exif_bytes(1, gps=True)) + 4  # marker, length
    with Image.open(io.BytesIO(data)) as a, Image.open(io.BytesIO(result.data)) as b:
        assert a.tobytes() == b.tobytes()
