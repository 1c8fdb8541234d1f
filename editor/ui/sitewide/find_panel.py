"""The Find in all posts panel: a query box, the matching posts with their snippets."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.search.store import Hit, Results

TYPING_PAUSE_MS = 120  # results follow the typing, not every key
MARK = "background:#ffe08a;color:#000;font-weight:bold"


def hit_html(hit: Hit, muted: str = "gray") -> str:
    """One result row: the title, its date and file, and the snippet with the match marked
    (`muted`: the colour of the date line, from the palette: light and dark themes)."""
    snippet = "".join(
        f'<span style="{MARK}">{html.escape(text)}</span>' if matched else html.escape(text)
        for text, matched in hit.snippet
    )
    date = (hit.date or "")[:10] or "draft"
    if hit.draft and hit.date:
        date += " · draft"
    return (
        f"<b>{html.escape(hit.title)}</b><br>"
        f'<span style="color:{muted}">{html.escape(date)} · {html.escape(hit.rel_path)}</span><br>'
        f"{snippet}"
    )


class _QueryEdit(QLineEdit):
    """Down moves into the results; Enter opens the first (or chosen) one."""

    downPressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        super().keyPressEvent(event)


class FindPanel(QWidget):
    """Emits `queryChanged(text)` once typing pauses, `hitActivated(Hit)` on Enter or a click."""

    queryChanged = Signal(str)
    hitActivated = Signal(object)
    # find, replace with, match case, whole words, also titles and excerpts
    replaceRequested = Signal(str, str, bool, bool, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FindPanel")
        self.query_edit = _QueryEdit(self)
        self.query_edit.setPlaceholderText(
            'Find in all posts: words, "a phrase", summ*, tag:travel'
        )
        self.query_edit.setAccessibleName("Find in all posts")
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setToolTip(
            'All the words must appear. "a phrase" · summ* (a word\'s start) · alaska OR '
            "europe · -war (leave out) · tag:T category:C author:A draft:yes|no year:2024"
        )
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Find status")
        self.results = QListWidget(self)
        self.results.setAccessibleName("Posts found")
        self.results.setWordWrap(True)
        self.results.setSpacing(2)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.replace_toggle = QToolButton(self)
        self.replace_toggle.setText("Replace in all posts…")
        self.replace_toggle.setCheckable(True)
        self.replace_toggle.setAutoRaise(True)
        self.replace_box = QWidget(self)
        self.find_text = QLineEdit(self.replace_box)
        self.find_text.setPlaceholderText("text to replace (as written)")
        self.find_text.setAccessibleName("Text to replace")
        self.replace_text = QLineEdit(self.replace_box)
        self.replace_text.setPlaceholderText("replace with")
        self.replace_text.setAccessibleName("Replace with")
        self.match_case = QCheckBox("Match case", self.replace_box)
        self.match_case.setChecked(True)
        self.whole_words = QCheckBox("Whole words", self.replace_box)
        self.in_fields = QCheckBox("Also titles and excerpts", self.replace_box)
        self.preview_button = QPushButton("Preview…", self.replace_box)
        grid = QGridLayout(self.replace_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.find_text, 0, 0, 1, 2)
        grid.addWidget(self.replace_text, 1, 0, 1, 2)
        grid.addWidget(self.match_case, 2, 0)
        grid.addWidget(self.whole_words, 2, 1)
        grid.addWidget(self.in_fields, 3, 0, 1, 2)
        grid.addWidget(self.preview_button, 4, 1)
        self.replace_box.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.replace_toggle)
        layout.addWidget(self.replace_box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.replace_toggle.toggled.connect(self._show_replace)
        self.preview_button.clicked.connect(self._request_replace)
        self.replace_text.returnPressed.connect(self._request_replace)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(lambda: self.queryChanged.emit(self.query_edit.text()))
        self.query_edit.textChanged.connect(self._timer.start)
        self.query_edit.returnPressed.connect(self._activate_current)
        self.query_edit.downPressed.connect(self._into_results)
        self.results.itemActivated.connect(self._activate_item)
        self.results.itemClicked.connect(self._activate_item)
        self._hits: list[Hit] = []
        self._open_first = False
        self.setFocusProxy(self.query_edit)

    def _show_replace(self, shown: bool) -> None:
        self.replace_box.setVisible(shown)
        if shown:
            if not self.find_text.text():
                # the words searched for, without the search language's marks
                words = [w for w in self.query_edit.text().split() if ":" not in w]
                self.find_text.setText(" ".join(words).strip('"').rstrip("*"))
            self.find_text.setFocus()

    def _request_replace(self) -> None:
        if self.find_text.text():
            self.replaceRequested.emit(
                self.find_text.text(),
                self.replace_text.text(),
                self.match_case.isChecked(),
                self.whole_words.isChecked(),
                self.in_fields.isChecked(),
            )

    def focus_query(self) -> None:
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def _follow_palette(self) -> str:
        """The rows are rich-text labels: a faint selection band (the theme's highlight, see
        through) keeps their text readable in light and dark themes alike."""
        palette = self.palette()
        band = palette.color(QPalette.ColorRole.Highlight)
        r, g, b = band.red(), band.green(), band.blue()
        self.results.setStyleSheet(
            f"QListWidget::item:selected {{ background: rgba({r}, {g}, {b}, 70); "
            f"border-left: 3px solid {band.name()}; }}"
        )
        text, base = palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base)
        mix = [
            round(a * 0.55 + b * 0.45)
            for a, b in zip(text.getRgb()[:3], base.getRgb()[:3], strict=True)
        ]
        return "#{:02x}{:02x}{:02x}".format(*mix)  # halfway to the background: muted

    def show_results(self, results: Results) -> None:
        self._hits = list(results.hits)
        self.results.clear()
        muted = self._follow_palette()
        for hit in self._hits:
            item = QListWidgetItem(self.results)
            label = QLabel(hit_html(hit, muted))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setContentsMargins(4, 2, 4, 2)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            item.setToolTip(hit.rel_path)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.title}: {hit.snippet_text}")
            self.results.setItemWidget(item, label)
            item.setSizeHint(label.sizeHint())
        shown = len(self._hits)
        if not shown:
            self.status.setText("No post matches.")
        elif results.total > shown:
            self.status.setText(f"The best {shown} of {results.total:,} posts.")
        else:
            self.status.setText(f"{shown:,} post{'s' if shown != 1 else ''}.")
        if shown:
            self.results.setCurrentRow(0)
        if self._open_first and shown:
            self.hitActivated.emit(self._hits[0])
        self._open_first = False

    def show_message(self, text: str) -> None:
        """A problem with the query (or the index) instead of results."""
        self._hits = []
        self._open_first = False
        self.results.clear()
        self.status.setText(text)

    def _into_results(self) -> None:
        if self.results.count():
            self.results.setFocus()
            self.results.setCurrentRow(max(0, self.results.currentRow()))

    def _activate_current(self) -> None:
        if self._timer.isActive():  # Enter before the pause: search now, open the first
            self._timer.stop()
            self._open_first = True
            self.queryChanged.emit(self.query_edit.text())
            return
        row = max(0, self.results.currentRow())
        if row < len(self._hits):
            self.hitActivated.emit(self._hits[row])

    def _activate_item(self, item: QListWidgetItem) -> None:
        row = self.results.row(item)
        if 0 <= row < len(self._hits):
            self.hitActivated.emit(self._hits[row])
