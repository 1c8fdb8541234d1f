"""The blog's real post survives opening and saving, byte for byte."""

from editor.core.post.post import parse_post


def test_reference_post_round_trips(reference_bytes: bytes) -> None:
    assert parse_post(reference_bytes).to_bytes() == reference_bytes


def test_editing_title_changes_exactly_one_line(reference_bytes: bytes) -> None:
    post = parse_post(reference_bytes)
    post.set("title", "Alaska summit")
    before = reference_bytes.decode().splitlines(keepends=True)
    after = post.to_text().splitlines(keepends=True)
    assert len(before) == len(after)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [(before[2], 'title: "Alaska summit"\n')]
