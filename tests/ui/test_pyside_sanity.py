"""Guards against a Qt binding that would crash a long editing session."""

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    # PySide6 6.12.0 decremented None's refcount on every call returning nothing: on
    # Python 3.11 (None not immortal) the app aborted after some thousand UI updates.
    label = QLabel()
    qtbot.add_widget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
    assert sys.getrefcount(None) - before > -100
