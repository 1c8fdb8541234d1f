from pathlib import Path

import pytest
from PIL import Image

from editor.core.render import SiteContext


@pytest.fixture
def site(tmp_path: Path) -> SiteContext:
    """A small site: config with authors and baseurl, two posts, one 1600x800 image."""
    (tmp_path / "_config.yml").write_text(
        "title: My Blog\nbaseurl: /blog\nurl: https://blog.example\n"
        "authors:\n  badely:\n    name: badely\n    display_name: Bade Ly\n",
        encoding="utf-8",
    )
    posts = tmp_path / "_posts"
    posts.mkdir()
    (posts / "2024-01-01-hello.md").write_text(
        '---\ntitle: "Hello"\ncategories: [News]\n---\n\nHi\n', encoding="utf-8"
    )
    (posts / "2024-02-02-plain.md").write_text('---\ntitle: "Plain"\n---\n\nHi\n', encoding="utf-8")
    (tmp_path / "about.md").write_text("About\n", encoding="utf-8")
    (tmp_path / "assets" / "images").mkdir(parents=True)
    Image.new("RGB", (1600, 800)).save(tmp_path / "assets" / "images" / "wide.png")
    Image.new("RGB", (300, 200)).save(tmp_path / "assets" / "images" / "small.png")
    return SiteContext.for_path(tmp_path)
