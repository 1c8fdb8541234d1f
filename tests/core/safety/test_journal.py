"""The autosave journal: atomic entries, several posts and sites, recovery after a crash."""

import json
from pathlib import Path

import pytest

from editor.core.errors import StorageError
from editor.core.post.post import parse_post
from editor.core.safety.disk_stamp import DiskStamp
from editor.core.safety.journal import Journal, JournalEntry, StagedImage, compare_with_disk

POST = '---\ntitle: "Hello"\ndate: 2025-08-14T22:02:54\n---\n\nBody text.\n'


def _site(tmp_path: Path, name: str = "site") -> tuple[Path, Path]:
    site = tmp_path / name
    (site / "_posts").mkdir(parents=True)
    post = site / "_posts" / "2025-08-14-hello.md"
    post.write_text(POST)
    return site, post


def test_entry_round_trips_through_json(tmp_path: Path) -> None:
    site, post = _site(tmp_path)
    entry = JournalEntry.for_post(
        Journal.key_for(site, post),
        parse_post(POST),
        site_root=site,
        post_path=post,
        cursor=12,
        image=StagedImage("a.jpg", data=b"\xff\xd8\x00binary"),
        disk=DiskStamp.read(post),
    )
    again = JournalEntry.from_json(json.loads(json.dumps(entry.to_json())))
    assert again == entry
    assert again.title == "Hello"
    assert again.body == "\nBody text.\n"
    assert again.front_matter == 'title: "Hello"\ndate: 2025-08-14T22:02:54\n'


def test_crashed_instance_entries_are_recoverable(tmp_path: Path) -> None:
    site, post = _site(tmp_path)
    crashed = Journal(tmp_path / "journal")
    key = Journal.key_for(site, post)
    crashed.write(JournalEntry(key, POST + "More.\n", str(site), str(post), cursor=3))
    live = Journal(tmp_path / "journal")
    assert live.recoverable() == []  # the other instance is still running
    crashed.close()  # what a kill does to its lock
    [entry] = live.recoverable()
    assert entry.text == POST + "More.\n"
    assert entry.cursor == 3
    live.discard(key)
    assert live.recoverable() == []
    assert list((tmp_path / "journal").glob("*.json")) == []


def test_several_posts_and_sites_coexist(tmp_path: Path) -> None:
    site1, post1 = _site(tmp_path, "one")
    site2, post2 = _site(tmp_path, "two")
    with Journal(tmp_path / "j") as old:
        old.write(JournalEntry(Journal.key_for(site1, post1), POST + "1", str(site1), str(post1)))
        old.write(JournalEntry(Journal.key_for(site2, post2), POST + "2", str(site2), str(post2)))
        old.write(JournalEntry(Journal.new_key(), "---\ntitle: New\n---\n\nDraft", str(site1)))
    entries = Journal(tmp_path / "j").recoverable()
    assert sorted(e.text[-1] for e in entries) == ["1", "2", "t"]
    assert Journal.key_for(site1, post1) != Journal.key_for(site2, post2)
    assert Journal.key_for(site1, post1) == Journal.key_for(str(site1) + "/", post1)


def test_entry_equal_to_disk_is_not_offered(tmp_path: Path) -> None:
    site, post = _site(tmp_path)
    with Journal(tmp_path / "j") as old:
        old.write(JournalEntry(Journal.key_for(site, post), POST, str(site), str(post)))
    journal = Journal(tmp_path / "j")
    assert journal.recoverable() == []
    assert len(journal.recoverable(include_same=True)) == 1
    journal.prune()
    assert journal.recoverable(include_same=True) == []


def test_compare_with_disk(tmp_path: Path) -> None:
    site, post = _site(tmp_path)
    entry = JournalEntry(
        "k", POST.replace("Body", "New body"), str(site), str(post), disk=DiskStamp.read(post)
    )
    cmp = compare_with_disk(entry)
    assert not cmp.same and not cmp.disk_changed
    assert cmp.disk_text == POST
    assert "-Body text.\n+New body text.\n" in cmp.diff
    post.write_text(POST + "edited elsewhere\n")
    assert compare_with_disk(entry).disk_changed
    post.unlink()
    gone = compare_with_disk(entry)
    assert gone.disk_text is None and not gone.same


def test_unreadable_entry_is_reported_not_deleted(tmp_path: Path) -> None:
    folder = tmp_path / "j"
    folder.mkdir()
    (folder / "post-bad.json").write_text("{not json")
    journal = Journal(folder)
    assert journal.recoverable() == []
    assert len(journal.problems) == 1
    assert (folder / "post-bad.json").exists()
    with pytest.raises(StorageError, match="unreadable journal entry"):
        journal.read("post-bad")


def test_discard_keep_copy_and_rekey(tmp_path: Path) -> None:
    journal = Journal(tmp_path)
    entry = JournalEntry(Journal.new_key(), "text")
    journal.write(entry)
    old_key = entry.key
    journal.rekey(entry, "post-abc")
    assert journal.read(old_key) is None
    assert journal.read("post-abc") is not None
    journal.discard("post-abc", keep_copy=True)
    assert journal.read("post-abc") is None
    assert len(list((tmp_path / "discarded").glob("*.json"))) == 1
    with pytest.raises(ValueError):
        journal.write(JournalEntry("../evil", "x"))


def test_a_leftover_temp_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / ".post-x.json.123.tmp").write_text("{half")
    assert Journal(tmp_path).recoverable() == []


def test_odd_text_survives(tmp_path: Path) -> None:
    with Journal(tmp_path) as journal:
        for text in ("caf\u00e9 \U0001f600", "lone \ud800 surrogate", "nul \x00 and \r\n"):
            journal.write(JournalEntry("new-x", text))
            assert journal.read("new-x").text == text  # type: ignore[union-attr]
