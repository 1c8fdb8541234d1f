"""`byline rename-term` on a copy of the sample blog: diffs, dry run, exit codes."""

import os
import shutil
import stat
from pathlib import Path

import pytest

from editor.cli import main

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "sample-blog"
PACKING = "_posts/2025-06-02-packing-light-the-7-kg-rucksack.md"
WALKING = "_posts/2025-03-08-walking-the-fjord-path-in-early-spring.md"


@pytest.fixture
def blog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return Path(shutil.copytree(SAMPLE, tmp_path / "blog"))


def test_merge_prints_the_diff_and_writes_one_line(
    blog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (blog / PACKING).read_bytes()
    assert main(["rename-term", str(blog), "--tag", "packing", "lists", "--to", "Packing"]) == 0
    out, err = capsys.readouterr()
    assert f"--- a/{PACKING}\n+++ b/{PACKING}\n" in out
    assert "-tags: [packing, lists]\n+tags: [Packing]\n" in out
    assert "renamed tag 'packing', 'lists' to 'Packing' in 1 posts" in err
    assert (blog / PACKING).read_bytes() == before.replace(
        b"tags: [packing, lists]", b"tags: [Packing]"
    )


def test_dry_run_writes_nothing(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {p: p.read_bytes() for p in (blog / "_posts").iterdir()}
    assert (
        main(["rename-term", str(blog), "--category", "Travel", "--to", "Trips", "--dry-run"]) == 0
    )
    out, err = capsys.readouterr()
    assert out.count("+++ b/") == 2 and "-categories: [Travel]\n+categories: [Trips]\n" in out
    assert "dry run: nothing written" in err
    assert {p: p.read_bytes() for p in (blog / "_posts").iterdir()} == files


def test_delete(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rename-term", str(blog), "--tag", "norway", "--delete"]) == 0
    assert b"tags: [walking]\n" in (blog / WALKING).read_bytes()


def test_read_only_post_exits_1_and_the_others_are_done(
    blog: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.chmod(blog / WALKING, stat.S_IRUSR)
    assert main(["rename-term", str(blog), "--category", "Travel", "--to", "Trips"]) == 1
    err = capsys.readouterr().err
    assert f"{WALKING}: not changed:" in err and "read-only" in err
    assert b"categories: [Travel]" in (blog / WALKING).read_bytes()
    assert (
        b"categories: [Trips, Stories]"
        in (blog / "_posts/2025-09-12-dusk-on-the-ridge.md").read_bytes()
    )


def test_unknown_value_and_variants(blog: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        (blog / PACKING).read_text(encoding="utf-8").replace("[packing, lists]", "[Packing, lists]")
    )
    (blog / PACKING).write_text(text, encoding="utf-8")
    assert main(["rename-term", str(blog), "--tag", "nope", "--to", "packing"]) == 0
    err = capsys.readouterr().err
    assert "no post has the tag 'nope'" in err
    assert main(["rename-term", str(blog), "--tag", "Packing", "--to", "packing", "--dry-run"]) == 0


def test_usage_errors_exit_2(blog: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["rename-term", str(blog), "--tag", "a"])  # neither --to nor --delete
    assert exc.value.code == 2
