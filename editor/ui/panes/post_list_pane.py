"""The post list: drafts, then posts newest first, with thumbnails, badges and a filter box."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QImageReader,
    QPainter,
    QPalette,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor.core.index.site_index import PostEntry
from editor.ui.widgets.icons import icon

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
THUMB = QSize(64, 36)
ROW_HEIGHT = 46


# a post's state with git: the word shown and its colour (published is quiet: most posts are)
GIT_BADGES = {
    "new": ("new", "#2e7d32"),
    "changed": ("changed", "#ef6c00"),
    "committed": ("not pushed", "#1565c0"),
    "published": ("published", None),
    "conflict": ("conflict", "#c62828"),
}


def _paint_git_badge(painter: QPainter, line: QRect, state: str, palette: QPalette) -> int:
    """A small pill at the right end of `line`; returns the width it took."""
    word, colour = GIT_BADGES.get(state, (state, None))
    painter.save()
    badge_font = painter.font()
    badge_font.setPointSizeF(max(6.0, badge_font.pointSizeF() * 0.72))
    painter.setFont(badge_font)
    metrics = painter.fontMetrics()
    w = metrics.horizontalAdvance(word) + 8
    h = metrics.height()
    badge = QRect(line.right() - w, line.top() + (line.height() - h) // 2, w, h)
    if colour is None:
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(badge.adjusted(0, 0, -1, -1), 3, 3)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(badge, 3, 3)
        painter.setPen(QColor("white"))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, word)
    painter.restore()
    return w


class _Delegate(QStyledItemDelegate):
    """Paints one post: thumbnail, title, date and author, draft badge, warning sign."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.site_root: Path | None = None
        self._thumbs: dict[str, QPixmap] = {}
        self._warning = icon("warning")
        self.git_state: Callable[[str], str | None] | None = None  # rel path -> state word

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """The tooltip names the git state too (the badge is small; screen readers ask)."""
        entry = index.data(ENTRY_ROLE)
        state = self.git_state(entry.rel_path) if self.git_state and entry else None
        if event.type() == QEvent.Type.ToolTip and state is not None:
            word = GIT_BADGES.get(state, (state, None))[0]
            QToolTip.showText(
                event.globalPos(), f"{index.data(Qt.ItemDataRole.ToolTipRole)} — {word}", view
            )
            return True
        return super().helpEvent(event, view, option, index)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.data(ENTRY_ROLE) is None:
            return super().sizeHint(option, index)
        return QSize(200, ROW_HEIGHT)

    def _thumb(self, rel: str) -> QPixmap | None:
        if self.site_root is None:
            return None
        if rel not in self._thumbs:
            reader = QImageReader(str(self.site_root / rel.lstrip("/")))
            size = reader.size()
            if size.isValid():  # decode at thumbnail size: fast even for big JPEGs
                reader.setScaledSize(
                    size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatioByExpanding)
                )
            image = reader.read()
            self._thumbs[rel] = QPixmap.fromImage(image) if not image.isNull() else QPixmap()
        pixmap = self._thumbs[rel]
        return None if pixmap.isNull() else pixmap

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, PostEntry):
            super().paint(painter, option, index)
            return
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget else None
        if style:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        rect: QRect = option.rect.adjusted(4, 4, -4, -4)  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        thumb_rect = QRect(
            rect.left(),
            rect.top() + (rect.height() - THUMB.height()) // 2,
            THUMB.width(),
            THUMB.height(),
        )
        pixmap = self._thumb(entry.image) if entry.image else None
        if pixmap is not None:
            src = QRect(0, 0, pixmap.width(), pixmap.height())
            src.setSize(THUMB.boundedTo(pixmap.size()))
            src.moveCenter(pixmap.rect().center())
            painter.drawPixmap(thumb_rect, pixmap, src)
        else:
            painter.fillRect(thumb_rect, palette.color(QPalette.ColorRole.AlternateBase))
        x = thumb_rect.right() + 8
        right = rect.right()
        if entry.problem is not None:
            self._warning.paint(painter, QRect(right - 18, rect.top(), 18, 18))
            right -= 22
        font = painter.font()
        meta = []
        if entry.date:
            meta.append(f"{entry.date:%Y-%m-%d}")
        if entry.author:
            meta.append(entry.author)
        if entry.problem is not None:
            meta = ["cannot read the front matter"]
        if entry.draft:
            badge_font = painter.font()
            badge_font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
            badge_font.setBold(True)
            painter.setFont(badge_font)
            w = painter.fontMetrics().horizontalAdvance("DRAFT") + 8
            badge = QRect(right - w, rect.top() + 2, w, painter.fontMetrics().height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Link))
            painter.drawRoundedRect(badge, 3, 3)
            painter.setPen(palette.color(QPalette.ColorRole.Base))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "DRAFT")
            right -= w + 4
        title_font = painter.font()
        title_font.setPointSizeF(font.pointSizeF())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        line_h = rect.height() // 2
        title = painter.fontMetrics().elidedText(
            entry.title, Qt.TextElideMode.ElideRight, right - x
        )
        painter.drawText(
            QRect(x, rect.top(), right - x, line_h), Qt.AlignmentFlag.AlignVCenter, title
        )
        small = painter.font()
        small.setBold(False)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
        state = self.git_state(entry.rel_path) if self.git_state else None
        if entry.draft and state == "published":
            state = None  # a pushed draft is still not on the site: its DRAFT badge says enough
        meta_right = rect.right()
        if state is not None:
            meta_right -= (
                _paint_git_badge(
                    painter, QRect(x, rect.top() + line_h, rect.right() - x, line_h), state, palette
                )
                + 4
            )
        painter.setFont(small)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            QRect(x, rect.top() + line_h, meta_right - x, line_h),
            Qt.AlignmentFlag.AlignVCenter,
            " · ".join(meta),
        )
        painter.restore()


class PostListPane(QWidget):
    """Emits `postActivated(Path)` when the author picks a post."""

    postActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Posts")
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter: title, category, tag, author")
        self.filter_edit.setAccessibleName("Filter posts")
        self.filter_edit.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(FILTER_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.view = QTreeView(self)
        self.view.setAccessibleName("Post list")
        self.view.setHeaderHidden(True)
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(False)
        self.view.setIndentation(0)
        self.view.setRootIsDecorated(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.delegate = _Delegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self.filter_edit.textChanged.connect(self._on_filter)
        self.filter_edit.returnPressed.connect(self.view.setFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        self._items: dict[Path, QStandardItem] = {}
        self._current: Path | None = None

    def set_site_root(self, root: Path) -> None:
        self.delegate.site_root = root

    def set_git_states(self, lookup: Callable[[str], str | None] | None) -> None:
        """Each post's state with git, by site-relative path (None: no badges at all)."""
        self.delegate.git_state = lookup
        self.view.viewport().update()  # only the visible rows are painted again

    def git_state(self, rel_path: str) -> str | None:
        lookup = self.delegate.git_state
        return lookup(rel_path) if lookup else None

    def set_entries(self, entries: list[PostEntry]) -> None:
        """Show these entries (drafts section first, then posts, in the given order)."""
        self.model.clear()
        self._items = {}
        drafts = QStandardItem()
        posts = QStandardItem()
        for section in (drafts, posts):
            section.setSelectable(False)
            font = section.font()
            font.setBold(True)
            section.setFont(font)
        draft_rows: list[QStandardItem] = []
        post_rows: list[QStandardItem] = []
        for entry in entries:
            item = QStandardItem()
            self._fill_item(item, entry)
            self._items[entry.path] = item
            (draft_rows if entry.draft else post_rows).append(item)
        drafts.setText(f"Drafts ({len(draft_rows)})")
        posts.setText(f"Posts ({len(post_rows)})")
        if draft_rows:
            drafts.appendRows(draft_rows)
        if post_rows:
            posts.appendRows(post_rows)
        self.model.appendRow(drafts)
        self.model.appendRow(posts)
        self.view.expandAll()
        if self._current is not None:
            self.select_path(self._current)

    def update_entry(self, entry: PostEntry) -> None:
        """Refresh one row in place (after a save that did not add or remove posts)."""
        item = self._items.get(entry.path)
        if item is None:
            return
        self._fill_item(item, entry)

    def _fill_item(self, item: QStandardItem, entry: PostEntry) -> None:
        item.setText(entry.title)
        item.setData(entry, ENTRY_ROLE)
        words = [entry.title, entry.author, *entry.categories, *entry.tags, entry.rel_path]
        item.setData(" ".join(words), FILTER_ROLE)
        item.setToolTip(str(entry.problem) if entry.problem else entry.rel_path)
        accessible = entry.title + (", draft" if entry.draft else "")
        item.setData(accessible, Qt.ItemDataRole.AccessibleTextRole)

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.view.expandAll()

    def _activated(self, index: QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if isinstance(entry, PostEntry) and entry.path != self._current:
            self.postActivated.emit(entry.path)

    def select_path(self, path: Path | None) -> None:
        """Mark the open post in the list (no signal)."""
        self._current = path
        item = self._items.get(path) if path else None
        if item is None:
            self.view.clearSelection()
            return
        index = self.proxy.mapFromSource(item.index())
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.view.scrollTo(index)

    def first_post(self) -> Path | None:
        for path, item in self._items.items():
            entry = item.data(ENTRY_ROLE)
            if not entry.draft:
                return path
        return next(iter(self._items), None)

    def path_count(self) -> int:
        return len(self._items)
