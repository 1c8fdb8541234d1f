"""Opening what the desktop hands over: a lone .md outside any site opens as a lone post;
a path that cannot be opened gets a titled box offering Open Site… instead of an exit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from editor.resources import resource_path
from editor.ui.dialogs import prompts
from editor.ui.settings import Settings
from editor.ui.startup import application
from editor.ui.startup.open_failed import OPEN_SITE, TITLE
from editor.ui.window import lone_post

LONE = """---
layout: post
title: "Notes from the train"
date: 2025-05-04T08:15:00
tags: [travel, trains]
custom: 42
---

Written on the 8:15, **far** from any blog.
"""


def _close(window) -> None:  # type: ignore[no-untyped-def]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(prompts, "ask_unsaved", lambda *a: prompts.Choice.DISCARD)
        window.close()
    window.deleteLater()


def test_a_lone_md_opens_as_a_lone_post(
    qtbot, tmp_path: Path, settings: Settings, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    notes = tmp_path / "notes"
    notes.mkdir()
    post = notes / "train.md"
    post.write_text(LONE, encoding="utf-8")
    window = application.open_window(str(post), settings, data_dir)
    window.show()
    try:
        assert window.site.lone and window.document.path == post
        form = window.form
        assert form.title_edit.text() == "Notes from the train"
        assert form.tags.tokens() == ["travel", "trains"]
        assert form.date_value() is not None and form.date_value().year == 2025
        assert "far** from any blog" in window.markdown.text()
        qtbot.waitUntil(lambda: "from any blog" in window.preview.plain_text(), timeout=10000)
        # no site features: no list, no new posts, no publishing, no header images
        assert not window.post_list.isVisible()
        a = window.actions
        assert not any(x.isEnabled() for x in (a.new_post, a.new_draft, a.publish, a.rename))
        assert not form.image.isEnabled()
        assert window.status.currentMessage() == lone_post.NOTICE
        assert settings.get("site/recent") == []  # not a site to offer again
        # Save writes the file in place, nothing else
        form.title_edit.setText("Notes from the 8:15")
        form.title_edit.textEdited.emit("Notes from the 8:15")
        assert window.save()
        assert post.read_text(encoding="utf-8") == LONE.replace(
            "Notes from the train", "Notes from the 8:15"
        )
        assert sorted(p.name for p in notes.iterdir()) == ["train.md"]
    finally:
        _close(window)


def _answer_box(qtbot, clicks: list[str], seen: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append((box.windowTitle(), box.informativeText()))
        wanted = clicks.pop(0)
        button = next(b for b in box.findChildren(QPushButton) if b.text() == wanted)
        button.click()
        if clicks:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)


def test_a_path_that_cannot_open_offers_open_site(
    qtbot, tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    site = tmp_path / "blog"
    shutil.copytree(resource_path("sample-blog"), site)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(site))
    opened: list[object] = []
    monkeypatch.setattr(application.QApplication, "exec", lambda *a: opened.append(1) or 0)
    seen: list[tuple[str, str]] = []
    _answer_box(qtbot, [OPEN_SITE], seen)
    missing = tmp_path / "gone" / "post.txt"
    assert application.run_gui([str(missing)]) == 0
    assert seen == [(TITLE, f"{missing} does not exist.\n\nOpen a site folder instead, or quit.")]
    assert opened == [1]  # the window ran, on the chosen site
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "MainWindow")
    assert window.site.root == site.resolve()
    _close(window)


def test_quit_from_the_box(qtbot, tmp_path: Path, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, str]] = []
    _answer_box(qtbot, ["Quit"], seen)
    assert application.run_gui([str(tmp_path / "nothing-here")]) == 2
    assert seen and seen[0][0] == TITLE
