"""When the path Byline was started with cannot be opened: say why, offer Open Site….

Quitting at once would leave an author who double-clicked a file with nothing but a
message; the box names what failed (the path once) and lets them pick a site instead.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from editor.core.errors import BylineError

TITLE = "Byline cannot open this"
OPEN_SITE = "Open Site…"


def ask_what_instead(error: BylineError, parent: QWidget | None = None) -> str | None:
    """The error in a titled box with Open Site… and Quit: the folder chosen, or None
    to quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(TITLE)
    box.setText(f"<b>{TITLE}</b>")
    box.setInformativeText(f"{_sentence(str(error))}\n\nOpen a site folder instead, or quit.")
    open_site = box.addButton(OPEN_SITE, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_site)
    while True:
        box.exec()
        if box.clickedButton() is not open_site:
            return None
        folder = QFileDialog.getExistingDirectory(parent, "Open a Jekyll site")
        if folder:
            return folder  # a folder dialog cancelled: back to the question


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."
