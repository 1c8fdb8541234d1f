"""The README's pair of pictures: a sample post in Byline's preview, and the page Jekyll
builds from it (shown by Qt WebEngine, a browser; nothing loaded from the network).

Needs Debian's `jekyll`. Run on a (virtual) X screen: `QTWEBENGINE_CHROMIUM_FLAGS=
--no-sandbox xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python
tools/preview_vs_jekyll.py docs/` (writes docs/preview-vs-jekyll.png). Works on a fresh copy of
the sample blog, with the user folders in a temp dir.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HOME = Path(tempfile.mkdtemp(prefix="byline-shots-"))
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[var] = str(HOME / var.lower())

from PySide6.QtCore import QEventLoop, QTimer, QUrl  # noqa: E402
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInterceptor  # noqa: E402
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor.core.post.post import parse_post  # noqa: E402
from editor.core.render import SiteContext  # noqa: E402
from editor.resources import resource_path  # noqa: E402
from editor.ui.panes.preview_pane import PreviewPane  # noqa: E402

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
POST = "2025-07-21-tracking-our-walks-with-a-tiny-python-script.md"
SIZE = (720, 860)


class LocalOnly(QWebEngineUrlRequestInterceptor):
    """The built page may load files of the site, never the network."""

    def interceptRequest(self, info) -> None:  # type: ignore[no-untyped-def]
        if info.requestUrl().scheme() not in ("file", "data"):
            info.block(True)


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    app = QApplication([sys.argv[0]])
    site = Path(shutil.copytree(resource_path("sample-blog"), HOME / "blog"))
    built = HOME / "_site"
    subprocess.run(
        ["jekyll", "build", "--quiet", "-s", str(site), "-d", str(built)],
        check=True,
        env={**os.environ, "JEKYLL_ENV": "production"},
    )
    page = next(built.rglob("tracking-our-walks-with-a-tiny-python-script/index.html"))
    # the layouts link /assets/...: make them relative to the page, as if served
    html = page.read_text(encoding="utf-8").replace('="/assets/', f'="{built.as_uri()}/assets/')
    page.write_text(html, encoding="utf-8")

    view = QWebEngineView()
    interceptor = LocalOnly()
    view.page().profile().setUrlRequestInterceptor(interceptor)
    view.resize(*SIZE)
    view.load(QUrl.fromLocalFile(str(page)))
    view.show()
    wait(4000)
    view.grab().save(str(OUT / "sample-jekyll.png"))

    post = parse_post((site / "_posts" / POST).read_bytes())
    pane = PreviewPane()
    pane.resize(*SIZE)
    pane.show()
    pane.request_render(post.body_for_editing(), dict(post.values), SiteContext.for_path(site))
    pane.render_now()
    wait(3000)
    pane.grab().save(str(OUT / "sample-preview.png"))
    pane.shutdown()
    app.quit()
    side_by_side(OUT / "sample-preview.png", OUT / "sample-jekyll.png", OUT / "preview-vs-jekyll.png")


def side_by_side(left: Path, right: Path, out: Path) -> None:
    """One picture: Byline's preview on the left, Jekyll's page on the right."""
    from PIL import Image

    with Image.open(left) as a, Image.open(right) as b:
        both = Image.new("RGB", (a.width + b.width + 12, max(a.height, b.height)), "#888888")
        both.paste(a, (0, 0))
        both.paste(b, (a.width + 12, 0))
        both.save(out, optimize=True)
    left.unlink()
    right.unlink()


if __name__ == "__main__":
    main()
