"""Math: written as kramdown writes it for MathJax; readable in the preview (no MathJax)."""

from editor.core.markup.mathjax import readable
from editor.core.render import RenderOptions, SiteContext, render_post
from editor.core.render.kramdown import render_markdown


def test_math_is_written_for_mathjax_as_kramdown_does():
    out = render_markdown("Area $$\\pi r^2$$ here.\n\n$$\nE = mc^2\n$$\n", line_anchors=False)
    assert "\\(\\pi r^2\\)" in out
    assert "\\[E = mc^2\\]" in out and "<p>\\[" not in out


def test_the_preview_shows_math_as_readable_text():
    body = "Area $$\\pi r^2$$ and $$\\alpha_i \\le \\frac{1}{n}$$.\n\n$$x^2 + y^2$$\n"
    options = RenderOptions(qt_rich_text=True, line_anchors=False)
    out = render_post(body, {}, SiteContext(), options).body
    assert '<span class="byline-math">πr²</span>' in out.replace("π r", "πr")
    assert "αᵢ ≤ 1/n" in out
    assert '<p class="byline-math-block">x² + y²</p>' in out


def test_tex_it_cannot_read_stays_as_written():
    assert readable("\\unknown x") == "\\unknown x"
    assert readable("e^{i\\pi}") == "e^iπ"
