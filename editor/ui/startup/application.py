"""The QApplication, what to open (an argument, the last site, the sample blog), start-up."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from editor import __version__
from editor.core import paths
from editor.core.errors import BylineError, SiteError
from editor.core.site.sample_blog import install_sample_blog
from editor.core.site.site import Site, is_lone_post
from editor.resources import resource_path
from editor.ui import appearance
from editor.ui.qt_paths import app_cache_dir, app_data_dir
from editor.ui.settings import Settings
from editor.ui.startup.first_paint import exit_after_first_paint_if_asked
from editor.ui.startup.quit_signals import QuitSignals
from editor.ui.window.main_window import MainWindow

MEASURE_ENV = "BYLINE_MEASURE_STARTUP"
TYPE_ENV = (
    "BYLINE_TEST_TYPE"  # editor/ui/startup/typing_hook.py: the kill test types into the window
)


def choose_target(path: str | None, settings: Settings, data_dir: Path) -> tuple[Site, Path | None]:
    """The site (and maybe the post) to open: PATH, else the last site, else the sample blog."""
    if path:
        target = Path(path).expanduser().resolve()
        try:
            site = Site.open(target, learn=False, cache_dir=app_cache_dir())
        except SiteError:
            if not is_lone_post(target):
                raise
            site = Site.lone_post(target, cache_dir=app_cache_dir())
        return site, target if target.is_file() else None
    last = settings.get("site/last")
    if last and Path(last).is_dir():
        try:
            return Site.open(last, learn=False, cache_dir=app_cache_dir()), None
        except BylineError:
            pass
    sample = install_sample_blog(resource_path("sample-blog"), data_dir)
    return Site.open(sample, learn=False, cache_dir=app_cache_dir()), None


def open_window(path: str | None, settings: Settings, data_dir: Path | None = None) -> MainWindow:
    data_dir = data_dir or app_data_dir()
    site, post = choose_target(path, settings, data_dir)
    return MainWindow(site, settings, post, data_dir=data_dir)


class _FirstPaint(QObject):
    """Prints the wall-clock time of the window's first paint (the start-up benchmark reads it)."""

    def __init__(self, quit_after: bool) -> None:
        super().__init__()
        self.quit_after = quit_after
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            print(f"byline-first-paint {time.time():.6f}", flush=True)
            if self.quit_after:
                QTimer.singleShot(0, QApplication.quit)
        return False


def _shoot_when_ready(window: MainWindow, out: Path) -> None:
    """`make screenshot`: once the list is filled and the preview rendered, save the window."""

    def shoot() -> None:
        if window.post_list.path_count() == 0:
            QTimer.singleShot(200, shoot)
            return
        out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out))
        print(out)
        QApplication.quit()

    QTimer.singleShot(1500, shoot)


def _collector_back() -> None:
    """The cyclic garbage collector on again (editor/app.py turns it off for start-up),
    the objects start-up made left out of its passes: they live as long as the app."""
    gc.freeze()
    gc.enable()


def run_gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="byline")
    parser.add_argument("path", nargs="?", help="a site folder or a post to open")
    parser.add_argument("--measure-startup", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure-settled", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    args = parser.parse_args(list(argv))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(paths.APP)  # Qt's folders are then the command line's
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("byline")
    from editor.ui.widgets.icons import app_icon

    app.setWindowIcon(app_icon())
    settings = Settings()
    appearance.apply(settings.get("appearance/theme"))  # before any icon is drawn
    path = args.path
    while True:
        try:
            window = open_window(path, settings)
            break
        except BylineError as exc:
            from editor.ui.startup.open_failed import ask_what_instead

            gc.enable()  # no window to wait for: a dialog, then maybe another try
            path = ask_what_instead(exc)
            if path is None:
                return 2
    window.after_paint.run(_collector_back)
    probe = None
    if args.measure_startup or args.measure_settled or os.environ.get(MEASURE_ENV):
        probe = _FirstPaint(quit_after=args.measure_startup)
        window.installEventFilter(probe)
    if args.measure_settled:
        from editor.ui.startup.settled import SettledProbe

        window.settled_probe = SettledProbe(window.preview.browser.viewport(),
                                            window.preview.rendered)  # fmt: skip
    exit_after_first_paint_if_asked(app, window)
    window.show()
    if args.screenshot:
        _shoot_when_ready(window, Path(args.screenshot))
    if os.environ.get(TYPE_ENV):
        from editor.ui.startup.typing_hook import type_if_asked

        type_if_asked(window, window.markdown.editor)
    if sys.platform == "darwin":  # the only system that sends QFileOpenEvent
        from editor.ui.startup.file_open import FileOpener

        # an application-wide filter sees every event of every object: elsewhere it would
        # only cost time (and make PySide6 create a Python class for each kind of object)
        app.installEventFilter(FileOpener(window, window.open_path))
    quit_signals = QuitSignals(app)
    quit_signals.requested.connect(lambda number: _end_on_signal(app, window, number))
    code = app.exec()
    quit_signals.uninstall()
    settings.sync()
    return code


def _end_on_signal(app: QApplication, window: MainWindow, number: int) -> None:
    """Logout, shutdown or `kill`: journal what is unsaved, close, exit as the signal asks."""
    window.close_keeping_changes()
    app.exit(128 + number)
