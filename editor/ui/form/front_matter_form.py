"""The front matter form: the blog's keys in its order, plus an "Other fields" table."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.errors import BylineError
from editor.core.post.post import Post
from editor.core.site.post_checks import PostWarning
from editor.core.site.site_config import Author
from editor.ui.form.image_field import ImageField
from editor.ui.form.other_fields_table import OtherFieldsTable
from editor.ui.form.token_edit import TokenEdit

FORM_KEYS = ("layout", "title", "date", "author", "categories", "tags", "excerpt", "image")
_NO_DATE = QDateTime(QDate(1900, 1, 1), QTime(0, 0))


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


def _rich(message: str) -> str:
    """Plain message to label HTML: escaped, with `code` spans."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(message, quote=False))


# The banners' look, on the two labels alone: a style sheet on the whole application
# would have Qt style every widget through it (slower to build and to paint each one).
_BANNER = (
    "QLabel {{ background: rgba({rgb}, 0.15); border: 1px solid rgba({rgb}, 0.6); "
    "border-radius: 4px; padding: 6px; }}"
)


class FrontMatterForm(QWidget):
    """Shows a Post's fields; emits what the author edited. Never writes a file itself."""

    fieldEdited = Signal(str, object)  # key, new value (None removes the key)
    rawFieldEdited = Signal(str, str)  # key, YAML text (from the Other fields table)
    fieldRemoved = Signal(str)
    imageStaged = Signal(object)
    imageRemoved = Signal()
    fillExcerptRequested = Signal()
    renameRequested = Signal()
    errorLineClicked = Signal(int)  # raw mode: the author clicked the error's line number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Front matter")
        self._filling = False
        self._zone: dt.tzinfo = dt.UTC
        self._build()

    # --- construction --------------------------------------------------------

    def _build(self) -> None:
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setObjectName("errorBanner")
        self.error_label.setStyleSheet(_BANNER.format(rgb="200, 40, 40"))
        self.error_label.setAccessibleName("Front matter error")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.error_label.linkActivated.connect(self._on_error_link)
        self.error_label.hide()
        self.warnings_label = QLabel(self)
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setObjectName("warningBanner")
        self.warnings_label.setStyleSheet(_BANNER.format(rgb="230, 160, 0"))
        self.warnings_label.setAccessibleName("Warnings about this post")
        self.warnings_label.hide()
        self.rename_button = QPushButton("Rename file to match", self)
        self.rename_button.setAccessibleName("Rename the file to match the title and date")
        self.rename_button.clicked.connect(self.renameRequested)
        self.rename_button.hide()

        self.fields = QWidget(self)
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)

        self.layout_combo = QComboBox(self)
        self.layout_combo.setEditable(True)
        self.layout_combo.setAccessibleName("Layout")
        self.layout_combo.currentTextChanged.connect(lambda t: self._emit("layout", t))
        form.addRow("&Layout", self.layout_combo)

        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName("Title")
        self.title_count = QLabel("0", self)
        self.title_count.setMinimumWidth(self.fontMetrics().horizontalAdvance("000"))
        self.title_count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.title_count.setAccessibleName("Title length")
        self.title_edit.textEdited.connect(self._on_title)
        form.addRow(
            self._label("&Title", self.title_edit), self._row(self.title_edit, self.title_count)
        )

        self.date_edit = QDateTimeEdit(self)
        self.date_edit.setAccessibleName("Date")
        self.date_edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDateTime(_NO_DATE)
        self.date_edit.setSpecialValueText("no date")
        self.date_edit.dateTimeChanged.connect(self._on_date)
        self.now_button = QPushButton("Now", self)
        self.now_button.setAccessibleName("Set the date to now")
        self.now_button.clicked.connect(self._set_now)
        form.addRow(
            self._label("&Date", self.date_edit), self._row(self.date_edit, self.now_button)
        )

        self.author_combo = QComboBox(self)
        self.author_combo.setEditable(True)
        self.author_combo.setAccessibleName("Author")
        self.author_combo.currentIndexChanged.connect(lambda _: self._on_author())
        self.author_combo.lineEdit().textEdited.connect(lambda _: self._on_author())
        form.addRow("&Author", self.author_combo)

        self.categories = TokenEdit("Categories", self)
        self.categories.tokensChanged.connect(lambda v: self._emit("categories", v))
        form.addRow("&Categories", self.categories)
        self.tags = TokenEdit("Tags", self)
        self.tags.tokensChanged.connect(lambda v: self._emit("tags", v))
        form.addRow("Ta&gs", self.tags)

        self.excerpt_edit = QPlainTextEdit(self)
        self.excerpt_edit.setAccessibleName("Excerpt")
        self.excerpt_edit.setTabChangesFocus(True)
        self.excerpt_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.excerpt_edit.textChanged.connect(self._on_excerpt)
        self.excerpt_count = QLabel("0 characters", self)
        self.excerpt_count.setAccessibleName("Excerpt length")
        fill = QPushButton("From first paragraph", self)
        fill.setAccessibleName("Fill the excerpt from the first paragraph")
        fill.clicked.connect(self.fillExcerptRequested)
        under = QHBoxLayout()
        under.addWidget(self.excerpt_count)
        under.addStretch(1)
        under.addWidget(fill)
        excerpt_box = QVBoxLayout()
        excerpt_box.addWidget(self.excerpt_edit)
        excerpt_box.addLayout(under)
        form.addRow(self._label("E&xcerpt", self.excerpt_edit), excerpt_box)

        self.image = ImageField(self)
        self.image.imageStaged.connect(self.imageStaged)
        self.image.imageRemoved.connect(self.imageRemoved)
        form.addRow("&Image", self.image)

        self.other = OtherFieldsTable(self)
        self.other.fieldEditedRaw.connect(self.rawFieldEdited)
        self.other.fieldRemoved.connect(self.fieldRemoved)
        form.addRow(QLabel("Other fields", self))
        form.addRow(self.other)

        outer = QVBoxLayout(self)
        outer.addWidget(self.error_label)
        outer.addWidget(self.warnings_label)
        outer.addWidget(self.rename_button)
        outer.addWidget(self.fields)
        outer.addStretch(1)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def _row(self, *widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)  # a counter or button beside a field, not pressed against it
        row.addWidget(widgets[0], 1)
        for w in widgets[1:]:
            row.addWidget(w)
        return row

    # --- filling from the document -------------------------------------------

    def set_vocabulary(
        self, layouts: Counter[str], authors: Counter[str], config_authors: dict[str, Author],
        categories: Counter[str], tags: Counter[str],
    ) -> None:  # fmt: skip
        self._filling = True
        current_layout = self.layout_combo.currentText()
        self.layout_combo.clear()
        self.layout_combo.addItems([k for k, _ in layouts.most_common()])
        self.layout_combo.setEditText(current_layout)
        current_author = self.author_value()
        self.author_combo.clear()
        for key, author in config_authors.items():
            label = f"{author.label} ({key})" if author.label != key else key
            self.author_combo.addItem(label, key)
        for key, _ in authors.most_common():
            if key not in config_authors:
                self.author_combo.addItem(key, key)
        self._show_author(current_author)
        self.categories.set_vocabulary(categories)
        self.tags.set_vocabulary(tags)
        self._filling = False

    def set_post(self, post: Post, zone: dt.tzinfo, site_root: Path | None) -> None:
        """Show a post's values; emits nothing."""
        self._filling = True
        self._zone = zone
        self.set_raw_error(None)
        self.layout_combo.setEditText(str(post.get("layout") or ""))
        title = str(post.get("title") or "")
        if self.title_edit.text() != title:
            self.title_edit.setText(title)
            self.title_edit.setCursorPosition(0)  # a long title shows its start, not its end
        self.title_count.setText(str(len(title)))
        try:
            date = post.date()
        except BylineError:
            date = None
        self.date_edit.setDateTime(self._qdatetime(date) if date else _NO_DATE)
        self._show_author(str(post.get("author") or ""))
        self.categories.set_tokens(_as_list(post.get("categories", post.get("category"))))
        self.tags.set_tokens(_as_list(post.get("tags")))
        excerpt = str(post.get("excerpt") or "")
        if self.excerpt_edit.toPlainText() != excerpt:
            self.excerpt_edit.setPlainText(excerpt)
        self.excerpt_count.setText(f"{len(excerpt)} characters")
        image = post.get("image")
        self.image.set_image(site_root, str(image) if image else None)
        others = [k for k in post.keys() if k not in FORM_KEYS]  # noqa: SIM118 - a Post, not a dict
        self.other.set_fields([(k, post.raw_value(k)) for k in others])
        self._filling = False

    def set_raw_error(self, error: BylineError | None) -> None:
        """Raw mode: empty, disabled fields, and what is wrong and where (the line is a
        link: `errorLineClicked(line)`)."""
        self.fields.setEnabled(error is None)
        if error is None:
            self.error_label.hide()
            return
        self.clear()  # no other post's values, no last good parse: nothing can be read
        where = f'<a href="line:{error.line}">line {error.line}</a>: ' if error.line else ""
        self.error_label.setText(
            f"<b>The front matter cannot be read</b> ({where}{_rich(error.message)}).<br>"
            "The whole file is in the editor: fix it there and the form comes back."
        )
        self.error_label.show()
        self.set_warnings([])

    def clear(self) -> None:
        """Every field empty (raw mode: the front matter cannot be read); emits nothing."""
        self._filling = True
        self.layout_combo.setEditText("")
        self.title_edit.clear()
        self.title_count.setText("0")
        self.date_edit.setDateTime(_NO_DATE)  # shows "no date"
        self._show_author("")
        self.categories.set_tokens([])
        self.tags.set_tokens([])
        self.excerpt_edit.setPlainText("")
        self.excerpt_count.setText("0 characters")
        self.image.set_image(None, None)
        self.other.set_fields([])
        self._filling = False

    def _on_error_link(self, link: str) -> None:
        if link.startswith("line:"):
            self.errorLineClicked.emit(int(link.removeprefix("line:")))

    def set_warnings(self, warnings: list[PostWarning]) -> None:
        self.warnings_label.setVisible(bool(warnings))
        self.warnings_label.setText("<br>".join(f"⚠ {_rich(w.message)}" for w in warnings))
        self.rename_button.setVisible(any(w.kind == "name-date" for w in warnings))

    def _show_author(self, key: str) -> None:
        index = self.author_combo.findData(key)
        if index >= 0:
            self.author_combo.setCurrentIndex(index)
        else:
            self.author_combo.setCurrentIndex(-1)
            self.author_combo.setEditText(key)

    def _qdatetime(self, moment: dt.datetime) -> QDateTime:
        local = moment.astimezone(self._zone)
        return QDateTime(
            QDate(local.year, local.month, local.day),
            QTime(local.hour, local.minute, local.second),
        )

    # --- values --------------------------------------------------------------

    def author_value(self) -> str:
        text = self.author_combo.currentText().strip()
        index = self.author_combo.currentIndex()
        if index >= 0 and self.author_combo.itemText(index) == text:
            return str(self.author_combo.itemData(index))
        return text

    def date_value(self) -> dt.datetime | None:
        q = self.date_edit.dateTime()
        if q == _NO_DATE:
            return None
        d, t = q.date(), q.time()
        return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(),
                           tzinfo=self._zone)  # fmt: skip

    def set_excerpt(self, text: str) -> None:
        """Put text in the excerpt as if typed (emits fieldEdited)."""
        self.excerpt_edit.setPlainText(text)

    # --- emitting ------------------------------------------------------------

    def _emit(self, key: str, value: Any) -> None:
        if not self._filling:
            self.fieldEdited.emit(key, value)

    def _on_title(self, text: str) -> None:
        self.title_count.setText(str(len(text)))
        self._emit("title", text)

    def _on_date(self, _: QDateTime) -> None:
        self._emit("date", self.date_value())

    def _set_now(self) -> None:
        now = dt.datetime.now(self._zone).replace(microsecond=0)
        self.date_edit.setDateTime(self._qdatetime(now))

    def _on_author(self) -> None:
        value = self.author_value()
        self._emit("author", value if value else None)

    def _on_excerpt(self) -> None:
        text = " ".join(self.excerpt_edit.toPlainText().split("\n"))
        self.excerpt_count.setText(f"{len(text)} characters")
        self._emit("excerpt", text)
