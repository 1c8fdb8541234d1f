"""The site index: root detection, config, nested posts, drafts, vocabulary, style, refresh."""

import datetime as dt
import os
import shutil
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from editor.core.errors import SiteError, YamlSyntaxError
from editor.core.index import index_cache
from editor.core.index.site_index import IndexDelta, SiteIndex, index_of, open_site
from editor.core.site.site import Site
from editor.core.site.site_config import find_site_root

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "sites" / "problems"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def post(title: str, date: str = "2025-08-14T22:02:54", **extra: str) -> str:
    lines = ["---", "layout: post", f'title: "{title}"', f"date: {date}"]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    return "\n".join([*lines, "---", "", "Body text here.", ""])


@pytest.fixture
def site_dir(tmp_path: Path) -> Path:
    root = tmp_path / "blog"
    write(root / "_config.yml", "title: Blog\ntimezone: Europe/London\n")
    write(root / "_posts" / "2025-08-14-alaska.md", post("Alaska", author='"badely"'))
    write(root / "_posts" / "2025-08-10-earlier.md", post("Earlier", "2025-08-10T08:00:00"))
    return root


def open_index(root: Path, tmp_path: Path) -> SiteIndex:
    site = Site.open(root, cache_dir=tmp_path / "cache")
    return index_of(site)


# --- root detection and config ------------------------------------------------


def test_root_from_a_folder_inside_and_from_a_post_file(site_dir: Path) -> None:
    (site_dir / "assets" / "images").mkdir(parents=True)
    assert find_site_root(site_dir / "assets" / "images") == site_dir.resolve()
    assert find_site_root(site_dir / "_posts" / "2025-08-14-alaska.md") == site_dir.resolve()
    assert Site.open(site_dir / "_posts").root == site_dir.resolve()


def test_root_with_only_a_posts_folder(tmp_path: Path) -> None:
    write(tmp_path / "b" / "_posts" / "2025-01-01-a.md", post("A"))
    assert find_site_root(tmp_path / "b" / "_posts") == (tmp_path / "b").resolve()


def test_not_a_site_says_what_was_looked_for(tmp_path: Path) -> None:
    (tmp_path / "plain").mkdir()
    with pytest.raises(SiteError, match=r"_config\.yml or a _posts/ folder"):
        Site.open(tmp_path / "plain")


def test_mediumish_authors_and_plain_list(tmp_path: Path) -> None:
    root = tmp_path / "m"
    write(root / "_config.yml", (FIXTURE / "_config.yml").read_text())
    site = Site.open(root)
    assert list(site.config.authors) == ["badely", "sal"]
    assert site.config.authors["badely"].display_name == "B. Adely"
    assert site.config.authors["badely"].extra == {"avatar": "assets/images/avatar.jpg"}
    write(root / "_config.yml", "authors: [ann, bob]\n")
    assert list(Site.open(root).config.authors) == ["ann", "bob"]


def test_broken_config_is_reported_and_the_site_still_opens(site_dir: Path, tmp_path: Path) -> None:
    write(site_dir / "_config.yml", "title: [unclosed\ntimezone: Europe/London\n")
    site = Site.open(site_dir, cache_dir=tmp_path / "cache")
    assert isinstance(site.config.problem, YamlSyntaxError)
    assert site.problems == [site.config.problem]
    assert site.config.timezone is None  # defaults
    assert [e.title for e in index_of(site).entries()] == ["Alaska", "Earlier"]


# --- entries ---------------------------------------------------------------------


def test_entries_newest_first_with_dates_in_the_site_zone(site_dir: Path, tmp_path: Path) -> None:
    index = open_index(site_dir, tmp_path)
    first, second = index.entries()
    assert first.title == "Alaska"
    assert first.date == dt.datetime(2025, 8, 14, 23, 2, 54, tzinfo=ZoneInfo("Europe/London"))
    assert first.date is not None and first.date.tzinfo == ZoneInfo("Europe/London")
    assert first.author == "badely"
    assert first.rel_path == "_posts/2025-08-14-alaska.md"
    assert first.path == site_dir.resolve() / "_posts" / "2025-08-14-alaska.md"
    assert first.layout == "post" and first.published and not first.draft
    assert first.problem is None
    assert first.size == first.path.stat().st_size
    assert second.title == "Earlier"
    assert index.entry(first.path) == first
    assert index.entry(site_dir / "nowhere.md") is None


def test_date_from_file_name_when_front_matter_has_none(site_dir: Path, tmp_path: Path) -> None:
    write(site_dir / "_posts" / "2024-02-29-leap.md", "---\ntitle: Leap\n---\nx\n")
    entry = open_index(site_dir, tmp_path).entry(site_dir / "_posts" / "2024-02-29-leap.md")
    assert entry is not None
    assert entry.date == dt.datetime(2024, 2, 29, tzinfo=ZoneInfo("Europe/London"))


def test_nested_posts_folders_and_extensions(site_dir: Path, tmp_path: Path) -> None:
    write(site_dir / "news" / "_posts" / "2025-01-01-a.markdown", post("A", categories="[World]"))
    write(site_dir / "news" / "world" / "_posts" / "2025-01-02-b.html", post("B"))
    write(site_dir / "_posts" / "2025" / "2025-01-03-c.md", post("C"))
    write(site_dir / "_posts" / ".2025-01-04-hidden.md", post("Hidden"))
    write(site_dir / "_posts" / "2025-01-05-backup.md~", post("Backup"))
    write(site_dir / "_posts" / "notes.txt", "not a post")
    write(site_dir / "_site" / "_posts" / "2025-01-06-built.md", post("Built"))
    index = open_index(site_dir, tmp_path)
    by_title = {e.title: e for e in index.entries()}
    assert set(by_title) == {"Alaska", "Earlier", "A", "B", "C"}
    assert by_title["A"].categories == ("news", "World")
    assert by_title["B"].categories == ("news", "world")
    assert by_title["B"].rel_path == "news/world/_posts/2025-01-02-b.html"
    assert by_title["C"].categories == ()


def test_drafts(site_dir: Path, tmp_path: Path) -> None:
    write(site_dir / "_drafts" / "idea.md", "---\ntitle: Idea\n---\n\nSoon.\n")
    index = open_index(site_dir, tmp_path)
    draft = index.entries()[0]  # no date: on top
    assert (draft.title, draft.draft, draft.date) == ("Idea", True, None)
    assert [e.title for e in index.entries(drafts=False)] == ["Alaska", "Earlier"]


def test_broken_posts_keep_an_entry_and_never_stop_the_index(
    site_dir: Path, tmp_path: Path
) -> None:
    posts = site_dir / "_posts"
    write(posts / "2025-08-01-quote.md", '---\ntitle: "Unclosed\ndate: 2025-08-01\n---\nx\n')
    write(posts / "2025-08-02-nofm.md", "Just text.\n")
    (posts / "2025-08-03-binary.md").write_bytes(b"---\ntitle: \xff\xfe\n---\n")
    write(posts / "2025-08-04-baddate.md", "---\ntitle: Bad\ndate: 2025-02-30\n---\nx\n")
    write(posts / "2025-08-05-words.md", "---\ntitle: Bad\ndate: next tuesday\n---\nx\n")
    write(posts / "2025-08-06-list.md", "---\n- a\n- b\n---\nx\n")
    index = open_index(site_dir, tmp_path)
    broken = {e.path.name: e for e in index.entries() if e.problem is not None}
    assert set(broken) == {
        "2025-08-01-quote.md", "2025-08-02-nofm.md", "2025-08-03-binary.md",
        "2025-08-04-baddate.md", "2025-08-05-words.md", "2025-08-06-list.md",
    }  # fmt: skip
    assert broken["2025-08-01-quote.md"].title == "Quote"  # from the file name
    assert broken["2025-08-01-quote.md"].date == dt.datetime(
        2025, 8, 1, tzinfo=ZoneInfo("Europe/London")
    )
    assert broken["2025-08-04-baddate.md"].problem.line == 3  # type: ignore[union-attr]
    assert broken["2025-08-05-words.md"].problem.line == 3  # type: ignore[union-attr]
    assert "not UTF-8" in str(broken["2025-08-03-binary.md"].problem)
    assert len(index.entries()) == 8


def test_published_false_and_defaults(site_dir: Path, tmp_path: Path) -> None:
    write(
        site_dir / "_config.yml",
        "defaults:\n  - scope: {path: '', type: posts}\n"
        "    values: {layout: article, author: sal}\n",
    )
    write(site_dir / "_posts" / "2025-08-20-hidden.md", post("Hidden", published="false"))
    index = open_index(site_dir, tmp_path)
    hidden = index.entry(site_dir / "_posts" / "2025-08-20-hidden.md")
    assert hidden is not None and hidden.published is False
    alaska = index.entry(site_dir / "_posts" / "2025-08-14-alaska.md")
    assert alaska is not None and (alaska.layout, alaska.author) == ("post", "badely")
    earlier = index.entry(site_dir / "_posts" / "2025-08-10-earlier.md")
    assert earlier is not None and earlier.author == "sal"  # from `defaults:`


def test_categories_and_tags_as_strings_or_lists(site_dir: Path, tmp_path: Path) -> None:
    write(
        site_dir / "_posts" / "2025-08-20-s.md", post("S", categories="news world", tags="[a, 2]")
    )
    write(site_dir / "_posts" / "2025-08-21-t.md", post("T", category="solo", tags="[a, a, b]"))
    index = open_index(site_dir, tmp_path)
    s = index.entry(site_dir / "_posts" / "2025-08-20-s.md")
    t = index.entry(site_dir / "_posts" / "2025-08-21-t.md")
    assert s is not None and (s.categories, s.tags) == (("news", "world"), ("a", "2"))
    assert t is not None and (t.categories, t.tags) == (("solo",), ("a", "b"))


def test_word_counts_on_request(site_dir: Path, tmp_path: Path) -> None:
    index = open_index(site_dir, tmp_path)
    assert {e.word_count for e in index.entries()} == {None}
    done = index.count_words()
    assert len(done) == 2
    assert {e.word_count for e in index.entries()} == {3}


# --- vocabulary and style ----------------------------------------------------


def test_vocabulary_counts(tmp_path: Path) -> None:
    root = tmp_path / "v"
    shutil.copytree(FIXTURE, root)
    index = open_index(root, tmp_path)
    vocabulary = index.vocabulary
    assert vocabulary.author_names() == ["badely", "sal", "Guest Writer"]
    assert vocabulary.authors == {"badely": 5, "sal": 5, "Guest Writer": 1}
    assert vocabulary.categories.most_common(2) == [("News", 5), ("World", 3)]
    assert vocabulary.tags["alaska"] == 3
    assert vocabulary.names(vocabulary.tags) == ["alaska", "draft", "europe", "summit"]
    assert vocabulary.layouts == {"post": 11, "default": 0}


def test_config_authors_come_first_even_when_unused(site_dir: Path, tmp_path: Path) -> None:
    write(site_dir / "_config.yml", "authors:\n  zed: {name: Zed}\n  amy: {name: Amy}\n")
    vocabulary = open_index(site_dir, tmp_path).vocabulary
    assert vocabulary.author_names() == ["zed", "amy", "badely"]


def test_style_learned_from_single_quotes_and_block_lists(tmp_path: Path) -> None:
    root = tmp_path / "s"
    write(root / "_config.yml", "title: S\n")
    for day in range(1, 8):
        write(
            root / "_posts" / f"2025-03-0{day}-p.md",
            f"---\nlayout: post\ntitle: 'Post {day}'\ndate: 2025-03-0{day} 10:00:00 +0000\n"
            f"author: 'ann'\ncategories:\n- News\n- 'Two words'\ntags:\n- a\n---\n\nBody.\n",
        )
    site = open_site(root, cache_dir=tmp_path / "cache")
    style = site.style
    assert style.list_style == "block"
    assert style.quote_for("title") == "single"
    new = site.new_post(
        {
            "layout": "post",
            "title": "Hello",
            "date": dt.datetime(2025, 4, 1, 9, 30, tzinfo=dt.UTC),
            "author": "ann",
            "categories": ["News", "Q&A: long"],
            "tags": [],
        }
    )
    assert new.to_text() == (
        "---\nlayout: post\ntitle: 'Hello'\ndate: 2025-04-01 09:30:00 +0000\nauthor: 'ann'\n"
        "categories:\n- News\n- 'Q&A: long'\ntags: []\n---\n\n"
    )


def test_style_default_for_a_site_without_posts(tmp_path: Path) -> None:
    write(tmp_path / "e" / "_config.yml", "title: E\n")
    site = open_site(tmp_path / "e", cache_dir=tmp_path / "cache")
    assert site.style.quote_for("title") == "double"
    assert site.style.list_style == "flow"


# --- refresh -------------------------------------------------------------------


def _touch(path: Path, text: str) -> None:
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 5_000_000_000, before + 5_000_000_000))


def test_first_refresh_adds_everything_then_nothing_changes(site_dir: Path, tmp_path: Path) -> None:
    index = open_index(site_dir, tmp_path)
    delta = index.refresh()
    assert len(delta.added) == 2 and not delta.changed and not delta.removed
    assert index.refresh() == IndexDelta()


def test_incremental_refresh_rereads_only_changed_files(site_dir: Path, tmp_path: Path) -> None:
    index = open_index(site_dir, tmp_path)
    index.refresh()
    alaska = site_dir / "_posts" / "2025-08-14-alaska.md"
    _touch(alaska, post("Alaska, updated", author="jo"))
    new = write(site_dir / "_posts" / "2025-08-15-new.md", post("New", "2025-08-15T10:00:00"))
    (site_dir / "_posts" / "2025-08-10-earlier.md").unlink()
    delta = index.refresh()
    assert delta.changed == [alaska.resolve()]
    assert delta.added == [new.resolve()]
    assert delta.removed == [(site_dir / "_posts" / "2025-08-10-earlier.md").resolve()]
    assert [e.title for e in index.entries()] == ["New", "Alaska, updated"]
    assert index.vocabulary.authors == {"jo": 1}


def test_unchanged_size_and_mtime_is_not_reread(site_dir: Path, tmp_path: Path) -> None:
    index = open_index(site_dir, tmp_path)
    index.refresh()
    alaska = site_dir / "_posts" / "2025-08-14-alaska.md"
    stat = alaska.stat()
    alaska.write_text(post("Alaskb", author='"badely"'), encoding="utf-8")  # same size
    os.utime(alaska, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert index.refresh() == IndexDelta()
    assert index.entries()[0].title == "Alaska"


def test_refresh_paths(site_dir: Path, tmp_path: Path) -> None:
    index = open_index(site_dir, tmp_path)
    index.refresh()
    alaska = site_dir / "_posts" / "2025-08-14-alaska.md"
    _touch(alaska, post("Changed"))
    new = write(site_dir / "_drafts" / "d.md", "---\ntitle: D\n---\n")
    gone = site_dir / "_posts" / "2025-08-10-earlier.md"
    gone.unlink()
    outside = write(site_dir / "about.md", "---\ntitle: About\n---\n")
    delta = index.refresh_paths([alaska, new, gone, outside, tmp_path / "elsewhere.md"])
    assert delta.changed == [alaska.resolve()]
    assert delta.added == [new.resolve()]
    assert delta.removed == [gone.resolve()]
    assert sorted(e.title for e in index.entries()) == ["Changed", "D"]
    assert index.refresh_paths([alaska]) == IndexDelta()  # read again, nothing new


def test_refresh_paths_with_a_folder_rescans(site_dir: Path, tmp_path: Path) -> None:
    index = open_index(site_dir, tmp_path)
    index.refresh()
    write(site_dir / "_posts" / "2025-08-16-x.md", post("X"))
    delta = index.refresh_paths([site_dir / "_posts"])
    assert [p.name for p in delta.added] == ["2025-08-16-x.md"]


# --- the persistent cache ----------------------------------------------------


def test_cache_gives_the_same_entries_without_reading_posts(
    site_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(site_dir / "_posts" / "2025-08-01-broken.md", '---\ntitle: "x\n---\n')
    fresh = open_index(site_dir, tmp_path)
    fresh.refresh()
    cache_files = list((tmp_path / "cache").rglob("*.json"))
    assert len(cache_files) == 1

    import editor.core.index.site_index as site_index

    def no_reading(*args: object) -> None:
        raise AssertionError("a post was read although the cache had it")

    monkeypatch.setattr(site_index, "scan_entry", no_reading)
    warm = open_index(site_dir, tmp_path)
    delta = warm.refresh()
    assert len(delta.added) == 3
    for a, b in zip(fresh.entries(), warm.entries(), strict=True):
        assert (a.path, a.rel_path, a.title, a.date, a.author, a.categories, a.tags) == (
            b.path, b.rel_path, b.title, b.date, b.author, b.categories, b.tags,
        )  # fmt: skip
        assert (a.image, a.layout, a.draft, a.published, a.mtime_ns, a.size) == (
            b.image, b.layout, b.draft, b.published, b.mtime_ns, b.size,
        )  # fmt: skip
        assert str(a.problem) == str(b.problem)
        assert type(a.problem) is type(b.problem)


def test_cache_is_rechecked_against_the_files(site_dir: Path, tmp_path: Path) -> None:
    open_index(site_dir, tmp_path).refresh()
    _touch(site_dir / "_posts" / "2025-08-14-alaska.md", post("Edited while closed"))
    (site_dir / "_posts" / "2025-08-10-earlier.md").unlink()
    titles = [e.title for e in open_index(site_dir, tmp_path).entries()]
    assert titles == ["Edited while closed"]


def test_cache_is_ignored_when_the_config_changes(site_dir: Path, tmp_path: Path) -> None:
    open_index(site_dir, tmp_path).refresh()
    write(site_dir / "_config.yml", "title: Blog\ntimezone: America/New_York\n")
    entry = open_index(site_dir, tmp_path).entries()[0]
    assert entry.date is not None and entry.date.utcoffset() == dt.timedelta(hours=-4)


def test_damaged_cache_is_rebuilt(site_dir: Path, tmp_path: Path) -> None:
    open_index(site_dir, tmp_path).refresh()
    (cache,) = (tmp_path / "cache").rglob("*.json")
    cache.write_text('{"fingerprint": {"format": 1}, "rows": [[1, 2]]}')
    assert len(open_index(site_dir, tmp_path).entries()) == 2
    cache.write_text("not json")
    assert len(open_index(site_dir, tmp_path).entries()) == 2


def test_cache_file_lives_in_the_cache_folder(site_dir: Path, tmp_path: Path) -> None:
    path = index_cache.cache_file(tmp_path / "c", site_dir)
    assert path.parent == tmp_path / "c" / "site-index"
    assert path.name.startswith("blog-") and path.suffix == ".json"


def test_without_cache_nothing_is_written(site_dir: Path, tmp_path: Path) -> None:
    site = Site.open(site_dir, cache_dir=tmp_path / "cache")
    SiteIndex(site, use_cache=False).refresh()
    assert not (tmp_path / "cache").exists()


def _age_folders(root: Path) -> None:
    """Folder mtimes a minute old: old enough for the index to trust them."""
    past = time.time_ns() - 60_000_000_000
    for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        os.utime(folder, ns=(past, past))


def test_unchanged_folders_are_not_listed_again(
    site_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import editor.core.index.site_index as site_index

    _age_folders(site_dir)
    index = open_index(site_dir, tmp_path)
    index.refresh()
    listed = []
    real_walk = site_index.walk_posts
    monkeypatch.setattr(site_index, "walk_posts", lambda *a: listed.append(1) or real_walk(*a))
    alaska = site_dir / "_posts" / "2025-08-14-alaska.md"
    _touch(alaska, post("Edited in place"))  # rewriting a file leaves its folder's mtime
    assert index.refresh().changed == [alaska.resolve()]
    assert listed == []
    # a warm start from the cache skips the listing too
    assert open_index(site_dir, tmp_path).entries()[0].title == "Edited in place"
    assert listed == []
    new = write(site_dir / "_posts" / "2025-08-30-new.md", post("New"))
    assert index.refresh().added == [new.resolve()]
    assert listed == [1]


def test_recently_changed_folders_are_listed_again(
    site_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import editor.core.index.site_index as site_index

    index = open_index(site_dir, tmp_path)
    index.refresh()  # the folders were just written: their mtimes are not trusted
    listed = []
    real_walk = site_index.walk_posts
    monkeypatch.setattr(site_index, "walk_posts", lambda *a: listed.append(1) or real_walk(*a))
    index.refresh()
    assert listed == [1]


def test_site_without_learning_keeps_the_default_style(tmp_path: Path) -> None:
    root = tmp_path / "q"
    write(root / "_posts" / "2025-03-01-p.md", "---\ntitle: 'Single'\n---\n")
    site = Site.open(root, learn=False, cache_dir=tmp_path / "cache")
    assert site.style.quote_for("title") == "double"
    assert not (tmp_path / "cache").exists()  # nothing was indexed


def test_post_files_and_index_agree(site_dir: Path, tmp_path: Path) -> None:
    write(site_dir / "_drafts" / "d.md", "---\ntitle: D\n---\n")
    write(site_dir / "cats" / "_posts" / "2025-01-01-c.md", post("C"))
    site = Site.open(site_dir, cache_dir=tmp_path / "cache")
    assert sorted(site.post_files()) == sorted(e.path for e in index_of(site).entries())
    assert len(list(site.post_files())) == 4


def test_crlf_and_bom_posts_read_like_the_editor_reads_them(site_dir: Path, tmp_path: Path) -> None:
    from editor.core.index.post_scan import read_front_matter
    from editor.core.post.post import parse_post

    text = post("Windows", categories="[News, World]", tags="[a]").replace("\n", "\r\n")
    crlf = site_dir / "_posts" / "2025-08-20-crlf.md"
    crlf.write_bytes(text.encode())
    bom = site_dir / "_posts" / "2025-08-21-bom.md"
    bom.write_bytes(b"\xef\xbb\xbf" + post("Bom").encode())
    for path in (crlf, bom):
        front = read_front_matter(str(path))
        assert front.problem is None
        assert front.values == parse_post(path.read_bytes()).values
        assert front.key_lines["date"] == 4
    entry = open_index(site_dir, tmp_path).entry(crlf)
    assert entry is not None and entry.categories == ("News", "World")


def test_a_pipe_named_md_is_a_problem_not_a_hang(tmp_path: Path) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: t\n")
    os.mkfifo(tmp_path / "_posts" / "2025-01-01-pipe.md")
    index = SiteIndex(Site.open(tmp_path, learn=False), use_cache=False)
    index.refresh()
    (entry,) = index.entries()
    assert entry.problem is not None
    assert "not a regular file" in entry.problem.message


def test_a_few_changed_posts_do_not_rewrite_the_whole_cache(
    site_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rewriting the cache costs ~50 ms at 10,000 posts; re-reading a few posts next time
    costs microseconds. The cache lags by a few posts until enough have changed."""
    import editor.core.index.site_index as site_index

    open_index(site_dir, tmp_path).refresh()
    (cache,) = (tmp_path / "cache").rglob("*.json")
    written = cache.read_bytes()
    _touch(site_dir / "_posts" / "2025-08-14-alaska.md", post("Edited once"))
    assert open_index(site_dir, tmp_path).entries()[0].title == "Edited once"
    assert cache.read_bytes() == written  # lagging, and still right:
    _touch(site_dir / "_posts" / "2025-08-14-alaska.md", post("Edited twice"))
    assert open_index(site_dir, tmp_path).entries()[0].title == "Edited twice"
    monkeypatch.setattr(site_index, "SAVE_AFTER", 2)
    write(site_dir / "_posts" / "2025-08-20-new.md", post("New", "2025-08-20T10:00:00"))
    index = open_index(site_dir, tmp_path)
    assert [e.title for e in index.entries()][:2] == ["New", "Edited twice"]
    assert cache.read_bytes() != written  # two posts read: saved
