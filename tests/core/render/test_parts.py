"""Long sections rendered in parts give the same bytes as rendered in one piece (issue 16).

`split_parts` cuts a section longer than LONG at ordinary paragraph starts. The tests cut
at every such start (LONG = 0, CUT_ONE_IN = 1), the hardest case, and compare with the
section rendered in one piece: the random blog-like posts of test_fidelity_random.py and
the fidelity corpus. Line anchors (for scroll sync) may be more by part, as by section.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_fidelity_random import _Post  # the random blog-like posts

from editor.core.render import kramdown, sections
from editor.core.render.kramdown import render_markdown
from editor.core.render.sections import split_parts

FIDELITY = Path(__file__).resolve().parents[2] / "fidelity" / "docs"
_ANCHOR = re.compile(r'<a name="line-\d+"></a>')


def _in_one_piece(text: str, anchors: bool) -> str:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(sections, "LONG", 10**12)
        kramdown.CACHE.clear()
        return render_markdown(text, line_anchors=anchors)


def _in_parts(text: str, anchors: bool) -> str:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(sections, "LONG", 0)
        m.setattr(sections, "CUT_ONE_IN", 1)
        kramdown.CACHE.clear()
        return render_markdown(text, line_anchors=anchors)


def _same(text: str) -> None:
    assert _in_parts(text, False) == _in_one_piece(text, False)
    with_anchors = _in_parts(text, True)
    assert _ANCHOR.sub("", with_anchors) == _ANCHOR.sub("", _in_one_piece(text, True))


def test_random_posts_render_the_same_in_parts() -> None:
    rng = random.Random(16)
    for _ in range(120):
        text = "\n\n".join(_Post(rng).text() for _ in range(rng.randint(1, 4)))
        _same(("* TOC\n{:toc}\n\n" if rng.random() < 0.2 else "") + text)


@pytest.mark.parametrize("doc", sorted(FIDELITY.glob("*.md")), ids=lambda p: p.stem)
def test_the_fidelity_corpus_renders_the_same_in_parts(doc: Path) -> None:
    _same(doc.read_text(encoding="utf-8"))


# where a cut would change the output: (text after "Intro", the parts' first lines)
NOT_CUTS = {
    "definition list goes on": ("Term\n: one\n\nOther term\n: two\n", [0]),
    "definition after a blank": ("Term\n: one\n\nOther\n\n: two\n", [0]),
    "raw HTML with blank lines": ('<div class="x">\n\nInside\n\n</div>\n\nAfter\n', [0]),
    "after raw HTML": ("<div>x</div>\n\nAfter\n", [0]),
    "HTML in a paragraph": ("Caption\n<div>\n  <img src='a.png'>\n</div>\n\nAfter\n", [0, 2]),
    "comment": ("<!--\n\nStill a comment\n\n-->\n\nAfter\n", [0]),
    "math": ("$$\na\n\nb\n$$\n\nAfter\n", [0]),
    "extension": ("{::comment}\n\nhidden\n\n{:/comment}\n\nAfter\n", [0]),
    "extension with options": ('{::nomarkdown type="html"}\n\nraw\n\n{:/}\n\nAfter\n', [0]),
    "parse_block_html": (
        '{::options parse_block_html="true" /}\n\nOne\n\n<div>\n*x*\n</div>\n',
        [0],
    ),
    "parse_block_html across headings": (
        '{::options parse_block_html="true" /}\n\n## Two\n\n<div>\n*x*\n</div>\n\n## Three\n',
        [0],
    ),
    "IAL for the next block": ("{: .lead}\n\nLead paragraph\n", [0]),
    "tab after a bullet": ("-\ta\n\n*\tb\n\n+\tc\n", [0]),
    "fence": ("```\n\nnot a paragraph\n\n```\n", [0]),
    "ordinary paragraphs": ("One\n\nTwo\n", [0, 2, 4]),
}


@pytest.mark.parametrize("name", sorted(NOT_CUTS))
def test_no_cut_where_blocks_reach_across(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sections, "LONG", 0)
    monkeypatch.setattr(sections, "CUT_ONE_IN", 1)
    text, starts = NOT_CUTS[name]
    text = "Intro\n\n" + text
    assert [first for first, _ in split_parts(text) or [(0, text)]] == starts
    _same(text)


def _long_post(paragraphs: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    words = [
        "trail",
        "summit",
        "ridge",
        "lake",
        "camp",
        "morning",
        "river",
        "forest",
        "valley",
        "stone",
    ]
    return "\n\n".join(
        " ".join(rng.choice(words) for _ in range(60)).capitalize() + f" *{i}*."
        for i in range(paragraphs)
    )


def test_a_long_section_is_cut_and_an_edit_moves_no_other_cut() -> None:
    text = _long_post(600)  # ~240 KB, no heading: one section
    parts = split_parts(text)
    assert parts is not None and len(parts) > 20
    assert max(len(part) for _, part in parts) <= sections.MAX_PART + 1000
    middle = text.index("\n\n", len(text) // 2) + 2
    edited = text[:middle] + "An edit, " + text[middle:]
    before = {part for _, part in parts}
    after = {part for _, part in split_parts(edited) or []}
    assert len(after - before) == 1  # only the part holding the edit is new


def test_a_keystroke_in_a_long_section_renders_one_part(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _long_post(600)
    render_markdown(text)
    calls = []
    original = kramdown.KramdownRenderer.convert

    def counting(self, source, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(source)
        return original(self, source, **kwargs)

    monkeypatch.setattr(kramdown.KramdownRenderer, "convert", counting)
    middle = text.index("\n\n", len(text) // 2) + 2
    render_markdown(text[:middle] + "x" + text[middle:])
    assert len(calls) == 1


def test_rendering_time_grows_linearly_with_the_text() -> None:
    # not a timing gate (tests/perf/bench_render_size.py measures s/MB): the work per
    # part stays the same, so four times the text is four times the parts
    small = split_parts(_long_post(400)) or []
    large = split_parts(_long_post(1600)) or []
    per_part = [len(p) for _, p in large]
    assert 3 * len(small) <= len(large) <= 5 * len(small)
    assert max(per_part) <= sections.MAX_PART + 1000
