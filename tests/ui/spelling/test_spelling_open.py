"""Opening a post: the lines in view are underlined first, then the whole post."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.ui.dialogs import prompts
from editor.ui.settings import Settings
from editor.ui.startup.application import open_window
from tests.ui.spelling.test_spelling_window import underlined


def test_lines_in_view_first_then_the_whole_post(
    qtbot, settings: Settings, data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: T\n", encoding="utf-8")
    filler = "\n\n".join(f"Paragraph {n} is plain and right." for n in range(1500))
    (site / "_posts" / "2024-01-01-long.md").write_text(
        f"---\ntitle: Long\n---\n\nWe recieve it.\n\n{filler}\n\nThe far end of teh post.\n",
        encoding="utf-8",
    )
    win = open_window(site, settings, data_dir)
    results = []
    win.spelling.checks.finished.connect(lambda _t, r: results.append(r))
    win.show()
    try:
        qtbot.waitUntil(lambda: {"recieve", "teh"} <= underlined(win), timeout=15000)
        glance, whole = results[0], results[-1]
        assert glance.lines is not None and glance.lines[1] < 1000  # the lines in view
        assert [f.word for f in glance.flags] == ["recieve"]
        assert whole.lines is None and [f.word for f in whole.flags] == ["recieve", "teh"]
    finally:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(prompts, "ask_unsaved", lambda *a: prompts.Choice.DISCARD)
            win.wait_for_index()
            win.spelling.close()
            win.close()
        win.deleteLater()
