"""Spell checking in the real window: underlines, the menu, Add to Dictionary, F7, the toggle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCharFormat, QTextCursor

from editor.ui.settings import Settings
from editor.ui.startup.application import open_window
from editor.ui.window.main_window import MainWindow

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline
NAME = "Kveldulf"  # a name no dictionary knows (the blog's own author, Tomás, is known)


def flagged(window: MainWindow) -> set[str]:
    return {f.word for f in window.spelling.flags}


def underlined(window: MainWindow) -> set[str]:
    """The words the Markdown pane draws with a wavy line, read from its layout."""
    doc = window.markdown.editor.document()
    out = set()
    block = doc.begin()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == WAVE:
                out.add(block.text()[r.start : r.start + r.length])
        block = block.next()
    return out


def wait_checked(qtbot, window: MainWindow, word: str, present: bool = True) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: (word in underlined(window)) == present, timeout=10000)


def position_of(window: MainWindow, word: str):  # type: ignore[no-untyped-def]
    editor = window.markdown.editor
    c = editor.document().find(word)
    assert not c.isNull(), word
    r = editor.cursorRect(QTextCursor(editor.document().findBlock(c.selectionStart())))
    cursor = QTextCursor(editor.document())
    cursor.setPosition(c.selectionStart() + 1)
    return editor.cursorRect(cursor).center() if r else None


def test_underline_appears_and_code_and_urls_never(qtbot, window: MainWindow, type_at_end) -> None:  # type: ignore[no-untyped-def]
    type_at_end("\n\nA `codez` and https://exmaple.com/pathz and <b clas='x'>bold</b> teh end")
    wait_checked(qtbot, window, "teh")
    shown = underlined(window)
    assert "colour" not in shown  # the sample blog says lang: en-GB
    # the author, as _config.yml names him, is in the first post and known
    assert "Tomás" in window.markdown.text() and "Tomás" not in shown
    assert not shown & {"codez", "exmaple", "pathz", "clas"}


def test_suggestion_replaces_the_word(qtbot, window: MainWindow, type_at_end) -> None:  # type: ignore[no-untyped-def]
    type_at_end("\n\nWe recieve letters.")
    wait_checked(qtbot, window, "recieve")
    menu = window.spelling.editor_menu(position_of(window, "recieve"))
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "receive" and "Add to Dictionary" in texts and "Ignore in This Post" in texts
    assert len([t for t in texts[: texts.index("Add to Dictionary")]]) <= 5
    menu.actions()[0].trigger()
    assert "We receive letters." in window.markdown.text()
    wait_checked(qtbot, window, "recieve", present=False)


def test_add_to_dictionary_persists_across_restarts(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, settings: Settings, data_dir: Path, type_at_end
) -> None:
    type_at_end(f"\n\n{NAME} walked.")
    wait_checked(qtbot, window, NAME)
    menu = window.spelling.editor_menu(position_of(window, NAME))
    next(a for a in menu.actions() if a.text() == "Add to Dictionary").trigger()
    wait_checked(qtbot, window, NAME, present=False)
    assert NAME in (data_dir / "spelling" / "personal.txt").read_text(encoding="utf-8")
    type_at_end("\n\nWe recieve it.")
    assert window.save()
    again = open_window(None, settings, data_dir)
    try:
        qtbot.waitUntil(lambda: "recieve" in underlined(again), timeout=10000)
        assert NAME in again.markdown.text() and NAME not in underlined(again)
    finally:
        again.wait_for_index()
        again.close()
        again.deleteLater()


def test_ignore_in_this_post_and_next_misspelling(qtbot, window: MainWindow, type_at_end) -> None:  # type: ignore[no-untyped-def]
    type_at_end(f"\n\n{NAME} walked. We recieve it.")
    wait_checked(qtbot, window, "recieve")
    editor = window.markdown.editor
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    window.actions.next_misspelling.trigger()
    assert editor.textCursor().selectedText() == NAME
    window.actions.next_misspelling.trigger()
    assert editor.textCursor().selectedText() == "recieve"
    menu = window.spelling.editor_menu(position_of(window, "recieve"))
    next(a for a in menu.actions() if a.text() == "Ignore in This Post").trigger()
    wait_checked(qtbot, window, "recieve", present=False)


def test_view_toggle_is_remembered(
    qtbot, window: MainWindow, settings: Settings, type_at_end
) -> None:  # type: ignore[no-untyped-def]
    type_at_end(f"\n\n{NAME} walked.")
    wait_checked(qtbot, window, NAME)
    window.actions.check_spelling.setChecked(False)
    wait_checked(qtbot, window, NAME, present=False)
    assert settings.get("view/spelling") is False
    window.actions.check_spelling.setChecked(True)
    wait_checked(qtbot, window, NAME)


def test_title_and_excerpt_are_checked(qtbot, window: MainWindow, type_at_end) -> None:  # type: ignore[no-untyped-def]
    type_at_end(f"\n\n{NAME} walked.")
    wait_checked(qtbot, window, NAME)
    title = window.form.title_edit
    title.setText("A nite walk")
    title.textEdited.emit(title.text())
    assert window.spelling._line_marks(title.text()) == [(2, 4)]
    menu = window.spelling.field_menu(title, title.cursorRect().center())
    title.setCursorPosition(3)
    menu = window.spelling.field_menu(title, title.cursorRect().center())
    suggestion = menu.actions()[0]
    assert suggestion.text() in (
        "night",
        "nine",
        "nice",
        "note",
        "site",
        "bite",
        "kite",
        "mite",
        "nit",
        "nits",
    )
    suggestion.trigger()
    assert title.text() == f"A {suggestion.text()} walk"
    assert window.document.post.get("title") == title.text()


def test_unknown_language_turns_checking_off_for_the_post(
    qtbot, window: MainWindow, type_at_end
) -> None:  # type: ignore[no-untyped-def]
    type_at_end(f"\n\n{NAME} walked.")
    wait_checked(qtbot, window, NAME)
    window.set_field("lang", "xx")
    window.spelling.check_now()
    wait_checked(qtbot, window, NAME, present=False)
    assert "no spelling dictionary for 'xx'" in window.status.currentMessage()
    window.set_field("lang", "en-US")  # the post's own language wins over the blog's
    window.spelling.check_now()
    wait_checked(qtbot, window, "colour")
    assert NAME in underlined(window)


def save_and_ignore_recieve(qtbot, window: MainWindow, type_at_end) -> None:  # type: ignore[no-untyped-def]
    """Type a line with NAME and 'recieve', save, and Ignore 'recieve' in This Post."""
    type_at_end(f"\n\n{NAME} walked. We recieve it.")
    assert window.save()
    wait_checked(qtbot, window, "recieve")
    menu = window.spelling.editor_menu(position_of(window, "recieve"))
    next(a for a in menu.actions() if a.text() == "Ignore in This Post").trigger()
    wait_checked(qtbot, window, "recieve", present=False)


def test_ignore_in_this_post_lasts_across_restarts_for_that_post_only(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, settings: Settings, data_dir: Path, type_at_end
) -> None:
    save_and_ignore_recieve(qtbot, window, type_at_end)
    post, root = window.document.path, window.site.root
    others = [p for p in (root / "_posts").glob("*.md") if p != post]
    again = open_window(None, settings, data_dir)
    try:
        assert again.document.path == post
        qtbot.waitUntil(lambda: NAME in underlined(again), timeout=10000)
        assert "recieve" not in underlined(again)
        # another post of the blog: the word is underlined there
        other = others[0]
        other.write_text(other.read_text(encoding="utf-8") + "\nWe recieve it.\n", "utf-8")
        again.open_post(other)
        qtbot.waitUntil(lambda: "recieve" in underlined(again), timeout=10000)
    finally:
        again.wait_for_index()
        again.close()
        again.deleteLater()


def test_ignored_words_follow_the_post_when_published_and_back(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, data_dir: Path, type_at_end
) -> None:
    draft = next(window.site.drafts_dir.glob("*.md"))
    assert window.open_post(draft)
    save_and_ignore_recieve(qtbot, window, type_at_end)

    def still_ignored() -> None:
        checks = window.spelling.checks
        with qtbot.waitSignal(checks.finished, timeout=10000,
                              check_params_cb=lambda ticket, _r: ticket == checks.latest):  # fmt: skip
            window.spelling.check_now()  # a whole check of the post as it is now
        assert NAME in flagged(window) and "recieve" not in flagged(window)

    assert window.publish_draft()
    published = window.document.path
    assert published is not None and published.parent == window.site.posts_dir
    still_ignored()
    assert window.publish_undo.undo()
    assert window.document.path == draft
    still_ignored()
    ignored = (data_dir / "spelling" / "ignored.json").read_text(encoding="utf-8")
    assert draft.name in ignored and published.name not in ignored
