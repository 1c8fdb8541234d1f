"""The main window's menus and their actions (standard shortcuts), built in one place."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from editor.ui.widgets.icons import set_icon

SK = QKeySequence.StandardKey


class WindowActions:
    """Creates every menu action; main_window connects them in `_connect_signals()`."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window

        def act(text: str, shortcut: QKeySequence.StandardKey | str | None = None,
                icon_name: str | None = None, checkable: bool = False) -> QAction:  # fmt: skip
            a = QAction(text, window)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            if icon_name:
                set_icon(a, icon_name)
            a.setCheckable(checkable)
            # a menu shows a checkable item's state as a check mark, as for its neighbours;
            # its icon is for toolbars
            a.setIconVisibleInMenu(not checkable)
            return a

        self.new_post = act("&New Post", SK.New, "new")
        self.new_draft = act("New &Draft", "Ctrl+Shift+N", "draft")
        self.open_site = act("&Open Site…", SK.Open, "folder")
        self.recent_menu = QMenu("Open &Recent", window)
        self.save = act("&Save", SK.Save, "save")
        self.revert = act("Re&vert")
        self.history = act("&History…", "Ctrl+Shift+H")
        self.publish = act("&Publish Draft", "Ctrl+Shift+P", "publish")
        self.undo_publish = act("Undo Publ&ish")
        self.publish_site = act("P&ublish…", "Ctrl+Alt+P", "publish")
        self.sync = act("S&ync", None, "sync")
        self.preview_site = act("Preview on the &Site", None, "site", checkable=True)
        self.rename = act("Rena&me to Match Title and Date")
        self.reveal = act("Reveal in &File Manager")
        self.preferences = act("Pre&ferences…", SK.Preferences)
        if self.preferences.shortcut().isEmpty():
            self.preferences.setShortcut(QKeySequence("Ctrl+,"))
        self.quit = act("&Quit", SK.Quit)
        self.about = act("&About Byline")
        self.show_list = act("&Post List", "Ctrl+Shift+L", checkable=True)
        self.show_form = act("&Front Matter Form", "Ctrl+Shift+M", checkable=True)
        self.show_preview = act("Pre&view", "Ctrl+Shift+V", "preview", checkable=True)
        self.go_filter = act("Go to Post &Filter", "Ctrl+L")
        self.go_form = act("Go to &Title", "Ctrl+Shift+T")
        self.go_editor = act("Go to &Editor", "Ctrl+E")
        # the whole blog (editor/ui/sitewide)
        self.find_all = act("Find in &All Posts…", "Ctrl+Shift+F")
        self.manage_terms = act("&Tags, Categories and Authors…")
        self.word_goal = act("&Word Goal…")
        self.undo_replace = act("&Undo Replace in All Posts")
        self.undo_replace.setEnabled(False)
        self.show_outline = act("&Outline", "Ctrl+Shift+O", checkable=True)
        self.check_spelling = act("Check &Spelling", None, checkable=True)
        self.next_misspelling = act("Next &Misspelling", "F7")

    def build_menus(self, edit_actions: list[QAction]) -> None:
        bar = self.window.menuBar()
        file = bar.addMenu("&File")
        for a in (self.new_post, self.new_draft, None, self.open_site):
            file.addSeparator() if a is None else file.addAction(a)
        file.addMenu(self.recent_menu)
        file.addSeparator()
        for a in (
            self.save,
            self.revert,
            self.history,
            None,
            self.publish,
            self.undo_publish,
            self.rename,
            self.reveal,
            None,
            self.publish_site,
            self.sync,
            None,
            self.quit,
        ):
            file.addSeparator() if a is None else file.addAction(a)
        file.setToolTipsVisible(True)  # a greyed Publish… says why
        edit = bar.addMenu("&Edit")
        for a in edit_actions:
            edit.addAction(a)
        edit.addSeparator()
        for a in (self.find_all, self.undo_replace, self.manage_terms, self.word_goal):
            edit.addAction(a)
        edit.addAction(self.next_misspelling)
        edit.addSeparator()
        edit.addAction(self.preferences)
        view = bar.addMenu("&View")
        for a in (self.show_list, self.show_form, self.show_preview, self.show_outline):
            view.addAction(a)
        view.addAction(self.preview_site)
        view.addAction(self.check_spelling)
        view.addSeparator()
        for a in (self.go_filter, self.go_form, self.go_editor):
            view.addAction(a)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about)

    def fill_recent(self, paths: list[str], open_fn: object) -> None:
        self.recent_menu.clear()
        for path in paths:
            a = self.recent_menu.addAction(path)
            a.triggered.connect(lambda _=False, p=path: open_fn(p))  # type: ignore[operator]
        self.recent_menu.setEnabled(bool(paths))
