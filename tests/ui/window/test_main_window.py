"""The real window, driven the way an author drives it (offscreen)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from editor.ui.dialogs import prompts
from editor.ui.window.main_window import MainWindow

FJORD = "_posts/2025-03-08-walking-the-fjord-path-in-early-spring.md"
DUSK = "_posts/2025-09-12-dusk-on-the-ridge.md"
DRAFT = "_drafts/first-frost-in-the-valley.md"


def _retitle(qtbot, window: MainWindow, title: str) -> None:  # type: ignore[no-untyped-def]
    edit = window.form.title_edit
    edit.selectAll()
    qtbot.keyClicks(edit, title)


def test_first_start_copies_the_sample_blog(window: MainWindow, data_dir: Path, settings) -> None:  # type: ignore[no-untyped-def]
    root = data_dir / "sample-blog"
    assert (root / "_config.yml").is_file()
    assert window.site.root == root.resolve()
    assert len(list((root / "_posts").glob("*.md"))) == 5
    assert (root / DRAFT).is_file()
    assert settings.get("site/last") == str(root.resolve())
    # the newest post is open, in the form and the Markdown pane
    assert window.document.path == root.resolve() / DUSK
    assert window.form.title_edit.text() == "Dusk on the Ridge: Notes from a Night Walk"
    assert window.markdown.text().startswith("We left the car at the pass")
    assert window.windowTitle().startswith("Dusk on the Ridge")
    assert window.windowTitle().endswith("— Field Notes — Byline")


def test_edit_title_tag_body_and_save_gives_exact_bytes(
    type_at_end, qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    path = window.site.root / FJORD
    before = path.read_bytes()
    assert window.open_post(path)
    _retitle(qtbot, window, "Walking the Fjord Path: Early Spring")
    qtbot.keyClicks(window.form.tags.input, "spring,")
    type_at_end("\nWe will go back in May.\n")
    assert window.isWindowModified()
    window.actions.save.trigger()
    expected = (
        before.replace(
            b'title: "Walking the Fjord Path in Early Spring"\n',
            b'title: "Walking the Fjord Path: Early Spring"\n',
        ).replace(b"tags: [walking, norway]\n", b"tags: [walking, norway, spring]\n")
        + b"\nWe will go back in May.\n"
    )
    assert path.read_bytes() == expected
    assert not window.isWindowModified()
    assert window.status.state.text() == "Saved"


def test_opening_and_saving_unchanged_keeps_every_byte(window: MainWindow) -> None:
    for rel in (FJORD, DUSK, DRAFT):
        path = window.site.root / rel
        before = path.read_bytes()
        assert window.open_post(path)
        assert window.save()
        assert path.read_bytes() == before


def test_unknown_keys_survive_and_can_be_edited(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.site.root / DUSK
    before = path.read_bytes()
    _retitle(qtbot, window, "Dusk on the Ridge")
    table = window.form.other.table
    assert table.item(0, 0).text() == "featured"
    assert table.item(0, 1).text() == "true"
    window.save()
    after = path.read_bytes()
    assert b"featured: true\n" in after
    assert after == before.replace(
        b'title: "Dusk on the Ridge: Notes from a Night Walk"', b'title: "Dusk on the Ridge"'
    )
    # edit it in the table: only that line changes
    table.item(0, 1).setText("false")
    window.save()
    assert path.read_bytes() == after.replace(b"featured: true\n", b"featured: false\n")


BROKEN = """---
layout: post
title: "Unclosed quote
date: 2025-01-05T10:00:00
---

Body of a broken post.
"""


def test_broken_post_opens_in_raw_mode_and_comes_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    path = window.site.root / "_posts" / "2025-01-05-broken.md"
    path.write_text(BROKEN, encoding="utf-8")
    assert window.open_post(path)
    assert window.document.raw
    assert not window.form.fields.isEnabled()
    assert window.form.error_label.isVisible()
    assert "line" in window.form.error_label.text()
    assert window.markdown.text() == BROKEN
    window.save()  # unedited raw text goes back unchanged
    assert path.read_text(encoding="utf-8") == BROKEN
    # fix the YAML in the editor: the form comes back with the values
    doc = window.markdown.editor.document()
    cursor = QTextCursor(doc.findBlockByNumber(2))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    window.markdown.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.markdown.editor, '"')
    qtbot.waitUntil(lambda: not window.document.raw, timeout=3000)
    assert window.form.fields.isEnabled()
    assert not window.form.error_label.isVisible()
    assert window.form.title_edit.text() == "Unclosed quote"
    assert window.markdown.text() == "Body of a broken post.\n"
    window.save()
    assert path.read_text(encoding="utf-8") == BROKEN.replace("quote\n", 'quote"\n')


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_unsaved_changes_prompt(
    type_at_end, qtbot, window: MainWindow, monkeypatch, answer: str
) -> None:  # type: ignore[no-untyped-def]
    SB = QMessageBox.StandardButton
    button = {"cancel": SB.Cancel, "discard": SB.Discard, "save": SB.Save}[answer]
    asked: list[str] = []

    def fake_question(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake_question))
    dusk = window.site.root / DUSK
    before = dusk.read_bytes()
    type_at_end("More.")
    other = window.site.root / FJORD
    moved = window.open_post(other)
    assert len(asked) == 1 and "unsaved changes" in asked[0]
    if answer == "cancel":
        assert not moved
        assert window.document.path == dusk
        assert window.markdown.text().endswith("More.")
    elif answer == "discard":
        assert moved and window.document.path == other
        assert dusk.read_bytes() == before
    else:
        assert moved and window.document.path == other
        assert dusk.read_bytes() == before + b"More."


def test_close_with_unsaved_changes_can_be_cancelled(
    type_at_end, qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel)
    )
    type_at_end("x")
    assert not window.close()
    assert window.isVisible()


def test_new_post_file_name_and_front_matter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.actions.new_post.trigger()
    assert window.document.is_new
    qtbot.keyClicks(window.form.title_edit, "Hello, World: A Test")
    window.form.date_edit.setDateTime(QDateTime(QDate(2026, 1, 2), QTime(10, 30, 0)))
    window.markdown.editor.setFocus()
    qtbot.keyClicks(window.markdown.editor, "Body text.")
    window.actions.save.trigger()
    path = window.site.root / "_posts" / "2026-01-02-hello-world-a-test.md"
    assert window.document.path == path
    assert path.read_text(encoding="utf-8") == (
        "---\n"
        "layout: post\n"
        'title: "Hello, World: A Test"\n'
        "date: 2026-01-02T10:30:00\n"
        'author: "mara"\n'
        "categories: []\n"
        "tags: []\n"
        "---\n"
        "\n"
        "Body text.\n"  # ends with a line break, as the sample blog's posts do
    )
    # the name never changes silently afterwards
    _retitle(qtbot, window, "Another title")
    window.save()
    assert window.document.path == path
    qtbot.waitUntil(lambda: window.index.entry(path) is not None, timeout=5000)


def test_new_draft_goes_to_drafts(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.actions.new_draft.trigger()
    qtbot.keyClicks(window.form.title_edit, "Ideas for Winter")
    window.save()
    path = window.site.root / "_drafts" / "ideas-for-winter.md"
    assert path.read_text(encoding="utf-8").startswith(
        '---\nlayout: post\ntitle: "Ideas for Winter"\nauthor: "mara"\n'
    )


def test_publish_draft(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    draft = window.site.root / DRAFT
    before = draft.read_text(encoding="utf-8")
    assert window.open_post(draft)
    assert window.actions.publish.isEnabled()
    window.actions.publish.trigger()
    assert not draft.exists()
    new = window.document.path
    assert new is not None and new.parent == window.site.root / "_posts"
    today = dt.datetime.now(dt.UTC).date()
    assert new.name == f"{today:%Y-%m-%d}-first-frost-in-the-valley.md"
    text = new.read_text(encoding="utf-8")
    m = re.search(r"^date: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\n", text, re.M)
    assert m is not None
    assert text == before.replace(
        'title: "First Frost in the Valley"\n',
        f'title: "First Frost in the Valley"\ndate: {m[1]}\n',
    )
    assert not window.actions.publish.isEnabled()
    assert window.form.date_value() is not None


def test_save_failure_keeps_the_text(type_at_end, qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: shown.append(a[2])))
    path = window.site.root / DUSK
    # a file where the folder should be: the save cannot even create it
    window.document.path = window.site.root / "_config.yml" / "x.md"
    type_at_end("Keep me.")
    assert not window.save()
    assert shown and "not saved" in shown[0]
    assert window.markdown.text().endswith("Keep me.")
    assert window.isWindowModified()
    window.document.path = path


def test_filter_and_drafts_section(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    proxy = window.post_list.proxy
    drafts = proxy.index(0, 0)
    assert drafts.data().startswith("Drafts (1)")
    qtbot.keyClicks(window.post_list.filter_edit, "python")
    assert proxy.rowCount() == 1  # no draft matches: the Drafts section hides
    posts = proxy.index(0, 0)
    assert proxy.rowCount(posts) == 1
    assert "Python" in proxy.index(0, 0, posts).data()


def test_formatting_shortcuts(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.actions.new_post.trigger()
    editor = window.markdown.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "word")
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.markdown.text() == "**word**"
    qtbot.keyClick(editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.markdown.text() == "## **word**"
    window.markdown.set_text("- item")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert window.markdown.text() == "  - item"
    qtbot.keyClick(editor, Qt.Key.Key_Backtab)
    assert window.markdown.text() == "- item"


def test_warnings_for_a_post_that_will_not_show(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.form.date_edit.setDateTime(QDateTime(QDate(2099, 1, 1), QTime(9, 0, 0)))
    qtbot.waitUntil(lambda: window.form.warnings_label.isVisible(), timeout=3000)
    text = window.form.warnings_label.text()
    assert "future" in text
    assert "file name says 2025-09-12" in text
    assert window.form.rename_button.isVisible()


def test_sample_blog_copy_is_independent(
    tmp_path: Path, window: MainWindow, data_dir: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(data_dir / "sample-blog", copy)
    assert window.open_site(copy)
    assert window.site.root == copy.resolve()


def test_view_menu_hides_panes_and_it_persists(qtbot, window: MainWindow, settings) -> None:  # type: ignore[no-untyped-def]
    window.actions.show_preview.trigger()
    assert not window.preview.isVisible()
    window.actions.show_list.trigger()
    assert not window.post_list.isVisible()
    window.actions.go_filter.trigger()  # going to the filter brings the list back
    assert window.post_list.isVisible()
    assert window.post_list.filter_edit.hasFocus()
    window._save_settings()
    assert settings.get("view/preview") is False
    assert settings.get("view/post_list") is True


def test_open_a_single_post_and_the_last_site(qtbot, tmp_path: Path, settings, data_dir) -> None:  # type: ignore[no-untyped-def]
    from editor.core.site.sample_blog import install_sample_blog
    from editor.resources import resource_path
    from editor.ui.startup.application import open_window

    blog = install_sample_blog(resource_path("sample-blog"), tmp_path / "elsewhere")
    post = blog / FJORD
    win = open_window(str(post), settings, data_dir)
    try:
        assert win.document.path == post.resolve()
        assert settings.get("site/last") == str(blog.resolve())
        assert not (data_dir / "sample-blog").exists()  # not the first start
        win.wait_for_index()
    finally:
        win.close()
        win.deleteLater()
    again = open_window(None, settings, data_dir)
    try:
        assert again.site.root == blog.resolve()
        again.wait_for_index()
    finally:
        again.close()
        again.deleteLater()


def test_rename_to_match(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = window.site.root / FJORD
    assert window.open_post(path)
    _retitle(qtbot, window, "Fjord in Spring")
    window.actions.rename.trigger()  # saves first, then renames
    new = window.site.root / "_posts" / "2025-03-08-fjord-in-spring.md"
    assert window.document.path == new
    assert new.is_file() and not path.exists()
    assert 'title: "Fjord in Spring"' in new.read_text(encoding="utf-8")


def test_choose_and_remove_header_image(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    images = sorted((window.site.root / "assets" / "images").glob("*.jpg"))
    chosen = images[0]
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(chosen), ""))
    )
    with qtbot.waitSignal(window.form.image.imageStaged, timeout=10000):
        window.form.image.choose_button.click()
    rel = f"assets/images/{chosen.name}"  # a fitting JPEG keeps its bytes, so its name
    assert window.document.post is not None
    assert window.document.post.get("image") == rel
    window.form.image.remove_button.click()
    assert "image" not in window.document.post  # Post.__contains__


def test_a_file_that_is_not_utf8_opens_read_only(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a, **k: shown.append(a[2])))
    path = window.site.root / "_posts" / "2025-02-02-latin1.md"
    data = '---\ntitle: "Caf\xe9"\n---\n\nBody\n'.encode("latin-1")
    path.write_bytes(data)
    assert window.open_post(path)
    assert window.document.raw and window.markdown.editor.isReadOnly()
    assert "UTF-8" in window.form.error_label.text()
    assert not window.save()
    assert path.read_bytes() == data


def test_default_pane_sizes_make_the_markdown_pane_widest() -> None:
    from editor.ui.window.window_layout import default_sizes

    for width in (1024, 1280, 1366, 1440, 1920, 2560):
        list_w, form_w, markdown_w, preview_w = default_sizes(width)
        assert list_w + form_w + markdown_w + preview_w == width
        assert markdown_w > max(list_w, form_w, preview_w), width
        assert markdown_w >= 0.36 * width - 1, width
    assert default_sizes(1440) == (216, 317, 561, 346)
    assert default_sizes(1280) == (192, 282, 499, 307)


def test_index_cache_lives_in_qt_cache_location(window: MainWindow) -> None:
    from editor.core.index.site_index import index_of
    from editor.ui.qt_paths import app_cache_dir

    assert window.site.cache_dir == app_cache_dir()
    assert window.index is index_of(window.site)
    window.wait_for_index()
    assert any(app_cache_dir().rglob("*")), "the index cache was written there"


def test_scroll_sync_both_ways_in_the_window(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    body = "\n\n".join(f"## Heading {i}\n\nParagraph {i} with some words." for i in range(80))
    editor = window.markdown.editor
    # the open post's own first render is done: the one waited for below is the new text's
    qtbot.waitUntil(lambda: window.preview.html() != "" and not window.preview.is_busy(),
                    timeout=10000)  # fmt: skip
    with qtbot.waitSignal(window.preview.rendered, timeout=10000):
        editor.selectAll()
        editor.insertPlainText(body)  # typed (as one edit): the preview follows
    preview_bar = window.preview.browser.verticalScrollBar()
    assert preview_bar.maximum() > 0
    # the Markdown cursor moves to a line far down: the preview scrolls there
    preview_bar.setValue(0)
    window.markdown.go_to_line(body.split("\n").index("## Heading 60") + 1)
    assert preview_bar.value() > 0
    # the author scrolls the preview: the Markdown pane follows
    text_bar = editor.verticalScrollBar()
    text_bar.setValue(0)
    preview_bar.setValue(preview_bar.maximum() // 2)
    qtbot.waitUntil(lambda: text_bar.value() > 0, timeout=5000)


def test_a_pipe_named_md_is_refused_not_read(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import os

    shown: list[str] = []
    monkeypatch.setattr(prompts, "show_error", lambda parent, title, text: shown.append(text))
    fifo = window.site.root / "_posts" / "2025-01-01-pipe.md"
    os.mkfifo(fifo)
    before = window.document.path
    assert not window.open_post(fifo)  # reading it would block the window forever
    assert shown == ["2025-01-01-pipe.md is not a regular file"]
    assert window.document.path == before


def test_typing_and_retitling_update_the_preview(type_at_end, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.open_post(window.site.root / FJORD)
    type_at_end("\nA sentence typed just now.")
    qtbot.waitUntil(
        lambda: "A sentence typed just now." in window.preview.plain_text(), timeout=5000
    )
    _retitle(qtbot, window, "Fjord, retitled")
    qtbot.waitUntil(lambda: "Fjord, retitled" in window.preview.plain_text(), timeout=5000)
