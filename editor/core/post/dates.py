"""Post dates the way Jekyll reads them: offset-less means UTC, shown in the site's timezone."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from editor.core.errors import InvalidDateError

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
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
)


def parse_date_value(value: object) -> dt.datetime:
    """The instant a front matter `date` value stands for, as an aware datetime.

    Offset-less times are UTC (Jekyll's YAML parser reads them so); a bare day is
    midnight UTC. Raises InvalidDateError for anything Jekyll would refuse.
    """
    return _in_range(_parse(value), value)


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


def _parse(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, str):
        text = value.strip()
        try:
            parsed = dt.datetime.fromisoformat(text.replace(" +", "+").replace(" -", "-"))
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        except ValueError:
            pass
        for fmt in _STRING_FORMATS:
            try:
                parsed = dt.datetime.strptime(text, fmt)
            except ValueError:
                continue
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        lenient = _lenient(text)
        if lenient is not None:
            return lenient[0]
    raise InvalidDateError(f"date {short_repr(value)} is not a date Jekyll can read")


# Ruby's Time.parse, which Jekyll uses for a date YAML leaves a string, finds a date, a
# time and a zone written right after it anywhere in the text and ignores the rest:
# `2023-01-29 18:30:22 2023 -0800` (from Jekyll's own site: the zone is not next to the
# time, so it is ignored) and `2020-04-30T11:57:36+01:00k` both build.
_LENIENT = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"
    r"(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"(?:[ \t]*(Z|UTC|GMT|[-+]\d{1,2}(?::?\d{2})?)(?![\d:]))?)?"
)


def _lenient(text: str) -> tuple[dt.datetime, str] | None:
    """(the instant, the text Jekyll ignores) for a date only Ruby's lenient parser reads."""
    m = _LENIENT.search(text)
    if m is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = m.groups()
    try:
        offset = _zone_offset(zone)
        moment = dt.datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0),
            int(second or 0), int((fraction or "0")[:6].ljust(6, "0")), tzinfo=offset,
        )  # fmt: skip
    except ValueError:
        return None
    ignored = (text[: m.start()] + " " + text[m.end() :]).strip()
    return moment, ignored


def _zone_offset(zone: str | None) -> dt.tzinfo:
    if zone is None or zone in ("Z", "UTC", "GMT"):
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
    return parse_date_value(value).astimezone(zone)


def _offset_text(moment: dt.datetime, form: str) -> str:
    offset = moment.utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}" if form == "+02:00" else f"{sign}{hours:02d}{mins:02d}"


def format_date(moment: dt.datetime, style: DateStyle, zone: dt.tzinfo) -> str:
    """Write `moment` so that Jekyll publishes it at the same wall-clock time in `zone`.

    An offset-less style is kept only where the site's timezone is UTC; elsewhere an
    explicit offset is added, because Jekyll would read the bare time as UTC.
    """
    local = moment.astimezone(zone) if moment.tzinfo else moment.replace(tzinfo=zone)
    # the post's style only where it can hold the value: a time given to a date-only
    # post, or seconds to a minute-precision one, are written in full, never dropped
    if not style.time and (local.hour, local.minute, local.second) != (0, 0, 0):
        style = DEFAULT_DATE_STYLE
    elif style.time and not style.seconds and local.second:
        style = replace(style, seconds=True)
    if not style.time:
        if is_utc(zone):
            return local.strftime("%Y-%m-%d")
        style = DateStyle(sep="T", seconds=False, zone="+02:00")
    text = local.strftime("%Y-%m-%d") + style.sep
    text += local.strftime("%H:%M:%S" if style.seconds else "%H:%M")
    zone_form = style.zone
    if not zone_form and not is_utc(zone):
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
