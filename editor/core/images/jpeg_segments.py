"""Dropping a JPEG's metadata segments losslessly: the entropy-coded data is copied as is."""

from __future__ import annotations

import re

_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
_KEEP_SOF = {0xC0, 0xC1, 0xC2}  # baseline, extended, progressive Huffman: what browsers show
_OTHER_SOF = {0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF}


def strip_jpeg(data: bytes, *, keep_icc: bool = False) -> bytes | None:
    """The same JPEG without metadata segments (EXIF, XMP, IPTC, comments, ...) or trailing
    bytes, losslessly; `data` itself when nothing is to strip; None when it must be re-encoded.
    """
    n = len(data)
    if data[:2] != b"\xff\xd8":
        return None
    out = [b"\xff\xd8"]
    changed = False
    seen_sof = False
    pos = 2
    while True:
        if pos + 2 > n or data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            changed = True
            continue
        if marker == 0xD9 or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            return None  # no image before the end, or a stray standalone marker
        if pos + 4 > n:
            return None
        end = pos + 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
        if end > n or end < pos + 4:
            return None
        if marker == 0xDA:
            if not seen_sof:
                return None
            scan_end = _scan_end(data, end)
            if scan_end is None:
                return None
            out.append(data[pos:scan_end])
            pos = scan_end
            if data[pos + 1] == 0xD9:
                out.append(b"\xff\xd9")
                changed = changed or pos + 2 != n
                break
            continue
        if marker in _OTHER_SOF:
            return None
        if marker in _KEEP_SOF:
            if end - pos < 10 or data[pos + 4] != 8 or data[pos + 9] != 3:
                return None
            seen_sof = True
        if _keep_segment(marker, data[pos + 4 : pos + 18], keep_icc):
            out.append(data[pos:end])
        else:
            changed = True
        pos = end
    return b"".join(out) if changed else data


def _keep_segment(marker: int, head: bytes, keep_icc: bool) -> bool:
    if marker == 0xE0:
        return head.startswith(b"JFIF\0")  # JFXX holds a thumbnail
    if marker == 0xE2:
        return keep_icc and head.startswith(b"ICC_PROFILE\0")
    if marker == 0xEE:
        return head.startswith(b"Adobe")  # says how to read the colours: not metadata
    return not (0xE0 <= marker <= 0xEF or marker == 0xFE)


def _scan_end(data: bytes, pos: int) -> int | None:
    """Where the entropy-coded data starting at `pos` ends (the next real marker)."""
    match = _MARKER.search(data, pos)  # not stuffing (FF 00), a restart (FF Dn) or a fill (FF FF)
    return match.start() if match else None


# Pillow reads every APPn segment when it opens a JPEG: 1,000 EXIF segments took it 15 s.
# No camera writes more than a handful; the rest are dropped before Pillow sees them.
MAX_METADATA_SEGMENTS = 32


def thin_metadata(data: bytes) -> bytes:
    """`data` with only its first MAX_METADATA_SEGMENTS metadata segments (APPn, COM)
    before the image data; `data` itself when it has no more (or is not a JPEG we read)."""
    if data[:2] != b"\xff\xd8":
        return data
    n = len(data)
    pos = 2
    seen = 0
    drop: list[tuple[int, int]] = []
    while pos + 4 <= n and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker == 0xDA or marker == 0xD9 or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            break
        end = pos + 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
        if end > n or end < pos + 4:
            break
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            seen += 1
            if seen > MAX_METADATA_SEGMENTS:
                drop.append((pos, end))
        pos = end
    if not drop:
        return data
    parts: list[bytes] = []
    previous = 0
    for start, end in drop:
        parts.append(data[previous:start])
        previous = end
    parts.append(data[previous:])
    return b"".join(parts)


def jpeg_size(path: str) -> tuple[int, int] | None:
    """A JPEG file's pixel size from its frame header, reading only the segment headers
    (linear, whatever metadata comes first); None when it is not a JPEG we can read."""
    try:
        with open(path, "rb") as handle:
            if handle.read(2) != b"\xff\xd8":
                return None
            for _ in range(100_000):
                head = handle.read(4)
                if len(head) < 4 or head[0] != 0xFF:
                    return None
                marker = head[1]
                if marker == 0xFF:
                    handle.seek(-3, 1)
                    continue
                length = int.from_bytes(head[2:4], "big")
                if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                    frame = handle.read(5)
                    if len(frame) < 5:
                        return None
                    height = int.from_bytes(frame[1:3], "big")
                    width = int.from_bytes(frame[3:5], "big")
                    return (width, height) if width and height else None
                if marker == 0xDA or length < 2:
                    return None
                handle.seek(length - 2, 1)
    except OSError:
        return None
    return None
