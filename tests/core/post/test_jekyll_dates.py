"""End to end: what `byline new` writes, the real `jekyll build` publishes as entered."""

import shutil
import subprocess
from pathlib import Path

import pytest

from editor.cli import main

pytestmark = pytest.mark.jekyll

LAYOUT = (
    "---\n---\n<h1>{{ page.title }}</h1>\n"
    '<p class="date">{{ page.date | date: "%Y-%m-%d %H:%M" }}</p>\n'
    '<p class="cats">{{ page.categories | join: "|" }}</p>\n{{ content }}\n'
)


def _build(site: Path) -> None:
    jekyll = shutil.which("jekyll")
    assert jekyll, "jekyll is not installed (Debian package `jekyll`; .ci/run installs it)"
    subprocess.run(
        [jekyll, "build", "-q", "-s", str(site), "-d", str(site / "_site")],
        check=True,
        capture_output=True,
        timeout=120,
    )


@pytest.mark.parametrize("timezone", [None, "UTC", "Europe/Berlin", "America/Los_Angeles"])
def test_published_date_is_the_entered_date(
    tmp_path: Path, timezone: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "blog"
    (site / "_layouts").mkdir(parents=True)
    (site / "_layouts" / "post.html").write_text(LAYOUT)
    (site / "_config.yml").write_text(
        f"title: Test\ntimezone: {timezone}\n" if timezone else "title: Test\n"
    )
    title = 'Hash #1: "Alaska" — summit'
    args = ["new", str(site), "--title", title, "--date", "2025-08-14T23:30:00"]
    assert main([*args, "--category", "News", "--category", "World"]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.name == "2025-08-14-hash-1-alaska-summit.md"
    _build(site)
    pages = list((site / "_site").rglob("hash-1-alaska-summit.html"))
    assert [p.relative_to(site / "_site").as_posix() for p in pages] == [
        "news/world/2025/08/14/hash-1-alaska-summit.html"
    ]
    html = pages[0].read_text()
    assert "<h1>Hash #1: &quot;Alaska&quot; — summit</h1>" in html or f"<h1>{title}</h1>" in html
    assert '<p class="date">2025-08-14 23:30</p>' in html
    assert '<p class="cats">News|World</p>' in html


def test_offset_less_reference_date_moves_to_next_day_in_berlin(
    tmp_path: Path, reference_bytes: bytes
) -> None:
    """The rule the editor follows, shown on the blog's own post: Jekyll reads it as UTC."""
    site = tmp_path / "blog"
    (site / "_layouts").mkdir(parents=True)
    (site / "_posts").mkdir()
    (site / "_layouts" / "post.html").write_text(LAYOUT)
    (site / "_config.yml").write_text("timezone: Europe/Berlin\n")
    (site / "_posts" / "2025-08-14-alaska.md").write_bytes(reference_bytes)
    _build(site)
    assert (site / "_site" / "news" / "2025" / "08" / "15" / "alaska.html").is_file()
