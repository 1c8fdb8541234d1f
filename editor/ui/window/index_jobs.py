"""Site index work for the window's one index thread, handed back as a snapshot.

The index is not thread-safe, so the GUI thread never reads it while a job may run:
each job refreshes it and copies out what the window shows (entries, vocabulary).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.core.images.inline_images import InlineForm, learn_site_inline_form
from editor.core.index.site_index import IndexDelta, PostEntry, SiteIndex, Vocabulary
from editor.core.post.house_style import HouseStyle
from editor.core.site.site import Site

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


@dataclass
class Indexed:
    """What one refresh changed and what the window shows from it."""

    index: SiteIndex
    delta: IndexDelta
    entries: list[PostEntry]  # every post, newest first
    changed: list[PostEntry]  # the entries of `delta.changed`
    vocabulary: Vocabulary
    style: HouseStyle | None = None  # learned on the first refresh only
    inline_form: InlineForm | None = None


def _snapshot(index: SiteIndex, delta: IndexDelta) -> Indexed:
    changed = [e for e in (index.entry(p) for p in delta.changed) if e is not None]
    return Indexed(index, delta, index.entries(), changed, index.vocabulary)


def first_refresh(site: Site, index: SiteIndex) -> Callable[[], Indexed]:
    """The full refresh at opening: also learns the house style and the inline image form."""

    def job() -> Indexed:
        result = _snapshot(index, index.refresh())
        result.style = index.learned_style()
        result.inline_form = learn_site_inline_form(site)
        return result

    return job


def refresh(index: SiteIndex) -> Callable[[], Indexed]:
    """An incremental refresh (files added or removed elsewhere): stats, re-reads changes."""
    return lambda: _snapshot(index, index.refresh())


def refresh_paths(index: SiteIndex, paths: Iterable[Path]) -> Callable[[], Indexed]:
    """Re-read these files only (a save, a rename, a change seen on disk)."""
    wanted = list(paths)
    return lambda: _snapshot(index, index.refresh_paths(wanted))


def show(window: MainWindow, result: Indexed) -> None:
    """On the GUI thread: the list, the form's vocabulary and the learned forms follow."""
    if result.style is not None:
        window.site.style = result.style
    if result.inline_form is not None:
        window.images.set_inline_form(result.inline_form)
    window.vocabulary = v = result.vocabulary
    window.status.set_busy(None)
    delta = result.delta
    if window.post_list.path_count() and not delta.added and not delta.removed:
        # a save: update those rows only (rebuilding 10,000 rows would stall the window)
        for entry in result.changed:
            window.post_list.update_entry(entry)
    else:
        window.post_list.set_entries(result.entries)
    window.post_list.select_path(window.document.path)
    window.form.set_vocabulary(
        v.layouts, v.authors, window.site.config.authors, v.categories, v.tags
    )
