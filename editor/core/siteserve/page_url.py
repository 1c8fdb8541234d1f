"""The local URL of a post's page in the running preview."""

from __future__ import annotations

from pathlib import Path

from editor.core.render.context import SiteContext
from editor.core.render.urls import post_url


def page_path(root: Path, destination: Path, post: Path) -> str:
    """The path (with the site's baseurl) of `post`'s page, or "/" when it cannot be told.

    A post's URL follows the permalink rules; a draft's date is its file's time in Jekyll, so
    its page is found among the built pages by its slug instead.
    """
    site = SiteContext.for_path(root)
    if post.parent.name == "_posts" or "_posts" in post.parts:
        url = post_url(site, post.stem)
        if url:
            return url
    slug = post.stem
    for candidate in (f"{slug}/index.html", f"{slug}.html"):
        found = sorted(destination.rglob(candidate))
        if found:
            rel = found[0].relative_to(destination).as_posix()
            path = "/" + rel.removesuffix("index.html")
            return site.config.baseurl + path
    return site.config.baseurl + "/"
