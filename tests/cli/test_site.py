"""`byline check` and `byline list` on a fixture site with known problems: exact output."""

import json
import os
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.index import parallel_scan, site_check, two_processes

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "sites" / "problems"

CHECK = """\
_posts/2025-03-01-bad-date.md:4: error: date 2025-02-30T10:00:00 is not a real date (day is out of range for month)
_posts/2025-08-15-hash-title.md:3: warning: title is cut short: YAML reads "Hash" and drops the rest as a comment; write it quoted: title: "Hash #1"
_posts/2025-08-16-broken.md:5: error: invalid YAML: did not find expected key (while parsing a block mapping that starts on line 2)
_posts/2025-08-17-mismatch.md:4: warning: the date 2025-08-20 differs from the file name's 2025-08-17; Jekyll uses the date line
_posts/2025-08-18-missing-image.md:8: error: the image assets/images/0123456789abcdef0123456789abcdef.jpg does not exist
_posts/2025-08-19-stranger.md:5: warning: the author "Guest Writer" is not in _config.yml's authors (badely, sal)
_posts/2025-08-20-alaska-summit.md:1: error: same URL as _posts/2025-08-14-alaska-summit.md: both have the slug "alaska-summit"
_posts/2025-08-21-unpublished.md:6: note: published: false: Jekyll leaves this post out of the site
_posts/2099-01-01-future.md:4: warning: dated in the future (2099-01-01 09:00): Jekyll will not publish it until then (unless _config.yml says future: true)
_posts/no-date-prefix.md:1: error: Jekyll skips this file: its name does not start with a date (YYYY-MM-DD-title.md)
"""

LIST = """\
-                 Forgot the date  _posts/no-date-prefix.md
2099-01-01 09:00  From the future  _posts/2099-01-01-future.md
2025-08-22 10:00  From the news folder  news/_posts/2025-08-22-nested.md
2025-08-21 10:00  Not yet [unpublished]  _posts/2025-08-21-unpublished.md
2025-08-20 11:00  Alaska summit, again  _posts/2025-08-20-alaska-summit.md
2025-08-20 10:00  Dated elsewhere  _posts/2025-08-17-mismatch.md
2025-08-19 10:00  A guest writes  _posts/2025-08-19-stranger.md
2025-08-18 10:00  Where is the picture?  _posts/2025-08-18-missing-image.md
2025-08-16 00:00  Broken [broken: line 5 invalid YAML: did not find expected key (while parsing a block mapping that starts on line 2)]  _posts/2025-08-16-broken.md
2025-08-15 10:00  Hash  _posts/2025-08-15-hash-title.md
2025-08-14 23:02  Latest: Crunch time in Alaska  _posts/2025-08-14-alaska-summit.md
2025-03-01 00:00  Bad Date [broken: line 4 date 2025-02-30T10:00:00 is not a real date (day is out of range for month)]  _posts/2025-03-01-bad-date.md
"""


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.mark.parametrize("extra", [[], ["--no-cache"]])
def test_check_prints_every_problem_and_exits_1(
    extra: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(SITE), *extra]) == 1
    out, err = capsys.readouterr()
    assert out == CHECK
    assert err == "13 posts checked: 5 errors, 4 warnings, 1 note\n"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork() is POSIX only")
@pytest.mark.parametrize("extra", [[], ["--no-cache"]])
def test_check_shared_with_a_helper_process_says_the_same(
    extra: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Big sites are checked by two processes: the same lines, in the same order."""
    monkeypatch.setattr(site_check, "MIN_POSTS", 2)
    monkeypatch.setattr(parallel_scan, "MIN_FILES", 2)
    monkeypatch.setattr(two_processes, "can_fork", lambda: True)
    monkeypatch.setattr(parallel_scan, "can_fork", lambda: True)
    assert main(["check", str(SITE), *extra]) == 1
    assert capsys.readouterr().out == CHECK


def test_check_twice_uses_the_cache_and_says_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(SITE)])
    first = capsys.readouterr().out
    main(["check", str(SITE / "_posts")])  # from a folder inside the site
    assert capsys.readouterr().out == first == CHECK


def test_check_a_clean_site_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "clean"
    (site / "_posts").mkdir(parents=True)
    (site / "_posts" / "2025-01-02-ok.md").write_text(
        "---\nlayout: post\ntitle: OK\ndate: 2025-01-02T10:00:00\n---\n\nFine.\n", encoding="utf-8"
    )
    assert main(["check", str(site)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "1 posts checked: 0 errors, 0 warnings, 0 notes\n"


def test_check_reports_a_broken_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "cfg"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: [oops\n", encoding="utf-8")
    assert main(["check", str(site)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("_config.yml:2: error: invalid YAML: ")
    assert out.endswith("; using defaults for the whole config\n")


def test_check_not_a_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path)]) == 2
    assert "is not inside a Jekyll site" in capsys.readouterr().err


def test_list_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(SITE)]) == 0
    assert capsys.readouterr().out == LIST


def test_list_with_drafts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(SITE), "--drafts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "-                 Work in progress [draft]  _drafts/work-in-progress.md"
    assert len(lines) == 13


def test_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", str(SITE), "--json", "--drafts"]) == 0
    out = capsys.readouterr().out
    posts = json.loads(out)
    assert len(out.splitlines()) == len(posts) + 2  # one object per line
    assert [p["path"] for p in posts][:3] == [
        "_posts/no-date-prefix.md",
        "_drafts/work-in-progress.md",
        "_posts/2099-01-01-future.md",
    ]
    by_path = {p["path"]: p for p in posts}
    assert by_path["_posts/2025-08-14-alaska-summit.md"] == {
        "path": "_posts/2025-08-14-alaska-summit.md",
        "title": "Latest: Crunch time in Alaska",
        "date": "2025-08-14T23:02:54+01:00",
        "author": "badely",
        "categories": ["News"],
        "tags": ["alaska", "summit"],
        "image": "assets/images/ada012e67f183ef3e9094a5b4ba609c2.jpg",
        "layout": "post",
        "draft": False,
        "published": True,
        "problem": None,
    }
    assert by_path["_drafts/work-in-progress.md"]["draft"] is True
    assert by_path["_posts/2025-08-16-broken.md"]["problem"] == {
        "line": 5,
        "message": "invalid YAML: did not find expected key (while parsing a block mapping that starts on line 2)",
    }


def test_list_json_is_what_json_dumps_gives(capsys: pytest.CaptureFixture[str]) -> None:
    from editor.core.index.listing import entry_json
    from editor.core.index.site_index import index_of
    from editor.core.site.site import Site

    main(["list", str(SITE), "--json", "--drafts"])
    lines = capsys.readouterr().out.splitlines()[1:-1]
    entries = index_of(Site.open(SITE)).entries()
    assert [line.rstrip(",") for line in lines] == [
        json.dumps(entry_json(e), ensure_ascii=False) for e in entries
    ]


def test_list_empty_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "e" / "_posts").mkdir(parents=True)
    assert main(["list", str(tmp_path / "e"), "--json"]) == 0
    assert capsys.readouterr().out == "[]\n"


def test_help_names_the_editor_and_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    from editor.app import main as app_main

    assert app_main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: byline [PATH]\n")
    for command in ("new", "list", "check", "render"):
        assert f"\n    {command} " in out
    with pytest.raises(SystemExit):
        main(["list", "--help"])
    assert capsys.readouterr().out.startswith("usage: byline list ")
