"""`byline list` keeps its output: the same bytes as a fresh listing, redone on any change."""

import os
import shutil
import time
from pathlib import Path

import pytest

from editor.cli import main
from editor.core import paths
from editor.core.index import listing_cache
from editor.core.site.site import Site

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "sites" / "problems"
VARIANTS = {
    "json": ["--json"],
    "json-drafts": ["--json", "--drafts"],
    "text": [],
    "text-drafts": ["--drafts"],
}
AN_HOUR = 3600 * 10**9


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _age(root: Path) -> None:
    """Every folder and file an hour old: folder mtimes are only trusted once not recent."""
    then = time.time_ns() - AN_HOUR
    for folder, _, files in os.walk(root):
        for name in files:
            os.utime(os.path.join(folder, name), ns=(then, then))
        os.utime(folder, ns=(then, then))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(SITE, root)
    (root / "_drafts" / "a-draft.md").write_text("---\ntitle: Half done\n---\nSoon.\n")
    _age(root)
    return root.resolve()


def _list(site: Path, *extra: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["list", str(site), *extra]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def _saved(site: Path, variant: str) -> Path:
    return listing_cache.listing_file(paths.cache_dir(), site, variant)


def _no_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening the site (reading the index or its cache) now fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the site was opened")

    monkeypatch.setattr(Site, "open", refuse)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_kept_output_is_the_fresh_output(
    variant: str, site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = _list(site, *VARIANTS[variant], "--no-cache", capsys=capsys)
    assert not _saved(site, variant).exists()  # --no-cache: no cache written either
    first = _list(site, *VARIANTS[variant], capsys=capsys)
    assert _saved(site, variant).exists()
    with monkeypatch.context() as m:
        _no_index(m)
        again = _list(site, *VARIANTS[variant], capsys=capsys)
        inside = _list(site / "_posts", *VARIANTS[variant], capsys=capsys)
    assert again == inside == first == fresh
    assert ("Half done" in fresh) == ("drafts" in variant)


def test_each_variant_is_kept_apart(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outputs = {v: _list(site, *extra, capsys=capsys) for v, extra in VARIANTS.items()}
    again = {v: _list(site, *extra, capsys=capsys) for v, extra in VARIANTS.items()}
    assert again == outputs
    assert len(set(outputs.values())) == 4


def _changed_listing(site: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """List with the index allowed: the kept output must not have been used."""
    fresh = _list(site, "--json", "--drafts", "--no-cache", capsys=capsys)
    assert listing_cache.load(_saved(site, "json-drafts"), site, "json-drafts") is None
    out = _list(site, "--json", "--drafts", capsys=capsys)
    assert out == fresh
    return out


def test_an_edited_post_is_listed_anew(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _list(site, "--json", "--drafts", capsys=capsys)
    post = site / "_posts" / "2025-08-15-hash-title.md"
    post.write_text(post.read_text().replace("title: Hash #1", "title: Edited"))
    after = _changed_listing(site, capsys)
    assert '"title": "Edited"' in after and '"title": "Edited"' not in before


def test_a_touched_post_is_not_trusted(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _list(site, "--json", "--drafts", capsys=capsys)
    post = site / "_posts" / "2025-08-15-hash-title.md"
    now = time.time_ns() - AN_HOUR // 2
    os.utime(post, ns=(now, now))  # same bytes, another mtime: it may have changed
    assert _changed_listing(site, capsys) == before


def test_added_and_removed_posts_are_noticed(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _list(site, "--json", "--drafts", capsys=capsys)
    (site / "_posts" / "2025-09-01-new.md").write_text("---\ntitle: Brand new\n---\nHi.\n")
    assert "Brand new" in _changed_listing(site, capsys)
    _age(site)
    _list(site, "--json", "--drafts", capsys=capsys)
    assert _saved(site, "json-drafts").exists()
    (site / "_drafts" / "a-draft.md").unlink()
    assert "Half done" not in _changed_listing(site, capsys)


def test_a_new_category_folder_is_noticed(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _list(site, "--json", "--drafts", capsys=capsys)
    (site / "sport" / "_posts").mkdir(parents=True)
    (site / "sport" / "_posts" / "2025-09-02-goal.md").write_text("---\ntitle: Goal\n---\n")
    assert '"categories": ["sport"]' in _changed_listing(site, capsys)


def test_a_changed_config_is_noticed(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _list(site, "--json", "--drafts", capsys=capsys)
    config = site / "_config.yml"
    config.write_text(config.read_text() + "\ntimezone: Asia/Kolkata\n")
    after = _changed_listing(site, capsys)
    assert after != before and "+05:30" in after


def test_a_recently_listed_folder_keeps_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "fresh"
    shutil.copytree(SITE, root)
    for folder, _, _ in os.walk(root):
        os.utime(folder)  # changed just now: their mtimes cannot tell a later change yet
    _list(root, "--json", capsys=capsys)
    assert not _saved(root.resolve(), "json").exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],
        lambda data: data.replace(listing_cache.MAGIC, b"something-else\n"),
        lambda data: data[:40] + b"\xff" * 8 + data[48:],
    ],
)
def test_a_damaged_file_is_ignored(
    damage: object, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _list(site, "--json", "--drafts", capsys=capsys)
    saved = _saved(site, "json-drafts")
    saved.write_bytes(damage(saved.read_bytes()))  # type: ignore[operator]
    assert _list(site, "--json", "--drafts", capsys=capsys) == before


def test_odd_characters_come_back_as_they_were(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    saved = tmp_path / "out"
    text = 'é 🎉 "\ud800" \\ \x00 end\n'
    folders = {str(root): 1}
    listing_cache.save(saved, root, "text", folders, [], text)
    assert listing_cache.load(saved, root, "text") is None  # the folder's mtime is not 1
    folders = {str(root): os.stat(root).st_mtime_ns}
    listing_cache.save(saved, root, "text", folders, [], text)
    assert listing_cache.load(saved, root, "text") == text
    assert listing_cache.load(saved, root, "json") is None


def test_listing_bytes_reach_a_non_utf8_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard output that is not UTF-8 (a Windows console) gets text it can encode."""
    import io
    import sys

    from editor.cli.output import write_utf8 as _write_utf8

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252", errors="replace", newline="\r\n")
    monkeypatch.setattr(sys, "stdout", stream)
    _write_utf8("Crème brûlée ✓\n".encode())
    stream.flush()
    assert raw.getvalue() == "Crème brûlée ?\r\n".encode("cp1252")


def test_listing_bytes_go_straight_to_a_utf8_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from editor.cli.output import write_utf8 as _write_utf8

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8")
    stream.write("before ")
    monkeypatch.setattr(sys, "stdout", stream)
    _write_utf8("Crème ✓\n".encode())
    assert raw.getvalue() == "before Crème ✓\n".encode()


def test_a_reader_that_goes_away_ends_the_listing_quietly() -> None:
    """`byline list | head`: the pipe closes under the writer; no traceback, exit 141."""
    import subprocess
    import sys

    code = (
        "import sys; from editor.cli import main; "
        f"sys.exit(main(['list', {str(SITE)!r}, '--json', '--no-cache']))"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before it writes a byte
    with proc.stderr:
        err = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert b"Traceback" not in err and b"BrokenPipe" not in err
