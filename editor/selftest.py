"""`byline --self-test`: prove a build works end to end, offscreen, leaving the user's files alone.

It opens a temporary copy of the bundled sample blog, writes a post with a header image
through editor.core, checks the bytes on disk, decodes images with Qt's plugins and shows
the main window. A broken bundle (a missing Qt plugin, image format or the sample data)
fails here with a line saying what broke, and the exit code is 1.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

TITLE = "Byline self-test: a post with a header image"
EXCERPT = "Written by byline --self-test; safe to delete."
BODY = "The self-test wrote this post.\n"
DATE = (2025, 8, 14, 22, 2, 54)
# What the post must look like in a blog with the default house style (POST_FORMAT.md).
EXPECTED_DEFAULT = (
    "---\n"
    "layout: post\n"
    f'title: "{TITLE}"\n'
    "date: 2025-08-14T22:02:54\n"
    'author: "byline"\n'
    "categories: [News]\n"
    "tags: []\n"
    f'excerpt: "{EXCERPT}"\n'
    "image: assets/images/{md5}.jpg\n"
    "---\n"
    "\n"
    f"{BODY}"
)
PLATFORMS = {"linux": ("offscreen", "xcb", "wayland"), "win32": ("offscreen", "windows"),
             "darwin": ("offscreen", "cocoa")}  # fmt: skip
IMAGE_FORMATS = ("jpeg", "png", "gif", "webp", "svg", "ico")
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="16" height="12">'
    b'<rect width="16" height="12" fill="#c33"/></svg>'
)


class SelfTestError(Exception):
    """One step failed; the message says what broke."""


class SelfTest:
    """The steps, in order, sharing a temporary folder."""

    def __init__(self, tmp: Path, out: TextIO) -> None:
        self.tmp = tmp
        self.out = out
        self.site_root = tmp / "site"
        self.jpeg = b""
        self.image_path: Path | None = None
        self.app: object = None

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    # --- steps ---------------------------------------------------------------

    def start_qt(self) -> str:
        """A QApplication on the offscreen platform, with settings kept in the temp folder."""
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            folder = self.tmp / "home" / var.lower()
            folder.mkdir(parents=True, exist_ok=True)
            os.environ[var] = str(folder)
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(self.tmp / "home")
        )
        self.app = QApplication.instance() or QApplication([sys.argv[0], "--self-test"])
        return f"platform {self.app.platformName()}"  # type: ignore[attr-defined]

    def platform_plugins(self) -> str:
        """The desktop platform plugins are in the build (only offscreen is used here)."""
        from PySide6.QtCore import QLibraryInfo

        folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
        found = {_plugin_name(p.name) for p in folder.glob("*")} if folder.is_dir() else set()
        wanted = PLATFORMS.get(sys.platform, ("offscreen",))
        missing = [w for w in wanted if f"q{w}" not in found]
        if missing:
            raise SelfTestError(f"platform plugins missing from {folder}: {', '.join(missing)}")
        return ", ".join(wanted)

    def open_site(self) -> str:
        """A temporary copy of the bundled sample blog (or a minimal site when there is none)."""
        from editor.resources import resource_path

        sample = resource_path("sample-blog")
        if sample.is_dir():
            shutil.copytree(sample, self.site_root)
            note = f"copy of {sample}"
        else:
            make_minimal_site(self.site_root)
            note = "no bundled sample blog: made a minimal site instead"
        from editor.core.site.site import Site

        site = Site.open(self.site_root)
        if site.problems:
            raise SelfTestError(f"the site has problems: {site.problems[0]}")
        return note

    def header_image(self) -> str:
        """A JPEG made by Pillow, stored as assets/images/<md5>.jpg."""
        self.jpeg = make_jpeg()
        self.image_path = store_header_image(self.site_root, self.jpeg)
        digest = hashlib.md5(self.jpeg).hexdigest()
        if self.image_path.name != f"{digest}.jpg":
            raise SelfTestError(f"image stored as {self.image_path.name}, expected {digest}.jpg")
        if self.image_path.read_bytes() != self.jpeg:
            raise SelfTestError(f"{self.image_path} does not hold the image's bytes")
        return str(self.image_path.relative_to(self.site_root))

    def save_post(self) -> str:
        """Create the post through editor.core, save it, and compare the bytes on disk."""
        from editor.core.index.site_index import open_site
        from editor.core.post.post import parse_post

        assert self.image_path is not None
        site = open_site(self.site_root)
        image = self.image_path.relative_to(self.site_root).as_posix()
        fields: dict[str, object] = {
            "layout": "post",
            "title": TITLE,
            "date": dt.datetime(*DATE, tzinfo=site.zone),
            "author": "byline",
            "categories": ["News"],
            "tags": [],
            "excerpt": EXCERPT,
            "image": image,
        }
        post = site.new_post(fields, BODY)
        path = site.write_new(post)
        data = path.read_bytes()
        if data != post.to_bytes():
            raise SelfTestError(f"{path.name} on disk differs from the post that was saved")
        # the exact bytes of POST_FORMAT.md; elsewhere the date carries the site's offset
        if site.style == _default_style() and _is_utc(site.zone):
            expected = EXPECTED_DEFAULT.replace("{md5}", hashlib.md5(self.jpeg).hexdigest())
            if data != expected.encode("utf-8"):
                raise SelfTestError(f"{path.name} is not in the blog's format:\n{data.decode()}")
        again = parse_post(data, path=str(path), zone=site.zone)
        if again.to_bytes() != data:
            raise SelfTestError(f"{path.name} does not survive being opened and saved")
        for key in ("title", "excerpt", "image"):
            if again.get(key) != fields[key]:
                raise SelfTestError(f"{path.name}: {key} reads back as {again.get(key)!r}")
        if again.date() != fields["date"]:
            raise SelfTestError(f"{path.name}: the date reads back as {again.date()}")
        return str(path.relative_to(self.site_root))

    def image_plugins(self) -> str:
        """Qt decodes the stored JPEG and every other format Byline shows."""
        from PySide6.QtGui import QImage, QImageReader

        assert self.image_path is not None
        supported = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
        missing = [f for f in IMAGE_FORMATS if f not in supported]
        if missing:
            raise SelfTestError(f"Qt image formats missing: {', '.join(missing)}")
        image = QImage(str(self.image_path))
        if image.isNull() or (image.width(), image.height()) != (64, 48):
            raise SelfTestError(f"Qt cannot read the header image {self.image_path.name}")
        for fmt, data in sample_images().items():
            # PySide6 takes the format as str, whatever its stubs say
            if QImage.fromData(data, fmt.upper()).isNull():  # type: ignore[arg-type]
                raise SelfTestError(f"Qt cannot decode a {fmt.upper()} image")
        return ", ".join(IMAGE_FORMATS)

    def markdown(self) -> str:
        """The preview's renderer: Markdown, its extensions and Pygments (loaded by name,
        so easy to miss in a bundle) all work."""
        import markdown

        from editor.core.render import render_post

        text = "Hi *there*\n\n| a |\n|---|\n| 1 |\n\n```python\nx = 1\n```\n"
        html = render_post(text, {"title": "Self-test"}).body
        for needed in ("<em>there</em>", "<table", 'class="highlight', "<span"):
            if needed not in html:
                raise SelfTestError(f"the preview rendered {html!r} (no {needed})")
        return f"markdown {markdown.__version__}, tables and highlighted code"

    def search(self) -> str:
        """SQLite with FTS5 (a build of SQLite without it would fail here) on the copied site."""
        import sqlite3

        from editor.core.index.site_index import SiteIndex
        from editor.core.search.store import SearchIndex
        from editor.core.site.site import Site

        site = Site.open(self.site_root, learn=False)
        index = SiteIndex(site, use_cache=False)
        search = SearchIndex(site.root, path=self.tmp / "search.sqlite3")
        try:
            search.sync(index.entries())
            found = search.search('"the"').total
        finally:
            search.close()
        if not found:
            raise SelfTestError("the search index found no post holding the word 'the'")
        return f"SQLite {sqlite3.sqlite_version} with FTS5, {found} posts found"

    def spelling(self) -> str:
        """A shipped dictionary loads (the compiled Hunspell with it) and flags a misspelling."""
        from editor.core.spelling.speller import Speller, checker_for

        checker = checker_for("en_GB")
        flags = Speller(checker).check_body("The colour of the `recieve` sky; we recieve it.")
        if [f.word for f in flags] != ["recieve"]:
            raise SelfTestError(f"the spell checker flagged {[f.word for f in flags]}")
        first = checker.suggest("recieve")[:1]
        if first != ["receive"]:
            raise SelfTestError(f"the spell checker suggested {first} for 'recieve'")
        return "en_GB flags 'recieve', suggests 'receive'"

    def window(self) -> str:
        """The main window shows the site and paints (offscreen)."""
        widget = show_main_window(self.site_root)
        try:
            if not wait_for_paint(widget):
                raise SelfTestError("the main window never painted")
            shot = widget.grab()
            if shot.isNull() or shot.width() < 1:
                raise SelfTestError("the main window painted nothing")
            return f"{type(widget).__name__} {shot.width()}x{shot.height()}"
        finally:
            widget.close()
            widget.deleteLater()

    def run(self) -> int:
        steps: list[tuple[str, Callable[[], str]]] = [
            ("start Qt", self.start_qt),
            ("platform plugins", self.platform_plugins),
            ("open the sample blog", self.open_site),
            ("store a header image", self.header_image),
            ("save a post", self.save_post),
            ("image format plugins", self.image_plugins),
            ("render Markdown", self.markdown),
            ("full-text search", self.search),
            ("spell checking", self.spelling),
            ("show the main window", self.window),
        ]
        for name, step in steps:
            try:
                detail = step()
            except Exception as exc:
                self.say(f"FAIL {name}: {exc}")
                if not isinstance(exc, SelfTestError):
                    self.say(traceback.format_exc().rstrip())
                return 1
            self.say(f"ok   {name}: {detail}")
        return 0


# --- the pieces the integrator may point elsewhere ------------------------------


def show_main_window(site_root: Path) -> QWidget:
    """The main window on `site_root`, shown. (The one place that follows editor.ui's API.)"""
    from editor.ui.startup import application

    open_window = getattr(application, "open_window", None)
    if open_window is not None:  # the real MainWindow: open_window(path, settings, data_dir)
        from editor.ui.settings import Settings

        window = open_window(str(site_root), Settings(), site_root.parent / "data")
    else:  # the placeholder window
        window = application.create_window(str(site_root))
    window.show()
    return window  # type: ignore[no-any-return]


def store_header_image(site_root: Path, data: bytes) -> Path:
    """Store `data` the way the window does: the image pipeline, then the content-hash store."""
    from editor.core.images.image_store import ImageStage
    from editor.core.images.pipeline import process_bytes

    stage = ImageStage()
    rel_path = stage.add(process_bytes(data, name="self-test.jpg"))
    stage.commit(site_root)
    return site_root / rel_path


def wait_for_paint(widget: QWidget, timeout_ms: int = 10000) -> bool:
    """Run the event loop until `widget`'s window has painted once (or the timeout)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from editor.ui.startup.first_paint import FirstPaint

    loop = QEventLoop()
    watcher = FirstPaint(widget)
    watcher.painted.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    if not watcher.seen:
        loop.exec()
    return watcher.seen


def make_minimal_site(root: Path) -> None:
    """The smallest site Byline opens: a config, an empty _posts/ and assets/images/."""
    (root / "_posts").mkdir(parents=True)
    (root / "assets" / "images").mkdir(parents=True)
    (root / "_config.yml").write_text(
        "title: Byline self-test\nmarkdown: kramdown\ntimezone: UTC\n", encoding="utf-8"
    )


def make_jpeg() -> bytes:
    """A 64x48 gradient JPEG from Pillow (the same bytes every time)."""
    from PIL import Image

    image = Image.new("RGB", (64, 48))
    image.putdata([(x * 4, y * 5, 128) for y in range(48) for x in range(64)])
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def sample_images() -> dict[str, bytes]:
    """One small image per format Qt must decode (Pillow writes all but SVG)."""
    from PIL import Image, features

    image = Image.new("RGB", (16, 12), (200, 40, 40))
    out = {"svg": SVG}
    for fmt in ("png", "gif", "ico") + (("webp",) if features.check("webp") else ()):
        buffer = io.BytesIO()
        image.save(buffer, fmt.upper())
        out[fmt] = buffer.getvalue()
    return out


def _plugin_name(file_name: str) -> str:
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def _default_style() -> object:
    from editor.core.post.house_style import DEFAULT_STYLE

    return DEFAULT_STYLE


def _is_utc(zone: dt.tzinfo) -> bool:
    from editor.core.post.dates import is_utc

    return is_utc(zone)


def main() -> int:
    out = sys.stdout or io.StringIO()  # a windowed Windows build has no stdout: use byline-cli
    tmp = Path(tempfile.mkdtemp(prefix="byline-selftest-"))
    try:
        code = SelfTest(tmp, out).run()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("self-test passed" if code == 0 else "self-test FAILED", file=out, flush=True)
    return code
