"""The main window's panes: their splitters, default sizes, and sizes and views kept in settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter

if TYPE_CHECKING:
    from editor.ui.window.main_window import MainWindow


def default_sizes(width: int, form_min: int) -> tuple[int, int, int, int]:
    """List, form, Markdown and preview widths: the Markdown pane, where authors write, widest."""
    list_w = min(260, round(width * 0.17))
    form_w = max(form_min, min(400, round(width * 0.25)))
    preview_w = min(400, round(width * 0.25))
    markdown_w = width - list_w - form_w - preview_w
    if markdown_w < preview_w:  # a small screen: the preview and the text share what is left
        preview_w = markdown_w = (width - list_w - form_w) // 2
    return list_w, form_w, max(0, markdown_w), preview_w


def build(window: MainWindow) -> None:
    """The panes in their splitters, at their default sizes (settings may restore others)."""
    form_scroll = QScrollArea(window)
    form_scroll.setWidget(window.form)
    form_scroll.setWidgetResizable(True)
    form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
    # the form never clips: its pane is at least as wide as the form needs
    form_scroll.setMinimumWidth(window.form.minimumSizeHint().width() + 20)
    window.post_list.setMinimumWidth(160)
    window.markdown.setMinimumWidth(280)
    window.preview.setMinimumWidth(160)
    window.setCentralWidget(window.splitter)
    screen = window.screen().availableGeometry()
    width, height = min(1440, screen.width()), min(900, screen.height())
    window.resize(width, height)
    list_w, form_w, markdown_w, preview_w = default_sizes(width, form_scroll.minimumWidth())
    window.splitter.setSizes([list_w, form_w + markdown_w, preview_w])
    window.centre.setSizes([form_w, markdown_w])


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
        ("view/outline", window.actions.show_outline),
    )
    for key, action in views:
        action.setChecked(bool(s.get(key)))
        action.toggled.emit(action.isChecked())
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
    s.set("view/outline", window.actions.show_outline.isChecked())
    s.sync()
