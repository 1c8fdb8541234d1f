"""Embedded frames: a still placeholder naming the site, with a link; nothing loaded."""

from editor.core.render import RenderOptions, SiteContext, render_post
from editor.core.render.embeds import page_of

OPTIONS = RenderOptions(line_anchors=False, header=False)


def body(markdown: str) -> str:
    return render_post(markdown, {}, SiteContext(), OPTIONS).body


def test_a_youtube_frame_is_a_still_with_the_site_and_a_link():
    out = body(
        'Watch:\n\n<iframe width="560" height="315" title="Sparkles" '
        'src="https://www.youtube.com/embed/WaTkNraTGU8" allowfullscreen></iframe>\n'
    )
    assert "<iframe" not in out
    assert "▶ YouTube video" in out and "Sparkles" in out
    assert '<a href="https://www.youtube.com/watch?v=WaTkNraTGU8">' in out
    assert '<p><table class="byline-embed"' not in out  # a block of its own


def test_known_sites_link_to_the_page_the_frame_plays():
    assert page_of("https://player.vimeo.com/video/76979871?h=8272103f6e") == (
        "Vimeo",
        "video",
        "https://vimeo.com/76979871",
    )
    assert page_of("//www.youtube-nocookie.com/embed/abc_D-1")[2] == (
        "https://www.youtube.com/watch?v=abc_D-1"
    )
    assert page_of("https://codepen.io/jane/embed/preview/xyz")[2] == (
        "https://codepen.io/jane/pen/xyz"
    )
    assert page_of("https://example.org/widget") is None


def test_an_unknown_frame_names_its_host_and_links_to_it():
    out = body('<iframe src="https://example.org/widget?id=3"></iframe>\n')
    assert "embedded iframe from example.org" in out
    assert 'href="https://example.org/widget?id=3"' in out


def test_a_frame_with_a_script_address_gets_no_link():
    out = body('<iframe src="javascript:alert(1)"></iframe>\n')
    assert "javascript" not in out and "<iframe" not in out
