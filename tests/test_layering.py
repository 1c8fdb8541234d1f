"""The layering the folders promise (docs/architecture.md), checked on every import.

Every `import` counts, also those inside functions and under TYPE_CHECKING: a lazy import
is still a dependency.
"""

import ast
from pathlib import Path

EDITOR = Path(__file__).resolve().parent.parent / "editor"
CORE = EDITOR / "core"
UI = EDITOR / "ui"

QT = {"PySide6", "shiboken6", "PyQt6", "PyQt5"}

# what each core package may import of Byline (besides itself); "" is core's top-level
# modules (errors, paths), which import nothing of Byline's
CORE_LAYERS: dict[str, set[str]] = {
    "": set(),
    "post": {""},
    "safety": {"", "post"},
    "site": {"", "post", "safety"},
    "index": {"", "post", "safety", "site"},
    "images": {"", "post", "safety", "site"},
    "markup": set(),
    "render": {"", "post", "site", "images", "markup"},
    "search": {"", "post", "safety", "site", "index"},
    "publish": {""},
    "siteserve": {"", "post", "site", "render"},
    "spelling": {"", "post", "safety", "site", "index"},
    "terms": {"", "post", "safety", "site", "index"},
    "writing": {"", "post", "safety"},
}

# what each ui package may import of editor.ui (besides itself); all may use core; "" is
# ui's top-level modules (the settings table, Qt's user folders)
UI_LAYERS: dict[str, set[str]] = {
    "": set(),
    "widgets": set(),
    "panes": {"", "widgets"},
    "form": {"", "widgets"},
    "dialogs": {"", "widgets"},
    "safety": {"", "widgets", "dialogs", "window"},
    "window": {
        "",
        "widgets",
        "panes",
        "form",
        "dialogs",
        "safety",
        "publish",
        "sitewide",
        "spelling",
    },
    "publish": {"", "widgets", "dialogs", "window"},
    "sitewide": {"", "widgets", "dialogs", "window"},
    "startup": {"", "widgets", "dialogs", "window"},
    "spelling": {"", "widgets", "window"},
}


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from editor.core.site import post_actions` imports the module post_actions
            names += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    return names


def package_of(module: str, layer: str) -> str | None:
    """`editor.core.post.dates` -> "post"; `editor.core.errors` -> ""; None outside."""
    prefix = f"editor.{layer}."
    if not module.startswith(prefix):
        return None
    parts = module[len(prefix) :].split(".")
    folder = EDITOR / layer / parts[0]
    return parts[0] if folder.is_dir() else ""


def own_package(path: Path, root: Path) -> str:
    rel = path.relative_to(root).parts
    return rel[0] if len(rel) > 1 else ""


def test_core_never_imports_qt() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        if any(n.split(".")[0] in QT for n in imported_modules(path)):
            offenders.append(str(path.relative_to(CORE)))
    assert offenders == []


def test_core_never_imports_ui_cli_or_app() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        for name in imported_modules(path):
            if name.startswith(("editor.ui", "editor.cli", "editor.app", "editor.selftest")):
                offenders.append(f"{path.relative_to(CORE)} imports {name}")
    assert offenders == []


def test_every_package_is_in_the_layering_table() -> None:
    core = {p.name for p in CORE.iterdir() if (p / "__init__.py").exists()}
    ui = {p.name for p in UI.iterdir() if (p / "__init__.py").exists()}
    assert core == set(CORE_LAYERS) - {""}
    assert ui == set(UI_LAYERS) - {""}


def _wrong_way(root: Path, layer: str, table: dict[str, set[str]]) -> list[str]:
    offenders = []
    for path in root.rglob("*.py"):
        mine = own_package(path, root)
        for name in imported_modules(path):
            theirs = package_of(name, layer)
            if theirs is None or theirs == mine or theirs in table[mine]:
                continue
            offenders.append(f"{path.relative_to(root)} imports {name}")
    return sorted(set(offenders))


def test_core_packages_import_only_the_layers_below() -> None:
    assert _wrong_way(CORE, "core", CORE_LAYERS) == []


def test_ui_packages_import_only_what_they_may() -> None:
    assert _wrong_way(UI, "ui", UI_LAYERS) == []


def test_widgets_know_nothing_of_byline() -> None:
    offenders = [
        f"{path.name} imports {name}"
        for path in (UI / "widgets").rglob("*.py")
        for name in imported_modules(path)
        if name.startswith("editor.")
        and not name.startswith(("editor.ui.widgets", "editor.resources"))
    ]
    assert offenders == []


def test_a_wrong_way_import_is_caught(tmp_path: Path) -> None:
    (tmp_path / "post").mkdir()
    (tmp_path / "post" / "bad.py").write_text("from editor.core.site.site import Site\n")
    (tmp_path / "post" / "ok.py").write_text("from editor.core.errors import BylineError\n")
    assert imported_modules(tmp_path / "post" / "bad.py")[0] == "editor.core.site.site"
    assert package_of("editor.core.site.site", "core") == "site"
    assert package_of("editor.core.errors", "core") == ""
    assert "site" not in CORE_LAYERS["post"]


def test_no_package_is_crowded() -> None:
    crowded = {
        str(folder.relative_to(EDITOR)): n
        for folder in [*CORE.rglob("*"), *UI.rglob("*"), EDITOR / "cli"]
        if folder.is_dir() and folder.name != "__pycache__"
        if (n := len([p for p in folder.glob("*.py") if p.name != "__init__.py"])) > 15
    }
    assert crowded == {}
