"""Our modules are spared PySide6's reading of their source at import (start-up, issue 18)."""

from __future__ import annotations

import inspect
import sys
from types import ModuleType

import pytest

from editor.ui.startup.feature_scan import spare_our_modules

NOT_YET = "editor.ui.startup.file_open"  # imported on macOS only


def test_our_modules_are_not_read_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    assert spare_our_modules()  # this PySide6 has the scan
    table = sys.modules["PySide6.support.feature"].pyside_feature_dict
    monkeypatch.delitem(sys.modules, NOT_YET, raising=False)
    monkeypatch.delitem(table, NOT_YET, raising=False)
    read: list[str] = []
    real = inspect.getsource

    def getsource(obj: object) -> str:
        if isinstance(obj, ModuleType):
            read.append(obj.__name__)
        return real(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", getsource)
    __import__(NOT_YET, fromlist=["FileOpener"])  # as `from ... import` does
    assert sys.modules[NOT_YET].FileOpener  # imported whole, and works as before
    assert NOT_YET not in read
    assert table[NOT_YET] == 0  # what PySide6 gives a module using it without features
    # other modules still get PySide6's own look
    monkeypatch.delitem(sys.modules, "colorsys", raising=False)
    monkeypatch.delitem(table, "colorsys", raising=False)
    __import__("colorsys")
    assert "colorsys" in read


def test_installed_once() -> None:
    spare_our_modules()
    spare_our_modules()
    finders = [f for f in sys.meta_path if type(f).__name__ == "_OursNeedNoScan"]
    assert len(finders) == 1
