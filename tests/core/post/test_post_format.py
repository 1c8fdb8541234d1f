"""The post format: byte-exact round trips, one-field edits, new posts in the house style."""

import datetime as dt

import pytest

from editor.core.errors import (
    EncodingError,
    InvalidDateError,
    NotAMappingError,
    PostFormatError,
    UnsafeYamlError,
    YamlSyntaxError,
)
from editor.core.post.dates import site_zone
from editor.core.post.house_style import DEFAULT_STYLE
from editor.core.post.post import Post, parse_post

HOUSE_STYLES = {
    "single quotes and block list": (
        "---\nlayout: post\ntitle: 'It''s a title: yes'\ntags:\n  - a\n  - 'b, c'\n---\n\nBody\n"
    ),
    "block list at column 0": "---\ntitle: x\ntags:\n- a\n- b\ncategories:\n- News\n---\nBody",
    "comments": '---\n# leading\nlayout: post # why\n\n# mid\ntitle: "T"\n  # indented\n---\nx\n',
    "folded string": "---\ntitle: T\nexcerpt: >\n  line one\n  line two\n\n  para\nimage: x.jpg\n---\n\nB\n",
    "date with zone": "---\ndate: 2025-08-14 22:02:54 +0200\n---\n",
    "date with colon zone": "---\ndate: 2025-08-14T22:02:54+02:00\n---\n",
    "CRLF": '---\r\nlayout: post\r\ntitle: "A"\r\n---\r\n\r\nBody\r\nmore\r\n',
    "BOM": "\ufeff---\nlayout: post\n---\nbody\n",
    "dots close": "---\nlayout: post\n...\n\nbody\n",
    "trailing spaces and blank lines": "---\nlayout: post\n---\n\nBody  \n\ntext \t\n\n\n\n",
    "no trailing newline": "---\nlayout: post\n---\n\nlast line",
    "empty front matter": "---\n---\n",
    "delimiters with spaces": "---   \nlayout: post\n---  \nbody",
    "unknown keys": (
        "---\nlayout: post\nfeatured: true\npermalink: /x/\npublished: false\n"
        "toc: yes\nweird:   [ 1,2 ]   \n---\n"
    ),
    "YAML 1.1 values": "---\ntime: 10:00\nflag: yes\nzip: 01234\nday: 2025-8-4\n---\n",
    "liquid and html body": "---\nlayout: post\n---\n\n{% include x.html %}\n<div>{{ page.title }}</div>\n",
}


@pytest.mark.parametrize("text", HOUSE_STYLES.values(), ids=HOUSE_STYLES.keys())
def test_unchanged_post_round_trips(text: str) -> None:
    assert parse_post(text.encode()).to_bytes() == text.encode()


def test_reference_front_matter_is_written_exactly_by_new(reference_bytes: bytes) -> None:
    ref = parse_post(reference_bytes)
    keys = ref.keys()
    fields = {key: ref.get(key) for key in keys}
    new = Post.new(fields, ref.body_for_editing())
    assert new.to_bytes() == reference_bytes


def test_new_post_orders_keys_the_house_way() -> None:
    post = Post.new({"tags": [], "title": "T", "layout": "post", "featured": True})
    assert post.to_text() == '---\nlayout: post\ntitle: "T"\ntags: []\nfeatured: true\n---\n\n'


@pytest.mark.parametrize(
    ("text", "key", "value", "expected"),
    [
        (
            HOUSE_STYLES["single quotes and block list"],
            "title",
            "New 'one'",
            "---\nlayout: post\ntitle: 'New ''one'''\ntags:\n  - a\n  - 'b, c'\n---\n\nBody\n",
        ),
        (
            HOUSE_STYLES["single quotes and block list"],
            "tags",
            ["a", "b, c", "d"],
            "---\nlayout: post\ntitle: 'It''s a title: yes'\ntags:\n  - a\n  - b, c\n  - d\n"
            "---\n\nBody\n",
        ),
        (
            HOUSE_STYLES["CRLF"],
            "title",
            "B",
            '---\r\nlayout: post\r\ntitle: "B"\r\n---\r\n\r\nBody\r\nmore\r\n',
        ),
        (
            HOUSE_STYLES["comments"],
            "layout",
            "page",
            '---\n# leading\nlayout: page # why\n\n# mid\ntitle: "T"\n  # indented\n---\nx\n',
        ),
        (
            HOUSE_STYLES["folded string"],
            "excerpt",
            "short",
            '---\ntitle: T\nexcerpt: "short"\nimage: x.jpg\n---\n\nB\n',
        ),
        (
            HOUSE_STYLES["BOM"],
            "title",
            "Hi",
            '\ufeff---\nlayout: post\ntitle: "Hi"\n---\nbody\n',
        ),
        (
            HOUSE_STYLES["YAML 1.1 values"],
            "flag",
            False,
            "---\ntime: 10:00\nflag: false\nzip: 01234\nday: 2025-8-4\n---\n",
        ),
        (
            HOUSE_STYLES["unknown keys"],
            "categories",
            ["News", "World"],
            "---\nlayout: post\ncategories: [News, World]\nfeatured: true\npermalink: /x/\n"
            "published: false\ntoc: yes\nweird:   [ 1,2 ]   \n---\n",
        ),
    ],
)
def test_editing_one_field_changes_only_its_lines(
    text: str, key: str, value: object, expected: str
) -> None:
    post = parse_post(text)
    post.set(key, value)
    assert post.to_text() == expected
    assert parse_post(post.to_text()).get(key) == value


def test_setting_the_same_value_changes_nothing() -> None:
    text = "---\ntitle:    'Same'   \ntags: [ a ]\n---\n"
    post = parse_post(text)
    post.set("title", "Same")
    post.set("tags", ["a"])
    assert post.to_text() == text


def test_removing_and_adding_keys(reference_bytes: bytes) -> None:
    post = parse_post(reference_bytes)
    post.remove("image")
    post.set("image", "assets/images/ada012e67f183ef3e9094a5b4ba609c2.jpg")
    assert post.to_bytes() == reference_bytes


def test_quoting_follows_yaml_needs() -> None:
    post = Post.new(
        {
            "title": 'Hash #1: "quoted" — ünïcode 🎉',
            "categories": ["News", "a, b", "yes", "2024", "C#"],
            "tags": [],
        }
    )
    assert post.to_text() == (
        "---\n"
        'title: "Hash #1: \\"quoted\\" — ünïcode 🎉"\n'
        'categories: [News, "a, b", "yes", "2024", "C#"]\n'
        "tags: []\n---\n\n"
    )


def test_body_for_editing_hides_the_separator_and_crlf() -> None:
    post = parse_post(HOUSE_STYLES["CRLF"])
    assert post.body_for_editing() == "Body\nmore\n"
    post.set_body_from_editor("Body\nmore\n")
    assert post.to_text() == HOUSE_STYLES["CRLF"]
    post.set_body_from_editor("New\n")
    assert post.to_text().endswith("---\r\n\r\nNew\r\n")


# --- dates -------------------------------------------------------------------


def test_offset_less_date_in_berlin_is_published_next_day(reference_bytes: bytes) -> None:
    post = parse_post(reference_bytes, zone=site_zone("Europe/Berlin"))
    assert post.date() == dt.datetime(2025, 8, 15, 0, 2, 54, tzinfo=site_zone("Europe/Berlin"))


def test_date_written_with_offset_outside_utc() -> None:
    berlin = site_zone("Europe/Berlin")
    post = Post.new({"date": dt.datetime(2025, 8, 14, 22, 2, 54, tzinfo=berlin)}, zone=berlin)
    assert post.to_text() == "---\ndate: 2025-08-14T22:02:54+02:00\n---\n\n"
    utc = Post.new({"date": dt.datetime(2025, 8, 14, 22, 2, 54, tzinfo=dt.UTC)})
    assert utc.to_text() == "---\ndate: 2025-08-14T22:02:54\n---\n\n"


def test_date_keeps_the_posts_own_date_style() -> None:
    berlin = site_zone("Europe/Berlin")
    post = parse_post("---\ndate: 2025-01-01 12:00:00 +0100\n---\n", zone=berlin)
    post.set("date", dt.datetime(2025, 7, 1, 9, 30, tzinfo=berlin))
    assert post.to_text() == "---\ndate: 2025-07-01 09:30:00 +0200\n---\n"


# --- bad input ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "error", "line", "words"),
    [
        (b'---\ntitle: "unclosed\nlayout: post\n---\n', YamlSyntaxError, 4, "invalid YAML"),
        (b"---\ntitle: a\n  bad: indent\n---\n", YamlSyntaxError, 3, "invalid YAML"),
        (b"---\n- a\n- b\n---\n", NotAMappingError, 2, "it is a list"),
        (b"---\njust text\n---\n", NotAMappingError, 2, "single value"),
        (b"---\ndate: 2025-02-30\n---\n", InvalidDateError, 2, "date"),
        (b"---\ndate: someday\n---\n", InvalidDateError, 2, "not a date"),
        (b"---\nx: !!python/object:os.system {}\n---\n", UnsafeYamlError, 2, "not allowed"),
        (b"---\ntitle: a\ntitle: b\n---\n", YamlSyntaxError, 3, "duplicate key 'title'"),
        (b"---\ntitle: a\n", YamlSyntaxError, 1, "no closing"),
        (b"no front matter\n", PostFormatError, 1, "no front matter"),
        (b"---\ntitle: \xff\n---\n", EncodingError, 2, "not UTF-8"),
        (b"---\ntitle: a\x00\n---\n", EncodingError, None, "binary"),
    ],
)
def test_bad_input_gives_a_clear_error(
    source: bytes, error: type[Exception], line: int | None, words: str
) -> None:
    with pytest.raises(error) as info:
        parse_post(source, path="_posts/x.md")
    assert words in str(info.value)
    assert info.value.line == line  # type: ignore[attr-defined]
    assert str(info.value).startswith("_posts/x.md")


def test_yaml_alias_bomb_is_refused() -> None:
    lines = ["---", 'a: &a ["x","x","x","x","x","x","x","x","x"]']
    for n in range(1, 12):
        prev = chr(ord("a") + n - 1)
        cur = chr(ord("a") + n)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    lines.append("---\n")
    with pytest.raises(UnsafeYamlError, match="aliases"):
        parse_post("\n".join(lines))


def test_default_style_is_the_format_reference() -> None:
    assert DEFAULT_STYLE.key_order == (
        "layout", "title", "date", "author", "categories", "tags", "excerpt", "image"
    )  # fmt: skip
