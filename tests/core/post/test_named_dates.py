"""Dates written with the month's name are read as Jekyll reads them (Ruby's Time.parse),
checked against the real Ruby and the real `jekyll build`; forms Byline does not know stay
refused (never guessed)."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from editor.core.errors import InvalidDateError
from editor.core.post.dates import ignored_date_text, parse_date_value
from editor.core.post.post import parse_post

sys.path.insert(0, str(Path(__file__).resolve().parent))
from jekyll_blog import published_dates

UTC = dt.UTC
PLUS_ONE = dt.timezone(dt.timedelta(hours=1))
NAMED = [
    ("Jan 29 2023 18:30", dt.datetime(2023, 1, 29, 18, 30, tzinfo=UTC)),
    ("jan 29 2023", dt.datetime(2023, 1, 29, tzinfo=UTC)),
    ("29 Jan 2023", dt.datetime(2023, 1, 29, tzinfo=UTC)),
    ("January 29, 2023", dt.datetime(2023, 1, 29, tzinfo=UTC)),
    ("Jan. 29, 2023", dt.datetime(2023, 1, 29, tzinfo=UTC)),
    ("January 29, 2023 6:30 PM", dt.datetime(2023, 1, 29, 18, 30, tzinfo=UTC)),
    ("January 29, 2023 at 6:30 p.m.", dt.datetime(2023, 1, 29, 18, 30, tzinfo=UTC)),
    ("Jan 29th 2023 6pm", dt.datetime(2023, 1, 29, 18, tzinfo=UTC)),
    ("Jan 1st 2023 12:05 am", dt.datetime(2023, 1, 1, 0, 5, tzinfo=UTC)),
    ("Sunday, January 29th, 2023", dt.datetime(2023, 1, 29, tzinfo=UTC)),
    ("Sun, 29 Jan 2023 18:30:00 +0100", dt.datetime(2023, 1, 29, 18, 30, tzinfo=PLUS_ONE)),
    ("29 January 2023 18:30:22 -0800",
     dt.datetime(2023, 1, 29, 18, 30, 22, tzinfo=dt.timezone(dt.timedelta(hours=-8)))),
    ("29 Sept 2023 07:05:09.25 +01:00",
     dt.datetime(2023, 9, 29, 7, 5, 9, 250000, tzinfo=PLUS_ONE)),
    ("29-Jan-2023", dt.datetime(2023, 1, 29, tzinfo=UTC)),
    ("Jan-29-2023 18:30 UTC", dt.datetime(2023, 1, 29, 18, 30, tzinfo=UTC)),
    ("29 Jan 2023 18:30 GMT", dt.datetime(2023, 1, 29, 18, 30, tzinfo=UTC)),
    ("Feb 29 2024 23:59:59 Z", dt.datetime(2024, 2, 29, 23, 59, 59, tzinfo=UTC)),
    ("1 December 1999 9:00", dt.datetime(1999, 12, 1, 9, 0, tzinfo=UTC)),
]  # fmt: skip
REFUSED = [
    "Jan 29",  # no year: Ruby takes this year's, which changes under the author
    "Jan 29 23",  # two-digit year
    "Jan 29 2023 18:30 EST",  # a named zone
    "Feb 30 2023",  # no such day (Ruby's Time would roll it into March)
    "Posted Jan 29 2023",  # other words
    "Jan 29 2023 6",  # a lone number is no time
    "Jan 29 2023 18:30 +100",
]


@pytest.mark.parametrize(("raw", "instant"), NAMED)
def test_named_month_dates_are_read(raw: str, instant: dt.datetime) -> None:
    assert parse_date_value(raw) == instant
    assert parse_date_value(raw).utcoffset() == instant.utcoffset()
    post = parse_post(f"---\ntitle: t\ndate: {raw}\n---\nx\n")
    assert post.date() == instant
    assert ignored_date_text(raw) is None  # read whole
    assert post.to_text() == f"---\ntitle: t\ndate: {raw}\n---\nx\n"  # kept as written


def test_a_time_without_zone_is_local_in_the_site_timezone() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    assert parse_date_value("Jan 29 2023 18:30", berlin) == dt.datetime(
        2023, 1, 29, 17, 30, tzinfo=UTC
    )
    assert parse_date_value("29 July 2023", berlin) == dt.datetime(2023, 7, 28, 22, tzinfo=UTC)


@pytest.mark.parametrize("raw", REFUSED)
def test_other_forms_are_still_refused(raw: str) -> None:
    with pytest.raises(InvalidDateError):
        parse_date_value(raw)


RUBY = """
require "time"
require "json"
out = JSON.parse(STDIN.read).map do |s|
  begin
    Time.parse(s).utc.strftime("%Y-%m-%dT%H:%M:%S.%6N")
  rescue ArgumentError
    nil
  end
end
print JSON.generate(out)
"""


@pytest.mark.jekyll
@pytest.mark.parametrize("timezone", ["UTC", "Europe/Berlin", "America/Los_Angeles"])
def test_as_ruby_reads_them(timezone: str) -> None:
    """Jekyll reads a date YAML leaves a string with Time.parse, in the site's timezone."""
    ruby = shutil.which("ruby")
    assert ruby, "ruby is not installed (it comes with Debian's jekyll; .ci/run installs it)"
    texts = [raw for raw, _ in NAMED]
    done = subprocess.run([ruby, "-e", RUBY], input=json.dumps(texts), capture_output=True,
                          text=True, check=True, timeout=60, env={**os.environ, "TZ": timezone})  # fmt: skip
    zone = ZoneInfo(timezone)
    for raw, theirs in zip(texts, json.loads(done.stdout), strict=True):
        ours = parse_date_value(raw, zone).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")
        assert ours == theirs, raw


@pytest.mark.jekyll
def test_jekyll_publishes_them_at_the_time_byline_shows(tmp_path: Path) -> None:
    shown = NAMED[:3] + NAMED[10:11]
    published = published_dates(tmp_path / "blog", [raw for raw, _ in shown], "UTC")
    assert published == [
        f"{instant.astimezone(UTC):%Y-%m-%d %H:%M:%S} +0000" for _, instant in shown
    ]
