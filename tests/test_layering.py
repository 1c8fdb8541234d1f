"""editor/core stays free of Qt, so it is testable and usable without a display."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "editor" / "core"


def test_core_never_imports_qt() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in {"PySide6", "shiboken6", "PyQt6", "PyQt5"} for n in names):
                offenders.append(str(path.relative_to(CORE)))
    assert offenders == []
