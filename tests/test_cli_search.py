"""`byline search` on a copy of the sample blog: output, JSON, exit codes, bad queries."""

import json
import shutil
from pathlib import Path

import pytest

from editor.cli import main

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample-blog"


@pytest.fixture
def blog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return Path(shutil.copytree(SAMPLE, tmp_path / "blog"))


def test_text_output_marks_matches(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(blog), "rucksack"]) == 0
    out = capsys.readouterr().out
    assert out == (
        "2025-06-02  Packing Light: The 7 kg Rucksack  "
        "[_posts/2025-06-02-packing-light-the-7-kg-rucksack.md]\n"
        "    Packing Light: The 7 kg «Rucksack»\n"
    )


def test_json_lines(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(blog), '"kitchen scale" category:gear', "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["path"] for r in rows] == ["_posts/2025-06-02-packing-light-the-7-kg-rucksack.md"]
    row = rows[0]
    assert row["title"] == "Packing Light: The 7 kg Rucksack"
    assert row["date"].startswith("2025-06-02T07:45:00") and row["draft"] is False
    start, end = row["highlights"][0]
    assert row["snippet"][start:end].lower() == "kitchen scale"


def test_no_match_exits_1(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(blog), "xylophone"]) == 1
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"unclosed', "the quote at column 1 is never closed"),
        ("AND AND", "AND at column 1 needs a word on each side"),
        ("*", "a * needs letters before it"),
    ],
)
def test_malformed_query_exits_2_and_reads_nothing(
    blog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], query: str, message: str
) -> None:
    assert main(["search", str(blog), query]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "cache").exists()  # refused before the site was even opened


def test_limit(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", str(blog), "the", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n    ") == 2
    assert out.splitlines()[-1].startswith("(2 of ")
