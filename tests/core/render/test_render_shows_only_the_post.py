"""The preview and `byline render` show the post, nothing else (issue 16).

Local files only from inside the site (and staged copies); links and loads held to an
allow-list (http, https, mailto, relative); CSS that loads anything removed; a
Content-Security-Policy forbidding scripts and remote loads.
"""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from PIL import Image

from editor.cli import main
from editor.core.render import RenderOptions, SiteContext, render_post
from editor.core.render.sanitize import clean_css, neutralise


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "a" / "b" / "c" / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: T\n")
    (root / "assets").mkdir()
    Image.new("RGB", (20, 10)).save(root / "assets" / "inside.png")
    return root


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.png"
    Image.new("RGB", (20, 10)).save(path)
    return path


def render(site: Path, body: str, fields: dict[str, object] | None = None) -> str:
    context = SiteContext.for_path(site)
    options = RenderOptions(column_width=None, line_anchors=False)
    return render_post(body, fields or {}, context, options).html


def loads_of(html: str) -> list[str]:
    """Every file: URL the page would open."""
    return re.findall(r"file://[^\"' )]+", html)


@pytest.mark.parametrize(
    "body",
    [
        '<img src="../../../../secret.png">',
        "![x](../../../../secret.png)",
        "![x](%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.png)",
        "![x](/../../../../secret.png)",
        "![x](assets/../../../../../secret.png)",
    ],
)
def test_outside_files_are_a_missing_image(site: Path, secret: Path, body: str) -> None:
    html = render(site, body)
    assert "byline-image-missing" in html and "missing image:" in html
    assert loads_of(html) == []


def test_a_header_image_outside_is_a_missing_image(site: Path, secret: Path) -> None:
    html = render(site, "x", {"title": "t", "image": "../../../../secret.png"})
    assert "missing image: ../../../../secret.png" in html and loads_of(html) == []


def test_a_symlink_leading_outside_is_a_missing_image(site: Path, secret: Path) -> None:
    (site / "assets" / "link.png").symlink_to(secret)
    html = render(site, "![x](/assets/link.png)")
    assert "missing image: /assets/link.png" in html and loads_of(html) == []


def test_files_inside_the_site_still_show(site: Path) -> None:
    html = render(site, "![x](/assets/inside.png)")
    assert loads_of(html) == [(site / "assets" / "inside.png").as_uri()]


def test_an_svg_referring_to_outside_files_is_a_missing_image(site: Path) -> None:
    (site / "assets" / "bad.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<image xlink:href="../../../../../../etc/hostname" width="10" height="10"/></svg>'
    )
    (site / "assets" / "good.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>'
    )
    html = render(site, "![a](/assets/bad.svg) ![b](/assets/good.svg)")
    assert "missing image: /assets/bad.svg" in html
    assert loads_of(html) == [(site / "assets" / "good.svg").as_uri()]


ATTACKS = [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#x09;script:alert(1))",
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href=" &#14; javascript:alert(1)">x</a>',
    '<a href="vbscript:x">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="file:///etc/passwd">x</a>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
]


@pytest.mark.parametrize("body", ATTACKS)
def test_links_keep_only_allowed_schemes(site: Path, body: str) -> None:
    html = render(site, body)
    assert not re.search(r"(?i)javascript|vbscript|data:text|file:///etc", html), html


REMOTE_LOADS = [
    '<svg><image href="http://evil.example/x.png"/></svg>',
    '<svg><image xlink:href="https://evil.example/x.png"/></svg>',
    '<svg><filter><feImage href="http://evil.example/y.png"/></filter></svg>',
    '<svg><use href="//evil.example/z.svg#a"/></svg>',
    '<div style="background: u\\72l(http://evil.example/a.png)">a</div>',
    '<div style="background: \\75 \\72 \\6c (http://evil.example/a.png)">a</div>',
    "<div style=\"background-image: image-set('http://evil.example/b.png' 1x)\">b</div>",
    "<div style=\"background-image: -webkit-image-set('http://evil.example/b.png' 1x)\">b</div>",
    '<div style="background: ur/**/l(http://evil.example/a.png)">a</div>',
    '<style>@import "http://evil.example/c.css";</style>',
    "<style>p { background: u\\rl(http://evil.example/d.png) }</style>",
    "<style>@font-face { src: url(http://evil.example/f.woff) }</style>",
    '<form action="http://evil.example/post"><input name=q><button>go</button></form>',
    '<form><button formaction="http://evil.example/2">go</button></form>',
    '<video poster="http://evil.example/p.png" src="http://evil.example/v.mp4"></video>',
    '<audio><source src="http://evil.example/a.mp3"></audio>',
    '<input type="image" src="http://evil.example/i.png">',
    '<table background="http://evil.example/t.png"><tr><td>x</td></tr></table>',
    '<img srcset="http://evil.example/s.png 1x">',
    '<link rel="stylesheet" href="http://evil.example/l.css">',
    '<meta http-equiv="refresh" content="0;url=http://evil.example/">',
]


@pytest.mark.parametrize("body", REMOTE_LOADS)
def test_nothing_is_loaded_from_the_network(site: Path, body: str) -> None:
    html = render(site, body)
    assert "evil.example" not in html, html


def test_allowed_links_stay(site: Path) -> None:
    html = render(site, "[a](https://x.example/) [b](mailto:a@b.example) [c](/about/) [d](#top)")
    for href in ("https://x.example/", "mailto:a@b.example", "/about/", "#top"):
        assert f'href="{href}"' in html


def test_harmless_markup_is_untouched() -> None:
    raw = '<div class="note" style="color: red"><a href="https://x.example" title="It">x</a></div>'
    assert neutralise(raw) == raw


def test_css_escapes_cannot_close_the_style_element() -> None:
    assert "</style" not in clean_css("p::after { content: '\\3c /style>' }")


def test_render_output_has_a_content_security_policy(site: Path) -> None:
    post = site / "_posts" / "2025-01-01-a.md"
    post.write_text("---\ntitle: a\n---\n<script>alert(1)</script>\n")
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["render", str(post)]) == 0
    page = out.getvalue()
    head = page.split("</head>", 1)[0]
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', head)
    assert csp is not None
    policy = {d.split()[0]: d.split()[1:] for d in csp.group(1).split("; ")}
    assert policy["default-src"] == ["'none'"] and policy["script-src"] == ["'none'"]
    assert not any("http" in src for sources in policy.values() for src in sources)
    assert "alert" not in page
