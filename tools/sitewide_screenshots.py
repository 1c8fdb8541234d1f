"""The README's pictures of Find in all posts and the tags manager, from the real window.

Run on a (virtual) X screen: `xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python
tools/sitewide_screenshots.py docs/`. Works on a fresh copy of the sample blog, with the
user folders in a temp dir.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

HOME = Path(tempfile.mkdtemp(prefix="byline-shots-"))
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = str(HOME / var.lower())

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor.resources import read_text, resource_path  # noqa: E402
from editor.ui.settings import Settings  # noqa: E402
from editor.ui.startup.application import open_window  # noqa: E402

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
app = QApplication([sys.argv[0]])
app.setApplicationName("Byline")
app.setStyleSheet(read_text("style.qss"))
# the sample blog, with a tag spelled two ways so that the manager has a variant to show
SITE = Path(shutil.copytree(resource_path("sample-blog"), HOME / "blog"))
for post in sorted((SITE / "_posts").glob("*.md"))[-2:]:
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("tags: [", "tags: [Walking, ", 1), encoding="utf-8")
window = open_window(str(SITE), Settings())
window.show()


def find() -> None:
    if window.post_list.path_count() == 0:
        QTimer.singleShot(200, find)
        return
    window.actions.find_all.trigger()
    window.sitewide.find.query_edit.setText("walk*")
    QTimer.singleShot(2500, shoot_find)


def shoot_find() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / "find-in-all-posts.png"))
    window.actions.manage_terms.trigger()
    dialog = window.sitewide.terms
    assert dialog is not None
    dialog.select("tag", ["walking", "Walking"])
    QTimer.singleShot(800, lambda: shoot_terms(dialog))


def shoot_terms(dialog: object) -> None:
    dialog.grab().save(str(OUT / "tag-manager.png"))  # type: ignore[attr-defined]
    print(OUT / "find-in-all-posts.png", OUT / "tag-manager.png")
    window.close_keeping_changes()
    app.quit()


QTimer.singleShot(500, find)
app.exec()
