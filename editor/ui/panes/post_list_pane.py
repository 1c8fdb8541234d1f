"""The post list: drafts, then posts newest first, with thumbnails, badges and a filter box."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPainter,
    QPalette,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor.core.index.site_index import PostEntry
from editor.ui.widgets.icons import icon

# PySide6 sets up a Qt class (and its enums) when it is first imported by name: the
# classes only the list's painting, tooltips and thumbnails need (QStyle alone ~5 ms)
# are imported where they are used, after the window's first paint.
if TYPE_CHECKING:
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QStyleOptionViewItem

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
THUMB = QSize(64, 36)
ROW_HEIGHT = 64  # two lines of title, one of date and author
FOLLOW_MS = 120  # arrow keys: the post under the highlight opens once the keys rest


def two_lines(metrics: QFontMetrics, text: str, width: int) -> list[str]:
    """`text` on at most two lines of `width` pixels, broken between words, the second
    elided at its end when the text is longer."""
    if metrics.horizontalAdvance(text) <= width:
        return [text]
    words = text.split()
    first = ""
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        if metrics.horizontalAdvance(candidate) <= width:
            first, rest = candidate, " ".join(words[n:])
            break
    else:  # one long word: cut it where the line ends
        cut = len(text)
        while cut > 1 and metrics.horizontalAdvance(text[:cut]) > width:
            cut -= 1
        first, rest = text[:cut], text[cut:]
    if not rest:
        return [first]
    return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]


def badge_text_colour(badge: QColor) -> QColor:
    """White on the badge while that reads as bold text should (contrast >= 3:1, WCAG),
    black on a light one (dark desktops' light blue links); never the window's base."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in (badge.redF(), badge.greenF(), badge.blueF()))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    white_contrast = 1.05 / (luminance + 0.05)
    return QColor(Qt.GlobalColor.white) if white_contrast >= 3 else QColor(Qt.GlobalColor.black)


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
            from PySide6.QtWidgets import QToolTip

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
            from PySide6.QtGui import QImageReader

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
        from PySide6.QtWidgets import QStyle

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
            painter.setPen(badge_text_colour(palette.color(QPalette.ColorRole.Link)))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "DRAFT")
            right -= w + 4
        title_font = painter.font()
        title_font.setPointSizeF(font.pointSizeF())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        line_h = painter.fontMetrics().height()
        top = rect.top()
        for line in two_lines(painter.fontMetrics(), entry.title, right - x):
            painter.drawText(QRect(x, top, right - x, line_h), Qt.AlignmentFlag.AlignVCenter, line)
            top += line_h
        small = painter.font()
        small.setBold(False)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
        state = self.git_state(entry.rel_path) if self.git_state else None
        if entry.draft and state == "published":
            state = None  # a pushed draft is still not on the site: its DRAFT badge says enough
        painter.setFont(small)
        metrics = painter.fontMetrics()
        meta_h = metrics.height()
        meta_line = QRect(x, rect.bottom() - meta_h, rect.right() - x, meta_h)
        meta_right = rect.right()
        if state is not None:
            meta_right -= _paint_git_badge(painter, meta_line, state, palette) + 4
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        meta_text = metrics.elidedText(" · ".join(meta), Qt.TextElideMode.ElideRight,
                                       meta_right - x)  # fmt: skip
        painter.drawText(
            QRect(x, meta_line.top(), meta_right - x, meta_h),
            Qt.AlignmentFlag.AlignVCenter,
            meta_text,
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
        # the arrow keys move the highlight: the post under it opens once they rest, so
        # the list and the editor never disagree (as in a mail client)
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(FOLLOW_MS)
        self._follow.timeout.connect(lambda: self._activated(self.view.currentIndex()))
        self._marking = False  # select_path moves the highlight: nothing to open
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyFilter")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setAccessibleName("No matching posts")
        self.empty_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        self._items: dict[Path, QStandardItem] = {}
        self._sections: list[tuple[QStandardItem, str, int]] = []  # item, name, total
        self._current: Path | None = None

    def set_site_root(self, root: Path) -> None:
        self.delegate.site_root = root

    def set_git_states(self, lookup: Callable[[str], str | None] | None) -> None:
        """Each post's state with git, by site-relative path (None: no badges at all)."""
        self.delegate.git_state = lookup
        if self.model.rowCount():  # (no rows yet at start-up: nothing to paint again)
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
        if draft_rows:
            drafts.appendRows(draft_rows)
        if post_rows:
            posts.appendRows(post_rows)
        self.model.appendRow(drafts)
        self.model.appendRow(posts)
        self._sections = [(drafts, "Drafts", len(draft_rows)), (posts, "Posts", len(post_rows))]
        self._show_counts()
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
        item.setToolTip(f"{entry.title}\n{entry.problem or entry.rel_path}")
        accessible = entry.title + (", draft" if entry.draft else "")
        item.setData(accessible, Qt.ItemDataRole.AccessibleTextRole)

    def _on_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._show_counts()
        self.view.expandAll()

    def _show_counts(self) -> None:
        """Each section counts what the filter lets through; no match at all says so."""
        text = self.filter_edit.text().strip()
        shown = 0
        for item, name, total in self._sections:
            index = self.proxy.mapFromSource(item.index())
            matching = self.proxy.rowCount(index) if index.isValid() else 0
            shown += matching
            label = f"{name} ({matching} of {total})" if text else f"{name} ({total})"
            if item.text() != label:
                item.setText(label)
        nothing = bool(text) and shown == 0 and bool(self._items)
        self.empty_label.setText(
            f"No post matches “{text}”.\nThe filter looks at titles, categories, tags and authors."
            if nothing
            else ""
        )
        self.empty_label.setVisible(nothing)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._marking and isinstance(current.data(ENTRY_ROLE), PostEntry):
            self._follow.start()

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
            self._follow.stop()
            self._marking = True
            try:
                self.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            finally:
                self._marking = False
            self.view.scrollTo(index)

    def first_post(self) -> Path | None:
        for path, item in self._items.items():
            entry = item.data(ENTRY_ROLE)
            if not entry.draft:
                return path
        return next(iter(self._items), None)

    def path_count(self) -> int:
        return len(self._items)
