"""Comparing two versions of a post: a unified diff, and rows for a side-by-side view."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

RowKind = Literal["same", "changed", "removed", "added"]


def unified_diff(old: str, new: str, old_name: str = "on disk", new_name: str = "yours") -> str:
    """A unified diff of two texts ("" when they are equal)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=old_name,
        tofile=new_name,
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


@dataclass(frozen=True)
class Row:
    """One line pair of a side-by-side diff; a missing side is None."""

    kind: RowKind
    left_no: int | None
    left: str | None
    right_no: int | None
    right: str | None


def side_by_side(old: str, new: str) -> list[Row]:
    """Rows pairing the lines of `old` (left) and `new` (right), in order."""
    a = old.splitlines()
    b = new.splitlines()
    rows: list[Row] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [
                Row("same", i + 1, a[i], j + 1, b[j])
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            ]
            continue
        left = list(range(i1, i2))
        right = list(range(j1, j2))
        for n in range(max(len(left), len(right))):
            i = left[n] if n < len(left) else None
            j = right[n] if n < len(right) else None
            kind: RowKind = (
                "changed"
                if i is not None and j is not None
                else ("removed" if i is not None else "added")
            )
            rows.append(
                Row(
                    kind,
                    None if i is None else i + 1,
                    None if i is None else a[i],
                    None if j is None else j + 1,
                    None if j is None else b[j],
                )
            )
    return rows
