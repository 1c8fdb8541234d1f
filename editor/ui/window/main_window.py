"""The main window: composes the panes and wires them in one place, `_connect_signals()`.

The open site (site_switching.py) and the commands on the post's file (post_commands.py)
are the window's too, in modules of their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QThreadPool, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from editor import __version__
from editor.core.errors import BylineError
from editor.core.site import post_actions
from editor.core.site.post_checks import check_post
from editor.core.site.site import Site
from editor.ui.dialogs import prompts
from editor.ui.form.front_matter_form import FrontMatterForm
from editor.ui.panes.markdown_pane import MarkdownPane
from editor.ui.panes.post_list_pane import PostListPane
from editor.ui.panes.preview_pane import PreviewPane
from editor.ui.panes.status_bar import StatusBar
from editor.ui.publish.publish_wiring import PublishWiring, publish_toolbar
from editor.ui.qt_paths import app_cache_dir, app_data_dir
from editor.ui.safety.safety_wiring import SafetyNet
from editor.ui.settings import Settings
from editor.ui.sitewide.sitewide_wiring import SitewideWiring
from editor.ui.spelling.spell_wiring import SpellWiring
from editor.ui.widgets.after_paint import LATEST_MS, AfterFirstPaint, Deferred
from editor.ui.widgets.tasks import TaskRunner
from editor.ui.window import window_layout
from editor.ui.window.image_wiring import ImageWiring, alt_text_warnings
from editor.ui.window.post_commands import PostCommands
from editor.ui.window.publish_undo import PublishUndo
from editor.ui.window.site_switching import SiteSwitching
from editor.ui.window.window_actions import WindowActions

if TYPE_CHECKING:
    from editor.ui.publish.site_preview import SitePreview

IDLE_MS = 250  # after typing pauses: counts, preview, raw-mode re-parse, warnings


class MainWindow(SiteSwitching, PostCommands, QMainWindow):
    def __init__(
        self,
        site: Site,
        settings: Settings,
        post: Path | None = None,
        *,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.setObjectName("MainWindow")
        self.post_list = PostListPane(self)
        self.form = FrontMatterForm(self)
        self.markdown = MarkdownPane(self)
        self.preview = PreviewPane(self)
        # the window is shown first, then the preview's first render; the index and the
        # spell checker start once that is on screen (or has failed, or after a while)
        self.after_paint = AfterFirstPaint(self)
        self.markdown.highlighter.when_shown = self.after_paint.run
        self.preview.hold()
        self.after_paint.run(self.preview.release)
        self.after_preview = Deferred(self)
        self.preview.rendered.connect(self.after_preview.release)
        self.preview.renderFailed.connect(self.after_preview.release)
        self.after_paint.run(lambda: QTimer.singleShot(LATEST_MS, self.after_preview.release))
        self.status = StatusBar(self)
        self.safety = SafetyNet(self, data_dir or app_data_dir())
        self.images = ImageWiring(self, app_cache_dir())
        self.publishing = PublishWiring(self)
        self._site_preview: SitePreview | None = None  # built when first turned on
        self.setStatusBar(self.status)
        self.actions = WindowActions(self)
        self.actions.build_menus(list(self.markdown.actions_by_name.values()))
        self.publish_undo = PublishUndo(self)
        self.addToolBar(publish_toolbar(self))
        self._build_layout()
        # one index job at a time: the index is not shared between threads
        self.index_pool = QThreadPool(self)
        self.index_pool.setMaxThreadCount(1)
        self.indexer = TaskRunner(self, self.index_pool)
        self.sitewide = SitewideWiring(self, data_dir or app_data_dir())
        self.spelling = SpellWiring(self, data_dir or app_data_dir())
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._ask_on_close = True
        self._connect_signals()
        self._apply_settings()
        self._set_site(site)
        first = post or self._newest_post_file()
        if first is not None:
            self._load(first)
        else:
            self.new_post(draft=False)
        if self.safety.startup_problem:
            self.status.showMessage(self.safety.startup_problem, 15000)
        QTimer.singleShot(0, self.safety.offer_recovery)  # once the window is up

    # --- construction --------------------------------------------------------

    def _build_layout(self) -> None:
        window_layout.build(self)

    def _connect_signals(self) -> None:
        a = self.actions
        a.new_post.triggered.connect(lambda: self.new_post(draft=False))
        a.new_draft.triggered.connect(lambda: self.new_post(draft=True))
        a.open_site.triggered.connect(self._choose_site)
        a.save.triggered.connect(self.save)
        a.revert.triggered.connect(self.revert)
        a.publish.triggered.connect(self.publish_draft)
        a.rename.triggered.connect(self.rename_to_match)
        a.reveal.triggered.connect(self._reveal)
        a.preferences.triggered.connect(self._preferences)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(self._about)
        a.show_list.toggled.connect(self.post_list.setVisible)
        a.show_form.toggled.connect(self.form_scroll.setVisible)
        a.show_preview.toggled.connect(self.preview.setVisible)
        a.go_filter.triggered.connect(lambda: self._focus(self.post_list.filter_edit, a.show_list))
        a.go_form.triggered.connect(lambda: self._focus(self.form.title_edit, a.show_form))
        a.go_editor.triggered.connect(self.markdown.editor.setFocus)
        self.post_list.postActivated.connect(self.open_post)
        self.form.fieldEdited.connect(self.set_field)
        self.form.rawFieldEdited.connect(self._on_raw_field_edited)
        self.form.fieldRemoved.connect(lambda key: self.set_field(key, None))
        img = self.images
        self.form.imageStaged.connect(img.on_header_staged)
        self.form.imageRemoved.connect(img.on_header_removed)
        self.form.image.errorOccurred.connect(img.on_error)
        self.form.image.set_staged_lookup(lambda rel: self.document.images.get(rel))
        self.markdown.imageDropped.connect(img.on_mime_dropped)
        img.inline.imageReady.connect(img.on_inline_ready)
        img.inline.errorOccurred.connect(img.on_error)
        # once on screen: asking for the viewport has PySide6 set up its QWidget classes
        self.after_paint.run(lambda: img.accept_header_drops_on(self.preview.browser.viewport()))
        self.form.fillExcerptRequested.connect(self._fill_excerpt)
        self.form.renameRequested.connect(self.rename_to_match)
        self.form.errorLineClicked.connect(self.markdown.go_to_line)
        self.form.errorLineClicked.connect(lambda _line: self.markdown.editor.setFocus())
        self.markdown.textEdited.connect(self._idle.start)
        self.markdown.textEdited.connect(self.safety.autosaver.document_changed)
        self.markdown.textEdited.connect(self._request_preview)  # the pane debounces it
        self.markdown.cursorLineChanged.connect(self.preview.scroll_to_source_line)
        self.markdown.topLineChanged.connect(self.preview.scroll_to_source_line)
        self.preview.sourceLineVisible.connect(self.markdown.scroll_to_line)
        self.markdown.modificationChanged.connect(self._on_body_modified)
        self._idle.timeout.connect(self._on_idle)
        self.indexer.finished.connect(self._on_indexed)
        self.indexer.failed.connect(self._on_index_failed)
        safety = self.safety
        a.history.triggered.connect(safety.show_history)
        safety.autosaver.failed.connect(
            lambda exc: self.status.showMessage(f"Autosave failed: {exc}", 10000)
        )
        safety.guard.reloadNeeded.connect(safety.show_loaded)
        safety.guard.failed.connect(lambda exc: prompts.show_error(self, "Reload", str(exc)))
        safety.watch.postFolderChanged.connect(self._refresh_site)
        safety.watch.postChangedOnDisk.connect(self._refresh_paths)
        safety.watch.postRemovedOnDisk.connect(self._refresh_paths)
        git = self.publishing
        a.publish_site.triggered.connect(git.publish)
        a.sync.triggered.connect(git.sync)
        a.preview_site.toggled.connect(self._preview_on_site)
        for changed in (safety.watch.postFolderChanged, safety.watch.postChangedOnDisk,
                        safety.watch.postRemovedOnDisk):  # fmt: skip
            changed.connect(lambda *_: git.watch.refresh())
        self.sitewide.connect_signals()  # Find in all posts, outline, terms, goals
        self.spelling.connect_signals()  # underlines, suggestions, F7

    @property
    def site_preview(self) -> SitePreview:
        """Preview on the Site: its server and panel, built when first asked for."""
        if self._site_preview is None:
            from editor.ui.publish.site_preview import SitePreview

            self._site_preview = SitePreview(self, app_cache_dir())
        return self._site_preview

    def _preview_on_site(self, on: bool) -> None:
        if on or self._site_preview is not None:
            self.site_preview.set_enabled(on)

    def _apply_settings(self) -> None:
        window_layout.apply_settings(self)
        self.actions.fill_recent(self.settings.get("site/recent"), self.open_site)

    def _save_settings(self) -> None:
        window_layout.save_settings(self)

    # --- opening and creating posts ------------------------------------------

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; False means stop."""
        if not self.document.dirty:
            return True
        choice = prompts.ask_unsaved(self, self.document.title())
        if choice is prompts.Choice.SAVE:
            return self.save()
        if choice is prompts.Choice.DISCARD:
            self.markdown.set_modified(False)
            self.document.discard_changes()
            return True
        return False

    def open_post(self, path: Path) -> bool:
        if path == self.document.path:
            return True
        if not self.maybe_save():
            self.post_list.select_path(self.document.path)
            return False
        return self._load(path)

    def _load(self, path: Path) -> bool:
        try:
            self.document.load(path)
        except BylineError as exc:
            prompts.show_error(self, "Open", exc.message)
            return False
        self._show_document()
        self.safety.on_opened()
        return True

    def reload_from_disk(self, path: Path) -> bool:
        """The file changed elsewhere and there is nothing unsaved: show it as it is now."""
        if not self._load(path):
            return False
        self._refresh_paths(path)
        return True

    def set_text_as_unsaved_change(self, text: str, cursor: int | None = None) -> None:
        """A whole post's text (restored from the journal or history) to be saved later."""
        self.document.restore_text(text)
        self._show_document()
        self.markdown.set_modified(True)
        if cursor is not None:
            c = self.markdown.editor.textCursor()
            c.setPosition(max(0, min(cursor, len(self.markdown.text()))))
            self.markdown.editor.setTextCursor(c)
        self.safety.autosaver.document_changed()

    def new_post(self, *, draft: bool) -> bool:
        if not self.maybe_save():
            return False
        v = self.vocabulary  # from the last refresh: the index may be busy in its thread
        layout = next((k for k, n in v.layouts.most_common() if n), "post")
        author = self.site.config.default_value("author", "_posts/new.md") or next(
            (k for k, n in v.authors.most_common() if n), next(iter(self.site.config.authors), "")
        )
        self.document.new(draft=draft, layout=str(layout), author=str(author))
        self._show_document()
        self.safety.on_opened()
        self.form.title_edit.setFocus()
        return True

    def _show_document(self) -> None:
        doc = self.document
        self.markdown.set_text(doc.body_text())
        self.markdown.editor.setReadOnly(doc.read_only)
        if doc.post is not None:
            self.form.set_post(doc.post, self.site.zone, self.site.root)
        else:
            self.form.set_raw_error(doc.error)
        self.post_list.select_path(doc.path)
        self.actions.publish.setEnabled(doc.draft and doc.path is not None)
        self.actions.history.setEnabled(doc.path is not None)
        self._update_title()
        self._request_preview()
        # the counts and warnings (a 20,000-word post: ~5 ms) wait for the first paint at
        # start-up; later they are worked out at once
        self.after_paint.run(lambda: self.sitewide.document_shown(self._on_idle()))
        self.spelling.document_shown()

    # --- editing -------------------------------------------------------------

    def _focus(self, widget: QWidget, shown_by: QAction) -> None:
        shown_by.setChecked(True)
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def set_field(self, key: str, value: object) -> None:
        try:
            self.document.set_field(key, value)
        except BylineError as exc:
            self.status.showMessage(str(exc), 8000)
        if key == "title":
            self._update_title()

    def _on_raw_field_edited(self, key: str, text: str) -> None:
        try:
            self.document.set_raw_field(key, text)
        except BylineError as exc:
            self.status.showMessage(f"{key}: {exc.message}", 8000)

    def _fill_excerpt(self) -> None:
        self.sync_body()
        self.form.set_excerpt(post_actions.first_paragraph(self.document.body_text()))

    def _on_body_modified(self, modified: bool) -> None:
        self.document.set_body_dirty(modified)

    def sync_body(self) -> None:
        self.document.set_body(self.markdown.text())

    def _request_preview(self) -> None:
        """Hand the current text and fields to the preview; it renders off the GUI thread."""
        doc = self.document
        fields = dict(doc.post.values) if doc.post is not None and not doc.raw else {}
        site = self.images.render_site(self._render_site)  # + staged images
        text = self.markdown.text()
        if doc.raw and doc.error is not None:  # the body alone, the error above it
            from editor.core.render.header import FRONT_MATTER_ERROR, broken_post_body

            text, fields = broken_post_body(text), {FRONT_MATTER_ERROR: doc.error.message}
        self.preview.request_render(text, fields, site)

    def _on_idle(self) -> int | None:
        """Off the typing path: counts, preview, warnings, and leaving raw mode when fixed;
        the words counted (None when the post left raw mode and was shown again)."""
        doc = self.document
        text = self.markdown.text()
        if doc.raw:
            if doc.try_leave_raw(text):
                return None
            self.form.set_raw_error(doc.error)
            self.markdown.mark_error_line(doc.error.line if doc.error else None)
        else:
            doc.set_body(text)
        words = post_actions.word_count(doc.post.body if doc.post else text)
        self.status.set_counts(words)
        if doc.post is not None:
            warnings = check_post(self.site, doc.post, doc.path, staged=doc.images)
            self.form.set_warnings(warnings + alt_text_warnings(doc.post.body))
        return words

    def _on_raw_changed(self, raw: bool) -> None:
        doc = self.document
        if raw or doc.post is None:
            return
        # the YAML is fixed: the form comes back and the pane shows only the body again
        line = self.markdown.editor.textCursor().blockNumber()
        fm_lines = doc.post.to_text().count("\n") - doc.post.body_for_editing().count("\n")
        self.markdown.set_text(doc.body_text())
        self.markdown.set_modified(True)
        self.markdown.go_to_line(max(1, line - fm_lines + 1))
        self.form.set_post(doc.post, self.site.zone, self.site.root)
        self._update_title()
        self._on_idle()
        self._request_preview()

    def _on_dirty(self, dirty: bool) -> None:
        self._update_title()

    def _update_title(self) -> None:
        doc = self.document
        site_name = self.site.config.title or self.site.root.name
        self.setWindowTitle(f"{doc.title()}[*] — {site_name} — Byline")
        self.setWindowModified(doc.dirty)
        self.status.set_saved(doc.dirty, doc.raw, new=doc.is_new)
        if doc.path is None:
            # the saved state says "New, not saved yet": here, where the file will go
            self.status.set_path(f"{site_name}: named from the title when first saved", "")
        else:
            try:
                shown = doc.path.relative_to(self.site.root).as_posix()
            except ValueError:
                shown = str(doc.path)
            self.status.set_path(f"{site_name}: {shown}", str(doc.path))

    def _preferences(self) -> None:
        from editor.ui.dialogs.preferences import PreferencesDialog

        if PreferencesDialog(self.settings, self).exec():
            self._apply_settings()

    def _about(self) -> None:
        QMessageBox.about(self, "About Byline", f"<b>Byline {__version__}</b><br>"
                          "A desktop editor for the posts of a Jekyll blog.")  # fmt: skip

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.safety.autosaver.flush()  # focus lost: the journal catches up now
        super().changeEvent(event)

    def close_keeping_changes(self) -> None:
        """Close without asking (the system is ending the app): unsaved changes stay in the
        journal, and the next start offers them back."""
        self._ask_on_close = False
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.safety.before_quit()
        if self._ask_on_close and not self.maybe_save():
            event.ignore()
            return
        self._save_settings()
        self.after_paint.cancel()
        self.after_preview.cancel()
        self.indexer.wait()
        self.sitewide.close()
        self.spelling.close()
        self.index.save_cache()
        self.safety.close()
        self.preview.shutdown()
        if self._site_preview is not None:
            self._site_preview.stop()
        self.publishing.watch.wait()
        self.images.close()
        event.accept()

    def wait_for_index(self, msecs: int = 10000) -> bool:
        """Tests: let the background index finish (its result still arrives by signal)."""
        return self.indexer.wait(msecs)

    def focus_widget_name(self) -> QWidget | None:
        return self.focusWidget()
