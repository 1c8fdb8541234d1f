"""Section-by-section rendering gives exactly what rendering the whole text gives."""

import re

import pytest

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


def test_footnotes_and_toc_render_whole():
    assert split_sections("# A\n\nx[^1]\n\n# B\n\n[^1]: note\n") is None
    assert split_sections("* TOC\n{:toc}\n\n# A\n\n# B\n") is None


def test_fenced_heading_is_not_a_cut():
    parts = split_sections(TEXTS["fence"])
    assert [first for first, _ in parts] == [0, 7]


def test_a_change_rerenders_only_its_section(monkeypatch):
    text = "\n\n".join(f"# H{i}\n\nbody {i}" for i in range(20))
    render_markdown(text)
    calls = []
    original = KramdownRenderer.convert

    def counting(self, chunk, **kw):
        calls.append(chunk)
        return original(self, chunk, **kw)

    monkeypatch.setattr(KramdownRenderer, "convert", counting)
    render_markdown(text.replace("body 7", "body seven"))
    assert len(calls) == 1 and "body seven" in calls[0]
