"""Resize (and turn upright) a large image in horizontal bands, one per core.

Pillow releases the GIL while it resamples and transposes, so two bands take about half
the time of one pass on two cores. `Image.resize(..., box=...)` reads the pixels around
its box as a whole-image resize would, so the bands join seamlessly: the result is the
single resize's to within one level (float rounding of the band's offset).
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from PIL import Image

MIN_BAND_PIXELS = 1_000_000  # below this (output pixels) one pass is as quick
_SWAPS_AXES = {
    Image.Transpose.ROTATE_90,
    Image.Transpose.ROTATE_270,
    Image.Transpose.TRANSPOSE,
    Image.Transpose.TRANSVERSE,
}
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="byline-resize")
        return _pool


def band_count(size: tuple[int, int]) -> int:
    """How many bands are worth it for an output of `size` on this machine."""
    cores = os.cpu_count() or 1
    return 2 if cores >= 2 and size[0] * size[1] >= MIN_BAND_PIXELS and size[1] >= 2 else 1


def moved_box(
    box: tuple[int, int, int, int], size: tuple[int, int], method: Image.Transpose | None
) -> tuple[int, int]:
    """Where the top-left corner of `box` (in an image of `size`) lands after `method`."""
    x0, y0, x1, y1 = box
    w, h = size
    T = Image.Transpose
    corners = {
        None: (x0, y0),
        T.FLIP_LEFT_RIGHT: (w - x1, y0),
        T.FLIP_TOP_BOTTOM: (x0, h - y1),
        T.ROTATE_180: (w - x1, h - y1),
        T.ROTATE_90: (y0, w - x1),  # counter-clockwise: (x, y) -> (y, w - 1 - x)
        T.ROTATE_270: (h - y1, x0),  # clockwise: (x, y) -> (h - 1 - y, x)
        T.TRANSPOSE: (y0, x0),
        T.TRANSVERSE: (h - y1, w - x1),
    }
    return corners[method]


def resize_upright(
    im: Image.Image,
    size: tuple[int, int],
    resample: Image.Resampling,
    method: Image.Transpose | None = None,
    *,
    bands: int | None = None,
) -> Image.Image:
    """`im.resize(size, resample)` then `.transpose(method)`, in bands on two cores.

    Only a plain resample is banded (no `reducing_gap` pre-reduction, whose blocks would
    not line up with the bands); the caller keeps large reductions for JPEG draft mode.
    """
    count = band_count(size) if bands is None else bands
    if count <= 1:
        out = im.resize(size, resample)
        return out.transpose(method) if method is not None else out
    width, height = size
    scale_y = im.height / height
    cuts = [round(height * i / count) for i in range(count + 1)]

    def band(i: int) -> Image.Image:
        y0, y1 = cuts[i], cuts[i + 1]
        part = im.resize((width, y1 - y0), resample, box=(0, y0 * scale_y, im.width, y1 * scale_y))
        return part.transpose(method) if method is not None else part

    # the first band on the worker, the rest here: no idle thread while it runs
    first: Future[Image.Image] = _executor().submit(band, 0)
    rest = [band(i) for i in range(1, count)]
    parts = [first.result(), *rest]
    out_size = (height, width) if method in _SWAPS_AXES else size
    out = Image.new(im.mode, out_size)
    for i, part in enumerate(parts):
        out.paste(part, moved_box((0, cuts[i], width, cuts[i + 1]), size, method))
    return out
