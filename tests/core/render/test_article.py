"""The header, raw HTML made inert, line anchors, and the standalone page."""

import re

from editor.core.render import RenderOptions, SiteContext, render_post, standalone_page, stylesheet
from editor.core.render.kramdown import render_markdown


def test_header_shows_image_title_author_date_categories(site):
    fields = {
        "title": "Crunch time",
        "author": "badely",
        "date": "2025-08-14T22:02:54",
        "categories": ["News", "World"],
    }
    out = render_post("Body", fields, site).html.replace("&#160;", " ")  # a date never breaks
    assert "Crunch time" in out
    assert "Bade Ly" in out
    assert "14 August 2025" in out
    assert "News, World" in out


def test_header_author_without_config_entry_is_shown_as_written():
    out = render_post("", {"author": "Jane Roe", "date": "not a date"}, SiteContext()).html
    out = out.replace("&#160;", " ")
    assert "Jane Roe" in out and "not a date" in out


def test_title_is_escaped():
    assert "&lt;script&gt;" in render_post("", {"title": "<script>"}, SiteContext()).html


def test_raw_html_is_shown_but_inert():
    out = render_markdown(
        '<div onclick="steal()" style="background: url(http://x.example/t.png)">Hi</div>\n\n'
        "<script>alert(1)</script>\n\n"
        '<iframe src="https://www.youtube.com/embed/x"></iframe>\n\n'
        '<a href="javascript:alert(1)">j</a>\n'
    )
    assert "Hi" in out
    assert "onclick" not in out and "steal" not in out
    assert "<script" not in out and "alert(1)</script>" not in out
    assert "<iframe" not in out and "youtube.com" in out
    assert "javascript:" not in out
    assert "http://x.example" not in out


def test_each_top_level_block_names_its_source_line():
    text = "# Title\n\nPara one\nstill one\n\n- a\n- b\n\n```\ncode\n```\n\n> quote\n"
    out = render_markdown(text)
    lines = [int(n) for n in re.findall(r'<a name="line-(\d+)">', out)]
    assert lines == [1, 3, 6, 9, 13]


def test_anchors_can_be_left_out():
    assert "line-" not in render_markdown("a\n\nb", line_anchors=False)


def test_standalone_page_inlines_the_stylesheet(site):
    page = standalone_page(render_post("*x*", {"title": "T"}, site))
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page and ".byline-post-title" in page
    assert "<em>x</em>" in page


def test_dark_stylesheet_adds_dark_rules():
    assert len(stylesheet(dark=True)) > len(stylesheet(dark=False))
    assert "#1e1f22" in stylesheet(dark=True) and "#1e1f22" not in stylesheet(dark=False)


def test_options_without_header():
    out = render_post("b", {"title": "Only body"}, SiteContext(), RenderOptions(header=False)).html
    assert "Only body" not in out


def test_task_list_checkboxes_as_glyphs_for_qt():
    options = RenderOptions(header=False, qt_rich_text=True)
    out = render_post("- [ ] todo\n- [x] done\n", {}, SiteContext(), options).body
    assert "☐ todo" in out and "☑ done" in out and "<input" not in out


def test_block_quotes_become_tables_with_a_bar_for_qt():
    """Qt draws no left border: the quote is a table whose first cell is the bar."""
    options = RenderOptions(header=False, qt_rich_text=True, line_anchors=False)
    out = render_post("> outer\n>\n> > inner\n\nafter\n", {}, SiteContext(), options).body
    assert "<blockquote" not in out
    bar = '<td class="byline-quote-bar" width="3"></td><td class="byline-quote-body">'
    assert out.count(bar) == 2
    assert out.count("</td></tr></table>") == 2
    assert out.index("outer") < out.index("inner") < out.index("after")
    assert out.rindex("</td></tr></table>") < out.index("after")


def test_block_quotes_stay_block_quotes_for_browsers():
    out = render_post("> quoted\n", {}, SiteContext(), RenderOptions(header=False)).body
    assert "<blockquote>" in out and "byline-quote" not in out


def test_a_script_taken_out_leaves_no_empty_paragraph():
    out = render_markdown('Text\n\n<script type="application/ld+json">{"a": 1}</script>\n\nMore\n')
    assert "<script" not in out and "<p></p>" not in out.replace('<a name="line-5"></a>', "")
