"""A document patched section by section is the same as one built afresh."""

import pytest
from PySide6.QtGui import QTextDocument

from editor.core.render import SiteContext, stylesheet
from editor.ui.panes.preview_document import (
    Change,
    PartMap,
    RenderRequest,
    patch_document,
    prepare,
)

BODY = "\n\n".join(
    f"## Part {i}\n\nSome *text* for part {i}.\n\n- a {i}\n- b {i}\n\n"
    f"| x | y |\n|---|---|\n| {i} | z |"
    for i in range(12)
)
EDITS = [
    ("Some *text* for part 3.", "Some *changed* text for part 3."),
    ("| 7 | z |", "| 7 | zz |"),
    ("- b 11", "- b 11\n- c 11"),
    ("## Part 5", "## Part 5\n\nA new paragraph\nover two lines"),
    ("## Part 0", "## Part zero"),
    # a new heading: a section more (its text comes out of the section before)
    ("Some *text* for part 3.", "Some *text* for part 3.\n\n## Part 3b\n\nNew."),
    # a heading removed: two sections become one
    ("## Part 6\n\n", ""),
    # several apart
    ("- a 2", "- a two"),
]
TOC = "* TOC\n{:toc}\n\n" + BODY


def _request(body, shown=(), fields=None):
    return RenderRequest(
        body, fields or {"title": "T"}, SiteContext(), 600, 560, stylesheet(), shown
    )


def _signature(doc: QTextDocument):
    out = []
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        out.append((block.text(), fmt.headingLevel(), bool(block.textList()), fmt.topMargin()))
        block = block.next()
    return out


@pytest.mark.parametrize("toc", [False, True], ids=["plain", "toc"])
@pytest.mark.parametrize(("old", "new"), EDITS)
def test_patch_equals_fresh_build(qapp, old, new, toc):
    body = TOC if toc else BODY
    first = prepare(_request(body), move_to_gui=False)
    doc, shown = first.document, first.parts
    body2 = body.replace(old, new)
    if old == "- a 2":
        body2 = body2.replace("- b 9", "- b nine")
    result = prepare(_request(body2, PartMap(shown).html()), move_to_gui=False)
    assert result.document is None and result.patches  # patched in place, no new document
    patch_document(doc, result.parts, shown, result.patches)
    fresh = prepare(_request(body2), move_to_gui=False)
    assert _signature(doc) == _signature(fresh.document)
    assert [(p.start, p.end, p.anchors) for p in result.parts] == [
        (p.start, p.end, p.anchors) for p in fresh.parts
    ]
    lines = body2.split("\n")
    target = lines.index("## Part 9") + 1
    pos = PartMap(result.parts).position_of(target)
    assert doc.findBlock(pos).text().endswith("Part 9")
    assert PartMap(result.parts).line_at(pos) == target


def test_header_change_is_a_patch(qapp):
    first = prepare(_request(BODY), move_to_gui=False)
    result = prepare(
        _request(BODY, PartMap(first.parts).html(), {"title": "New"}), move_to_gui=False
    )
    assert result.document is None and result.patches == [Change(0, 1, 0, 1)]


def test_a_big_changed_part_is_a_new_document_not_a_patch(qapp):
    # no heading to cut at: the post renders whole
    body = "\n\n".join(f"Paragraph {i} with words enough." for i in range(800))
    first = prepare(_request(body), move_to_gui=False)
    assert len(first.parts) == 2  # header + the whole body
    result = prepare(_request(body + "\nMore.", PartMap(first.parts).html()), move_to_gui=False)
    assert result.document is not None


def test_the_preview_splits_parts_at_the_mark_the_renderer_writes():
    # preview_document spells the mark out so that the window need not load Python-Markdown
    # before its first paint
    from editor.core.render.kramdown import CHUNK_MARK
    from editor.ui.panes.preview_document import CHUNK_SPLIT

    assert f"<!--{CHUNK_MARK}-->" == CHUNK_SPLIT
