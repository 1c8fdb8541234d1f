"""An open Jekyll site: its root, config, house style, and where new posts go."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.core.errors import BylineError
from editor.core.house_style import DEFAULT_STYLE, HouseStyle, learn_style
from editor.core.post import Post, iter_key_raws, parse_post
from editor.core.site_config import SiteConfig, find_site_root, read_config
from editor.core.slug import free_path, post_file_name, slugify
from editor.core.storage import atomic_write

POST_EXTENSIONS = (".md", ".markdown", ".html")
STYLE_SAMPLE = 400  # posts read to learn the house style; a majority settles long before


@dataclass
class Site:
    root: Path
    config: SiteConfig
    style: HouseStyle = DEFAULT_STYLE
    problems: list[BylineError] = field(default_factory=list)

    @classmethod
    def open(cls, path: str | Path, *, learn: bool = True) -> Site:
        """Open the site holding `path` (a folder inside it, or a post file)."""
        root = find_site_root(path)
        site = cls(root, read_config(root))
        if site.config.problem:
            site.problems.append(site.config.problem)
        if learn:
            site.style = site.learn_style()
        return site

    @property
    def zone(self) -> dt.tzinfo:
        return self.config.zone

    @property
    def posts_dir(self) -> Path:
        return self.root / "_posts"

    @property
    def drafts_dir(self) -> Path:
        return self.root / "_drafts"

    def post_files(self) -> Iterator[Path]:
        """Every post file: `_posts/` (nested too, and `*/_posts/`) and `_drafts/`."""
        for folder in self._post_folders():
            for path in sorted(folder.rglob("*")):
                if path.suffix in POST_EXTENSIONS and path.is_file():
                    yield path

    def _post_folders(self) -> list[Path]:
        folders = [self.posts_dir, self.drafts_dir]
        folders += [p for p in self.root.glob("*/_posts") if p.is_dir()]
        return [f for f in folders if f.is_dir()]

    def learn_style(self) -> HouseStyle:
        """The majority style of the site's newest posts (the blog's default without any)."""
        files = sorted(
            (p for p in self.post_files() if p.parent.name != "_drafts"),
            key=lambda p: p.name,
            reverse=True,
        )[:STYLE_SAMPLE]
        return learn_style(self._style_samples(files))

    def _style_samples(
        self, files: list[Path]
    ) -> Iterator[tuple[list[str], dict[str, list[str]], dict[str, Any]]]:
        for path in files:
            try:
                post = parse_post(path.read_bytes(), path=str(path))
            except (BylineError, OSError):
                continue
            yield post.keys(), dict(iter_key_raws(post)), post.values

    def new_post(self, fields: dict[str, Any], body: str = "") -> Post:
        return Post.new(fields, body, style=self.style, zone=self.zone)

    def path_for_new(self, post: Post, *, draft: bool = False) -> Path:
        """Where a new post goes: `_posts/DATE-slug.md`, or `_drafts/slug.md`; never taken."""
        slug = slugify(str(post.get("title") or ""))
        if draft:
            return free_path(self.drafts_dir, slug, ".md")
        date = post.date() or dt.datetime.now(self.zone)
        return free_path(self.posts_dir, post_file_name(date, slug, ext=""), ".md")

    def write_new(self, post: Post, *, draft: bool = False) -> Path:
        """Save a new post under a free name; never overwrites a file."""
        path = self.path_for_new(post, draft=draft)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, post.to_bytes(), exclusive=True)
        post.path = str(path)
        return path
