"""Writing a command's output."""

from __future__ import annotations

import re
import sys

# C0 and C1 control characters but tab and newline: a title holding ESC or BEL would
# drive the terminal (`ESC ]0;...` retitles it, `ESC [2J` clears it). Shown as `\x1b`.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_UTF8 = re.compile(b"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")
_CONTROL_BUT_CR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # CRLF files: HTML


def printable(text: str, *, keep_cr: bool = False, json: bool = False) -> str:
    """`text` with its control characters (not tab and newline) written as `\\xNN`
    (`\\u00NN` in JSON, which escapes the others itself)."""
    pattern = _CONTROL_BUT_CR if keep_cr else _CONTROL
    if pattern.search(text) is None:
        return text
    form = "\\u{:04x}" if json else "\\x{:02x}"
    return pattern.sub(lambda m: form.format(ord(m.group())), text)


def printable_utf8(data: bytes, *, json: bool = False) -> bytes:
    """`printable` for text already encoded as UTF-8."""
    if _CONTROL_UTF8.search(data) is None:
        return data
    return _CONTROL_UTF8.sub(
        lambda m: printable(m.group().decode("utf-8"), json=json).encode(), data
    )


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
