"""Replace in all posts from the Find panel: a preview of every occurrence, then the apply,
and one Undo Replace for all the posts it changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from editor.core.errors import BylineError
from editor.core.search.replace import (
    ReplacePlan,
    ReplaceResult,
    Undo,
    apply_replace,
    pattern_for,
    plan_replace,
    undo_replace,
)
from editor.ui.sitewide.plan_dialog import PlanDialog

if TYPE_CHECKING:
    from editor.ui.sitewide.sitewide_wiring import SitewideWiring

_SEP = "\0"


class ReplaceWiring(QObject):
    def __init__(self, sitewide: SitewideWiring) -> None:
        super().__init__(sitewide)
        self.sitewide = sitewide
        self.window = sitewide.window
        self.last: list[Undo] = []

    def plan(
        self, find: str, replacement: str, match_case: bool, whole: bool, fields: bool
    ) -> None:
        try:
            pattern_for(find)
        except BylineError as exc:
            self.window.status.showMessage(exc.message, 5000)
            return
        index = self.window.index
        chosen = ("title", "excerpt") if fields else ()
        self.window.status.set_busy(f"Looking for “{find}” in every post…")
        self.sitewide.run_on_index(
            lambda: plan_replace(
                index, find, replacement, match_case=match_case, whole_words=whole, fields=chosen
            ),
            self._preview,
        )

    def _preview(self, plan: ReplacePlan) -> None:
        w = self.window
        w.status.set_busy(None)
        problems = [f"{rel}: {why} (left as it is)" for rel, why in plan.problems]
        if not plan.posts:
            QMessageBox.information(w, "Replace", f"“{plan.find}” is in no post.")
            return
        rows = []
        for item in plan.posts:
            for o in item.occurrences:
                where = "" if o.where == "body" else f" ({o.where})"
                label = f"{item.rel_path}:{o.line}{where}: {o.before.strip()[:70]}"
                rows.append(
                    (f"{item.rel_path}{_SEP}{o.number}", label, f"- {o.before}\n+ {o.after}\n")
                )
        summary = (
            f"Replace “{plan.find}” with “{plan.replacement}”: {plan.count} occurrences in "
            f"{len(plan.posts)} posts. Untick any to leave it; each post is saved on its own, "
            "its old version kept in the history (Edit › Undo Replace puts them all back)."
        )
        dialog = PlanDialog("Replace in All Posts", summary, rows, problems, w)
        dialog.setObjectName("ReplacePlanDialog")
        if not dialog.exec():
            return
        skipped = dialog.skipped()
        keep: dict[str, set[int]] = {}
        for item in plan.posts:
            keep[item.rel_path] = {
                o.number
                for o in item.occurrences
                if f"{item.rel_path}{_SEP}{o.number}" not in skipped
            }
        skip = self._into_open_post(plan, keep)
        history = w.safety.history
        root = w.site.root
        w.status.set_busy("Replacing…")
        self.sitewide.run_on_index(
            lambda: apply_replace(plan, root, history=history, keep=keep, skip=skip), self._applied
        )

    def _into_open_post(self, plan: ReplacePlan, keep: dict[str, set[int]]) -> set[str]:
        """The open post with unsaved edits: the replacement goes into the editor (one undoable
        edit), not onto the disk, so neither the edits nor the replacement is lost."""
        w = self.window
        doc = w.document
        item = next((p for p in plan.posts if p.path == doc.path), None)
        if item is None or not doc.dirty or not keep.get(item.rel_path):
            return set()
        editor = w.markdown.editor
        text = w.markdown.text()
        replaced, count = plan.pattern.subn(plan.replacement.replace("\\", "\\\\"), text)
        if count:
            cursor = editor.textCursor()
            cursor.beginEditBlock()
            cursor.select(cursor.SelectionType.Document)
            cursor.insertText(replaced)
            cursor.endEditBlock()
        w.status.showMessage(f"{doc.title()}: {count} replaced in the editor (not saved yet)", 8000)
        return {item.rel_path}

    def _applied(self, result: ReplaceResult) -> None:
        w = self.window
        w.status.set_busy(None)
        self.last = list(result.done)
        w.actions.undo_replace.setEnabled(bool(self.last))
        self._after(result, "Replaced in")

    def undo(self) -> None:
        if not self.last:
            return
        done, self.last = self.last, []
        self.window.actions.undo_replace.setEnabled(False)
        history = self.window.safety.history
        root = self.window.site.root
        self.window.status.set_busy("Putting the posts back…")
        self.sitewide.run_on_index(
            lambda: undo_replace(done, root, history=history),
            lambda result: self._after(result, "Put back"),
        )

    def _after(self, result: ReplaceResult, verb: str) -> None:
        self.sitewide.changed_on_disk([u.path for u in result.done], result.failed, verb)
