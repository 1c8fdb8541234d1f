"""URLs Jekyll would give posts and files: `{% post_url %}`, `{% link %}`, local images."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote, unquote

from editor.core.errors import BylineError
from editor.core.post.post import parse_post
from editor.core.render.context import SiteContext

_POST_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}


def file_url(path: Path) -> str:
    """An absolute `file:` URL for a local file."""
    return path.resolve().as_uri()


def _find_post(root: Path, name: str) -> Path | None:
    name = name.strip().strip("\"'")
    folders = [root / "_posts", *(p for p in root.glob("*/_posts") if p.is_dir())]
    for folder in folders:
        if not folder.is_dir():
            continue
        for ext in (".md", ".markdown", ".html"):
            direct = folder / f"{name}{ext}"
            if direct.is_file():
                return direct
        stem = name.rsplit("/", 1)[-1]
        for path in folder.rglob(f"{stem}.*"):
            if path.is_file():
                return path
    return None


def post_url(site: SiteContext, name: str) -> str | None:
    """The URL `{% post_url name %}` gives, or None when there is no such post."""
    root = site.root
    if root is None:
        return None
    path = _find_post(root, name)
    m = _POST_NAME.match(path.stem) if path else None
    if path is None or m is None:
        return None
    year, month, day, slug = m.groups()
    categories: list[str] = []
    permalink = ""
    try:
        post = parse_post(path.read_bytes(), path=str(path))
        cats = post.get("categories") or post.get("category") or []
        categories = [str(c) for c in (cats if isinstance(cats, list) else str(cats).split())]
        permalink = str(post.get("permalink") or "")
        slug = str(post.get("slug") or slug)
    except (BylineError, OSError):
        pass
    template = permalink or _STYLES.get(site.config.permalink, site.config.permalink)
    values = {
        "categories": "/".join(quote(c.lower().replace(" ", "-")) for c in categories),
        "year": year,
        "month": month,
        "i_month": str(int(month)),
        "day": day,
        "i_day": str(int(day)),
        "short_year": year[2:],
        "title": slug,
        "slug": slug,
        "output_ext": ".html",
        "y_day": "",
    }
    url = re.sub(r":([a-z_]+)", lambda m: values.get(m.group(1), m.group(0)), template)
    url = re.sub(r"/{2,}", "/", url)
    return site.config.baseurl + url


def local_image(site: SiteContext, src: str, base_dir: Path | None = None) -> Path | None:
    """The local file an image path points at (`assets/..`, `/assets/..`, `{baseurl}/assets/..`,
    against the site root, or `base_dir` outside a site; a staged image's copy first);
    None for URLs with a scheme."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src) or src.startswith("//"):
        return None
    path = unquote(src.split("#", 1)[0].split("?", 1)[0])
    base = site.config.baseurl
    if base and path.startswith(base + "/"):
        path = path[len(base) :]
    rel = path.lstrip("/")
    if site.staged:
        copy = site.staged.get(rel.removeprefix("./"))
        if copy is not None:
            return copy
    root = site.root or base_dir
    if root is None:
        return None
    return inside_root(root, rel)


def inside_root(root: Path, rel: str) -> Path | None:
    """`root / rel` when its real location (`..` and symlinks resolved) is inside the real
    `root`; None otherwise: a post never shows files from outside its site."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(os.path.join(real_root, rel))
    try:
        if os.path.commonpath([real, real_root]) != real_root:
            return None
    except ValueError:  # another drive
        return None
    return root / rel
