"""The main window's panes: their splitters, default sizes, and sizes and views kept in settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QScrollArea, QSplitter

from editor.ui import appearance
from editor.ui.widgets.icons import retint

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


FORM_MIN = 240  # px: narrower, the form scrolls sideways instead of taking the text's room
MARKDOWN_SHARE = 0.36  # of the window: the writing pane never gets less while others can give
SLACK = 32  # px the Markdown pane may lack before a resize moves the other panes


def default_sizes(
    width: int, form_min: int = FORM_MIN, form_natural: int = 0
) -> tuple[int, int, int, int]:
    """List, form, Markdown and preview widths. The Markdown pane, where authors write, gets
    the space first at every window size: never narrower than the form or the preview, and
    at least a third of the window while the other panes can give (down to their minimums:
    the preview to 220 px, the form to `form_min`, the list to 160 px). The form starts at
    the width it needs (`form_natural`) when the window has room for that."""
    list_w = max(160, min(260, round(width * 0.15)))
    form_w = max(form_min, min(400, max(form_natural, round(width * 0.22))))
    preview_w = max(220, min(400, round(width * 0.24)))
    want = max(form_w, preview_w, round(width * MARKDOWN_SHARE))
    sizes = {"list": list_w, "form": form_w, "preview": preview_w}
    sizes["markdown"] = width - list_w - form_w - preview_w
    room = make_room(sizes, want, form_min)
    return room["list"], room["form"], max(0, room["markdown"]), room["preview"]


def make_room(sizes: dict[str, int], want: int, form_min: int = FORM_MIN) -> dict[str, int]:
    """Pane widths with the Markdown pane grown to `want`, taken from the preview, then the
    form, then the list, none below its minimum; hidden panes (0) are left alone."""
    out = dict(sizes)
    for pane, floor in (("preview", 220), ("form", form_min), ("list", 160)):
        short = want - out["markdown"]
        if short <= 0:
            break
        if out[pane] <= 0:
            continue
        give = min(short, max(0, out[pane] - floor))
        out[pane] -= give
        out["markdown"] += give
    return out


class _MarkdownFirst(QObject):
    """After every resize of the window the Markdown pane gets the room first: QSplitter
    would otherwise shrink its stretching pane, the one authors write in, before the rest."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.rebalance)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self._timer.start()
        return False

    def rebalance(self) -> None:
        w = self.window
        list_w, centre_w, preview_w = w.splitter.sizes()
        form_w, markdown_w = w.centre.sizes()
        if not w.form_scroll.isVisibleTo(w):
            form_w = 0
        total = list_w + form_w + markdown_w + preview_w
        want = max(form_w, preview_w, round(total * MARKDOWN_SHARE))
        # a few pixels short (splitter handles, rounding) is no reason to resize the
        # preview, which would render again for its new width
        if markdown_w >= want - SLACK or centre_w <= 0:
            return
        sizes = {"list": list_w, "form": form_w, "markdown": markdown_w, "preview": preview_w}
        new = make_room(sizes, want)
        if new == sizes:
            return
        w.splitter.setSizes([new["list"], new["form"] + new["markdown"], new["preview"]])
        w.centre.setSizes([new["form"], new["markdown"]])


def build(window: MainWindow) -> None:
    """The panes in their splitters, at their default sizes (settings may restore others)."""
    form_scroll = QScrollArea(window)
    form_scroll.setWidget(window.form)
    form_scroll.setWidgetResizable(True)
    form_scroll.setAccessibleName("Front matter form")
    window.form_scroll = form_scroll
    window.centre = QSplitter(Qt.Orientation.Horizontal, window)
    window.centre.addWidget(form_scroll)
    window.centre.addWidget(window.safety.editor_column(window.markdown))
    window.centre.setStretchFactor(1, 1)
    window.splitter = QSplitter(Qt.Orientation.Horizontal, window)
    window.splitter.addWidget(window.post_list)
    window.splitter.addWidget(window.centre)
    window.splitter.addWidget(window.preview)
    window.splitter.setStretchFactor(1, 1)
    for s in (window.splitter, window.centre):
        s.setChildrenCollapsible(False)
    # the form may scroll (sideways too) rather than squeeze the Markdown pane
    form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    form_scroll.setMinimumWidth(FORM_MIN)
    window.post_list.setMinimumWidth(160)
    window.markdown.setMinimumWidth(280)
    window.preview.setMinimumWidth(160)
    window.setCentralWidget(window.splitter)
    screen = window.screen().availableGeometry()
    width, height = min(1440, screen.width()), min(900, screen.height())
    window.resize(width, height)
    natural = window.form.minimumSizeHint().width() + 20  # + a vertical scroll bar
    list_w, form_w, markdown_w, preview_w = default_sizes(width, FORM_MIN, natural)
    window.splitter.setSizes([list_w, form_w + markdown_w, preview_w])
    window.centre.setSizes([form_w, markdown_w])
    window.markdown_first = _MarkdownFirst(window)


def apply_settings(window: MainWindow) -> None:
    """Restore the geometry, pane sizes, shown panes and editor font the author left."""
    s = window.settings
    geometry = s.get("window/geometry")
    if geometry:
        window.restoreGeometry(geometry)
    for key, splitter in (
        ("window/main_splitter", window.splitter),
        ("window/centre_splitter", window.centre),
    ):
        state = s.get(key)
        if state:
            splitter.restoreState(state)
    views = (
        ("view/post_list", window.actions.show_list),
        ("view/form", window.actions.show_form),
        ("view/preview", window.actions.show_preview),
        ("view/spelling", window.actions.check_spelling),
        ("view/outline", window.actions.show_outline),
    )
    for key, action in views:
        action.setChecked(bool(s.get(key)))
        action.toggled.emit(action.isChecked())
    if appearance.apply(s.get("appearance/theme")):
        retint(window)  # icons drawn for the old palette
    window.markdown.set_font_choice(s.get("editor/font"), s.get("editor/font_size"))
    window.markdown.set_wrap(s.get("editor/wrap"))
    window.images.set_settings(s.image_settings())


def save_settings(window: MainWindow) -> None:
    """Keep the geometry, pane sizes and shown panes for the next start."""
    s = window.settings
    s.set("window/geometry", window.saveGeometry())
    s.set("window/main_splitter", window.splitter.saveState())
    s.set("window/centre_splitter", window.centre.saveState())
    s.set("view/post_list", window.actions.show_list.isChecked())
    s.set("view/form", window.actions.show_form.isChecked())
    s.set("view/preview", window.actions.show_preview.isChecked())
    s.set("view/spelling", window.actions.check_spelling.isChecked())
    s.set("view/outline", window.actions.show_outline.isChecked())
    s.sync()
