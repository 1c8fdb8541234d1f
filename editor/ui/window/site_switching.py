"""The main window's open site: switching to another, its index (refreshed on a thread of
its own after the first paint) and the post list that follows it.

A mixin of MainWindow (main_window.py), which holds the panes and wires the signals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from editor.core.errors import BylineError
from editor.core.index.site_index import Vocabulary, index_of
from editor.core.render.context import SiteContext
from editor.core.site.site import Site, is_lone_post
from editor.ui.dialogs import prompts
from editor.ui.qt_paths import app_cache_dir
from editor.ui.window import index_jobs, lone_post
from editor.ui.window.document import Document


class SiteSwitching:
    """Which site is open, and keeping the window's view of it fresh."""

    def _set_site(self, site: Site) -> None:
        self.site = site
        self.index = index_of(site)  # its cache in site.cache_dir (Qt's CacheLocation)
        self.vocabulary = Vocabulary()  # until the first refresh
        self.document = Document(site, self)
        self.document.dirtyChanged.connect(self._on_dirty)
        self.document.dirtyChanged.connect(self.safety.on_dirty)
        self.document.fieldsChanged.connect(self._request_preview)
        self._render_site = SiteContext(site.root, site.config)
        self.document.rawChanged.connect(self._on_raw_changed)
        self.document.fieldsChanged.connect(self._idle.start)
        self.document.fieldsChanged.connect(self.safety.autosaver.document_changed)
        self.document.saved.connect(self._on_saved)
        self.document.saved.connect(lambda _path: self.publishing.watch.refresh())
        self.safety.watch_site()
        if self._site_preview is not None:  # another site: its server is not this one's
            self._site_preview.stop()
        self.publishing.set_site(site.root)
        self.post_list.set_site_root(site.root)
        self.post_list.set_entries([])
        self.sitewide.set_site(site)
        self.spelling.set_site(site)
        if not site.lone:  # a lone post is no site to come back to
            self.settings.add_recent_site(str(site.root))
            self.actions.fill_recent(self.settings.get("site/recent"), self.open_site)
        lone_post.apply(self)
        self._start_indexing()

    def _start_indexing(self) -> None:
        if self.site.lone:
            return
        self.status.set_busy("Indexing posts…")
        job = index_jobs.first_refresh(self.site, self.index)
        self.after_preview.run(lambda: self.indexer.submit(job))

    def _on_indexed(self, _ticket: int, result: index_jobs.Indexed) -> None:
        if result.index is self.index:  # else a site that is no longer open
            index_jobs.show(self, result)

    def _on_index_failed(self, _ticket: int, exc: Exception) -> None:
        self.status.set_busy(None)
        self.status.showMessage(f"Could not index the site: {exc}", 10000)

    def _refresh_site(self) -> None:
        """Files were added or removed elsewhere: a quiet incremental refresh (stats only)."""
        if not self.site.lone:
            self.indexer.submit(index_jobs.refresh(self.index))

    def refresh_paths(self, *paths: Path) -> None:
        """Files changed by Byline itself (saved, moved): the list shows them as they are."""
        self._refresh_paths(*paths)

    def _refresh_paths(self, *paths: Path) -> None:
        if not self.site.lone:
            self.indexer.submit(index_jobs.refresh_paths(self.index, paths))

    def _newest_post_file(self) -> Path | None:
        files = sorted(self.site.posts_dir.glob("*.md")) if self.site.posts_dir.is_dir() else []
        return files[-1] if files else None

    def open_site(self, path: str | Path) -> bool:
        if not self.maybe_save():
            return False
        try:
            site = Site.open(path, learn=False, cache_dir=app_cache_dir())
        except BylineError as exc:
            if not is_lone_post(path):
                prompts.show_error(self, "Open Site", str(exc))
                return False
            site = Site.lone_post(path, cache_dir=app_cache_dir())
        self._set_site(site)
        first = self._newest_post_file()
        if first is not None:
            self._load(first)
        else:
            self.new_post(draft=False)
        return True

    def open_path(self, path: str | Path) -> bool:
        """A post file or a site folder handed over by the system (Finder, a file manager)."""
        target = Path(path).resolve()
        if not target.is_file():
            return self.open_site(target)
        if not target.is_relative_to(self.site.root.resolve()) and not self.open_site(target):
            return False
        return self.open_post(target)

    def _choose_site(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Open a Jekyll site", str(self.site.root.parent)
        )
        if folder:
            self.open_site(folder)
