"""Appearance: follow the desktop's light or dark theme, or choose one (Preferences).

A chosen theme is a whole palette on the application (Fusion draws any palette
faithfully), so the window, its dialogs and the preview (which re-renders with its dark
stylesheet on a palette change) all follow; "system" gives back what the desktop set.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

CHOICES = (("system", "System"), ("light", "Light"), ("dark", "Dark"))

_R = QPalette.ColorRole
_DARK = {
    _R.Window: "#2b2b2b", _R.WindowText: "#e6e6e6", _R.Base: "#1f1f1f",
    _R.AlternateBase: "#2f2f2f", _R.ToolTipBase: "#3a3a3a", _R.ToolTipText: "#e6e6e6",
    _R.PlaceholderText: "#9a9a9a", _R.Text: "#e6e6e6", _R.Button: "#353535",
    _R.ButtonText: "#e6e6e6", _R.BrightText: "#ff6b6b", _R.Link: "#6cb4ff",
    _R.LinkVisited: "#b99cff", _R.Highlight: "#2f6db5", _R.HighlightedText: "#ffffff",
    _R.Light: "#4a4a4a", _R.Midlight: "#3e3e3e", _R.Mid: "#2a2a2a", _R.Dark: "#151515",
    _R.Shadow: "#000000",
}  # fmt: skip
_LIGHT = {
    _R.Window: "#efefef", _R.WindowText: "#1a1a1a", _R.Base: "#ffffff",
    _R.AlternateBase: "#f5f5f5", _R.ToolTipBase: "#ffffdc", _R.ToolTipText: "#1a1a1a",
    _R.PlaceholderText: "#6e6e6e", _R.Text: "#1a1a1a", _R.Button: "#efefef",
    _R.ButtonText: "#1a1a1a", _R.BrightText: "#ffffff", _R.Link: "#0b57d0",
    _R.LinkVisited: "#6a3fb5", _R.Highlight: "#3072c4", _R.HighlightedText: "#ffffff",
    _R.Light: "#ffffff", _R.Midlight: "#e3e3e3", _R.Mid: "#b8b8b8", _R.Dark: "#9f9f9f",
    _R.Shadow: "#767676",
}  # fmt: skip

_system: tuple[QPalette, str] | None = None  # the desktop's palette and style, kept once
_applied = "system"  # what the application shows now (at start: the desktop's own)


def palette_for(choice: str) -> QPalette | None:
    """The palette a choice stands for (None: the system's)."""
    colours = {"dark": _DARK, "light": _LIGHT}.get(choice)
    if colours is None:
        return None
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (_R.Text, _R.WindowText, _R.ButtonText):  # greyed-out items stay readable
        faded = QColor(colours[role])
        faded.setAlpha(120)
        palette.setColor(QPalette.ColorGroup.Disabled, role, faded)
    return palette


def apply(choice: str) -> bool:
    """Give the whole application the chosen appearance ("system", "light" or "dark");
    False when nothing changed."""
    app = QApplication.instance()
    global _system, _applied
    if not isinstance(app, QApplication) or choice == _applied:
        return False  # nothing to change: start-up with "system" costs nothing
    _applied = choice if choice in ("light", "dark") else "system"
    if _system is None:
        _system = (app.palette(), app.style().name())
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
    app.styleHints().setColorScheme(scheme.get(choice, Qt.ColorScheme.Unknown))
    palette = palette_for(choice)
    style = "fusion"
    if palette is None:
        palette, style = _system
    if app.style().name() != style:
        app.setStyle(style)
    app.setPalette(palette)
    # widgets under a style sheet (the form's banners, the conflict bar) keep the palette
    # they were polished with until their sheet is set again
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)
    return True
