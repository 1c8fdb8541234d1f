"""The preview's HTML against what Jekyll's kramdown writes for the corpus in tests/fidelity."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fidelity"))
import compare

from editor.core.render.kramdown import render_markdown

# Known differences, each with the reason; strict: a fix must remove the entry.
KNOWN: dict[str, str] = {}
CASES = compare.cases()


def test_corpus_is_big_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(reason=KNOWN[n], strict=True)) if n in KNOWN else n
        for n in CASES
    ],
)
def test_matches_kramdown(name: str) -> None:
    ours = render_markdown(compare.source(name))
    assert compare.normalise(ours) == compare.normalise(compare.expected_html(name))


def test_at_least_90_percent_match() -> None:
    matched = sum(compare.matches(n, render_markdown(compare.source(n))) for n in CASES)
    assert matched / len(CASES) >= 0.9, f"{matched}/{len(CASES)}"
