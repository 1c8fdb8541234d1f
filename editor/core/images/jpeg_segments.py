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
