"""`byline check`: everything about a site's posts that Jekyll would trip on, or hide."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from editor.core.index.post_entry import PostEntry
from editor.core.index.post_scan import DATED_NAME, FrontMatter, file_date, read_front_matter
from editor.core.index.site_index import index_of
from editor.core.index.two_processes import shared_map
from editor.core.post.dates import ignored_date_text, short_text
from editor.core.post.yaml_io import quote_scalar

if TYPE_CHECKING:
    from editor.core.site.site import Site

Severity = Literal["error", "warning", "note"]
_ORDER = {"error": 0, "warning": 1, "note": 2}
# A top-level `key: value` line whose value is a plain scalar (not quoted, not a list...).
_PLAIN_LINE = re.compile(
    r"^(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<value>[^\s\"'\[{|>&*!%@`#].*?)[ \t]*$"
)
_COMMENT = re.compile(r"[ \t]#")
_DATE_PERMALINK = re.compile(
    r":(year|short_year|month|i_month|short_month|long_month|day|i_day|y_day|week|w_year)"
)
_DATE_STYLES = {"date", "pretty", "ordinal", "weekdate"}
MIN_POSTS = 2000  # below this, a helper process costs more than it saves
SKIPPED_NAME = "Jekyll skips this file: its name does not start with a date (YYYY-MM-DD-title.md)"
UNPUBLISHED = "published: false: Jekyll leaves this post out of the site"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem: `path:line: severity: message`."""

    path: str  # relative to the site root
    line: int
    rank: int  # error < warning < note, for sorting
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


def _finding(path: str, line: int | None, severity: Severity, message: str) -> Finding:
    return Finding(path, line or 1, _ORDER[severity], severity, message)


def _is_url(text: str) -> bool:
    return "://" in text or text.startswith(("//", "data:", "mailto:")) or "{{" in text


def _image_file(site: Site, image: str) -> str:
    """The file an `image:` value names, relative to the site root."""
    path = image.split("?", 1)[0].split("#", 1)[0]
    baseurl = site.config.baseurl.strip("/")
    path = path.lstrip("/")
    if baseurl and path.startswith(baseurl + "/"):
        path = path[len(baseurl) + 1 :]
    return path


def cut_by_comment(front: FrontMatter) -> list[tuple[int, str, str, str]]:
    """(line, key, value YAML reads, full text) for plain values cut short by ` #`."""
    out = []
    for number, line in enumerate(front.text.split("\n"), start=2):  # line 1 is the ---
        if "#" not in line:
            continue
        match = _PLAIN_LINE.match(line)
        if not match:
            continue
        value = match["value"]
        comment = _COMMENT.search(value)
        if comment:
            kept = value[: comment.start()].rstrip(" \t")
            out.append((number, match["key"], kept, value))
    return out


def check_site(site: Site, *, now: dt.datetime | None = None, workers: int = 1) -> list[Finding]:
    """Every problem found in the site's posts (and config), sorted by path and line.

    `workers=2` lets a big site's posts be checked by two processes (command line only).
    """
    index = index_of(site)
    index.refresh()
    now = now or dt.datetime.now(dt.UTC)
    findings: list[Finding] = []
    config = site.config
    if config.problem is not None:
        where = os.path.basename(config.problem.path or "_config.yml")
        findings.append(
            _finding(where, config.problem.line, "error", f"{config.problem.message}; "
                     "using defaults for the whole config")
        )  # fmt: skip
    slugs: dict[tuple[str, ...], list[tuple[PostEntry, str]]] = defaultdict(list)
    date_permalink = config.permalink in _DATE_STYLES or bool(
        _DATE_PERMALINK.search(config.permalink)
    )
    entries = sorted(index.entries(), key=lambda e: e.rel_path)

    def check(part: Sequence[PostEntry]) -> list[Finding]:
        return [found for entry in part for found in _check_entry(site, entry, now)]

    if workers > 1 and len(entries) >= MIN_POSTS:
        findings += shared_map(entries, check, pack=_packed, unpack=_unpacked)
    else:
        findings += check(entries)
    for entry in entries:
        name_match = DATED_NAME.match(entry.path.name)
        if not entry.draft and name_match:
            slug = name_match[2]
            key = (slug.lower(), name_match[1]) if date_permalink else (slug.lower(),)
            slugs[key].append((entry, slug))
    for group in slugs.values():
        first = group[0][0].rel_path
        for other, slug in group[1:]:
            same = " and the same date" if date_permalink else ""
            message = f'same URL as {first}: both have the slug "{slug}"{same}'
            findings.append(_finding(other.rel_path, 1, "error", message))
    return sorted(findings)


def _packed(findings: list[Finding]) -> list[tuple[str, int, int, str, str]]:
    return [(f.path, f.line, f.rank, f.severity, f.message) for f in findings]


def _unpacked(rows: list[tuple[str, int, int, Severity, str]], _part: object) -> list[Finding]:
    return [Finding(*row) for row in rows]


def _check_entry(site: Site, entry: PostEntry, now: dt.datetime) -> list[Finding]:
    out: list[Finding] = []
    rel = entry.rel_path

    def add(line: int | None, severity: Severity, message: str) -> None:
        out.append(_finding(rel, line, severity, message))

    name_date = None
    if not entry.draft:
        match = DATED_NAME.match(entry.path.name)
        if match is None:
            add(1, "error", SKIPPED_NAME)
        else:
            name_date = file_date(entry.path.name, site.zone)
            if name_date is None:
                add(1, "error", f"the date in the file name ({match[1]}) is not a real day; "
                    "Jekyll stops the build")  # fmt: skip
    if entry.problem is not None:
        add(entry.problem.line, "error", entry.problem.message)
        return out
    try:
        front = read_front_matter(str(entry.path))
    except OSError:
        front = FrontMatter()
    lines = front.key_lines
    for number, key, kept, full in cut_by_comment(front):
        quoted = quote_scalar(full, "double")
        add(number, "warning", f'{key} is cut short: YAML reads "{kept}" and drops the rest as '
            f"a comment; write it quoted: {key}: {quoted}")  # fmt: skip
    date = entry.date
    has_date = "date" in front.values
    ignored = ignored_date_text(front.values.get("date")) if has_date else None
    if ignored and date is not None:
        add(lines.get("date"), "warning", f'the date has text Jekyll ignores ("{short_text(ignored)}"); '
            f"it reads {date:%Y-%m-%d %H:%M:%S %z}")  # fmt: skip
    if date is not None and has_date and name_date is not None and date.date() != name_date.date():
        add(lines.get("date"), "warning", f"the date {date:%Y-%m-%d} differs from the file "
            f"name's {name_date:%Y-%m-%d}; Jekyll uses the date line")  # fmt: skip
    if entry.image and not _is_url(entry.image):
        image = _image_file(site, entry.image)
        if not os.path.isfile(os.path.join(site.root, image)):
            add(lines.get("image"), "error", f"the image {entry.image} does not exist")
    authors = site.config.authors
    if authors and entry.author and entry.author not in authors:
        add(lines.get("author"), "warning", f'the author "{entry.author}" is not in '
            f"_config.yml's authors ({', '.join(authors)})")  # fmt: skip
    future = date is not None and date > now and not site.config.future
    if future and not entry.draft and entry.published:
        add(lines.get("date"), "warning", f"dated in the future ({date:%Y-%m-%d %H:%M}): Jekyll "
            "will not publish it until then (unless _config.yml says future: true)")  # fmt: skip
    if not entry.published:
        add(lines.get("published"), "note", UNPUBLISHED)
    return out


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
