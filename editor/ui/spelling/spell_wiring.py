"""Spell checking wired into the window.

The whole body is checked off the GUI thread (TaskRunner) once typing pauses; the result is
a list of misspelt words with their line and column, and the Markdown highlighter draws a
wavy line under each one whose text is still there. Only the lines whose marks changed are
re-highlighted, a few hundred per event-loop turn, so a keystroke never waits on the checker.
The title and the excerpt are short: they are checked on the spot with the same speller.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QWidget

from editor.core.errors import BylineError
from editor.core.site.site import Site
from editor.core.spelling.ignored import ignore_word, ignored_words, move_ignored
from editor.core.spelling.language import DEFAULT, post_language, site_language
from editor.core.spelling.word_lists import (
    SITE_LIST,
    add_to_list,
    config_names,
    expand,
    read_list,
)
from editor.ui.qt_paths import app_cache_dir
from editor.ui.spelling.spell_fields import FieldHighlighter, underline_line_edit
from editor.ui.widgets.tasks import TaskRunner

if TYPE_CHECKING:
    # the checker's modules (~5 ms of imports) load with the first check, in its thread,
    # after the window's first paint
    from editor.core.spelling.checker import SpellChecker
    from editor.core.spelling.speller import Flag, Speller
    from editor.ui.window.main_window import MainWindow

CHECK_PAUSE_MS = 300  # typing pauses this long: check the body again
REPAINT_SLICE = 0.004  # seconds of re-highlighting per event-loop turn (a keystroke waits
# at most this long for underlines to be drawn; a long paragraph takes ~0.2-1 ms)
GLANCE_MARGIN = 20  # lines above and below the view checked first when a post opens
WARM_SUGGESTIONS = 60  # misspelt words whose suggestions are worked out ahead of a menu


@dataclass(frozen=True)
class Checked:
    code: str
    checker: SpellChecker
    flags: list[Flag]
    lines: tuple[int, int] | None = None  # only these lines were checked (first, last)


class SpellWiring(QObject):
    def __init__(self, window: MainWindow, data_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self.personal_file = data_dir / "spelling" / "personal.txt"
        # a pool of its own, waited for when the app quits: a Python job still running while
        # the interpreter shuts down would hang it
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.checks = TaskRunner(self, self.pool)
        self.learning = TaskRunner(self, self.pool)
        self.warming = TaskRunner(self, self.pool)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(CHECK_PAUSE_MS)
        self._repaint = QTimer(self)
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(0)
        self._pending: list[int] = []
        self._then: Callable[[], Checked] | None = None  # the whole check after a glance
        self.enabled = True
        self.problem = ""  # why checking is off for this post ('' when it is on)
        self.checker: SpellChecker | None = None
        self.flags: list[Flag] = []
        self._by_line: dict[int, list[tuple[int, str]]] = {}
        self._personal: set[str] = set()
        self._site_list: set[str] = set()
        self._site_words: set[str] = set()
        self._ignored: dict[str, set[str]] = {}
        self._site: Site | None = None
        self._posts: list[Path] = []
        self._closing = False
        window.markdown.highlighter.spell_marks = self._marks
        self.excerpt = FieldHighlighter(window.form.excerpt_edit, self._line_marks)

    # --- wiring ----------------------------------------------------------------

    def connect_signals(self) -> None:
        w = self.window
        a = w.actions
        self.checks.finished.connect(self._on_checked)
        self.checks.failed.connect(self._on_failed)
        self.learning.finished.connect(self._on_learned)
        self._pause.timeout.connect(self.check_now)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)
        self._repaint.timeout.connect(self._repaint_some)
        w.markdown.textEdited.connect(self._pause.start)
        w.form.title_edit.textChanged.connect(lambda _t: self._underline_title())
        a.check_spelling.toggled.connect(self.set_enabled)
        a.next_misspelling.triggered.connect(self.next_misspelling)
        editor = w.markdown.editor
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(
            lambda pos: self._show(self.editor_menu(pos), editor, pos)
        )
        for field in (w.form.title_edit, w.form.excerpt_edit):
            field.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            field.customContextMenuRequested.connect(
                lambda pos, f=field: self._show(self.field_menu(f, pos), f, pos)
            )

    def set_site(self, site: Site) -> None:
        """A site opened: its word list, and its own words learnt in the background."""
        self._site = site
        self._personal = expand(read_list(self.personal_file))
        self._site_list = expand(read_list(site.root / SITE_LIST) | config_names(site.config))
        self._site_words = set()
        self._ignored = {}
        chosen = self.window.settings.get("spelling/language")
        posts = list(site.post_files())
        self._posts = posts

        def job() -> set[str]:
            from editor.core.spelling.site_words import learn, learn_cache_file
            from editor.core.spelling.speller import checker_for

            code = chosen or self._blog_language(site, posts)
            # stops reading (and learns nothing) once the window closes or another site opens
            cache = learn_cache_file(app_cache_dir(), site.root)
            return learn(self._while_open(posts, site), checker_for(code), cache)

        # once the first preview is on screen: the dictionary loads in a thread that
        # would compete with start-up for the interpreter
        self.window.after_preview.run(lambda: self.learning.submit(job))

    def _while_open(self, posts: list[Path], site: Site) -> Iterator[Path]:
        for path in posts:
            if self._closing or self._site is not site:
                return
            yield path

    def close(self) -> None:
        """The window closes: stop learning, let the running jobs end."""
        self._closing = True
        self._pause.stop()
        self.pool.waitForDone(5000)

    def moved(self, old: Path, new: Path) -> None:
        """Published or renamed: the words ignored in the post go with it."""
        root = self._site.root if self._site else None
        try:
            move_ignored(self.data_dir, root, old, new)
        except BylineError as exc:  # a convenience, never a blocker
            self.window.status.showMessage(f"Ignored words not moved: {exc}", 8000)
        self._ignored.pop(str(old), None)
        self._ignored.pop(str(new), None)

    def _on_learned(self, ticket: int, words: set[str]) -> None:
        if ticket == self.learning.latest:
            self._site_words = words
            self.check_now()

    def document_shown(self) -> None:
        """A post opened: the lines in view are checked first (a few ms once the dictionary
        is loaded), then the whole post; from the window's first paint on, not its preview."""
        self.check_now(glance=True)
        self._underline_title()

    def _visible_lines(self) -> tuple[int, int]:
        editor = self.window.markdown.editor
        first = editor.firstVisibleBlock().blockNumber()
        bottom = editor.viewport().rect().bottomLeft()
        last = editor.cursorForPosition(bottom).blockNumber()
        # before the first layout the view may not know its size yet: a screenful or two
        return max(0, first - GLANCE_MARGIN), max(last, first + 60) + GLANCE_MARGIN

    # --- checking --------------------------------------------------------------

    def language(self) -> Callable[[], str]:
        """How to know the open post's language code: the post's `lang:`, Preferences, or
        the blog's (which may read a sample of its posts once: call it off the GUI thread)."""
        doc = self.window.document
        fields = dict(doc.post.values) if doc.post is not None else {}
        asked = post_language(fields, {}, self.window.settings.get("spelling/language"), "")
        site, posts = self._site, self._posts
        return lambda: asked or self._blog_language(site, posts)

    @staticmethod
    def _blog_language(site: Site | None, posts: list[Path]) -> str:
        if site is None:
            return DEFAULT
        from editor.core.spelling.variant import blog_language

        return blog_language(site.root, site_language(site.config.raw), posts)

    def _ignored_here(self) -> set[str]:
        """The words ignored in the open post (read from the data folder the first time)."""
        path = self.window.document.path
        found = self._ignored.get(str(path or ""))
        if found is None:
            root = self._site.root if self._site else None
            found = ignored_words(self.data_dir, root, path) if path else set()
            self._ignored[str(path or "")] = found
        return found

    def speller(self) -> Speller | None:
        if self.checker is None or not self.enabled or self.problem:
            return None
        from editor.core.spelling.speller import Speller

        return Speller(self.checker, self._personal, self._site_list, self._site_words,
                       self._ignored_here())  # fmt: skip

    def check_now(self, glance: bool = False) -> None:
        """Check the body in the background; `glance`: the lines in view first."""
        self._pause.stop()
        if not hasattr(self.window, "document"):
            return  # the window is still being built
        if not self.enabled or self.window.document.post is None:  # raw mode: not prose
            self._set_flags([])
            return
        language = self.language()
        text = self.window.markdown.text()
        extra = (frozenset(self._personal), frozenset(self._site_list),
                 frozenset(self._site_words), frozenset(self._ignored_here()))  # fmt: skip

        def job() -> Checked:
            from editor.core.spelling.speller import Speller, checker_for

            code = language()
            checker = checker_for(code)
            speller = Speller(checker, *map(set, extra), remember_lines=True)
            return Checked(code, checker, speller.check_body(text))

        if glance:

            def glance_now() -> None:
                # the lines in view once painted: asking before would lay the text out early
                first, last = self._visible_lines()

                def look() -> Checked:
                    from editor.core.spelling.speller import Speller, checker_for
                    from editor.core.spelling.tokens import prose_lines

                    code = language()
                    checker = checker_for(code)
                    speller = Speller(checker, *map(set, extra), remember_lines=True)
                    flags = [f for n, line in prose_lines(text) if first <= n <= last
                             for f in speller.check_prose_line(line, n)]  # fmt: skip
                    return Checked(code, checker, flags, (first, last))

                self.checks.submit(look)

            self._then = job
            self.window.after_paint.run(glance_now)
            return
        self._then = None
        self.window.after_paint.run(lambda: self.checks.submit(job))

    def _on_checked(self, ticket: int, result: Checked) -> None:
        if ticket != self.checks.latest:
            return  # the text changed since: a newer check is coming
        if not self.enabled:
            return  # turned off while this check ran: its underlines stay away
        if self.problem:
            self.window.status.clearMessage()
        self.problem = ""
        self.checker = result.checker
        # a glance (the lines in view of a post just opened) is all there is to show until
        # the whole post's check, which starts once the first preview is drawn (at start-up
        # it would compete with it), unless the post was checked again since
        self._set_flags(result.flags)
        self._underline_title()
        if result.lines is not None:
            then = self._then
            if then is not None:
                self.window.after_preview.run(lambda: self._whole_check(then))
            return
        words = list(dict.fromkeys(f.word for f in result.flags))[:WARM_SUGGESTIONS]
        checker = result.checker
        self.warming.submit(lambda: [checker.suggest(w) for w in words if not self._closing])

    def _whole_check(self, job: Callable[[], Checked]) -> None:
        if self._then is job and not self._closing:
            self._then = None
            self.checks.submit(job)

    def _on_failed(self, ticket: int, exc: Exception) -> None:
        if ticket != self.checks.latest:
            return
        self.problem = str(exc)
        self._set_flags([])
        self._underline_title()
        self.window.status.showMessage(f"Spell checking is off for this post: {exc}", 15000)

    def _set_flags(self, flags: list[Flag]) -> None:
        by_line: dict[int, list[tuple[int, str]]] = {}
        for f in flags:
            by_line.setdefault(f.line, []).append((f.col, f.word))
        old = self._by_line
        changed = [n for n in by_line.keys() | old.keys() if by_line.get(n) != old.get(n)]
        self.flags = flags
        self._by_line = by_line
        # the lines in view first, then the rest from the top
        first, last = self._visible_lines()
        pending = set(self._pending) | set(changed)
        self._pending = sorted(pending, key=lambda n: (not first <= n <= last, n))
        self._repaint.start()
        self.excerpt.active = self.speller() is not None
        self.excerpt.restyle()

    def _repaint_some(self) -> None:
        """Re-highlight pending lines for at most REPAINT_SLICE, then let the loop run."""
        doc = self.window.markdown.editor.document()
        highlighter = self.window.markdown.highlighter
        end = time.perf_counter() + REPAINT_SLICE
        done = 0
        for n in self._pending:
            block = doc.findBlockByNumber(n)
            if block.isValid():
                highlighter.restyle_block(block)
            done += 1
            if time.perf_counter() > end:
                break
        del self._pending[:done]
        if self._pending:
            self._repaint.start()

    def _marks(self, block: int, text: str) -> list[tuple[int, int]]:
        entries = self._by_line.get(block)
        if not entries:
            return []
        # a mark whose word moved away since the check (typing) is not drawn
        return [(c, len(w)) for c, w in entries if text[c : c + len(w)] == w]

    def _line_marks(self, text: str) -> list[tuple[int, int]]:
        speller = self.speller()
        if speller is None:
            return []
        return [(f.col, len(f.word)) for f in speller.check_line(text)]

    def _underline_title(self) -> None:
        if not hasattr(self.window, "document"):
            return
        title = self.window.form.title_edit
        underline_line_edit(title, self._line_marks(title.text()))

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self.window.settings.set("view/spelling", on)
        self.check_now()
        self._underline_title()

    # --- the menu, F7 ----------------------------------------------------------

    def _flag_at(self, cursor: QTextCursor) -> tuple[int, int, str] | None:
        block = cursor.block()
        col = cursor.positionInBlock()
        for start, length in self._marks(block.blockNumber(), block.text()):
            if start <= col <= start + length:
                return block.position() + start, length, block.text()[start : start + length]
        return None

    def editor_menu(self, pos: QPoint) -> QMenu:
        editor = self.window.markdown.editor
        menu = editor.createStandardContextMenu()
        found = self._flag_at(editor.cursorForPosition(pos))
        if found is not None:
            start, length, word = found

            def replace(text: str) -> None:
                c = QTextCursor(editor.document())
                c.setPosition(start)
                c.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
                c.insertText(text)

            self._word_actions(menu, word, replace)
        return menu

    def field_menu(self, field: QLineEdit | QPlainTextEdit, pos: QPoint) -> QMenu:
        menu = field.createStandardContextMenu()
        if isinstance(field, QLineEdit):
            text, at = field.text(), field.cursorPositionAt(pos)
        else:
            cursor = field.cursorForPosition(pos)
            text, at = cursor.block().text(), cursor.positionInBlock()
            offset = cursor.block().position()
        for start, length in self._line_marks(text):
            if start <= at <= start + length:

                def replace(new: str, s: int = start, n: int = length) -> None:
                    if isinstance(field, QLineEdit):
                        field.setSelection(s, n)
                        field.insert(new)
                        field.textEdited.emit(field.text())  # as if typed: the form saves it
                    else:
                        c = QTextCursor(field.document())
                        c.setPosition(offset + s)
                        c.setPosition(offset + s + n, QTextCursor.MoveMode.KeepAnchor)
                        c.insertText(new)

                self._word_actions(menu, text[start : start + length], replace)
                break
        return menu

    def _word_actions(self, menu: QMenu, word: str, replace: object) -> None:
        first = menu.actions()[0] if menu.actions() else None
        suggestions = self.checker.suggest(word) if self.checker else []
        added: list[QAction] = []
        for s in suggestions:
            act = QAction(s, menu)
            f = act.font()
            f.setBold(True)
            act.setFont(f)
            act.triggered.connect(lambda _=False, s=s: replace(s))  # type: ignore[operator]
            added.append(act)
        if not suggestions:
            none = QAction("(no suggestions)", menu)
            none.setEnabled(False)
            added.append(none)
        add = QAction("Add to Dictionary", menu)
        add.triggered.connect(lambda: self.add_to_dictionary(word))
        ignore = QAction("Ignore in This Post", menu)
        ignore.triggered.connect(lambda: self.ignore_in_post(word))
        added += [add, ignore]
        menu.insertActions(first, added)  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]

    def _show(self, menu: QMenu, widget: QWidget, pos: QPoint) -> None:
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(widget.mapToGlobal(pos))

    def add_to_dictionary(self, word: str) -> None:
        add_to_list(self.personal_file, word)
        self._personal |= expand({word.replace("’", "'")}) | {word}
        self.check_now()
        self._underline_title()

    def ignore_in_post(self, word: str) -> None:
        """Ignore `word` in the open post, now and after a restart."""
        self._ignored_here().add(word)
        path = self.window.document.path
        if path is not None:  # an unsaved new post: for this session only
            try:
                ignore_word(self.data_dir, self._site.root if self._site else None, path, word)
            except BylineError as exc:
                self.window.status.showMessage(f"Could not remember the ignored word: {exc}", 8000)
        self.check_now()
        self._underline_title()

    def next_misspelling(self) -> None:
        """Select the next misspelt word after the cursor (round to the top at the end)."""
        editor = self.window.markdown.editor
        doc = editor.document()
        here = editor.textCursor()
        key = (here.blockNumber(), here.selectionEnd() - here.block().position())
        marks = []
        for n in sorted(self._by_line):
            block = doc.findBlockByNumber(n)
            marks += [(n, s, ln, block.position()) for s, ln in self._marks(n, block.text())]
        if not marks:
            self.window.status.showMessage("No misspelt words", 3000)
            return
        after = [m for m in marks if (m[0], m[1]) >= key]
        n, start, length, base = (after or marks)[0]
        c = QTextCursor(doc)
        c.setPosition(base + start)
        c.setPosition(base + start + length, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(c)
        editor.setFocus()
