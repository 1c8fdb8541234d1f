"""`byline new`: a post in the site's house style, never overwriting, clear errors."""

import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import main

REFERENCE_FIELDS = [
    "--title",
    "Latest: Crunch time in Alaska - Trump set to meet Putin in push for Ukraine peace",
    "--date",
    "2025-08-14T22:02:54",
    "--author",
    "badely",
    "--category",
    "News",
    "--excerpt",
    "Donald Trump will host Vladimir Putin in Alaska - their first meeting in six years - "
    "as he tries to secure a Ukraine war ceasefire.",
]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: Test\n")
    return tmp_path


def test_new_writes_the_reference_front_matter(
    site: Path, reference_bytes: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", str(site), *REFERENCE_FIELDS]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert (
        path
        == site
        / "_posts"
        / "2025-08-14-latest-crunch-time-in-alaska-trump-set-to-meet-putin-in-push.md"
    )
    reference_lines = reference_bytes.decode().split("\n")
    expected = "\n".join(line for line in reference_lines[:10] if not line.startswith("image:"))
    assert path.read_text() == expected + "\n\n"


def test_new_follows_a_single_quoted_block_list_site(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(3):
        (site / "_posts" / f"2024-01-0{n + 1}-p{n}.md").write_text(
            f"---\nlayout: post\ntitle: 'Post {n}'\ndate: 2024-01-0{n + 1} 10:00:00 +0000\n"
            f"categories:\n  - news\n---\n\nx\n"
        )
    assert main(["new", str(site), "--title", "It's new", "--date", "2025-03-04T05:06:07",
                 "--category", "a", "--category", "b"]) == 0  # fmt: skip
    path = Path(capsys.readouterr().out.strip())
    assert path.read_text() == (
        "---\nlayout: post\ntitle: 'It''s new'\ndate: 2025-03-04 05:06:07 +0000\n"
        "categories:\n  - a\n  - b\ntags: []\n---\n\n"
    )


def test_new_refuses_to_overwrite_and_numbers_names(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["new", str(site), "--title", "Same", "--date", "2025-01-01T10:00:00"]
    assert main(args) == 0
    assert main(args) == 0
    out = capsys.readouterr().out.split()
    assert [Path(p).name for p in out] == ["2025-01-01-same.md", "2025-01-01-same-2.md"]


def test_new_draft_goes_to_drafts(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["new", str(site), "--title", "Idea", "--draft", "--date", "2025-01-01T10:00:00"]) == 0
    )
    assert Path(capsys.readouterr().out.strip()) == site / "_drafts" / "idea.md"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--title", "x", "--date", "2025-02-30"], "not a date"),
        (["--title", "   "], "title is empty"),
        (["--title", "x", "--body-file", "/nonexistent/body.md"], "cannot read the body file"),
    ],
)
def test_new_bad_input_exits_non_zero(
    site: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", str(site), *args]) != 0
    assert message in capsys.readouterr().err
    assert list((site / "_posts").iterdir()) == []


def test_new_outside_a_site_says_what_it_looked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", str(tmp_path), "--title", "x"]) != 0
    assert "_config.yml or a _posts/ folder" in capsys.readouterr().err


def test_version_and_module_entry_point() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "editor", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("byline ")
