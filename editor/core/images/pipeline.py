"""Header and inline images: any photo in, a web-ready JPEG out, named by the MD5 of its bytes.

The pipeline: read, refuse what is not a supported picture (with the reason), apply the EXIF
orientation, convert to RGB (transparency onto white, CMYK and palettes properly), downscale
(never up) to the configured width, encode as a progressive, optimised JPEG without any
metadata. A fitting plain JPEG is kept as its own bytes (minus metadata segments, which are
dropped losslessly): no needless re-compression.
"""

from __future__ import annotations

import functools
import io
import os
import stat
from pathlib import Path
from typing import NoReturn

from PIL import Image, ImageCms, UnidentifiedImageError

from editor.core.images.banded_resize import band_count, resize_upright
from editor.core.images.image_kinds import DEFAULT_SETTINGS as DEFAULT_SETTINGS
from editor.core.images.image_kinds import IMAGES_DIR as IMAGES_DIR
from editor.core.images.image_kinds import NAME_RE as NAME_RE
from editor.core.images.image_kinds import CorruptImageError as CorruptImageError
from editor.core.images.image_kinds import ImageError as ImageError
from editor.core.images.image_kinds import ImageReadError as ImageReadError
from editor.core.images.image_kinds import ImageSettings as ImageSettings
from editor.core.images.image_kinds import ImageStoreError as ImageStoreError
from editor.core.images.image_kinds import ImageTooLargeError as ImageTooLargeError
from editor.core.images.image_kinds import NotAnImageError as NotAnImageError
from editor.core.images.image_kinds import ProcessedImage as ProcessedImage
from editor.core.images.image_kinds import UnsupportedImageError as UnsupportedImageError
from editor.core.images.image_kinds import processed as processed
from editor.core.images.jpeg_segments import strip_jpeg, thin_metadata

# a multi-picture JPEG (MPO) opens through the JPEG plugin
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF")
# Below Pillow's own DecompressionBombWarning threshold (~89.5 MP), so an image we accept
# never trips it; still above any ordinary camera's output (a 61 MP full-frame is 60 MP).
MAX_PIXELS = 89_000_000
MAX_JPEG_SIDE = 65_535  # the format's limit: a taller picture cannot be stored
MAX_FILE_BYTES = 200 * 1024 * 1024
_ORIENTATION_TAG = 0x0112
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_SWAPS_AXES = {5, 6, 7, 8}
REDUCING_GAP = 3.0  # Pillow pre-reduces by whole factors when shrinking >= 2x this
NOT_AN_IMAGE = "not an image: Byline reads JPEG, PNG, WebP, GIF, BMP and TIFF files"
_CONVERT_HINT = "convert it to JPEG or PNG first (open it and export or share it as JPEG)"
_RAW_SUFFIXES = {".cr2", ".cr3", ".nef", ".arw", ".dng", ".raf", ".orf", ".rw2", ".pef", ".srw"}
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
_AVIF_BRANDS = {b"avif", b"avis"}


# --- the pipeline ------------------------------------------------------------


def read_source(path: str | os.PathLike[str]) -> bytes:
    """A picture file's bytes, or an ImageReadError saying why not."""
    name = str(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            # /dev/zero never ends, a FIFO blocks until someone writes to it
            raise ImageReadError("this is not a regular file (a device or a pipe)", path=name)
        size = info.st_size
        if size > MAX_FILE_BYTES:
            raise ImageTooLargeError(
                f"the file is too large ({size / 2**20:.0f} MB; at most "
                f"{MAX_FILE_BYTES // 2**20} MB)",
                path=name,
            )
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # a file growing meanwhile stops here
        if len(data) > MAX_FILE_BYTES:
            raise ImageTooLargeError(
                f"the file is too large (at most {MAX_FILE_BYTES // 2**20} MB)", path=name
            )
        return data
    except IsADirectoryError:
        raise ImageReadError("this is a folder, not an image file", path=name) from None
    except OSError as exc:
        raise ImageReadError(f"cannot read the file: {exc.strerror or exc}", path=name) from None


def process_file(
    path: str | os.PathLike[str],
    settings: ImageSettings = DEFAULT_SETTINGS,
    *,
    inline: bool = False,
) -> ProcessedImage:
    """Read and process one picture file (see `process_bytes`)."""
    return process_bytes(read_source(path), name=str(path), settings=settings, inline=inline)


def process_bytes(
    data: bytes,
    *,
    name: str,
    settings: ImageSettings = DEFAULT_SETTINGS,
    inline: bool = False,
) -> ProcessedImage:
    """Turn a picture's bytes into the JPEG the blog stores; `name` is used in messages."""
    if inline:
        settings = settings.for_inline()
    refuse_unsupported(data, name)
    im = open_image(data, name)
    try:
        orientation = orientation_of(im, name)
        if _can_keep_jpeg(im, orientation, settings):
            kept = strip_jpeg(data, keep_icc=settings.keep_icc)
            if kept is not None:
                width, height = _verify(kept, name)
                return processed(kept, width, height, name, reencoded=False)
        target = fit_size(
            upright_size(im.size, orientation), settings.max_width, settings.max_height
        )
        if max(target) > MAX_JPEG_SIDE:
            raise ImageTooLargeError(
                f"the image is {target[0]} x {target[1]} pixels; a JPEG holds at most "
                f"{MAX_JPEG_SIDE:,} pixels on a side",
                path=name,
            )
        icc = im.info.get("icc_profile") if settings.keep_icc else None
        if icc and not is_rgb_profile(icc):
            icc = None  # a CMYK or grey profile does not describe the RGB result
        rgb = decode_upright(im, name, target, orientation, to_srgb=not settings.keep_icc)
        # encoded before closing: `rgb` may be `im` itself when nothing needed changing
        data_out = encode_jpeg(rgb, settings.quality, icc)
    finally:
        im.close()
    return processed(data_out, rgb.width, rgb.height, name, reencoded=True)


def refuse_unsupported(data: bytes, name: str) -> None:
    """Recognise formats we know we cannot use, to say so plainly instead of 'not an image'."""
    if not data:
        raise NotAnImageError("the file is empty", path=name)
    head = data[:64]
    suffix = Path(name).suffix.lower()
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF_BRANDS or suffix in (".heic", ".heif"):
            raise UnsupportedImageError(
                f"HEIC/HEIF photos are not supported: {_CONVERT_HINT}", path=name
            )
        if brand in _AVIF_BRANDS or suffix == ".avif":
            raise UnsupportedImageError(
                f"AVIF images are not supported: {_CONVERT_HINT}", path=name
            )
    text_head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (
        suffix in (".svg", ".svgz")
        or text_head.startswith(b"<svg")
        or (text_head.startswith((b"<?xml", b"<!doctype svg")) and b"<svg" in text_head)
    ):
        raise UnsupportedImageError(
            "SVG drawings are not supported as images here: convert it to PNG first "
            "(most drawing programs and browsers can export one)",
            path=name,
        )
    if suffix in _RAW_SUFFIXES:
        raise UnsupportedImageError(
            f"camera RAW files ({suffix}) are not supported: export a JPEG from your photo program",
            path=name,
        )
    if head.startswith(b"%PDF"):
        raise UnsupportedImageError(
            f"this is a PDF document, not a picture: {_CONVERT_HINT}", path=name
        )


def _looks_like_supported(data: bytes) -> bool:
    return data.startswith(
        (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"II*\0", b"MM\0*")
    ) or (
        (data[:4] == b"RIFF" and data[8:12] == b"WEBP")
        or (data[:2] == b"BM" and data[6:10] == b"\0\0\0\0")  # BMP: reserved fields are zero
    )


def open_image(data: bytes, name: str) -> Image.Image:
    """Open (not decode) a picture in one of the accepted formats, with the pixel cap checked."""
    try:
        # a thousand EXIF segments would keep Pillow busy for many seconds: at most 32
        im = Image.open(io.BytesIO(thin_metadata(data)), formats=ACCEPTED_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _raise_too_large(data, name)
    except UnidentifiedImageError:
        if _looks_like_supported(data):
            raise CorruptImageError(
                "the image is damaged or truncated: its header cannot be read", path=name
            ) from None
        other = _other_format(data)
        if other:
            raise UnsupportedImageError(
                f"{other} images are not supported: {_CONVERT_HINT}", path=name
            ) from None
        raise NotAnImageError(NOT_AN_IMAGE, path=name) from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        if not _looks_like_supported(data):  # e.g. a text file that starts with "BM"
            raise NotAnImageError(NOT_AN_IMAGE, path=name) from None
        raise CorruptImageError(f"the image is damaged or truncated ({exc})", path=name) from None
    width, height = im.size
    if width * height > MAX_PIXELS:
        im.close()
        _raise_too_large(data, name, (width, height))
    return im


def _other_format(data: bytes) -> str | None:
    """The name of a picture format Pillow knows but we do not accept, if it is one."""
    try:
        with Image.open(io.BytesIO(data)) as other:
            return str(other.format or "this kind of")
    except Exception:  # any failure just means "not a picture we know"
        return None


def _raise_too_large(data: bytes, name: str, size: tuple[int, int] | None = None) -> NoReturn:
    dims = (
        f"{size[0]} x {size[1]} pixels, {size[0] * size[1] / 1e6:.0f} megapixels; " if size else ""
    )
    raise ImageTooLargeError(
        f"the image is too large ({dims}at most {MAX_PIXELS / 1e6:.0f} megapixels are accepted, "
        "as a guard against decompression bombs)",
        path=name,
    ) from None


@functools.cache
def _pillow_orients_tiff() -> bool:
    """Whether this Pillow applies a TIFF's orientation itself (newer ones do, on load)."""
    probe = io.BytesIO()
    Image.new("L", (2, 1)).save(probe, "TIFF", tiffinfo={_ORIENTATION_TAG: 6})
    with Image.open(probe) as im:
        return im.size == (1, 2)


def orientation_of(im: Image.Image, name: str) -> int:
    """The EXIF orientation still to apply to `im` (1 = none)."""
    if im.format == "TIFF" and _pillow_orients_tiff():
        return 1
    try:
        value = im.getexif().get(_ORIENTATION_TAG, 1)
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        if im.format == "PNG":  # its EXIF may follow the pixels: this was a failed decode
            raise CorruptImageError(
                f"the image is damaged or truncated ({exc})", path=name
            ) from None
        return 1  # unreadable EXIF: the pixels are still a picture
    except Exception:  # any other damage inside the EXIF block (or its warning as an error)
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def upright_size(size: tuple[int, int], orientation: int) -> tuple[int, int]:
    return (size[1], size[0]) if orientation in _SWAPS_AXES else size


def fit_size(
    size: tuple[int, int], max_width: int | None, max_height: int | None
) -> tuple[int, int]:
    """`size` scaled down to fit the caps, keeping the aspect ratio; never scaled up."""
    width, height = size
    scale = 1.0
    if max_width and width > max_width:
        scale = max_width / width
    if max_height and height * scale > max_height:
        scale = max_height / height
    if scale >= 1.0:
        return size
    return max(1, round(width * scale)), max(1, round(height * scale))


def _can_keep_jpeg(im: Image.Image, orientation: int, settings: ImageSettings) -> bool:
    if im.format not in ("JPEG", "MPO") or im.mode != "RGB" or orientation != 1:
        return False
    if settings.max_width is not None and im.width > settings.max_width:
        return False
    if settings.max_height is not None and im.height > settings.max_height:
        return False
    icc = im.info.get("icc_profile")
    return settings.keep_icc or not icc or is_srgb(icc)


def decode_upright(
    im: Image.Image,
    name: str,
    target: tuple[int, int],
    orientation: int,
    *,
    to_srgb: bool = True,
) -> Image.Image:
    """Decode `im` as an upright RGB image of `target` size (upright), as cheaply as possible."""
    stored_target = upright_size(target, orientation)  # the same swap undoes itself
    try:
        if im.format in ("JPEG", "MPO") and stored_target != im.size:
            im.draft(None, stored_target)  # DCT scaling: decode at 1/2, 1/4 or 1/8 directly
        im.load()
        rgb = to_rgb(im, to_srgb=to_srgb)
        if rgb.size != stored_target:
            # bicubic: as sharp as Lanczos to the eye at these factors, a third cheaper
            method = _TRANSPOSE.get(orientation)
            ratio = max(rgb.width / stored_target[0], rgb.height / stored_target[1])
            if ratio < 2 * REDUCING_GAP and band_count(stored_target) > 1:
                # reducing_gap would not pre-reduce here: two bands on two cores instead
                rgb = resize_upright(rgb, stored_target, Image.Resampling.BICUBIC, method)
                orientation = 1  # turned upright band by band
            else:
                rgb = rgb.resize(stored_target, Image.Resampling.BICUBIC, reducing_gap=REDUCING_GAP)
    except (OSError, SyntaxError, ValueError, EOFError, IndexError) as exc:
        raise CorruptImageError(f"the image is damaged or truncated ({exc})", path=name) from None
    except MemoryError:
        raise ImageTooLargeError("the image is too large to decode in memory", path=name) from None
    if orientation in _TRANSPOSE:
        rgb = rgb.transpose(_TRANSPOSE[orientation])
    return rgb


def to_rgb(im: Image.Image, *, to_srgb: bool = True) -> Image.Image:
    """RGB pixels: transparency flattened onto white, CMYK and palettes converted properly."""
    icc = im.info.get("icc_profile")
    mode = im.mode
    if mode == "CMYK":
        return _cmyk_to_rgb(im, icc)
    if mode.startswith("I") or mode == "F":
        im = _wide_to_l(im)
        mode = im.mode
    has_alpha = mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        mode in ("P", "L", "RGB", "1") and "transparency" in im.info
    )
    if has_alpha:
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        rgb = Image.alpha_composite(white, rgba).convert("RGB")
    elif mode != "RGB":
        rgb = im.convert("RGB")
    else:
        rgb = im
    if to_srgb and icc and not is_srgb(icc) and mode in ("RGB", "RGBA"):
        rgb = _profile_to_srgb(rgb, icc)
    return rgb


def _wide_to_l(im: Image.Image) -> Image.Image:
    """16-bit and float grey to 8-bit grey (a plain convert would clip to white)."""
    if im.mode == "F":
        return im.convert("L")
    if im.mode != "I":
        im = im.convert("I")
    extrema = im.getextrema()
    high = extrema[1] if isinstance(extrema[1], int) else 255
    if high > 255:
        im = im.point(lambda v: v * (1 / 256))
    return im.convert("L")


def _cmyk_to_rgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    if icc:
        try:
            converted = ImageCms.profileToProfile(
                im, ImageCms.ImageCmsProfile(io.BytesIO(icc)), _srgb(), outputMode="RGB"
            )
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the plain conversion below is still reasonable
    return im.convert("RGB")


def _profile_to_srgb(im: Image.Image, icc: bytes) -> Image.Image:
    try:
        converted = ImageCms.profileToProfile(
            im, ImageCms.ImageCmsProfile(io.BytesIO(icc)), _srgb(), outputMode="RGB"
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return im
    return converted if converted is not None else im


_SRGB: ImageCms.ImageCmsProfile | None = None


def _srgb() -> ImageCms.ImageCmsProfile:
    global _SRGB
    if _SRGB is None:
        _SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return _SRGB


def is_srgb(icc: bytes) -> bool:
    """Whether an ICC profile is (a flavour of) sRGB, so dropping it changes no colour."""
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        description = ImageCms.getProfileDescription(profile)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return True  # unreadable: nothing could apply it anyway
    return "srgb" in description.lower().replace(" ", "")


def is_rgb_profile(icc: bytes) -> bool:
    """Whether an ICC profile describes RGB colours (and so may travel with an RGB JPEG)."""
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (ImageCms.PyCMSError, OSError, ValueError):
        return False
    return str(profile.profile.xcolor_space).strip() == "RGB"


def encode_jpeg(im: Image.Image, quality: int, icc: bytes | None = None) -> bytes:
    """A progressive, optimised JPEG with no metadata (an ICC profile only when given)."""
    im.info = {}  # Pillow would carry a JPEG comment over from the source
    buffer = io.BytesIO()
    im.save(buffer, "JPEG", quality=quality, progressive=True, optimize=True, icc_profile=icc)
    return buffer.getvalue()


def _verify(data: bytes, name: str) -> tuple[int, int]:
    """Decode a JPEG fully (a truncated or corrupt one raises); its size."""
    try:
        with Image.open(io.BytesIO(data), formats=("JPEG",)) as im:
            im.load()
            return im.size
    except (OSError, SyntaxError, ValueError, EOFError, UnidentifiedImageError) as exc:
        raise CorruptImageError(f"the image is damaged or truncated ({exc})", path=name) from None
