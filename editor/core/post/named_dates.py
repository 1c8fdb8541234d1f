"""Dates written with the month's name (`Jan 29 2023 18:30`, `Sunday, 29 January 2023`),
read as Jekyll reads them: Ruby's `Time.parse`.

Ruby's parser reads far more than this; here are the forms people write by hand, read
exactly as Ruby does (tests/core/post/test_named_dates.py asks the real Ruby): an optional
weekday, the day and month in either order (`29 Jan`, `Jan 29th`, `January 29,`,
`29-Jan-`), a four-digit year, then an optional time (`18:30`, `6:30:15 pm`, `6pm`) and
zone (`Z`, `UTC`, `GMT`, `+01:00`, `-0800`). Anything more (other words, two-digit
years, named zones like `EST`) is left to the caller to refuse, never guessed at. Month
names are English whatever the desktop's language, as in Ruby (Python's strptime would
follow the locale Qt sets).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (
    r"(?P<{}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"
_WEEKDAY = (
    r"(?:(?:sun|mon|fri)(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|sat(?:urday)?)"
    r"\.?,?\s+"
)
_TIME = (
    r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?)?"
    r"(?:\s*(?P<meridian>[ap])(?:m\b|\.m\.))?"
    r"(?:\s*(?P<zone>z|utc|gmt|[-+]\d{2}:?\d{2}|[-+]\d{1,2})\b)?"
)
_NAMED = re.compile(
    rf"\s*(?:{_WEEKDAY})?"
    rf"(?:{_DAY.format('eu_day')}[\s-]+{_MONTH.format('eu_month')}"
    rf"|{_MONTH.format('us_month')}[\s-]+{_DAY.format('us_day')})"
    r",?[\s-]+(?P<year>\d{4})"
    rf"(?:,?\s+(?:at\s+)?{_TIME})?\s*",
    re.IGNORECASE,
)

Local = Callable[[dt.datetime], dt.datetime]


def named_month_date(text: str, local: Local) -> dt.datetime | None:
    """The instant `text` names, or None when it is not one of these forms (or no such
    day). `local` makes a time that names no zone local time in the site's timezone."""
    m = _NAMED.fullmatch(text)
    if m is None:
        return None
    if m["hour"] is not None and m["minute"] is None and m["meridian"] is None:
        return None  # `2023 6` is no time (Ruby reads `6` alone as an hour only with am/pm)
    month = _MONTHS.index((m["eu_month"] or m["us_month"])[:3].lower()) + 1
    hour = int(m["hour"] or 0)
    if m["meridian"]:
        hour = hour % 12 + (12 if m["meridian"].lower() == "p" else 0)
    try:
        moment = dt.datetime(
            int(m["year"]), month, int(m["eu_day"] or m["us_day"]), hour,
            int(m["minute"] or 0), int(m["second"] or 0),
            int((m["fraction"] or "0")[:6].ljust(6, "0")),
        )  # fmt: skip
    except ValueError:
        return None
    zone = m["zone"]
    if zone is None:
        return local(moment)
    return moment.replace(tzinfo=_offset(zone))


def _offset(zone: str) -> dt.tzinfo:
    if zone.lower() in ("z", "utc", "gmt"):
        return dt.UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    return dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes)))
