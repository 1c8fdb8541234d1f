"""Draw the sample blog's header images (landscapes) and store them under their MD5 names.

Run from the repository root: `python tools/make_sample_images.py`. Prints the
file name for each picture so the posts can point at them. Deterministic: the
same Pillow gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "resources" / "sample-blog" / "assets" / "images"
W, H = 1200, 600

# name: (sky top, sky bottom, sun, hill colours far to near)
PALETTES = {
    "dawn": (
        (250, 208, 196),
        (255, 236, 210),
        (255, 246, 220),
        [(196, 160, 170), (150, 110, 140), (90, 70, 110)],
    ),
    "fjord": (
        (120, 170, 210),
        (210, 230, 240),
        (255, 255, 240),
        [(110, 140, 160), (70, 100, 120), (40, 60, 80)],
    ),
    "meadow": (
        (160, 210, 230),
        (235, 245, 225),
        (255, 250, 210),
        [(150, 190, 140), (100, 150, 90), (60, 110, 60)],
    ),
    "dusk": (
        (40, 40, 90),
        (240, 140, 110),
        (255, 200, 150),
        [(110, 70, 100), (70, 45, 80), (35, 25, 50)],
    ),
    "desert": (
        (120, 190, 230),
        (250, 225, 180),
        (255, 250, 230),
        [(220, 170, 120), (200, 135, 90), (160, 95, 60)],
    ),
    "forest": (
        (190, 215, 205),
        (240, 240, 225),
        (255, 255, 235),
        [(120, 150, 130), (70, 110, 85), (30, 70, 50)],
    ),
}


def _lerp(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, ...]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def landscape(name: str, seed: int) -> Image.Image:
    top, bottom, sun, hills = PALETTES[name]
    rng = random.Random(seed)
    img = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(img)
    for y in range(H):
        draw.line([(0, y), (W, y)], fill=_lerp(top, bottom, y / H))
    sx, sy, r = rng.randint(250, 950), rng.randint(120, 260), rng.randint(45, 80)
    glow = Image.new("L", (W, H), 0)
    ImageDraw.Draw(glow).ellipse([sx - r * 3, sy - r * 3, sx + r * 3, sy + r * 3], fill=90)
    img.paste(Image.new("RGB", (W, H), sun), mask=glow.filter(ImageFilter.GaussianBlur(60)))
    draw.ellipse([sx - r, sy - r, sx + r, sy + r], fill=sun)
    for i, colour in enumerate(hills):
        base = 300 + i * 90
        amp = 70 - i * 12
        f1, f2 = rng.uniform(0.004, 0.009), rng.uniform(0.012, 0.025)
        p1, p2 = rng.uniform(0, 6.3), rng.uniform(0, 6.3)
        pts = [(0, H)]
        for x in range(0, W + 1, 6):
            y = base - amp * math.sin(x * f1 + p1) - amp * 0.35 * math.sin(x * f2 + p2)
            pts.append((x, y + rng.uniform(-1.5, 1.5)))
        pts.append((W, H))
        draw.polygon(pts, fill=colour)
    # a little grain so the JPEG looks like a photograph rather than a vector drawing
    grain = Image.frombytes("L", (W, H), rng.randbytes(W * H)).filter(ImageFilter.BoxBlur(0.6))
    return Image.blend(img, Image.merge("RGB", (grain, grain, grain)), 0.07)


def route_map() -> Image.Image:
    """A small map for an inline image: contour rings and a walked loop."""
    img = Image.new("RGB", (640, 400), (244, 240, 226))
    draw = ImageDraw.Draw(img)
    for i in range(9, 0, -1):
        r = i * 22
        draw.ellipse(
            [330 - r * 1.3, 190 - r, 330 + r * 1.3, 190 + r], outline=(196, 160, 120), width=2
        )
    pts = [
        (
            80 + 480 * (0.5 + 0.42 * math.cos(t / 20)),
            200 + 140 * math.sin(t / 20) * math.cos(t / 45),
        )
        for t in range(0, 126)
    ]
    draw.line(pts + pts[:1], fill=(200, 50, 40), width=5, joint="curve")
    draw.ellipse([pts[0][0] - 8, pts[0][1] - 8, pts[0][0] + 8, pts[0][1] + 8], fill=(40, 40, 40))
    return img


def avatar(colour: tuple[int, int, int]) -> Image.Image:
    img = Image.new("RGB", (128, 128), (250, 250, 250))
    draw = ImageDraw.Draw(img)
    draw.ellipse([4, 4, 124, 124], fill=colour)
    draw.ellipse([44, 26, 84, 66], fill=(250, 245, 235))
    draw.ellipse([24, 72, 104, 150], fill=(250, 245, 235))
    return img


def store(img: Image.Image, fmt: str = "JPEG", name: str | None = None) -> str:
    buf = io.BytesIO()
    if fmt == "PNG":
        img.save(buf, "PNG", optimize=True)
        data = buf.getvalue()
        name = name or hashlib.md5(data).hexdigest() + ".png"
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / name).write_bytes(data)
        return name
    img.save(buf, "JPEG", quality=80, optimize=True)
    data = buf.getvalue()
    name = hashlib.md5(data).hexdigest() + ".jpg"
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / name).write_bytes(data)
    return name


def main() -> int:
    for seed, name in enumerate(PALETTES):
        img = landscape(name, seed)
        stored = store(img)
        print(f"{name}: assets/images/{stored} ({(OUT / stored).stat().st_size} bytes)")
    print(f"route map: /assets/images/{store(route_map(), 'PNG')}")
    store(avatar((70, 110, 150)), "PNG", "avatar-mara.png")
    store(avatar((160, 100, 70)), "PNG", "avatar-tomas.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
