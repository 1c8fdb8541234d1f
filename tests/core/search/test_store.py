"""The search index on a real SQLite database: ranking, filters, snippets, syncing, repair."""

import os
import sqlite3
from pathlib import Path

import pytest

from editor.core.index.site_index import SiteIndex
from editor.core.search import store
from editor.core.search.store import SearchIndex, search_index_of
from editor.core.site.site import Site


def _post(title: str, date: str, body: str, *, tags: str = "[]", extra: str = "") -> str:
    return (
        f'---\nlayout: post\ntitle: "{title}"\ndate: {date}\nauthor: "{extra or "sal"}"\n'
        f'categories: [News]\ntags: {tags}\nexcerpt: "About {title.lower()}"\n---\n\n{body}\n'
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_drafts").mkdir()
    (root / "_config.yml").write_text("title: T\ntimezone: UTC\n", encoding="utf-8")
    posts = {
        "2024-01-01-old-summit.md": _post(
            "Old news", "2024-01-01 10:00:00", "The summit in Alaska was long.", tags="[alaska]"
        ),
        "2025-01-01-new-summit.md": _post(
            "New news",
            "2025-01-01 10:00:00",
            "The summit in Alaska was long.",
            tags="[Alaska, trade]",
        ),
        "2025-02-01-summit-title.md": _post(
            "Summit day", "2025-02-01 10:00:00", "Nothing else here.", extra="Mira Chen"
        ),
        "2025-03-01-creme.md": _post(
            "Dessert",
            "2025-03-01 10:00:00",
            "A crème brûlée and peace talks, then more peace and talks.",
        ),
    }
    for name, text in posts.items():
        (root / "_posts" / name).write_text(text, encoding="utf-8")
    (root / "_drafts" / "idea.md").write_text(
        _post("Idea", "2025-04-01", "A draft about the summit."), encoding="utf-8"
    )
    return root


def _open(root: Path, cache: Path) -> tuple[SiteIndex, SearchIndex]:
    site = Site.open(root, learn=False, cache_dir=cache)
    index = SiteIndex(site, cache_dir=cache)
    index.refresh()
    search = search_index_of(site)
    search.sync(index.entries())
    return index, search


def _titles(search: SearchIndex, query: str) -> list[str]:
    return [hit.title for hit in search.search(query).hits]


def test_ranking_title_first_then_newest_on_ties(site: Path, tmp_path: Path) -> None:
    _, search = _open(site, tmp_path / "cache")
    # the title match ranks first; the two posts with the same text tie: newest first
    titles = _titles(search, "summit")
    assert titles[0] == "Summit day"
    assert titles.index("New news") < titles.index("Old news")
    assert set(titles) == {"Summit day", "New news", "Old news", "Idea"}


def test_words_phrases_prefixes_and_diacritics(site: Path, tmp_path: Path) -> None:
    _, search = _open(site, tmp_path / "cache")
    assert _titles(search, '"peace talks"') == ["Dessert"]
    assert _titles(search, '"talks peace"') == []
    assert _titles(search, "creme") == ["Dessert"]
    assert _titles(search, "brûl*") == ["Dessert"]
    assert set(_titles(search, "summit -alaska")) == {"Summit day", "Idea"}
    assert _titles(search, "dessert") == ["Dessert"]  # the title is searched too
    assert _titles(search, '"about dessert"') == ["Dessert"]  # and the excerpt


def test_filters(site: Path, tmp_path: Path) -> None:
    _, search = _open(site, tmp_path / "cache")
    assert set(_titles(search, "summit tag:alaska")) == {"Old news", "New news"}  # any case
    assert _titles(search, "tag:trade") == ["New news"]
    assert _titles(search, 'author:"mira chen"') == ["Summit day"]
    assert _titles(search, "summit draft:yes") == ["Idea"]
    assert set(_titles(search, "summit draft:no year:2025")) == {"Summit day", "New news"}
    assert _titles(search, "year:2024") == ["Old news"]
    assert _titles(search, "category:news year:2023") == []


def test_snippet_marks_the_match(site: Path, tmp_path: Path) -> None:
    _, search = _open(site, tmp_path / "cache")
    hit = search.search('"peace talks"').hits[0]
    assert hit.snippet_text == "A crème brûlée and peace talks, then more peace and talks."
    start, end = hit.highlights()[0]
    assert hit.snippet_text[start:end] == "peace talks"
    assert hit.path == site / "_posts" / "2025-03-01-creme.md"
    assert hit.date == "2025-03-01T10:00:00+00:00" and not hit.draft


def test_limit_and_total(site: Path, tmp_path: Path) -> None:
    _, search = _open(site, tmp_path / "cache")
    results = search.search("summit", limit=2)
    assert len(results.hits) == 2 and results.total == 4


def test_sync_reads_only_changed_files(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    index, search = _open(site, cache)
    read: list[str] = []
    real = store.post_text
    monkeypatch.setattr(store, "post_text", lambda path: read.append(path) or real(path))
    changed = site / "_posts" / "2024-01-01-old-summit.md"
    changed.write_text(
        _post("Old news", "2024-01-01 10:00:00", "Now about glaciers."), encoding="utf-8"
    )
    os.utime(changed, ns=(1, 1))
    (site / "_drafts" / "idea.md").unlink()
    index.refresh()
    report = search.sync(index.entries())
    assert (report.read, report.removed) == (1, 1)
    assert read == [str(changed)]
    assert _titles(search, "glaciers") == ["Old news"]
    assert "Idea" not in _titles(search, "summit")
    # nothing changed: nothing read; a fresh object on the same database reads nothing either
    assert search.sync(index.entries()).read == 0
    search.close()
    again = search_index_of(index.site)
    assert again.sync(index.entries()).read == 0 and not again.rebuilt


def test_update_one_saved_post(site: Path, tmp_path: Path) -> None:
    index, search = _open(site, tmp_path / "cache")
    path = site / "_posts" / "2025-02-01-summit-title.md"
    path.write_text(_post("Summit day", "2025-02-01 10:00:00", "Icebergs now."), encoding="utf-8")
    index.refresh_paths([path])
    entry = index.entry(path)
    assert entry is not None
    search.update([entry])
    assert _titles(search, "icebergs") == ["Summit day"]


@pytest.mark.parametrize("damage", ["garbage", "truncate", "other-version"])
def test_damaged_or_foreign_database_is_rebuilt(site: Path, tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    index, search = _open(site, cache)
    search.close()
    path = search.path
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all" * 100)
    elif damage == "truncate":
        with open(path, "r+b") as handle:
            handle.truncate(20000)
    else:
        db = sqlite3.connect(path)
        db.execute("UPDATE meta SET value = '0.0.0' WHERE key = 'version'")
        db.commit()
        db.close()
    again = search_index_of(index.site)
    report = again.sync(index.entries())
    assert report.rebuilt and report.read == 5
    assert _titles(again, '"peace talks"') == ["Dessert"]


def test_unreadable_posts_are_reported_and_the_rest_found(site: Path, tmp_path: Path) -> None:
    bad = site / "_posts" / "2025-05-01-latin1.md"
    bad.write_bytes(
        _post("Latin", "2025-05-01", "summit").encode("utf-8").replace(b"summit", b"summ\xe9t")
    )
    index, search = _open(site, tmp_path / "cache")
    report = search.sync(index.entries())
    assert report.read == 0  # already read (and reported) by the first sync
    search.close()
    search.path.unlink()
    fresh = search_index_of(index.site)
    report = fresh.sync(index.entries())
    assert [rel for rel, _ in report.unreadable] == ["_posts/2025-05-01-latin1.md"]
    assert "not UTF-8" in report.unreadable[0][1]
    assert len(_titles(fresh, "summit")) == 4
