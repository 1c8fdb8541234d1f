"""Warnings about a post that will not appear on the site the way its author expects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

from editor.core.errors import BylineError
from editor.core.post.dates import ignored_date_text, short_text
from editor.core.post.post import Post
from editor.core.site.post_actions import name_date_mismatch
from editor.core.site.site import Site


@dataclass(frozen=True)
class PostWarning:
    kind: str  # "future", "date-text", "unpublished", "name-date", "author", "image"
    message: str


def check_post(
    site: Site,
    post: Post,
    path: Path | None,
    now: dt.datetime | None = None,
    *,
    staged: Container[str] = (),
) -> list[PostWarning]:
    """`staged`: images attached but not written yet (Save writes them before the post)."""
    out: list[PostWarning] = []
    now = now or dt.datetime.now(dt.UTC)
    try:
        date = post.date()
    except BylineError:
        date = None
    if date is not None and date > now and not site.config.future:
        out.append(PostWarning(
            "future",
            "The date is in the future and _config.yml lacks `future: true`: "
            "Jekyll will leave this post out until a build after that date.",
        ))  # fmt: skip
    ignored = ignored_date_text(post.get("date")) if date is not None else None
    if ignored and date is not None:
        out.append(PostWarning(
            "date-text",
            f"`date` has text Jekyll ignores (“{short_text(ignored)}”): it publishes the post "
            f"at {date:%Y-%m-%d %H:%M:%S %z}. Set the date again to write it cleanly.",
        ))  # fmt: skip
    if post.get("published") is False:
        out.append(
            PostWarning("unpublished", "`published: false`: Jekyll will not publish this post.")
        )
    if path is not None and date is not None:
        day = name_date_mismatch(site, path, post)
        if day is not None:
            out.append(PostWarning(
                "name-date",
                f"The file name says {day:%Y-%m-%d} but `date` says {date:%Y-%m-%d}; "
                "the URL uses `date`. Rename the file to match?",
            ))  # fmt: skip
    author = post.get("author")
    authors = site.config.authors
    if author and authors and str(author) not in authors:
        out.append(PostWarning(
            "author", f"“{author}” is not an author in _config.yml; the theme may not show it."
        ))  # fmt: skip
    image = post.get("image")
    local = isinstance(image, str) and image and "://" not in image
    pending = local and str(image).lstrip("/") in staged
    if local and not pending and not (site.root / str(image).lstrip("/")).is_file():
        out.append(PostWarning("image", f"The image {image} does not exist in the site."))
    return out
