"""Property tests: text -> post -> text is stable; post -> text -> post keeps the values."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.post.dates import site_zone
from editor.core.post.post import Post, parse_post

# Characters authors type in titles: quotes, colons, hashes, emoji, accents, spaces.
title_text = st.text(
    alphabet=st.sampled_from(list("abcXYZ 019:#'\"-,[]{}&*!|>%@`\\?é—🎉ß\t")),
    min_size=0,
    max_size=40,
)
word = st.text(alphabet=st.sampled_from(list("abcé, :#'\"-[]{}")), min_size=1, max_size=12)
dates = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2090, 1, 1)).map(
    lambda d: d.replace(microsecond=0)
)
zones = st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=title_text,
    author=title_text,
    categories=st.lists(word, max_size=4),
    tags=st.lists(word, max_size=4),
    when=dates,
    zone_name=zones,
    body=st.text(alphabet=st.characters(exclude_characters="\x00"), max_size=80),
)
def test_post_text_post_keeps_values(
    title: str,
    author: str,
    categories: list[str],
    tags: list[str],
    when: dt.datetime,
    zone_name: str,
    body: str,
) -> None:
    zone = site_zone(zone_name)
    moment = when.replace(tzinfo=zone)
    fields = {
        "layout": "post",
        "title": title,
        "date": moment,
        "author": author,
        "categories": categories,
        "tags": tags,
    }
    post = Post.new(fields, body, zone=zone)
    text = post.to_text()
    again = parse_post(text, zone=zone)
    assert again.to_text() == text
    for key in ("layout", "title", "author", "categories", "tags"):
        assert again.get(key) == fields[key]
    # the same instant (a wall time in a DST gap, like 02:00 on spring-forward day, comes
    # back as the clock reads then: 03:00; comparing in the zone would see different fields)
    assert again.date().astimezone(dt.UTC) == moment.astimezone(dt.UTC)
    assert again.body_for_editing() == body.replace("\r\n", "\n")


@settings(max_examples=200)
@given(title=title_text, new_title=title_text)
def test_editing_title_of_reference_touches_one_line(title: str, new_title: str) -> None:
    post = Post.new({"layout": "post", "title": title, "tags": []}, "Body\n")
    text = post.to_text()
    edited = parse_post(text)
    edited.set("title", new_title)
    before, after = text.splitlines(), edited.to_text().splitlines()
    assert len(before) == len(after)
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] in ([], [2])
    assert parse_post(edited.to_text()).get("title") == new_title
