"""Our own modules spared PySide6's `__feature__` scan at import.

PySide6 wraps `import` and, for every module imported after it, reads the module's whole
source (inspect.getsource) to decide whether it may use `from __feature__ import ...`.
Byline never does; that reading of ~100 files costs ~15 ms before the first paint. A
module PySide6 already has an entry for is not read, so ours get the entry the scan would
give a module that uses PySide6 without features (0) as they are imported. Nothing else
changes: should PySide6 keep its table elsewhere one day, this does nothing.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

PACKAGE = "editor"
NO_FEATURES = 0  # PySide6's select id for "uses PySide6, no __feature__ selected"


class _OursNeedNoScan:
    """A finder (importlib.abc.MetaPathFinder's protocol; importing that module costs
    ~8 ms) that finds nothing itself: notes each of our modules as it is looked for."""

    def __init__(self, table: dict[str, int]) -> None:
        self.table = table

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname == PACKAGE or fullname.startswith(PACKAGE + "."):
            self.table.setdefault(fullname, NO_FEATURES)
        return None  # the usual finders find it


def spare_our_modules() -> bool:
    """Install the finder (once); False when this PySide6 has no such scan."""
    import PySide6.QtCore  # noqa: F401  (loads the feature module this looks for)

    feature = sys.modules.get("PySide6.support.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return False
    if not any(isinstance(f, _OursNeedNoScan) for f in sys.meta_path):
        sys.meta_path.insert(0, _OursNeedNoScan(table))
    return True
