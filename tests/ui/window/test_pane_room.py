"""The Markdown pane gets the room first at every window size (1280x720 too), its toolbar
fits, and the form fields read whole: title and counter apart, the image's name and size
on lines of their own, a hint in the empty Other fields table."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton

from editor.ui.window.main_window import MainWindow
from editor.ui.window.window_layout import make_room


def _widths(window: MainWindow) -> dict[str, int]:
    return {
        "list": window.post_list.width(),
        "form": window.form_scroll.width(),
        "markdown": window.markdown.width(),
        "preview": window.preview.width(),
    }


def _toolbar_overflows(window: MainWindow) -> bool:
    ext = window.markdown.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    return ext is not None and ext.isVisible()


def test_markdown_first_at_every_window_size(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    for width, height in ((1440, 900), (1280, 720), (1366, 768), (1024, 700), (1920, 1080)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: abs(window.width() - w) < 2, timeout=2000)
        qtbot.wait(50)  # the rebalance after the resize
        panes = _widths(window)
        assert panes["markdown"] >= max(panes["form"], panes["preview"]), (width, panes)
        assert panes["markdown"] >= 0.33 * width, (width, panes)
        if width >= 1280:
            assert not _toolbar_overflows(window), (width, panes)


def test_make_room_takes_from_the_preview_then_the_form() -> None:
    sizes = {"list": 200, "form": 400, "markdown": 285, "preview": 395}
    assert make_room(sizes, 461) == {"list": 200, "form": 399, "markdown": 461, "preview": 220}
    room = make_room(sizes, 600)
    assert room == {"list": 200, "form": 260, "markdown": 600, "preview": 220}
    assert sum(room.values()) == sum(sizes.values())
    hidden = make_room({"list": 200, "form": 0, "markdown": 300, "preview": 0}, 400)
    assert hidden == {"list": 160, "form": 0, "markdown": 340, "preview": 0}


def test_form_fields_read_whole(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.resize(1280, 720)
    qtbot.wait(100)
    form = window.form
    title, count = form.title_edit.geometry(), form.title_count.geometry()
    assert count.left() - title.right() >= 8  # the counter is not pressed against the field
    image = form.image
    qtbot.waitUntil(lambda: "px" in image.info_label.text(), timeout=5000)
    shown = image.path_label.text()  # most of the name, not "d181….jpg"
    assert shown.endswith(".jpg") and len(shown.replace("…", "")) >= 24, shown
    assert image.path_label.toolTip() == image.rel_path()
    metrics = image.info_label.fontMetrics()
    assert image.info_label.height() < 2 * metrics.height()  # "… px · 46 KB" on one line
    # a post without other fields: the table says what it is for
    window.open_post(
        window.site.root / "_posts" / "2025-03-08-walking-the-fjord-path-in-early-spring.md"
    )
    other = form.other
    assert other.table.rowCount() == 0
    assert other.empty_hint.isVisible() and not other.table.isVisible()
    assert "Add field" in other.empty_hint.text()
