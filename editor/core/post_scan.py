"""Reading just enough of a post file to index it: its head, its front matter, its entry."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.core.dates import parse_date_value
from editor.core.errors import BylineError, InvalidDateError
from editor.core.fast_yaml import load_simple
from editor.core.post import Post, parse_post, split_text
from editor.core.post_entry import PostEntry
from editor.core.post_files import PostFile
from editor.core.site_config import SiteConfig
from editor.core.slug import split_post_name

HEAD_BYTES = 4096  # front matter nearly always fits; the rest is read only when it does not
_BOM = b"\xef\xbb\xbf"
# Jekyll's own pattern for post file names (Document::DATE_FILENAME_MATCHER).
DATED_NAME = re.compile(r"^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")


@dataclass
class FrontMatter:
    """A post's front matter as the index reads it (values are PyYAML's)."""

    values: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)  # key -> line in the file (1-based)
    text: str = ""  # the front matter's lines, without the --- lines
    problem: BylineError | None = None
    mtime_ns: int = 0
    size: int = 0


def read_head(path: str, limit: int = HEAD_BYTES) -> tuple[bytes, int, int, bool]:
    """(first bytes, mtime_ns, size, whether that is the whole file), in one open."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        data = os.read(fd, limit)
    finally:
        os.close(fd)
    return data, st.st_mtime_ns, st.st_size, len(data) >= st.st_size


def _simple_split(data: bytes, complete: bool) -> str | None:
    """The front matter of the usual `---\\n ... ---\\n` head, or None for anything else."""
    if not data.startswith(b"---\n"):
        return None
    end = data.find(b"\n---\n", 3)
    if end == -1:
        if not (complete and data.endswith(b"\n---")):
            return None
        end = len(data) - 4
    raw = data[4 : end + 1]
    if raw.startswith((b"---", b"...")) or b"\n---" in raw or b"\n..." in raw:
        return None  # an earlier line may close it the way Jekyll reads it
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


_STAMP_LINE = re.compile(
    rb"^([A-Za-z_][\w-]*):[ \t]+((\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ][\d:.]*)?)[ \t]*$", re.M
)


def _locate_bad_date(exc: InvalidDateError, data: bytes) -> None:
    """PyYAML reports an impossible timestamp (2025-02-30) without a line: find it."""
    for match in _STAMP_LINE.finditer(data[:65536]):
        try:
            dt.date(int(match[3]), int(match[4]), int(match[5]))
        except ValueError:
            exc.line = data.count(b"\n", 0, match.start()) + 1
            key, value = match[1].decode(errors="replace"), match[2].decode(errors="replace")
            reason = exc.message.removeprefix("not a valid date: ")
            exc.message = f"{key}: {value} is not a real date ({reason})"
            exc.args = (exc.message,)
            return


def _read_all(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _post_key_lines(post: Post) -> dict[str, int]:
    lines: dict[str, int] = {}
    line = 2  # the opening --- is line 1
    for block in post.blocks:
        if block.key is not None:
            lines[block.key] = line
        line += len(block.lines)
    return lines


def read_front_matter(
    path: str, *, head: tuple[bytes, int, int, bool] | None = None
) -> FrontMatter:
    """Front matter of a post file; a broken one gives `problem` (never raises for it).

    OSError (unreadable file) is left to the caller.
    """
    data, mtime_ns, size, complete = head or read_head(path)
    text = _simple_split(data, complete)
    if text is not None:
        simple = load_simple(text)
        if simple is not None:
            values, lines = simple
            return FrontMatter(
                values, {k: n + 2 for k, n in lines.items()}, text, None, mtime_ns, size
            )
    # Anything unusual: the editor's own parser on the whole file, so the index reports
    # exactly what opening the post would.
    if not complete:
        data = _read_all(path)
    try:
        post = parse_post(data, path=path)
    except BylineError as exc:
        if isinstance(exc, InvalidDateError) and exc.line is None:
            _locate_bad_date(exc, data)
        return FrontMatter(problem=exc, mtime_ns=mtime_ns, size=size)
    fm_text = post.front_matter_text
    return FrontMatter(post.values, _post_key_lines(post), fm_text, None, mtime_ns, size)


# --- entries ---------------------------------------------------------------


@dataclass(frozen=True)
class ScanContext:
    """What turning front matter into an entry needs to know about the site."""

    root: str
    zone: dt.tzinfo
    config: SiteConfig
    make_path: Callable[[str], Path] = Path


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _names(value: Any) -> list[str]:
    """Jekyll's reading of `categories`/`tags`: a list, or words in a string."""
    if value is None:
        return []
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [v if isinstance(v, str) else str(v) for v in value if v is not None]
    return [str(value)]


def _image(value: Any) -> str | None:
    if isinstance(value, dict):  # some themes: `image: {path: ..., alt: ...}`
        value = next((value[k] for k in ("path", "feature", "url", "src") if k in value), None)
    text = _text(value).strip()
    return text or None


def title_from_name(stem: str) -> str:
    """Jekyll's title for a post without one: its slug, words capitalised."""
    slug = split_post_name(stem)[1]
    return " ".join(w[:1].upper() + w[1:] for w in slug.split("-") if w)


def file_date(name: str, zone: dt.tzinfo) -> dt.datetime | None:
    """Midnight of the file name's date, in the site's timezone (how Jekyll reads it)."""
    match = DATED_NAME.match(name)
    if not match:
        return None
    try:
        year, month, day = (int(p) for p in match[1].split("-"))
        return dt.datetime(year, month, day, tzinfo=zone)
    except ValueError:
        return None


def make_entry(file: PostFile, front: FrontMatter, context: ScanContext) -> PostEntry:
    """The index entry of one post from its front matter."""
    path, rel_path, draft, folder_categories = file
    values = front.values
    problem = front.problem
    name = rel_path.rsplit("/", 1)[-1]
    config = context.config
    if config.defaults:
        values = _with_defaults(values, rel_path, config)
    date: dt.datetime | None = None
    raw_date = values.get("date")
    if raw_date is not None:
        try:
            date = parse_date_value(raw_date).astimezone(context.zone)
        except InvalidDateError as exc:
            exc.line = front.key_lines.get("date")
            exc.path = path
            problem = problem or exc
    if date is None and not draft:
        date = file_date(name, context.zone)
    title = _text(values.get("title"))
    if not title:
        title = title_from_name(name.rsplit(".", 1)[0])
    categories = _names(values.get("categories")) + _names(values.get("category"))
    if folder_categories:
        categories = list(folder_categories) + categories
    tags = _names(values.get("tags")) + _names(values.get("tag"))
    author = values.get("author")
    if isinstance(author, list):
        author = author[0] if author else None
    published = values.get("published", True)
    return PostEntry(
        path=context.make_path(rel_path),
        rel_path=rel_path,
        title=title,
        date=date,
        author=_text(author),
        categories=tuple(dict.fromkeys(categories)) if len(categories) > 1 else tuple(categories),
        tags=tuple(dict.fromkeys(tags)) if len(tags) > 1 else tuple(tags),
        image=_image(values.get("image")),
        layout=_text(values.get("layout")),
        draft=draft,
        published=published is not False and published is not None,
        word_count=None,
        problem=problem,
        mtime_ns=front.mtime_ns,
        size=front.size,
    )


def _with_defaults(values: dict[str, Any], rel_path: str, config: SiteConfig) -> dict[str, Any]:
    out = dict(values)
    for key in ("layout", "author", "categories", "tags", "image", "published"):
        if key not in out:
            default = config.default_value(key, rel_path)
            if default is not None:
                out[key] = default
    return out


def scan_entry(file: PostFile, context: ScanContext) -> PostEntry:
    """Read one post file into an entry; an unreadable file gives an entry with a problem."""
    try:
        front = read_front_matter(file.path)
    except OSError as exc:
        problem = BylineError(f"cannot read this file: {exc.strerror or exc}", path=file.path)
        front = FrontMatter(problem=problem)
    return make_entry(file, front, context)


def count_words(path: str) -> int:
    """Words in a post's body (whitespace-separated runs), front matter excluded."""
    data = _read_all(path)
    if data.startswith(_BOM):
        data = data[3:]
    if data.startswith(b"---"):
        text = data.decode("utf-8", errors="replace")
        parts = split_text(text)
        if parts is not None:
            return len(parts[4].split())
    return len(data.split())
