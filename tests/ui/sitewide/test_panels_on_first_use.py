"""The hidden side panels are built when first shown (issue 18, start-up): shown late or
shown at start, they show the post that is open then."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from editor.ui.dialogs import prompts
from editor.ui.settings import Settings
from editor.ui.startup.application import open_window
from editor.ui.window.main_window import MainWindow

DUSK = "_posts/2025-09-12-dusk-on-the-ridge.md"


def _headings(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("---\n", 2)[2].splitlines()
    return [line.lstrip("#").strip() for line in lines if line.startswith("#")]


def _rows(window: MainWindow) -> list[str]:
    outline = window.sitewide.outline
    return [outline.item(i).text().strip() for i in range(outline.count())]


def test_outline_opened_after_switching_posts_shows_the_open_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    dusk = window.site.root / DUSK
    assert window.open_post(dusk)
    assert _headings(dusk)
    window.actions.show_outline.setChecked(True)
    assert window.sitewide.outline_dock.isVisible()
    assert _rows(window) == _headings(dusk)
    window.actions.show_outline.setChecked(False)
    assert not window.sitewide.outline_dock.isVisible()


@pytest.fixture
def outline_left_open(qtbot: QtBot, settings: Settings, data_dir: Path) -> Iterator[MainWindow]:
    settings.set("view/outline", True)
    win = open_window(None, settings, data_dir)
    win.show()
    qtbot.waitUntil(lambda: win.post_list.path_count() == 6, timeout=10000)
    yield win
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(prompts, "ask_unsaved", lambda *a: prompts.Choice.DISCARD)
        win.wait_for_index()
        win.close()
    win.deleteLater()


def test_outline_left_open_is_there_at_the_next_start(outline_left_open: MainWindow) -> None:
    window = outline_left_open
    assert window.sitewide.outline_dock.isVisible()
    path = window.document.path
    assert path is not None
    assert _rows(window) == (_headings(path) or ["No headings yet: # Title starts one"])


def test_find_in_all_posts_answers_when_first_opened(qtbot: QtBot, window: MainWindow) -> None:
    """The search index followed the site while the panel was never built."""
    window.sitewide.search.runner.wait(10000)
    window.actions.find_all.trigger()
    panel = window.sitewide.find
    qtbot.keyClicks(panel.query_edit, "ridge")
    qtbot.waitUntil(lambda: panel.results.count() >= 1, timeout=10000)
