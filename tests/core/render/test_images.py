"""Images: local ones found and sized, missing ones shown as such, remote ones never fetched."""

import socket

import pytest

from editor.core.render import RenderOptions, SiteContext, render_post


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the renderer tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def _body(text, site, column=600):
    return render_post(text, {}, site, RenderOptions(column_width=column, header=False)).body


@pytest.mark.parametrize(
    "src",
    [
        "assets/images/wide.png",
        "/assets/images/wide.png",
        "{{ site.baseurl }}/assets/images/wide.png",
    ],
)
def test_local_images_resolve_and_fit_the_column(site, src):
    out = _body(f"![wide]({src})", site)
    path = (site.root / "assets/images/wide.png").resolve().as_uri()
    assert f'src="{path}"' in out
    assert 'width="600"' in out and 'height="300"' in out


def test_small_images_keep_their_size(site):
    assert 'width="300"' in _body("![s](/assets/images/small.png)", site)


def test_percent_width_in_raw_html_becomes_pixels(site):
    out = _body('<img src="/assets/images/wide.png" width="50%">', site)
    assert 'width="300"' in out


def test_missing_image_is_a_visible_placeholder(site):
    out = _body("![gone](/assets/images/nope.jpg)", site)
    assert "byline-image-missing" in out and "/assets/images/nope.jpg" in out
    assert "<img" not in out


@pytest.mark.parametrize(
    "markup",
    [
        "![A cat](https://cdn.example.com/cat.jpg)",
        '<img src="http://cdn.example.com/cat.jpg" alt="A cat">',
        '<p><img alt="A cat" src="//cdn.example.com/cat.jpg"></p>',
    ],
)
def test_remote_images_are_placeholders_with_alt_and_host(site, markup):
    out = _body(markup, site)
    assert "byline-image-remote" in out
    assert "A cat" in out and "cdn.example.com" in out
    assert "<img" not in out


def test_header_image_is_resolved(site):
    out = render_post("x", {"title": "T", "image": "assets/images/wide.png"}, site).html
    assert (site.root / "assets/images/wide.png").resolve().as_uri() in out


def test_outside_a_site_images_resolve_against_the_file_folder(tmp_path):
    from PIL import Image

    Image.new("RGB", (100, 50)).save(tmp_path / "pic.png")
    out = render_post("![p](pic.png)", {}, SiteContext(), base_dir=tmp_path).body
    assert (tmp_path / "pic.png").as_uri() in out


def _staged_copy(tmp_path, name="0123456789abcdef0123456789abcdef.jpg", size=(800, 400)):
    from PIL import Image

    copy = tmp_path / "cache" / name
    copy.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, "teal").save(copy)
    return copy


@pytest.mark.parametrize(
    "src",
    [
        "assets/images/0123456789abcdef0123456789abcdef.jpg",
        "/assets/images/0123456789abcdef0123456789abcdef.jpg",
        "{{ site.baseurl }}/assets/images/0123456789abcdef0123456789abcdef.jpg",
    ],
)
def test_staged_images_show_from_their_copy(site, tmp_path, src):
    import dataclasses

    copy = _staged_copy(tmp_path)
    rel = "assets/images/0123456789abcdef0123456789abcdef.jpg"
    staged = dataclasses.replace(site, staged={rel: copy})
    out = _body(f"![teal]({src})", staged)
    assert f'src="{copy.resolve().as_uri()}"' in out
    assert 'width="600"' in out and 'height="300"' in out
    assert not (site.root / rel).exists()
    # without the overlay the same post shows a missing image
    assert "byline-image-missing" in _body(f"![teal]({src})", site)


def test_staged_header_image_shows_from_its_copy(site, tmp_path):
    import dataclasses

    copy = _staged_copy(tmp_path)
    rel = "assets/images/0123456789abcdef0123456789abcdef.jpg"
    staged = dataclasses.replace(site, staged={rel: copy})
    out = render_post("Hi", {"title": "T", "image": rel}, staged, RenderOptions(column_width=600))
    assert f'src="{copy.resolve().as_uri()}"' in out.html


def test_staged_overlay_never_hides_other_site_images(site, tmp_path):
    import dataclasses

    copy = _staged_copy(tmp_path)
    staged = dataclasses.replace(site, staged={"assets/images/other.jpg": copy})
    out = _body("![wide](/assets/images/wide.png)", staged)
    assert (site.root / "assets/images/wide.png").resolve().as_uri() in out


def test_images_without_alt_text_are_flagged_in_the_body_only(site):
    flag = '<span class="byline-image-noalt">[no alt text]</span>'
    assert flag in _body("![](assets/images/wide.png)", site)
    assert flag not in _body("![A wide picture](assets/images/wide.png)", site)
    fields = {"title": "T", "image": "assets/images/wide.png"}
    header = render_post("Text.", fields, site, RenderOptions(column_width=600)).html
    assert flag not in header  # the header image shows the title beside it
