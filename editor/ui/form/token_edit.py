"""A chip editor for categories and tags: Enter or comma adds, Backspace removes, with counts."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QFrame, QLineEdit, QToolButton, QWidget

from editor.ui.widgets.flow_layout import FlowLayout

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


class TokenEdit(QFrame):
    """Shows a list of words as removable chips plus a line edit to add more."""

    tokensChanged = Signal(list)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(name)
        self._tokens: list[str] = []
        self._chips: list[QToolButton] = []
        self._layout = FlowLayout(self)
        self._layout.setContentsMargins(3, 3, 3, 3)
        self.input = QLineEdit(self)
        self.input.setFrame(False)
        self.input.setPlaceholderText(f"add {name.lower()}…")
        self.input.setAccessibleName(f"Add {name.lower()}")
        self.input.setMinimumWidth(110)
        self.input.installEventFilter(self)
        self.input.returnPressed.connect(self._commit_input)
        self.input.textEdited.connect(self._on_text_edited)
        self._model = QStandardItemModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCompletionRole(NAME_ROLE)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.activated[str].connect(self._on_completed)
        self.input.setCompleter(self.completer)
        # installed after the completer's own filter, so it sees Enter first
        self.completer.popup().installEventFilter(self)
        self._layout.addWidget(self.input)
        self.setFocusProxy(self.input)

    # --- public --------------------------------------------------------------

    def tokens(self) -> list[str]:
        return list(self._tokens)

    def set_tokens(self, tokens: list[str]) -> None:
        """Show these tokens (no signal: this is the document speaking, not the author)."""
        self._tokens = [str(t) for t in tokens]
        self._rebuild()

    def set_vocabulary(self, counts: Counter[str]) -> None:
        """Completion entries: most used first, each shown with how often the site uses it."""
        self._model.clear()
        for name, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower())):
            item = QStandardItem(f"{name}   ({count})" if count else name)
            item.setData(name, NAME_ROLE)
            self._model.appendRow(item)

    def add_token(self, text: str) -> None:
        text = text.strip().strip(",").strip()
        if text and text not in self._tokens:
            self._tokens.append(text)
            self._rebuild()
            self.tokensChanged.emit(self.tokens())

    def remove_token(self, text: str) -> None:
        if text in self._tokens:
            self._tokens.remove(text)
            self._rebuild()
            self.tokensChanged.emit(self.tokens())
            self.input.setFocus()

    # --- internals -----------------------------------------------------------

    def _rebuild(self) -> None:
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        self._layout.removeWidget(self.input)
        for token in self._tokens:
            chip = QToolButton(self)
            chip.setText(f"{token}  ✕")
            chip.setAutoRaise(False)
            chip.setToolTip(f"Remove “{token}”")
            chip.setAccessibleName(f"{token}, remove")
            chip.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            chip.clicked.connect(lambda _=False, t=token: self.remove_token(t))
            self._chips.append(chip)
            self._layout.addWidget(chip)
        self._layout.addWidget(self.input)
        self.updateGeometry()

    def _commit_input(self) -> None:
        if self.completer.popup().isVisible():
            return
        for part in self.input.text().split(","):
            self.add_token(part)
        self.input.clear()

    def _on_text_edited(self, text: str) -> None:
        if "," in text:
            head, _, rest = text.rpartition(",")
            for part in head.split(","):
                self.add_token(part)
            self.input.setText(rest.lstrip())

    def _on_completed(self, text: str) -> None:
        self.add_token(text)
        self.input.clear()
        # the completer writes the suggestion into the line edit after this signal
        QTimer.singleShot(0, self.input.clear)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        popup = self.completer.popup()
        if (
            watched is popup
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not popup.currentIndex().isValid()
        ):
            # the list is open but nothing in it is chosen: Enter makes a chip of the
            # typed text at once (a chosen suggestion is the completer's to accept)
            popup.hide()
            self._commit_input()
            return True
        if (
            watched is self.input
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Backspace
            and not self.input.text()
            and self._tokens
        ):
            self.remove_token(self._tokens[-1])
            return True
        return super().eventFilter(watched, event)
