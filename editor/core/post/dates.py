"""Post dates the way Jekyll 4.3 reads them, shown in the site's timezone.

What Jekyll does with a date that names no offset depends on how it is written (measured
with `jekyll build` 4.3.1, with and without `timezone:` in _config.yml and with TZ set):
a YAML timestamp (`2025-08-14 22:02:54` or `2025-08-14T22:02:54`, seconds required,
a fraction allowed, unquoted) is UTC, as Psych builds it; anything else (a bare day
`2025-08-14`, minutes only `2025-08-14 22:02`, a quoted timestamp, the lenient
`2023-01-29 18:30:22 2023`) goes through Ruby's `Time.parse` and is local time: the
site's `timezone:`, else the building machine's TZ (Byline takes UTC, as GitHub Pages
and CI builds run). Our YAML readers give a naive datetime for exactly the timestamps.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from editor.core.errors import InvalidDateError
from editor.core.post.named_dates import named_month_date

UTC = dt.UTC
_RAW_DATE = re.compile(
    r"""^(?P<date>\d{4}-\d{1,2}-\d{1,2})
        (?:(?P<sep>[Tt]|[ \t]+)(?P<time>\d{1,2}:\d{2}(?P<sec>:\d{2}(?:\.\d+)?)?)
           (?P<zsep>[ \t]*)(?P<zone>Z|[-+]\d{1,2}(?::?\d{2})?)?)?$""",
    re.X,
)


@dataclass(frozen=True)
class DateStyle:
    """How a blog writes `date`: `2025-08-14T22:02:54` is sep="T", seconds, no zone."""

    sep: str = "T"
    seconds: bool = True
    zone: str = ""  # "", "+02:00", "+0200" (the form of the offset) or "Z"
    zone_sep: str = ""  # text between time and zone, e.g. " " in `12:00:00 +0000`
    time: bool = True

    @classmethod
    def of(cls, raw: str) -> DateStyle | None:
        """The style of one raw `date` text, or None when it is not an ISO-like date."""
        m = _RAW_DATE.match(raw.strip().strip("'\""))
        if not m:
            return None
        if m["time"] is None:
            return cls(time=False, sep="", seconds=False)
        zone = m["zone"] or ""
        if zone and zone != "Z":
            zone = "+02:00" if ":" in zone else "+0200"
        return cls(sep=m["sep"], seconds=bool(m["sec"]), zone=zone, zone_sep=m["zsep"] or "")


DEFAULT_DATE_STYLE = DateStyle()


def site_zone(name: str | None) -> dt.tzinfo:
    """The site's `timezone:` as a tzinfo; unset or unknown means UTC (as Jekyll builds do)."""
    if not name:
        return UTC
    # imported for a site that names its zone: zoneinfo's import reads the system's
    # configuration (~5 ms), which a window opening a zoneless site need not wait for
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def is_utc(zone: dt.tzinfo) -> bool:
    now = dt.datetime(2025, 1, 1, tzinfo=zone)
    summer = dt.datetime(2025, 7, 1, tzinfo=zone)
    return now.utcoffset() == dt.timedelta(0) and summer.utcoffset() == dt.timedelta(0)


_STRING_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M %z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
)  # month names: named_dates.py (strptime's %B would follow the desktop's language)


def parse_date_value(value: object, zone: dt.tzinfo = UTC) -> dt.datetime:
    """The instant a front matter `date` value stands for, as an aware datetime.

    An offset-less YAML timestamp (a naive datetime) is UTC; any other offset-less date
    (a bare day, a date given as text) is local time in `zone`, the site's timezone
    (see the module's docstring). Raises InvalidDateError for anything Jekyll would refuse.
    """
    return _in_range(_parse(value, zone), value)


# An instant must stay a datetime in every timezone: years 1-9999 with a day to spare
# (`9999-12-31 23:59:59 -23:59` is year 10000 in UTC and broke every command).
_EARLIEST = dt.datetime(1, 1, 2, tzinfo=UTC)
_LATEST = dt.datetime(9999, 12, 30, tzinfo=UTC)


def _in_range(moment: dt.datetime, value: object) -> dt.datetime:
    try:
        ok = _EARLIEST <= moment <= _LATEST
    except OverflowError:
        ok = False
    if not ok:
        raise InvalidDateError(
            f"date {_shown(value)} is out of range: Byline reads dates from 0001-01-02 "
            "to 9999-12-30 in every timezone"
        )
    return moment


def short_text(text: str, limit: int = 60) -> str:
    """`text` for a message, cut short: a 5,000-digit number is not echoed whole."""
    return text if len(text) <= limit else f"{text[: limit - 20]}… ({len(text):,} characters)"


def short_repr(value: object, limit: int = 60) -> str:
    """repr() of a value for a message, cut short."""
    return short_text(repr(value), limit)


def _shown(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return short_repr(value) if not isinstance(value, str) or len(value) > 60 else value


def _parse(value: object, zone: dt.tzinfo) -> dt.datetime:
    if isinstance(value, dt.datetime):  # a YAML timestamp: Psych makes it UTC
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, dt.date):  # a bare day: Time.parse, local midnight
        return _local(dt.datetime(value.year, value.month, value.day), zone)
    if isinstance(value, str):  # text (quoted, or no YAML timestamp): Time.parse, local
        text = value.strip()
        try:
            parsed = dt.datetime.fromisoformat(text.replace(" +", "+").replace(" -", "-"))
            return _local(parsed, zone)
        except ValueError:
            pass
        for fmt in _STRING_FORMATS:
            try:
                parsed = dt.datetime.strptime(text, fmt)
            except ValueError:
                continue
            return _local(parsed, zone)
        lenient = _lenient(text, zone)
        if lenient is not None:
            return lenient[0]
        named = named_month_date(text, lambda moment: _local(moment, zone))
        if named is not None:
            return named
    raise InvalidDateError(f"date {short_repr(value)} is not a date Jekyll can read")


def _local(moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """`moment` as it is, or, naming no offset, as local time in `zone`, as Ruby's
    Time.local reads it: an hour that happens twice (clocks go back) is the second one; a
    time the clocks skip counts from the offset before the change."""
    if moment.tzinfo:
        return moment
    first = moment.replace(tzinfo=zone)
    second = first.replace(fold=1)
    try:
        if first.utcoffset() != second.utcoffset():
            again = second.astimezone(UTC).astimezone(zone)
            if again.replace(tzinfo=None) == moment:  # it exists twice: the second
                return again
            return first.astimezone(UTC).astimezone(zone)  # skipped: 02:30 is 03:30
    except OverflowError:  # year 1 or 9999 pushed out of range: _in_range reports it
        pass
    return first


# Ruby's Time.parse, which Jekyll uses for a date YAML leaves a string, finds a date, a
# time and a zone written right after it anywhere in the text and ignores the rest:
# `2023-01-29 18:30:22 2023 -0800` (from Jekyll's own site: the zone is not next to the
# time, so it is ignored) and `2020-04-30T11:57:36+01:00k` both build.
_LENIENT = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"
    r"(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"(?:[ \t]*([AaPp])\.?[Mm]\.?(?![A-Za-z]))?"  # `6:30 pm`
    r"(?:[ \t]*(Z|UTC|GMT|[-+]\d{1,2}(?::?\d{2})?)(?![\d:]))?)?"
)


def _lenient(text: str, zone: dt.tzinfo = UTC) -> tuple[dt.datetime, str] | None:
    """(the instant, the text Jekyll ignores) for a date only Ruby's lenient parser reads;
    without a zone next to the time it is local time in `zone`."""
    m = _LENIENT.search(text)
    if m is None:
        return None
    year, month, day, hour, minute, second, fraction, meridian, offset = m.groups()
    hours = int(hour or 0)
    if meridian and 1 <= hours <= 12:
        hours = hours % 12 + (12 if meridian in "Pp" else 0)
    try:
        moment = dt.datetime(
            int(year), int(month), int(day), hours, int(minute or 0),
            int(second or 0), int((fraction or "0")[:6].ljust(6, "0")),
        )  # fmt: skip
    except ValueError:
        return None
    moment = _local(moment, zone) if offset is None else moment.replace(tzinfo=_zone_offset(offset))
    ignored = (text[: m.start()] + " " + text[m.end() :]).strip()
    return moment, ignored


def _zone_offset(zone: str) -> dt.tzinfo:
    if zone in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    return dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes)))


def ignored_date_text(value: object) -> str | None:
    """The part of a `date` text Jekyll ignores when it reads it (`2023 -0800` in
    `2023-01-29 18:30:22 2023 -0800`), or None for a date read whole (or no date)."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        dt.datetime.fromisoformat(text.replace(" +", "+").replace(" -", "-"))
        return None
    except ValueError:
        pass
    for fmt in _STRING_FORMATS:
        try:
            dt.datetime.strptime(text, fmt)
            return None
        except ValueError:
            continue
    lenient = _lenient(text)
    return lenient[1] if lenient is not None and lenient[1] else None


def publish_time(value: object, zone: dt.tzinfo) -> dt.datetime:
    """The date and time the blog shows for a `date` value: in the site's timezone."""
    return parse_date_value(value, zone).astimezone(zone)


def _offset_text(moment: dt.datetime, form: str) -> str:
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}" if form == "+02:00" else f"{sign}{hours:02d}{mins:02d}"


def format_date(moment: dt.datetime, style: DateStyle, zone: dt.tzinfo) -> str:
    """Write `moment` so that Jekyll publishes it at the same wall-clock time in `zone`.

    Jekyll reads a bare day, or a time without seconds, as local time in the site's
    timezone: those styles stay as they are. An offset-less time with seconds is a YAML
    timestamp, which Jekyll reads as UTC: on a site whose timezone is not UTC it gets an
    explicit offset.
    """
    local = moment.astimezone(zone) if moment.tzinfo else moment.replace(tzinfo=zone)
    # the post's style only where it can hold the value: a time given to a date-only
    # post, or seconds to a minute-precision one, are written in full, never dropped
    if not style.time and (local.hour, local.minute, local.second) != (0, 0, 0):
        style = DEFAULT_DATE_STYLE
    elif style.time and not style.seconds and local.second:
        style = replace(style, seconds=True)
    if not style.time:
        return local.strftime("%Y-%m-%d")
    text = local.strftime("%Y-%m-%d") + style.sep
    text += local.strftime("%H:%M:%S" if style.seconds else "%H:%M")
    zone_form = style.zone
    if not zone_form and style.seconds and not is_utc(zone):
        zone_form = "+0200" if style.sep != "T" else "+02:00"
        zone_sep = " " if style.sep != "T" else ""
    else:
        zone_sep = style.zone_sep
    if zone_form == "Z":
        if local.utcoffset() == dt.timedelta(0):
            return text + zone_sep + "Z"
        zone_form = "+02:00"
    if zone_form:
        text += zone_sep + _offset_text(local, zone_form)
    return text
