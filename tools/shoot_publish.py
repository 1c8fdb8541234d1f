"""The README's picture of the Publish dialog: the real window on a git copy of the sample
blog with a bare remote, a new post with a header image written, Publish… chosen.

Run on a (virtual) screen: xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python
tools/shoot_publish.py docs/publish.png. Everything it makes lives in a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog

REPO = Path(__file__).resolve().parent.parent


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def make_site(base: Path) -> Path:
    site = base / "field-notes"
    shutil.copytree(REPO / "resources" / "sample-blog", site)
    _git(site, "init", "-q", "-b", "main")
    _git(site, "add", "-A")
    _git(site, "commit", "-q", "-m", "Field Notes")
    _git(base, "init", "-q", "--bare", "-b", "main", "remote.git")
    _git(site, "remote", "add", "origin", str(base / "remote.git"))
    _git(site, "push", "-q", "-u", "origin", "main")
    images = sorted((site / "assets" / "images").glob("*.jpg"))
    header = "assets/images/harbour-at-dawn.jpg"
    shutil.copy(images[0], site / header)
    (site / "_posts" / "2026-01-10-the-harbour-at-dawn.md").write_text(
        "---\nlayout: post\ntitle: The Harbour at Dawn\ndate: 2026-01-10 07:30:00 +0100\n"
        f"author: mara\ncategories: [travel]\ntags: [coast, morning]\nimage: {header}\n---\n\n"
        "The boats came in before the light did.\n",
        encoding="utf-8",
    )
    (site / "index.html").write_text((site / "index.html").read_text() + "\n<!-- wip -->\n")
    return site


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/publish.png").resolve()
    base = Path(tempfile.mkdtemp(prefix="byline-shot-"))
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_CACHE_HOME", "cache")):  # fmt: skip
        os.environ[var] = str(base / sub)
    os.environ.update(GIT_AUTHOR_NAME="Mara", GIT_AUTHOR_EMAIL="mara@example.org",
                      GIT_COMMITTER_NAME="Mara", GIT_COMMITTER_EMAIL="mara@example.org")  # fmt: skip
    site = make_site(base)
    app = QApplication(sys.argv[:1])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    from editor.ui.settings import Settings
    from editor.ui.startup.application import open_window

    post = site / "_posts" / "2026-01-10-the-harbour-at-dawn.md"
    window = open_window(str(post), Settings(), base / "data")
    window.show()

    def shoot() -> None:
        screen = app.primaryScreen()
        screen.grabWindow(0).save(str(out))
        app.quit()

    def show(dialog: QDialog) -> int:
        dialog.show()
        QTimer.singleShot(1500, shoot)
        return QDialog.DialogCode.Rejected

    window.publishing.run_dialog = show
    QTimer.singleShot(3000, window.actions.publish_site.trigger)
    app.exec()
    shutil.rmtree(base, ignore_errors=True)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
