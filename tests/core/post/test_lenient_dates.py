"""Dates Jekyll reads leniently, date styles that can hold the value, line endings kept
(issue 16: "Read what Jekyll reads")."""

from __future__ import annotations

import datetime as dt
import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.post.dates import ignored_date_text, parse_date_value
from editor.core.post.post import parse_post

sys.path.insert(0, str(Path(__file__).resolve().parent))
from jekyll_blog import published_dates

UTC = dt.UTC
LENIENT = [
    # from Jekyll's own site; Ruby ignores a zone not written right after the time
    ("2023-01-29 18:30:22 2023 -0800", dt.datetime(2023, 1, 29, 18, 30, 22, tzinfo=UTC), "2023 -0800"),
    ("2020-04-30T11:57:36+01:00k",
     dt.datetime(2020, 4, 30, 10, 57, 36, tzinfo=UTC), "k"),
    ("2024-03-09 10:00 draft", dt.datetime(2024, 3, 9, 10, 0, tzinfo=UTC), "draft"),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "instant", "ignored"), LENIENT)
def test_lenient_dates_are_read_like_ruby(raw: str, instant: dt.datetime, ignored: str) -> None:
    post = parse_post(f"---\ntitle: t\ndate: {raw}\n---\nx\n")
    assert post.date() == instant
    assert parse_date_value(raw) == instant
    assert ignored_date_text(raw) == ignored


@pytest.mark.parametrize("raw", ["2024-03-09", "2024-03-09 10:00:00 +0100", "2024-03-09T10:00"])
def test_clean_dates_have_nothing_ignored(raw: str) -> None:
    assert ignored_date_text(raw) is None


@pytest.mark.parametrize("raw", ["hello", "2025-02-30 18:00 x", "yesterday"])
def test_no_date_at_all_is_still_refused(raw: str) -> None:
    from editor.core.errors import InvalidDateError

    with pytest.raises(InvalidDateError):
        parse_post(f"---\ntitle: t\ndate: {raw}\n---\nx\n")


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_check_warns_about_the_ignored_text(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: T\n")
    (site / "_posts" / "2023-01-29-a.md").write_text(
        "---\ntitle: A\ndate: 2023-01-29 18:30:22 2023 -0800\n---\nx\n"
    )
    code, out, _ = run("check", str(site))
    assert code == 0
    assert out == (
        '_posts/2023-01-29-a.md:3: warning: the date has text Jekyll ignores ("2023 -0800"); '
        "it reads 2023-01-29 18:30:22 +0000\n"
    )
    code, out, _ = run("list", str(site))
    assert "2023-01-29 18:30  A" in out and "broken" not in out


@pytest.mark.jekyll
def test_jekyll_publishes_them_at_the_time_byline_shows(tmp_path: Path) -> None:
    published = published_dates(tmp_path / "blog", [raw for raw, _, _ in LENIENT], "UTC")
    assert published == [f"{instant:%Y-%m-%d %H:%M:%S} +0000" for _, instant, _ in LENIENT]


# --- the post's date style only where it can hold the value ----------------------------


def test_a_time_given_to_a_date_only_post_is_written_in_full() -> None:
    post = parse_post("---\ntitle: t\ndate: 2024-03-09\n---\nx\n")
    post.set("date", dt.datetime(2024, 3, 9, 18, 30, 15, tzinfo=UTC))
    assert "date: 2024-03-09T18:30:15\n" in post.to_text()
    assert post.date() == dt.datetime(2024, 3, 9, 18, 30, 15, tzinfo=UTC)


def test_a_date_only_post_stays_date_only_for_a_day() -> None:
    post = parse_post("---\ntitle: t\ndate: 2024-03-09\n---\nx\n")
    post.set("date", dt.datetime(2024, 3, 10, tzinfo=UTC))
    assert "date: 2024-03-10\n" in post.to_text()


def test_seconds_given_to_a_minute_precision_post_are_kept() -> None:
    post = parse_post("---\ntitle: t\ndate: 2024-03-09 10:00 +0000\n---\nx\n")
    post.set("date", dt.datetime(2024, 3, 9, 18, 30, 15, tzinfo=UTC))
    assert "date: 2024-03-09 18:30:15 +0000\n" in post.to_text()
    post = parse_post("---\ntitle: t\ndate: 2024-03-09 10:00 +0000\n---\nx\n")
    post.set("date", dt.datetime(2024, 3, 9, 18, 31, tzinfo=UTC))
    assert "date: 2024-03-09 18:31 +0000\n" in post.to_text()


# --- mixed line endings ----------------------------------------------------------------


def test_each_edited_line_keeps_its_own_ending() -> None:
    text = "---\r\ntitle: a\ndate: 2024-03-09\r\ntags: [a]\nauthor: x\r\n---\r\nBody\n"
    post = parse_post(text)
    post.set("title", "b")
    post.set("date", dt.datetime(2024, 3, 10, tzinfo=UTC))
    post.set("tags", ["a", "b"])
    post.set("author", "zed")
    assert post.to_text() == (
        "---\r\ntitle: b\ndate: 2024-03-10\r\ntags: [a, b]\nauthor: zed\r\n---\r\nBody\n"
    )
