"""Writing a command's output."""

from __future__ import annotations

import sys


def write_utf8(data: bytes) -> None:
    """Text already encoded as UTF-8, to standard output (decoded where it expects other)."""
    import codecs
    import os

    stdout = sys.stdout
    encoding = getattr(stdout, "encoding", None) or ""
    buffer = getattr(stdout, "buffer", None)
    try:
        utf8 = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        utf8 = False
    if utf8 and buffer is not None and os.linesep == "\n":
        stdout.flush()
        buffer.write(data)
        buffer.flush()
    else:  # a Windows console or a captured stream: let it encode and translate
        stdout.write(data.decode("utf-8"))
