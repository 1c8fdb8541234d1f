"""FileWatch: changes made elsewhere are reported once, the app's own saves never."""

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from editor.core.safety.post_io import save_post
from editor.core.safety.storage import atomic_write
from editor.ui.safety.file_watch import FileWatch

POST = "---\ntitle: a\n---\n\nBody.\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_drafts").mkdir()
    (tmp_path / "_posts" / "2025-01-01-a.md").write_text(POST)
    return tmp_path


@pytest.fixture
def watch(site: Path) -> FileWatch:
    w = FileWatch(debounce_ms=30)
    w.watch_post(site / "_posts" / "2025-01-01-a.md")
    w.watch_folders([site / "_posts", site / "_drafts"])
    yield w
    w.deleteLater()


def test_change_elsewhere_is_reported(qtbot: QtBot, site: Path, watch: FileWatch) -> None:
    post = site / "_posts" / "2025-01-01-a.md"
    with qtbot.waitSignal(watch.postChangedOnDisk, timeout=5000) as blocker:
        post.write_text(POST + "Edited in vim.\n")
    assert blocker.args == [post]


def test_atomic_replaces_are_followed(qtbot: QtBot, site: Path, watch: FileWatch) -> None:
    post = site / "_posts" / "2025-01-01-a.md"
    for n in range(3):  # each replace drops the inotify watch; it must come back
        with qtbot.waitSignal(watch.postChangedOnDisk, timeout=5000):
            atomic_write(post, f"{POST}version {n}\n".encode())
        assert str(post) in watch.watched()


def test_own_save_is_not_reported(qtbot: QtBot, site: Path, watch: FileWatch) -> None:
    post = site / "_posts" / "2025-01-01-a.md"
    changed: list[Path] = []
    watch.postChangedOnDisk.connect(changed.append)
    stamp = save_post(POST + "Mine.\n", post, site)
    watch.set_known(stamp)
    os.utime(post)  # a touch is no change either
    qtbot.wait(300)
    assert changed == []


def test_removed_and_renamed(qtbot: QtBot, site: Path, watch: FileWatch) -> None:
    post = site / "_posts" / "2025-01-01-a.md"
    with qtbot.waitSignal(watch.postRemovedOnDisk, timeout=5000) as blocker:
        post.rename(site / "_posts" / "2025-01-01-renamed.md")
    assert blocker.args == [post]
    with qtbot.waitSignal(watch.postChangedOnDisk, timeout=5000):
        post.write_text("---\ntitle: back, and different\n---\n")


def test_folder_changes(qtbot: QtBot, site: Path, watch: FileWatch) -> None:
    with qtbot.waitSignal(watch.postFolderChanged, timeout=5000):
        (site / "_drafts" / "new.md").write_text(POST)
    with qtbot.waitSignal(watch.postFolderChanged, timeout=5000):
        (site / "_posts" / "2024").mkdir()
    with qtbot.waitSignal(watch.postFolderChanged, timeout=5000):
        (site / "_posts" / "2024" / "2024-01-01-old.md").write_text(POST)  # nested too
    with qtbot.waitSignal(watch.postFolderChanged, timeout=5000):
        (site / "_drafts" / "new.md").unlink()


def test_burst_is_debounced(qtbot: QtBot, site: Path, watch: FileWatch) -> None:
    post = site / "_posts" / "2025-01-01-a.md"
    changed: list[Path] = []
    watch.postChangedOnDisk.connect(changed.append)
    for n in range(10):
        post.write_text(f"{POST}{n}\n")
    qtbot.waitUntil(lambda: len(changed) > 0, timeout=5000)
    qtbot.wait(200)
    assert changed == [post]
