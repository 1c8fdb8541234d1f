"""Section-by-section rendering gives exactly what rendering the whole text gives."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core.render import kramdown
from editor.core.render.kramdown import KramdownRenderer, render_markdown
from editor.core.render.sections import split_sections

TEXTS = {
    "plain": "Intro\n\n# One\n\ntext\n\n## Two\n\n- a\n- b\n\n## Three\n\n> q\n",
    "duplicates": "# Same\n\na\n\n# Same\n\nb\n\n# Same\n",
    "fence": "# A\n\n```sh\n\n# not a heading\n```\n\n# B\n\nx\n",
    "html": '<div class="x">\n\n# inside html\n\n</div>\n\n# After\n\ny\n',
    "list": "- item\n\n# Heading ends the list\n\n- new list\n",
    "quotes": "It's \"x\"\n\n# It's a heading -- yes\n\n...and more\n",
    "references": "# A\n\nSee [x][ref] and HTML.\n\n# B\n\n[y][ref], HTML\n\n"
    '[ref]: https://example.com/ "Title"\n*[HTML]: Hyper Text\n\n# C\n\n[z][ref]\n',
}


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize("anchors", [True, False])
def test_sections_render_like_the_whole(name, anchors):
    text = TEXTS[name]
    whole = KramdownRenderer().convert(text, line_anchors=anchors)
    # blank lines between blocks may differ (after a raw HTML block); nothing else may
    assert _squeeze(render_markdown(text, line_anchors=anchors)) == _squeeze(whole)


def _squeeze(html: str) -> str:
    return re.sub(r"\n+", "\n", html).strip()


TOCS = {
    "first": "* TOC\n{:toc}\n\n## First\n\n### Sub\n\n## Second\n",
    "after-intro": "Intro\n\n* TOC\n{:toc}\n\n## A\n\ntext\n\n### A\n\n## B *em* `code`\n\n"
    "## Skip\n{: .no_toc}\n\n# Top\n\n## A\n",
    "same-names": "# T\n\n* TOC\n{:toc}\n\n## One\n\nx\n\n## One\n\n## One\n",
    "with-notes": "* TOC\n{:toc}\n\n## A\n\nx[^n]\n\n## B\n\n[^n]: note\n",
}
_LINE_ANCHOR = re.compile(r'<a name="line-\d+"></a>')


@pytest.mark.parametrize("name", sorted(TOCS))
def test_a_table_of_contents_by_section_lists_every_heading(name, monkeypatch):
    text = TOCS[name]
    assert split_sections(text) is not None
    assert render_markdown(text, line_anchors=False) == _whole(text, False, monkeypatch)
    # line anchors (for scroll sync) may be more by section: every section's start has one
    by_section = _LINE_ANCHOR.sub("", render_markdown(text, line_anchors=True))
    assert _squeeze(by_section) == _squeeze(_LINE_ANCHOR.sub("", _whole(text, True, monkeypatch)))


def test_editing_a_heading_updates_the_table_of_contents():
    text = TOCS["first"]
    render_markdown(text)
    html = render_markdown(text.replace("## Second", "## Second, renamed"))
    assert 'id="markdown-toc-second-renamed">Second, renamed</a>' in html


FOOTNOTED = {
    "simple": "# A\n\nText[^a] and more[^b].\n\n# B\n\nAgain[^a].\n\n[^a]: Note A\n"
    "    continued.\n[^b]: Note B\n\n[^c]: Unused\n\n    second paragraph.\n",
    "lists-first": "# Packing\n\n- stove[^s]\n- map[^m]\n\nThe stove[^s] matters.[^w]\n\n"
    "## Later\n\n| a | b |\n|---|---|\n| x | y[^m] |\n\nLast.[^w]\n\n"
    "[^s]: Stove.\n[^m]: Map.\n[^w]: Why.\n",
    "defs-first": "[^z]: Zed first.\n\n# One\n\nx[^b] y[^z]\n\n[^b]: B *em*\n\n# Two\n\nz[^b]\n",
    "note-with-a-list": "# A\n\nSee[^k] and[^e] and[^k].\n\n# B\n\n[^k]: Pack:\n\n    - stove\n"
    "    - map\n\n    And water.\n\n[^e]: Ends with a list:\n\n    - three\n    - four\n",
    "odd-defs-whole": "# A\n\nx[^a]\n\n# B\n\n> [^a]: quoted definition\n",
    "lazy-whole": "# A\n\nx[^a]\n\n# B\n\n[^a]: starts here\nand goes on lazily\n",
}


def _whole(text: str, anchors: bool, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    with monkeypatch.context() as m:
        m.setattr(kramdown, "split_parts", lambda text: None)
        return render_markdown(text, line_anchors=anchors)


@pytest.mark.parametrize("name", sorted(FOOTNOTED))
@pytest.mark.parametrize("anchors", [True, False])
def test_footnotes_by_section_render_like_the_whole(name, anchors, monkeypatch):
    text = FOOTNOTED[name]
    assert _squeeze(render_markdown(text, line_anchors=anchors)) == _squeeze(
        _whole(text, anchors, monkeypatch)
    )


def test_footnotes_are_numbered_in_document_order_as_kramdown_does():
    html = render_markdown(FOOTNOTED["lists-first"], line_anchors=False)
    refs = re.findall(r'<sup id="([^"]+)" role="doc-noteref"><a [^>]*>(\d+)</a>', html)
    assert refs == [("fnref:s", "1"), ("fnref:m", "2"), ("fnref:s:1", "1"), ("fnref:w", "3"),
                    ("fnref:m:1", "2"), ("fnref:w:1", "3")]  # fmt: skip
    assert (
        '<a class="reversefootnote" href="#fnref:s:1" role="doc-backlink">&#8617;<sup>2</sup>'
        in html
    )
    assert re.findall(r'<li id="fn:(\w+)"', html) == ["s", "m", "w"]


_BLOCKS = [
    "Plain text.",
    "Text with a note[^a].",
    "Two notes[^b] here[^a].",
    "- item[^c]\n- item",
    "> quoted[^b]",
    "| x | y |\n|---|---|\n| 1[^a] | 2 |",
    "```\n[^a]: in code\n```",
    "[^a]: Note A.",
    "[^b]: Note B\n    more B.",
    "[^c]: Note C\n\n    second C.",
    "[^d]: Unused D.",
    "1. first[^d]\n2. second",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.sampled_from(_BLOCKS)), min_size=1, max_size=14))
def test_any_mix_of_footnotes_renders_like_the_whole(blocks):
    text = (
        "\n\n".join(
            (f"## Part {i}\n\n" if heading else "") + block
            for i, (heading, block) in enumerate(blocks)
        )
        + "\n"
    )
    with pytest.MonkeyPatch.context() as monkeypatch:
        for anchors in (True, False):
            assert _squeeze(render_markdown(text, line_anchors=anchors)) == _squeeze(
                _whole(text, anchors, monkeypatch)
            )


def test_fenced_heading_is_not_a_cut():
    parts = split_sections(TEXTS["fence"])
    assert [first for first, _ in parts] == [0, 7]


@pytest.mark.parametrize("notes", [False, True])
def test_a_change_rerenders_only_its_section(monkeypatch, notes):
    text = "\n\n".join(f"# H{i}\n\nbody {i}" + (f"[^n{i % 3}]" if notes else "") for i in range(20))
    if notes:  # footnotes used across the post, defined at its end
        text += "\n\n[^n0]: zero\n[^n1]: one\n[^n2]: two\n"
    render_markdown(text)
    calls = []
    original = KramdownRenderer.convert

    def counting(self, chunk, **kw):
        calls.append(chunk)
        return original(self, chunk, **kw)

    monkeypatch.setattr(KramdownRenderer, "convert", counting)
    render_markdown(text.replace("body 7", "body seven"))
    assert len(calls) == 1 and "body seven" in calls[0]
