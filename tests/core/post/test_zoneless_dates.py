"""Dates that name no offset, read as Jekyll 4.3 reads them (issue 16).

Measured with `jekyll build`: an unquoted YAML timestamp (seconds, no zone) is UTC; a bare
day, a time without seconds, a quoted date and the lenient forms Ruby's Time.parse reads
are local time in the site's `timezone:`. The last test builds a real site to prove it.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from editor.cli import main
from editor.core.post.dates import DateStyle, format_date, parse_date_value
from editor.core.post.post import parse_post

sys.path.insert(0, str(Path(__file__).resolve().parent))
from jekyll_blog import published_dates

NEW_YORK = ZoneInfo("America/New_York")
UTC = dt.UTC

# (front matter text, what Jekyll publishes with `timezone: America/New_York`)
CASES = [
    ("2023-01-29 18:30:22", "2023-01-29 13:30:22 -0500"),  # YAML timestamp: UTC
    ("2023-01-29T18:30:22", "2023-01-29 13:30:22 -0500"),
    ("2023-01-29 18:30:22.5", "2023-01-29 13:30:22 -0500"),
    ("2023-01-29 18:30", "2023-01-29 18:30:00 -0500"),  # not a timestamp: local
    ("2023-01-29", "2023-01-29 00:00:00 -0500"),
    ('"2023-01-29 18:30:22"', "2023-01-29 18:30:22 -0500"),
    ("2023-01-29 18:30:22 2023", "2023-01-29 18:30:22 -0500"),
    ("2023-01-29 18:30:22 2023 -0800", "2023-01-29 18:30:22 -0500"),  # zone not next to it
    ("2020-04-30T11:57:36+01:00k", "2020-04-30 06:57:36 -0400"),
    ("2023-01-29 18:30:22 +0100", "2023-01-29 12:30:22 -0500"),
    ("2023-01-29 6:30 pm", "2023-01-29 18:30:00 -0500"),
    ("2023-03-12 02:30", "2023-03-12 03:30:00 -0400"),  # skipped by the clocks
    ("2023-11-05 01:30", "2023-11-05 01:30:00 -0500"),  # twice: the second
]


@pytest.mark.parametrize(("raw", "published"), CASES)
def test_a_date_is_read_as_jekyll_publishes_it(raw: str, published: str) -> None:
    post = parse_post(f"---\ntitle: t\ndate: {raw}\n---\nx\n", zone=NEW_YORK)
    date = post.date()
    assert date is not None
    assert f"{date.astimezone(NEW_YORK):%Y-%m-%d %H:%M:%S %z}" == published


def test_a_site_in_utc_reads_them_all_as_utc() -> None:
    for raw in ("2023-01-29 18:30", "2023-01-29 18:30:22 2023"):
        assert parse_date_value(raw).utcoffset() == dt.timedelta(0)
        assert parse_date_value(raw, UTC).hour == 18


@pytest.mark.parametrize(
    ("raw", "written"),
    [
        ("2024-03-09", "2024-03-10"),  # a bare day is local midnight: no offset needed
        ("2024-03-09 10:00", "2024-03-10 10:00"),  # so is a time without seconds
        ("2024-03-09T10:00:00", "2024-03-10T10:00:00-04:00"),  # a timestamp is UTC
    ],
)
def test_a_style_without_offset_is_kept_where_jekyll_reads_it_locally(
    raw: str, written: str
) -> None:
    moment = dt.datetime(2024, 3, 10, 10, 0, tzinfo=NEW_YORK) if ":" in raw else None
    moment = moment or dt.datetime(2024, 3, 10, tzinfo=NEW_YORK)
    style = DateStyle.of(raw)
    assert style is not None
    assert format_date(moment, style, NEW_YORK) == written
    again = parse_post(f"---\ndate: {written}\n---\n", zone=NEW_YORK).date()
    assert again == moment


def _run(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue()


@pytest.mark.jekyll
def test_jekyll_publishes_every_form_when_byline_says(tmp_path: Path) -> None:
    site = tmp_path / "blog"
    published = published_dates(site, [raw for raw, _ in CASES], "America/New_York")
    code, listed = _run("list", str(site), "--no-cache")
    assert code == 0
    for n, (raw, expected) in enumerate(CASES):
        assert published[n] == expected, raw
        # `byline list` shows the same local time
        assert f"{expected[:16]}  p{n:02}" in listed, (raw, listed)
