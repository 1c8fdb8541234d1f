"""Reading just enough of a post file to index it: its head, its front matter, its entry."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.core.errors import BylineError, FileTooLargeError, InvalidDateError
from editor.core.index.post_entry import PostEntry
from editor.core.post.dates import parse_date_value, short_text
from editor.core.post.fast_yaml import load_simple
from editor.core.post.slug import split_post_name
from editor.core.site.post_files import PostFile
from editor.core.site.site_config import SiteConfig

if TYPE_CHECKING:
    from editor.core.post.post import Post

_S_IFMT, _S_IFREG = 0o170000, stat.S_IFREG  # the file-type bits of st_mode; stat.S_ISREG, inlined
# the editor's limit (safety.post_io.MAX_POST_BYTES; not imported: `byline list` starts
# without the safety code)
MAX_POST_BYTES = 16 * 1024 * 1024
HEAD_BYTES = 4096  # front matter nearly always fits; the rest is read only when it does not
_BOM = b"\xef\xbb\xbf"
# Jekyll's own pattern for post file names (Document::DATE_FILENAME_MATCHER).
DATED_NAME = re.compile(r"^(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")


class FrontMatter:
    """A post's front matter as the index reads it (values are PyYAML's).

    A plain class: one is made per post on a cold index, and a dataclass costs start-up time.
    """

    __slots__ = ("key_lines", "mtime_ns", "problem", "size", "text", "values")

    def __init__(
        self,
        values: dict[str, Any] | None = None,
        key_lines: dict[str, int] | None = None,  # key -> line in the file (1-based)
        text: str = "",  # the front matter's lines, without the --- lines
        problem: BylineError | None = None,
        mtime_ns: int = 0,
        size: int = 0,
    ) -> None:
        self.values = values if values is not None else {}
        self.key_lines = key_lines if key_lines is not None else {}
        self.text = text
        self.problem = problem
        self.mtime_ns = mtime_ns
        self.size = size


# O_NONBLOCK: a pipe named .md must not hang the index (regular files read as usual)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


def read_head(path: str, limit: int = HEAD_BYTES) -> tuple[bytes, int, int, bool]:
    """(first bytes, mtime_ns, size, whether that is the whole file), in one open."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        st = os.fstat(fd)
        if st.st_mode & _S_IFMT != _S_IFREG:
            raise OSError(errno.EINVAL, "not a regular file", path)
        data = os.read(fd, limit)
    finally:
        os.close(fd)
    size = st.st_size
    return data, st.st_mtime_ns, size, len(data) >= size


def _simple_split(data: bytes, complete: bool) -> str | None:
    """The front matter of the usual `---\\n ... ---\\n` head, or None for anything else.

    A BOM is skipped and CRLF line ends read as LF (values and line numbers stay the same).
    """
    if data.startswith(_BOM):
        data = data[3:]
    if not data.startswith(b"---\n"):
        if data.startswith(b"---\r\n"):
            text = _simple_split(data.replace(b"\r\n", b"\n"), complete)
            return None if text is None or "\r" in text else text
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
            reason = short_text(exc.message.removeprefix("not a valid date: "), 120)
            exc.message = f"{key}: {short_text(value)} is not a real date ({reason})"
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
    path: str, *, head: tuple[bytes, int, int, bool] | None = None, lines: bool = True
) -> FrontMatter:
    """Front matter of a post file; a broken one gives `problem` (never raises for it).

    Without `lines`, `key_lines` may be left empty (the index does not need them).
    OSError (unreadable file) is left to the caller.
    """
    data, mtime_ns, size, complete = head or read_head(path)
    if size > MAX_POST_BYTES:  # reported at once: reading 50 MB took seconds and a GB
        return FrontMatter(problem=too_large(path, size), mtime_ns=mtime_ns, size=size)
    text = _simple_split(data, complete)
    if text is not None:
        simple = load_simple(text, lines=lines)
        if simple is not None:
            values, key_lines = simple
            found = {k: n + 2 for k, n in key_lines.items()} if key_lines else {}
            return FrontMatter(values, found, text, None, mtime_ns, size)
    # Anything unusual: the editor's own parser on the whole file, so the index reports
    # exactly what opening the post would.
    from editor.core.post.post import parse_post  # rarely needed: imported on first use

    if not complete:
        data = _read_all(path)
    try:
        post = parse_post(data, path=path)
    except BylineError as exc:
        if isinstance(exc, InvalidDateError) and exc.line is None:
            _locate_bad_date(exc, data)
        return FrontMatter(problem=_kept(exc), mtime_ns=mtime_ns, size=size)
    fm_text = post.front_matter_text
    return FrontMatter(post.values, _post_key_lines(post), fm_text, None, mtime_ns, size)


def too_large(path: str, size: int) -> FileTooLargeError:
    return FileTooLargeError(
        f"this file is {size / 2**20:.1f} MB; Byline opens posts up to "
        f"{MAX_POST_BYTES // 2**20} MB (it is left untouched)",
        path=path,
    )


def _kept(exc: BylineError) -> BylineError:
    """`exc` without its tracebacks, to be kept in an entry.

    A traceback holds the frames it passed through and, through them, the whole stack
    above (the index's refresh with every list it was building): kept in an entry, it
    would keep all that alive, in a cycle only the collector can free.
    """
    seen: BaseException | None = exc
    while seen is not None:
        seen.__traceback__ = None
        seen = seen.__cause__ or seen.__context__
    return exc


# --- entries ---------------------------------------------------------------


class ScanContext:
    """What turning front matter into an entry needs to know about the site."""

    __slots__ = ("config", "make_path", "root", "zone")

    def __init__(
        self,
        root: str,
        zone: dt.tzinfo,
        config: SiteConfig,
        make_path: Callable[[str], Path] = Path,
    ) -> None:
        self.root = root
        self.zone = zone
        self.config = config
        self.make_path = make_path


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _names(value: Any) -> tuple[str, ...]:
    """Jekyll's reading of `categories`/`tags`: a list, or words in a string."""
    if value is None:
        return ()
    if type(value) is list:
        for item in value:
            if type(item) is not str:
                return tuple(v if isinstance(v, str) else str(v) for v in value if v is not None)
        return tuple(value)
    if isinstance(value, str):
        return tuple(value.split())
    return (str(value),)


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


def key_line(front: FrontMatter, key: str) -> int | None:
    """The file line of `key` in the front matter (1-based), or None."""
    if key in front.key_lines:
        return front.key_lines[key]
    match = re.search(rf"^{re.escape(key)}[ \t]*:", front.text, re.M)
    return None if match is None else front.text.count("\n", 0, match.start()) + 2


def make_entry(file: PostFile, front: FrontMatter, context: ScanContext) -> PostEntry:
    """The index entry of one post from its front matter.

    Written for speed (it runs once per post on a cold index): the usual shapes of
    values take the short branches, anything else goes through the general helpers.
    """
    path, rel_path, draft, folder_categories = file
    values = front.values
    problem = front.problem
    config = context.config
    if config.defaults:
        values = _with_defaults(values, rel_path, config)
    get = values.get
    date: dt.datetime | None = None
    raw_date = get("date")
    if raw_date is not None:
        try:
            if (
                type(raw_date) is dt.datetime
                and raw_date.tzinfo is None
                and 1 < raw_date.year < 9999
            ):
                zone = context.zone  # read as UTC (Jekyll's rule): astimezone(zone), quicker
                date = zone.fromutc(raw_date.replace(tzinfo=zone))
            else:  # checks the range too
                date = parse_date_value(raw_date, context.zone).astimezone(context.zone)
        except InvalidDateError as exc:
            exc.line = key_line(front, "date")
            exc.path = path
            problem = problem or _kept(exc)
    name = rel_path[rel_path.rfind("/") + 1 :]
    if date is None and not draft:
        date = file_date(name, context.zone)
    title = get("title")
    if type(title) is not str or not title:
        title = _text(title) or title_from_name(name.rsplit(".", 1)[0])
    categories = _names(get("categories"))
    if "category" in values:
        categories = (*categories, *_names(get("category")))
    if folder_categories:
        categories = (*folder_categories, *categories)
    tags = _names(get("tags"))
    if "tag" in values:
        tags = (*tags, *_names(get("tag")))
    author = get("author")
    if type(author) is not str:
        if isinstance(author, list):
            author = author[0] if author else None
        author = _text(author)
    layout = get("layout")
    if type(layout) is not str:
        layout = _text(layout)
    image = get("image")
    if type(image) is not str or not image or image[0] == " " or image[-1] == " ":
        image = _image(image)
    published = get("published", True)
    return PostEntry(
        context.make_path(rel_path),
        rel_path,
        title,
        date,
        author,
        categories if len(categories) < 2 else _unique(categories),
        tags if len(tags) < 2 else _unique(tags),
        image,
        layout,
        draft,
        published is not False and published is not None,
        None,
        problem,
        front.mtime_ns,
        front.size,
    )


def _unique(names: tuple[str, ...]) -> tuple[str, ...]:
    return names if len(set(names)) == len(names) else tuple(dict.fromkeys(names))


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
        front = read_front_matter(file.path, lines=False)
    except OSError as exc:
        problem = BylineError(f"cannot read this file: {exc.strerror or exc}", path=file.path)
        front = FrontMatter(problem=problem)
    return make_entry(file, front, context)


def count_words(path: str) -> int:
    """Words in a post's body (whitespace-separated runs), front matter excluded."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_POST_BYTES + 1)
    if len(data) > MAX_POST_BYTES:
        return 0  # not a post Byline opens
    if data.startswith(_BOM):
        data = data[3:]
    if data.startswith(b"---"):
        from editor.core.post.post import split_text

        text = data.decode("utf-8", errors="replace")
        parts = split_text(text)
        if parts is not None:
            return len(parts[4].split())
    return len(data.split())
