"""Liquid the preview runs before Markdown: substitutions, links, raw, placeholders."""

import html

import pytest

from editor.core.render import SiteContext
from editor.core.render.liquid import render_liquid


def test_site_and_page_values(site):
    text = "{{ site.title }} {{ site.baseurl }} {{ site.url }} {{ page.title }} {{ page.author }}"
    assert render_liquid(text, {"title": "Post", "author": "badely"}, site) == (
        "My Blog /blog https://blog.example Post badely"
    )


def test_unknown_page_value_is_empty_like_jekyll(site):
    assert render_liquid("[{{ page.nothing }}]", {}, site) == "[]"


def test_filters(site):
    assert render_liquid('{{ "/assets/x.png" | relative_url }}', {}, site) == "/blog/assets/x.png"
    assert render_liquid('{{ "x" | absolute_url }}', {}, site) == "https://blog.example/blog/x"
    assert render_liquid("{{ page.title | upcase }}", {"title": "ab"}, site) == "AB"
    assert render_liquid('{{ page.none | default: "dflt" }}', {}, site) == "dflt"


def test_post_url_and_link(site):
    assert render_liquid("{% post_url 2024-01-01-hello %}", {}, site) == (
        "/blog/news/2024/01/01/hello.html"
    )
    assert (
        render_liquid("{% post_url 2024-02-02-plain %}", {}, site) == "/blog/2024/02/02/plain.html"
    )
    assert render_liquid("{% link about.md %}", {}, site) == "/blog/about.html"


def test_missing_post_url_is_a_visible_placeholder(site):
    out = render_liquid("{% post_url 2099-01-01-nope %}", {}, site)
    assert 'class="byline-liquid"' in out and "2099-01-01-nope" in out


def test_raw_is_honoured(site):
    assert render_liquid(
        "{% raw %}{{ page.title }} {% if %}{% endraw %}", {"title": "x"}, site
    ) == ("{{ page.title }} {% if %}")


def test_include_and_unknown_tags_become_placeholders(site):
    out = render_liquid("{% include figure.html src=a.png %} and {% gist abc %}", {}, site)
    assert out.count('class="byline-liquid"') == 2
    assert "include figure.html" in out and "custom tag: {% gist abc %}" in html.unescape(out)


def test_a_video_tag_is_a_still_with_a_link(site):
    out = render_liquid("{% youtube 'WaTkNraTGU8' %}", {}, site)
    assert "YouTube video" in out
    assert 'href="https://www.youtube.com/watch?v=WaTkNraTGU8"' in out


def test_comment_is_removed_keeping_lines(site):
    assert render_liquid("a\n{% comment %}\nx\n{% endcomment %}\nb", {}, site) == "a\n\n\n\nb"


def test_highlight_tag_is_highlighted_keeping_lines(site):
    src = "{% highlight python %}\ndef f():\n    pass\n{% endhighlight %}\nnext"
    out = render_liquid(src, {}, site)
    assert out.startswith('<figure class="highlight"><pre><code class="language-python"')
    assert '<span class="k">def</span>' in out
    assert out.count("\n") == src.count("\n")


@pytest.mark.parametrize(
    "text",
    ["{% if x", "{{ page.title", "{% raw %}never closed", "{{ | | }}", "{% %}", "{{ }}", "{%- -%}"],
)
def test_malformed_liquid_never_raises(site, text):
    out = render_liquid(text, {}, site)
    assert isinstance(out, str)


def test_outside_a_site_values_are_empty():
    assert render_liquid("[{{ site.title }}]({{ site.baseurl }}/x)", {}, SiteContext()) == "[](/x)"
