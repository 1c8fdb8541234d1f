"""Parsing + writing one post (the reference post) next to python-frontmatter's load + dumps."""

import io
import statistics
import sys
import time
from pathlib import Path

import frontmatter

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from editor.core.post.post import parse_post

REFERENCE = Path(__file__).resolve().parents[1] / "fixtures" / "reference-post.md"
DATA = REFERENCE.read_bytes()


def byline_round() -> bytes:
    post = parse_post(DATA)
    post.set("title", "Edited title")
    return post.to_bytes()


def byline_unchanged() -> bytes:
    return parse_post(DATA).to_bytes()


def frontmatter_round() -> str:
    post = frontmatter.load(io.StringIO(DATA.decode("utf-8")))
    post["title"] = "Edited title"
    return frontmatter.dumps(post)


def measure(fn: object, repeat: int = 7, number: int = 300) -> float:
    """Best-of-`repeat` median-free timing in microseconds per call."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()  # type: ignore[operator]
        runs.append((time.perf_counter() - start) / number * 1e6)
    return statistics.median(runs)


def main() -> None:
    assert byline_unchanged() == DATA
    fm_out = frontmatter_round()
    ours_unchanged = measure(byline_unchanged)
    ours_edit = measure(byline_round)
    theirs = measure(frontmatter_round)
    print(f"byline parse + write (unchanged):     {ours_unchanged:8.1f} us/post")
    print(f"byline parse + edit title + write:     {ours_edit:8.1f} us/post")
    print(f"frontmatter.load + dumps (baseline):   {theirs:8.1f} us/post")
    print(f"ratio byline edit / frontmatter:       {ours_edit / theirs:8.2f}x")
    print(f"frontmatter output == input bytes:     {fm_out.encode() == DATA}")


if __name__ == "__main__":
    main()
