"""Banded resize: the same picture as one resize + transpose, to within one level."""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops

from editor.core.images.banded_resize import resize_upright

T = Image.Transpose


def _noise(size: tuple[int, int]) -> Image.Image:
    return Image.merge("RGB", [Image.effect_noise(size, 60 + 10 * i) for i in range(3)])


@pytest.mark.parametrize(
    "method",
    [None, T.FLIP_LEFT_RIGHT, T.FLIP_TOP_BOTTOM, T.ROTATE_180, T.ROTATE_90, T.ROTATE_270,
     T.TRANSPOSE, T.TRANSVERSE],
)  # fmt: skip
@pytest.mark.parametrize("bands", [2, 3])
def test_bands_match_a_single_resize(method: T | None, bands: int) -> None:
    src = _noise((301, 203))
    size = (200, 135)
    single = src.resize(size, Image.Resampling.BICUBIC)
    if method is not None:
        single = single.transpose(method)
    banded = resize_upright(src, size, Image.Resampling.BICUBIC, method, bands=bands)
    assert banded.size == single.size and banded.mode == "RGB"
    _low, high = zip(*ImageChops.difference(banded, single).getextrema(), strict=True)
    assert max(high) <= 1


def test_one_band_is_a_plain_resize() -> None:
    src = _noise((90, 60))
    out = resize_upright(src, (60, 40), Image.Resampling.BICUBIC, T.ROTATE_90, bands=1)
    expected = src.resize((60, 40), Image.Resampling.BICUBIC).transpose(T.ROTATE_90)
    assert out.tobytes() == expected.tobytes()
