"""`byline list`'s finished output, kept with what it was made from.

When the site's config, its post folders and every post file's (mtime, size) are as they
were, the listing cannot have changed: the saved output is written out as it is, without
reading the index cache or building a single entry. Anything else (a stamp differs, a
folder changed, the file is damaged or from another version) means it is not used.

Light on purpose: this is all `byline list` imports when nothing changed.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from editor import __version__
from editor.core.index.cache_files import cache_file
from editor.core.site.post_files import folders_unchanged
from editor.core.site.site_root import CONFIG_NAMES

FORMAT = 1  # bump when listing.py prints anything differently
MAGIC = b"byline-listing\n"
# the lengths in bytes of the header, paths, stamps and output, and a CRC-32 of them all
_LENGTHS = struct.Struct("<QQQQI")
_SEP = "\0"  # cannot be part of a file name


def listing_file(cache_root: Path, site_root: Path, variant: str) -> Path:
    """Where one kind of listing (e.g. "json-drafts") of a site is kept."""
    return cache_file(cache_root, site_root, f".list-{variant}")


def key_of(site_root: Path, variant: str) -> dict[str, Any]:
    """What the output depends on besides the post files: the config file, as it is on disk."""
    configs: list[list[int] | None] = []
    for name in CONFIG_NAMES:
        try:
            st = os.stat(os.path.join(site_root, name))
        except OSError:
            configs.append(None)
            continue
        configs.append([st.st_mtime_ns, st.st_size])
    return {
        "format": FORMAT,
        "version": __version__,
        "root": str(site_root),
        "variant": variant,
        "configs": configs,
    }


def _same_stamps(root: str, rels: list[str], packed: bytes) -> bool:
    """Whether every file still has the (mtime_ns, size) in `packed` (stops at a change)."""
    stamps: array[int] = array("q")
    stamps.frombytes(packed)
    if len(stamps) != 2 * len(rels):
        return False
    stat = os.stat
    pairs = iter(stamps)
    try:
        for rel, mtime_ns, size in zip(rels, pairs, pairs, strict=True):
            st = stat(f"{root}/{rel}")
            if st.st_mtime_ns != mtime_ns or st.st_size != size:
                return False  # no need to look further: the listing is made anew
    except OSError:
        return False
    return True


def load(path: Path, site_root: Path, variant: str) -> str | None:
    """The saved output if nothing it was made from has changed, else None."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        if not data.startswith(MAGIC):
            return None
        at = len(MAGIC)
        head_len, paths_len, stamps_len, out_len, crc = _LENGTHS.unpack_from(data, at)
        at += _LENGTHS.size
        if len(data) != at + head_len + paths_len + stamps_len + out_len:
            return None
        if zlib.crc32(memoryview(data)[at:]) != crc:  # damaged (under 1 ms for 5 MB)
            return None
        header = json.loads(data[at : at + head_len])
        at += head_len
        if header.get("key") != key_of(site_root, variant):
            return None
        folders = header.get("folders")
        if not isinstance(folders, dict) or not folders_unchanged(folders):
            return None
        paths = data[at : at + paths_len].decode("utf-8", "surrogateescape")
        at += paths_len
        rels = paths.split(_SEP) if paths else []
        if not _same_stamps(str(site_root), rels, data[at : at + stamps_len]):
            return None
        return data[at + stamps_len :].decode("utf-8", "surrogatepass")
    except (OSError, ValueError, TypeError, struct.error, AttributeError, RecursionError):
        return None


def save(
    path: Path,
    site_root: Path,
    variant: str,
    folders: dict[str, int],
    files: Iterable[tuple[str, int, int]],
    output: str,
) -> None:
    """Keep `output`, made from `files` ((site-relative path, mtime_ns, size) of every post).

    `folders` are the post folders' mtimes when they were listed. Failing to write is not
    an error: it is only a cache.
    """
    rels: list[str] = []
    stamps: array[int] = array("q")
    for rel, mtime_ns, size in files:
        rels.append(rel)
        stamps.append(mtime_ns)
        stamps.append(size)
    header = json.dumps({"key": key_of(site_root, variant), "folders": folders}).encode()
    paths = _SEP.join(rels).encode("utf-8", "surrogateescape")
    packed = stamps.tobytes()
    out = output.encode("utf-8", "surrogatepass")  # as it was, lone surrogates too
    body = (header, paths, packed, out)
    crc = 0
    for part in body:
        crc = zlib.crc32(part, crc)
    lengths = _LENGTHS.pack(len(header), len(paths), len(packed), len(out), crc)
    data = b"".join((MAGIC, lengths, *body))
    from editor.core.errors import StorageError
    from editor.core.safety.storage import atomic_write  # only when writing

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
    except (OSError, StorageError):
        pass
