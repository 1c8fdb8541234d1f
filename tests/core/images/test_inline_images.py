"""Inline images: the site's reference form, and images without alt text."""

from __future__ import annotations

from pathlib import Path

from editor.core.images.inline_images import (
    DEFAULT_FORM,
    InlineForm,
    format_inline,
    images_without_alt,
    learn_inline_form,
    learn_site_inline_form,
)
from editor.core.site.site import Site

NAME = "0123456789abcdef0123456789abcdef.jpg"


def test_default_form() -> None:
    ref = format_inline(NAME)
    assert ref.text == f"![]({{{{ site.baseurl }}}}/assets/images/{NAME})"
    assert (ref.alt_start, ref.alt_end) == (2, 2)
    ref = format_inline(NAME, alt="A [red] door")
    assert ref.text == f"![A \\[red\\] door]({{{{ site.baseurl }}}}/assets/images/{NAME})"
    assert ref.text[ref.alt_start : ref.alt_end] == "A \\[red\\] door"


def test_a_site_without_inline_images_gets_the_default() -> None:
    assert learn_inline_form(["no images here", "![x](https://example.com/a.png)"]) == DEFAULT_FORM


def test_the_majority_form_of_the_site_wins() -> None:
    bodies = [
        "Text ![a](/assets/images/a.jpg) more ![b](/assets/images/b.png)",
        "![c]({{ site.baseurl }}/assets/images/c.jpg)",
        '![d](/assets/images/d.jpg "a title")',
    ]
    form = learn_inline_form(bodies)
    assert form.url(NAME) == f"/assets/images/{NAME}"
    assert format_inline(NAME, "alt", form).text == f"![alt](/assets/images/{NAME})"


def test_liquid_filter_forms_are_learned() -> None:
    bodies = ["![a]({{ '/assets/images/a.jpg' | relative_url }})"] * 2 + [
        "![b](assets/images/b.jpg)"
    ]
    form = learn_inline_form(bodies)
    assert form.url(NAME) == "{{ '/assets/images/" + NAME + "' | relative_url }}"


def test_code_is_not_learned_from() -> None:
    body = (
        "```\n![a](/assets/images/a.jpg)\n![b](/assets/images/b.jpg)\n```\n"
        "`![c](/x/assets/images/c.jpg)`"
    )
    assert learn_inline_form([body]) == DEFAULT_FORM


def test_learn_from_a_site(tmp_path: Path) -> None:
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_config.yml").write_text("title: x\n", encoding="utf-8")
    for i in range(3):
        (tmp_path / f"_posts/2025-01-0{i + 1}-p.md").write_text(
            f"---\ntitle: p\n---\n\n![x{i}](/blog/assets/images/{i}.jpg)\n", encoding="utf-8"
        )
    form = learn_site_inline_form(Site.open(tmp_path))
    assert form == InlineForm(url_template="/blog/assets/images/\0FILE\0")


def test_images_without_alt_text() -> None:
    body = (
        "Intro\n"
        "![](/assets/images/a.jpg) and ![  ](b.png)\n"
        "![fine](/assets/images/c.jpg)\n"
        '<img src="/d.jpg"> <img src="e.jpg" alt=""> <img alt="ok" src="f.jpg">\n'
        "```\n![](in-code.jpg)\n```\n"
        "`![](span.jpg)` ![][ref]\n"
    )
    found = images_without_alt(body)
    assert [(m.line, m.column, m.url) for m in found] == [
        (2, 1, "/assets/images/a.jpg"),
        (2, 31, "b.png"),
        (4, 1, "/d.jpg"),
        (8, 17, "[ref]"),
    ]
    assert body[found[0].offset : found[0].offset + 4] == "![](", found


def test_liquid_urls_with_spaces_are_one_reference() -> None:
    body = "![]({{ site.baseurl }}/assets/images/a.jpg)"
    assert [m.url for m in images_without_alt(body)] == ["{{ site.baseurl }}/assets/images/a.jpg"]


def test_malformed_lines_do_not_hang() -> None:
    # each of these once made a backtracking regex run for ages
    bodies = [
        "![a](" + "{{a}}" * 60 + " x",
        "![](" + "{{ a }}{{" * 300,
        "![a](" + "(x)" * 500 + " (",
        ("![](x" + " " * 5000 + '"t') * 3,
        "![" + "\\]" * 3000,
        "`" * 7 + " text `` more " * 2000,
    ]
    for body in bodies:
        images_without_alt(body)
        learn_inline_form([body])


def test_code_spans_follow_backtick_runs() -> None:
    # a span closes only on a run of the same length (CommonMark)
    assert images_without_alt("``![](a.jpg)`` `![](b.jpg) ``` ![](c.jpg) `x`") == []
    assert [m.url for m in images_without_alt("`a` ![](c.jpg) ``d`")] == ["c.jpg"]
    assert [m.url for m in images_without_alt("x ``` ![](e.jpg)")] == ["e.jpg"]  # never closed
