"""Names of a site's files in the cache folder (light: no index code needed to find them)."""

from __future__ import annotations

import re
import zlib
from pathlib import Path


def cache_file(cache_root: Path, site_root: Path, suffix: str = ".json") -> Path:
    """The cache file of one site (named by a hash of its folder)."""
    # the folder's name for people looking in the cache folder; the checksum (and the root
    # in the fingerprint) tells same-named sites apart
    text = str(site_root)
    crc = zlib.crc32(text.encode("utf-8", "surrogateescape"))
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", site_root.name)[:40] or "site"
    return cache_root / "site-index" / f"{name}-{crc:08x}{suffix}"
