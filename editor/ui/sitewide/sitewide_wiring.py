"""The window's whole-blog tools: Find in all posts and the Outline (side panels), the tags,
categories and authors manager, and the word goal with the words written today."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QInputDialog, QLabel, QMessageBox

from editor.core.site.post_actions import word_count
from editor.core.site.site import Site
from editor.core.writing.goals import Goals
from editor.ui.widgets.tasks import TaskRunner
from editor.ui.window import index_jobs

# The panels, the search index and the tags manager are built (and their modules
# imported) when first used: a window starts with them hidden, and building them before
# its first paint would only make it appear later.
if TYPE_CHECKING:
    from editor.core.index.site_index import SiteIndex
    from editor.core.terms.rename import Applied, Plan
    from editor.ui.sitewide.find_panel import FindPanel
    from editor.ui.sitewide.outline_pane import OutlinePane
    from editor.ui.sitewide.replace_wiring import ReplaceWiring
    from editor.ui.sitewide.search_wiring import SearchWiring
    from editor.ui.sitewide.terms_dialog import TermsDialog
    from editor.ui.window.index_jobs import Indexed
    from editor.ui.window.main_window import MainWindow

OUTLINE_PAUSE_MS = 300  # the outline follows the typing once it pauses
COUNT_PAUSE_MS = 1000  # and so do today's words


def _dock(window: MainWindow, title: str, name: str, widget: object) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)  # type: ignore[arg-type]
    dock.setAllowedAreas(
        Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
    )
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    dock.hide()
    return dock


class SitewideWiring(QObject):
    def __init__(self, window: MainWindow, data_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = data_dir
        self._find: FindPanel | None = None
        self._find_dock: QDockWidget | None = None
        self._outline: OutlinePane | None = None
        self._outline_dock: QDockWidget | None = None
        self._search: SearchWiring | None = None
        self._replacing: ReplaceWiring | None = None
        self._site: Site | None = None
        self.terms: TermsDialog | None = None
        # plans and applies use the site index: they run on the index's own thread
        self.index_work = TaskRunner(self, window.index_pool)
        self.index_work.finished.connect(self._on_index_work)
        self.index_work.failed.connect(self._on_index_failed)
        self._index_handlers: dict[int, object] = {}
        self.goals: Goals | None = None
        self.goal_label = QLabel(window.status)
        self.goal_label.setAccessibleName("Word goal and words written today")
        self.goal_label.setTextFormat(Qt.TextFormat.RichText)
        self.goal_label.linkActivated.connect(lambda _: self.ask_goal())
        window.status.addPermanentWidget(self.goal_label)
        self._outline_timer = QTimer(self)
        self._outline_timer.setSingleShot(True)
        self._outline_timer.setInterval(OUTLINE_PAUSE_MS)
        self._outline_timer.timeout.connect(self.update_outline)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_PAUSE_MS)
        self._count_timer.timeout.connect(self.update_count)

    def connect_signals(self) -> None:
        """Called from the window's `_connect_signals()`."""
        w = self.window
        a = w.actions
        a.find_all.triggered.connect(self.show_find)
        a.manage_terms.triggered.connect(self.show_terms)
        a.word_goal.triggered.connect(self.ask_goal)
        a.undo_replace.triggered.connect(lambda: self.replacing.undo())
        a.show_outline.toggled.connect(self._show_outline)
        w.indexer.finished.connect(self._on_indexed)
        w.markdown.textEdited.connect(self._outline_timer.start)
        w.markdown.textEdited.connect(self._count_timer.start)

    # --- the parts built on first use ------------------------------------------------

    @property
    def find(self) -> FindPanel:
        if self._find is None:
            from editor.ui.sitewide.find_panel import FindPanel

            self._find = FindPanel(self.window)
            self._find_dock = _dock(self.window, "Find in All Posts", "FindDock", self._find)
            self._find.replaceRequested.connect(lambda *args: self.replacing.plan(*args))
            self._find.queryChanged.connect(lambda text: self.search.query(text))
            self._find.hitActivated.connect(lambda hit: self.search.open_hit(hit))
        return self._find

    @property
    def find_dock(self) -> QDockWidget:
        self.find  # noqa: B018 (builds the panel and its dock)
        assert self._find_dock is not None
        return self._find_dock

    @property
    def search(self) -> SearchWiring:
        """The search index's wiring: from the first index refresh on, so that Find in all
        posts answers at once when first opened."""
        if self._search is None:
            from editor.ui.sitewide.search_wiring import SearchWiring

            self._search = SearchWiring(self.window, lambda: self._find)
            if self._site is not None:
                self._search.set_site(self._site)
        return self._search

    @property
    def replacing(self) -> ReplaceWiring:
        if self._replacing is None:
            from editor.ui.sitewide.replace_wiring import ReplaceWiring

            self._replacing = ReplaceWiring(self)
        return self._replacing

    @property
    def outline(self) -> OutlinePane:
        if self._outline is None:
            from editor.ui.sitewide.outline_pane import OutlinePane

            self._outline = OutlinePane(self.window)
            self._outline_dock = dock = _dock(self.window, "Outline", "OutlineDock", self._outline)
            shown = self.window.actions.show_outline
            dock.visibilityChanged.connect(lambda on: dock.isHidden() == on or shown.setChecked(on))
            self._outline.headingClicked.connect(self._go_to_heading)
            self.window.markdown.cursorLineChanged.connect(self._outline.set_current_line)
        return self._outline

    @property
    def outline_dock(self) -> QDockWidget:
        self.outline  # noqa: B018 (builds the pane and its dock)
        assert self._outline_dock is not None
        return self._outline_dock

    def _show_outline(self, shown: bool) -> None:
        if not shown and self._outline is None:
            return  # never shown: nothing to hide
        self.outline_dock.setVisible(shown)
        if shown:
            self.update_outline()
            line = self.window.markdown.editor.textCursor().blockNumber() + 1
            self.outline.set_current_line(line)

    # --- the site and the open post ------------------------------------------------

    def set_site(self, site: Site) -> None:
        self._site = site
        if self._search is not None:
            self._search.set_site(site)
        if self.goals is not None:
            self.goals.save()
        self.goals = Goals(self.data_dir, site.root)

    def _on_indexed(self, _ticket: int, result: Indexed) -> None:
        self.search.on_indexed(result)
        if self.terms is not None and self.terms.isVisible():
            self.terms.set_vocabulary(result.vocabulary)

    def document_shown(self, words: int | None = None) -> None:
        self.update_outline()
        self.update_count(words)

    def update_outline(self) -> None:
        """The outline of the text now, when the Outline is shown (else when it is)."""
        if self._outline_dock is None or self._outline_dock.isHidden():
            return
        from editor.core.writing.outline import outline

        self.outline.set_headings(outline(self.window.markdown.text()))

    def moved(self, old: Path, new: Path) -> None:
        """A post published or renamed keeps its goal and today's words."""
        if self.goals is not None:
            self.goals.moved(old, new)
            self.goals.save()

    def _go_to_heading(self, line: int) -> None:
        markdown = self.window.markdown
        markdown.go_to_line(line)
        markdown.editor.setFocus()

    def update_count(self, words: int | None = None) -> None:
        """`words`: the post's count when the caller has just made it (a long post takes
        milliseconds to count)."""
        goals = self.goals
        doc = self.window.document
        if goals is None:
            return
        if words is None:
            words = word_count(self.window.markdown.text())
        today = goals.count(doc.path, words)
        goals.save()
        goal = goals.goal(doc.path)
        parts = [f"{today:,} written today"]
        if goal:
            parts.insert(0, f"{words:,} / {goal:,} words ({min(100, words * 100 // goal)}%)")
        link = "change goal" if goal else "set a goal"
        if doc.path is None:
            link = ""
        self.goal_label.setText(
            " · ".join(parts) + (f' · <a href="goal">{link}</a>' if link else "")
        )

    def ask_goal(self) -> None:
        goals, doc = self.goals, self.window.document
        if goals is None or doc.path is None:
            self.window.status.showMessage(
                "Save the post first: its goal is kept by its file", 5000
            )
            return
        current = goals.goal(doc.path) or 1000
        words, ok = QInputDialog.getInt(
            self.window,
            "Word Goal",
            "Words to write for this post (0: no goal):",
            current,
            0,
            1_000_000,
            100,
        )
        if ok:
            goals.set_goal(doc.path, words or None)
            self.update_count()

    # --- Find in all posts -----------------------------------------------------------

    def show_find(self) -> None:
        self.search  # noqa: B018 (reading the posts starts now if no index refresh did it)
        self.find_dock.show()
        self.find_dock.raise_()
        self.find.focus_query()

    # --- tags, categories and authors ------------------------------------------------

    def show_terms(self) -> None:
        if self.terms is None:
            from editor.ui.sitewide.terms_dialog import TermsDialog

            self.terms = TermsDialog(self.window)
            self.terms.changeRequested.connect(self.plan_change)
        self.terms.set_vocabulary(self.window.vocabulary)
        self.terms.show()
        self.terms.raise_()

    def plan_change(self, kind: str, olds: list[str], new: str | None) -> None:
        from editor.core.terms.rename import plan_rename

        index: SiteIndex = self.window.index
        what = "Deleting" if new is None else "Preparing"
        self.window.status.set_busy(f"{what} {kind} {', '.join(olds)}…")
        self._run_on_index(lambda: plan_rename(index, kind, olds, new), self._show_plan)  # type: ignore[arg-type]

    def _show_plan(self, plan: Plan) -> None:
        w = self.window
        w.status.set_busy(None)
        verb = "Delete" if plan.new is None else "Rename" if len(plan.olds) == 1 else "Merge"
        target = "" if plan.new is None else f" → {plan.new}"
        problems = [f"{rel}: {why} (left as it is)" for rel, why in plan.problems]
        if not plan.changes:
            QMessageBox.information(
                w,
                verb,
                "No post needs changing." + ("\n" + "\n".join(problems) if problems else ""),
            )
            return
        summary = (
            f"{verb} the {plan.kind} {', '.join(plan.olds)}{target} in {len(plan.changes)} "
            f"post{'s' if len(plan.changes) != 1 else ''}. Only the {plan.kind} lines change; "
            "untick a post to leave it as it is."
        )
        rows = [(c.rel_path, c.rel_path, c.diff()) for c in plan.changes]
        from editor.ui.sitewide.plan_dialog import PlanDialog

        dialog = PlanDialog(f"{verb} {plan.kind}", summary, rows, problems, self.terms or w)
        dialog.setObjectName("TermsPlanDialog")
        if not dialog.exec():
            return
        skip = set(dialog.skipped())
        doc = w.document
        open_change = next((c for c in plan.changes if c.path == doc.path), None)
        if open_change is not None and doc.dirty and open_change.rel_path not in skip:
            # the open post has unsaved edits: the change goes into the editor, not the file
            skip.add(open_change.rel_path)
            for key in open_change.keys:
                w.set_field(key, open_change.post.get(key))
            w.form.set_post(doc.post, w.site.zone, w.site.root) if doc.post is not None else None
            w.status.showMessage(f"{doc.title()}: changed in the editor (unsaved)", 8000)
        from editor.core.terms.rename import apply_plan

        history = w.safety.history
        root = w.site.root
        w.status.set_busy(f"Saving {len(plan.changes) - len(skip)} posts…")
        self._run_on_index(
            lambda: apply_plan(plan, root, history=history, skip=skip), self._applied
        )

    def _applied(self, applied: Applied) -> None:
        self.changed_on_disk([c.path for c in applied.done], applied.failed, "Changed")

    def changed_on_disk(self, paths: list[Path], failed: list[tuple[str, str]], verb: str) -> None:
        """After posts were written: the index re-reads them, the open one (if untouched)
        is shown as it is now, and the author is told what was done and what was not."""
        w = self.window
        w.status.set_busy(None)
        if paths:
            w.indexer.submit(index_jobs.refresh_paths(w.index, paths))
        doc = w.document
        if doc.path in paths and not doc.dirty:
            w.reload_from_disk(doc.path)
        message = f"{verb} {len(paths)} post{'s' if len(paths) != 1 else ''}"
        if failed:
            lines = "\n".join(f"{rel}: {why}" for rel, why in failed)
            QMessageBox.warning(w, "Not every post was changed",
                                f"{message}; these were left as they were:\n\n{lines}")  # fmt: skip
        else:
            w.status.showMessage(message, 6000)

    def run_on_index(self, work: object, done: object) -> None:
        """`work()` on the site index's thread (it may use the index); `done(result)` here."""
        self._run_on_index(work, done)

    def _run_on_index(self, work: object, done: object) -> None:
        ticket = self.index_work.submit(work)  # type: ignore[arg-type]
        self._index_handlers[ticket] = done

    def _on_index_work(self, ticket: int, result: object) -> None:
        handler = self._index_handlers.pop(ticket, None)
        if handler is not None:
            handler(result)  # type: ignore[operator]

    def _on_index_failed(self, ticket: int, exc: Exception) -> None:
        self._index_handlers.pop(ticket, None)
        self.window.status.set_busy(None)
        QMessageBox.warning(self.window, "Nothing was changed", str(exc))

    def close(self) -> None:
        if self.goals is not None:
            self.goals.save()
        if self._search is not None:
            self._search.close()
