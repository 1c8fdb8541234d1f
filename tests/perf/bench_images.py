"""Header image pipeline on a 6000x4000 phone-style JPEG, next to naive Pillow in the same run;
and the list thumbnails for 100 headers, cold and cached.

Targets (issue 6, issue 18): <= 0.35 s per header and >= 3x faster than a naive Pillow
pipeline that produces the same result (upright, Lanczos, progressive, the same size). The
plain naive `open().resize().save()` (sideways, baseline, smaller) is printed for information.
"""

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from editor.core.images.banded_resize import band_count, resize_upright
from editor.core.images.pipeline import process_file
from editor.core.images.thumbnails import thumbnail_file

WIDTH, HEIGHT, MAX_WIDTH = 6000, 4000, 2000
GPS = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 40.0), 6: 35.0}


def photo_like(width: int, height: int) -> Image.Image:
    """Smooth shapes, a sky gradient and sensor-like noise: compresses like a real photo."""
    shapes = Image.merge(
        "RGB",
        [
            Image.effect_noise((width // 16, height // 16), 70).filter(ImageFilter.GaussianBlur(2))
            for _ in range(3)
        ],
    ).resize((width, height), Image.Resampling.BICUBIC)
    sky = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    grain = Image.effect_noise((width, height), 14).convert("RGB")
    return Image.blend(Image.blend(shapes, sky, 0.35), grain, 0.2)


def camera_jpeg(path: Path, orientation: int) -> int:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 12"
    exif[0x0112] = orientation
    exif[0x8825] = GPS
    photo_like(WIDTH, HEIGHT).save(path, "JPEG", quality=92, exif=exif.tobytes())
    return path.stat().st_size


def naive(path: Path) -> bytes:
    """What a first attempt does: open, resize to 2000 px wide, save."""
    im = Image.open(path)
    small = im.resize((MAX_WIDTH, round(im.height * MAX_WIDTH / im.width)))
    out = io.BytesIO()
    small.save(out, "JPEG", quality=85)
    return out.getvalue()


def naive_correct(path: Path, size: tuple[int, int]) -> bytes:
    """The same job, the same result, without the speed tricks: upright, Lanczos to the
    size Byline makes, progressive and optimised at the same quality, no metadata."""
    im = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
    small = im.resize(size, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=85, progressive=True, optimize=True)
    return out.getvalue()


def timed(fn: object, arg: object) -> float:
    start = time.perf_counter()
    fn(arg)  # type: ignore[operator]
    return time.perf_counter() - start


def bench_header(folder: Path, orientation: int, rounds: int = 7) -> tuple[float, float]:
    path = folder / f"camera-{orientation}.jpg"
    file_size = camera_jpeg(path, orientation)
    result = process_file(path)
    size = (result.width, result.height)
    same = Image.open(io.BytesIO(naive_correct(path, size)))
    assert same.size == size and same.info.get("progressive"), "not the same result"
    ours, plain, correct = [], [], []
    for _ in range(rounds):  # interleaved, so machine noise hits all three alike
        ours.append(timed(process_file, path))
        plain.append(timed(naive, path))
        correct.append(timed(lambda p: naive_correct(p, size), path))
    o, n, c = (statistics.median(x) for x in (ours, plain, correct))
    label = (
        f"{WIDTH}x{HEIGHT} JPEG ({file_size / 2**20:.1f} MB), EXIF orientation {orientation} + GPS"
    )
    print(f"{label} -> {result.width}x{result.height}, {result.size / 1024:.0f} KB:")
    print(f"  byline process_file:                      {o:6.3f} s (median of {rounds})")
    print(f"  naive, same result (upright, Lanczos, progressive, {size[0]}x{size[1]}):"
          f" {c:6.3f} s   ratio {c / o:4.2f}x")  # fmt: skip
    print(f"  plain naive open().resize().save() (for information):  {n:6.3f} s   "
          f"ratio {n / o:4.2f}x")  # fmt: skip
    return o, c / o


def bench_bands(folder: Path, rounds: int = 9) -> None:
    """The resize step alone (3000x2000 draft -> 2000x1333): in bands vs one pass."""
    with Image.open(folder / "camera-1.jpg") as im:
        im.draft(None, (MAX_WIDTH, 1333))
        im.load()
        big = im.copy()
    size = (MAX_WIDTH, round(big.height * MAX_WIDTH / big.width))
    bicubic = Image.Resampling.BICUBIC
    one, banded = [], []
    for _ in range(rounds):
        one.append(timed(lambda b: resize_upright(b, size, bicubic, bands=1), big))
        banded.append(timed(lambda b: resize_upright(b, size, bicubic), big))
    o, b = statistics.median(one), statistics.median(banded)
    print(f"resize {big.width}x{big.height} -> {size[0]}x{size[1]} (bicubic):")
    print(f"  one pass:            {o * 1000:6.1f} ms")
    print(f"  {band_count(size)} bands (threads):   {b * 1000:6.1f} ms   ratio {o / b:4.2f}x")


def header_files(folder: Path, count: int) -> list[Path]:
    base = photo_like(2000, 1333)
    paths = []
    for i in range(count):
        im = base.copy()
        ImageDraw.Draw(im).rectangle((i * 13, 50, i * 13 + 200, 400), fill=(i * 2, 90, 200 - i))
        path = folder / f"header-{i:03}.jpg"
        im.save(path, "JPEG", quality=85, progressive=True, optimize=True)
        paths.append(path)
    return paths


def bench_thumbnails(folder: Path, count: int = 100) -> None:
    paths = header_files(folder, count)
    cache = folder / "cache"
    start = time.perf_counter()
    for path in paths:
        thumbnail_file(path, cache_dir=cache)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    hits = sum(thumbnail_file(path, cache_dir=cache).cached for path in paths)
    warm = time.perf_counter() - start
    print(f"list thumbnails for {count} 2000x1333 headers (96 px tall):")
    print(f"  cold (decode + write cache): {cold:6.3f} s   {cold / count * 1000:5.1f} ms each")
    print(
        f"  cached ({hits}/{count} hits):      {warm:6.3f} s   {warm / count * 1000:5.2f} ms each"
    )


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="byline-bench-images-") as tmp:
        folder = Path(tmp)
        seconds, ratio = bench_header(folder, 6)
        bench_header(folder, 1)
        bench_bands(folder)
        print(f"target <= 0.35 s:  {'met' if seconds <= 0.35 else 'NOT met'} ({seconds:.3f} s)")
        print(f"target >= 3x naive (same result): {'met' if ratio >= 3 else 'NOT met'} "
              f"({ratio:.2f}x)")  # fmt: skip
        bench_thumbnails(folder)
    return 0 if ratio >= 3 else 1  # the ratio is measured in this run: it fails the bench


if __name__ == "__main__":
    sys.exit(main())
