"""The preview follows the site's own post layout and the basics of its stylesheet."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from editor.cli import main
from editor.core.render import RenderOptions, SiteContext, render_post, stylesheet
from editor.core.render.site_look import SiteLook, site_look
from editor.resources import resource_path

FIELDS = {
    "title": "Tracking Our Walks",
    "date": "2025-07-21 20:05:00",
    "author": "tomas",
    "categories": ["Notes", "Code"],
    "tags": ["python", "gpx"],
}


@pytest.fixture
def sample(tmp_path: Path) -> SiteContext:
    shutil.copytree(resource_path("sample-blog"), tmp_path / "blog")
    return SiteContext.for_path(tmp_path / "blog")


def header_and_tags(site: SiteContext, fields: dict = FIELDS) -> str:
    out = render_post("Body text.", fields, site, RenderOptions(line_anchors=False)).html
    return out.replace("&#160;", " ")


def test_the_sample_blog_layout_is_read(sample):
    look = site_look(sample)
    assert look.order[:3] == ("date", "author", "categories")
    assert look.date_format == "%-d %B %Y" and look.separator == "·"
    assert look.tags_after_content and look.tag_prefix == "#"
    assert look.css["body_font"].startswith("Georgia") and look.css["background"] == "#fdfcf9"


def test_the_header_shows_the_layouts_fields_in_its_order(sample):
    out = header_and_tags(sample)
    meta = out[out.index('class="byline-post-meta"') :].split("</p>")[0]
    date, author, notes = (meta.index(s) for s in ("21 July 2025", "Tomás Ortega", "Notes"))
    assert date < author < notes and "Code" in meta
    # the tags after the content, written as the layout writes them
    assert out.index("#python") > out.index("Body text.") and "#gpx" in out


def test_without_a_layout_the_header_is_bylines_own(tmp_path: Path):
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    out = header_and_tags(SiteContext.for_path(tmp_path), {**FIELDS, "author": "Jane"})
    assert out.index("Jane") < out.index("21 July 2025") < out.index("Notes, Code")
    assert "#python" not in out


def test_a_layout_date_filter_and_reading_time(tmp_path: Path):
    layouts = tmp_path / "_layouts"
    layouts.mkdir(parents=True)
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (layouts / "post.html").write_text(
        "<h1>{{ page.title }}</h1><p>{{ page.author }} | {{ page.date | date: '%b %-d, %Y' }}"
        " | {{ content | number_of_words | divided_by: 200 }} min read</p>{{ content }}",
        encoding="utf-8",
    )
    out = header_and_tags(SiteContext.for_path(tmp_path), {**FIELDS, "author": "Jane"})
    assert "Jane | Jul 21, 2025 | 1 min read" in re.sub(r"<[^>]+>", "", out)
    assert "Notes" not in out  # the layout shows no categories


def test_a_wrapped_meta_line_never_ends_with_a_separator(sample):
    out = render_post("x", FIELDS, sample, RenderOptions(line_anchors=False)).html
    meta = out[out.index('class="byline-post-meta"') :].split("</p>")[0]
    assert " ·&#160;<span" in meta and "· " not in meta.replace("·&#160;", "")


def test_the_stylesheet_takes_the_sites_basics_and_scales_headings(sample):
    css = stylesheet(False, sample)
    assert "font-family: Georgia" in css and "background-color: #fdfcf9" in css
    assert "max-width: 44rem" in css
    narrow = stylesheet(False, sample, width=340)
    assert ".byline-post-title { font-size: 22px; }" in narrow
    assert "font-size: 22px" not in stylesheet(False, sample, width=900)


def test_qt_code_blocks_wrap_without_a_band_above_and_notes_have_a_rule():
    body = "Text.[^1]\n\n```python\nx = 1\n```\n\n[^1]: A note.\n"
    out = render_post(body, {}, SiteContext(), RenderOptions(qt_rich_text=True)).body
    assert "highlighter-rouge" not in out  # Rouge's divs would draw an empty grey band
    assert 'style="white-space: pre-wrap"' in out
    assert out.index('<hr class="byline-footnotes-rule" />') < out.index('class="footnotes"')


def test_broken_front_matter_shows_the_body_alone_with_the_error(tmp_path: Path, capsys):
    post = tmp_path / "broken.md"
    post.write_text('---\ntitle: "Broken\ndate: x\n---\n\nHello *world*.\n', encoding="utf-8")
    assert main(["render", str(post)]) == 1
    captured = capsys.readouterr()
    assert "front matter cannot be read" in captured.err and str(post) in captured.err
    assert "The front matter cannot be read" in captured.out
    assert "<em>world</em>" in captured.out and "title:" not in captured.out
    assert main(["render", str(post), "--body-only"]) == 1
    assert capsys.readouterr().out == "<p>Hello <em>world</em>.</p>\n"


def test_the_sample_blog_builds_with_jekyll_as_the_preview_reads_it(sample, tmp_path: Path):
    """The layout the preview copies is the one Jekyll builds the page with."""
    jekyll = shutil.which("jekyll")
    assert jekyll, "jekyll is not installed (Debian's jekyll; .ci/run installs it)"
    root = sample.root
    assert root is not None
    site_dir = tmp_path / "_site"
    subprocess.run(
        [jekyll, "build", "--quiet", "-s", str(root), "-d", str(site_dir)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    page = next(site_dir.rglob("tracking-our-walks-with-a-tiny-python-script/index.html"))
    built = page.read_text(encoding="utf-8")
    meta = built[built.index('class="post-meta"') :].split("</p>")[0]
    assert meta.index("21 July 2025") < meta.index("Tomás Ortega") < meta.index("Notes")
    assert isinstance(site_look(sample), SiteLook)
