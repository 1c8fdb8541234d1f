"""An open Jekyll site: its root, config, house style, and where new posts go."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from editor.core.errors import BylineError, SiteError
from editor.core.post.slug import free_path, post_file_name, slugify
from editor.core.site.post_files import POST_EXTENSIONS, walk_posts
from editor.core.site.site_config import SiteConfig, find_site_root, read_config

if TYPE_CHECKING:  # imported where used: `byline list` never needs them, and starts faster
    from editor.core.post.house_style import HouseStyle
    from editor.core.post.post import Post

__all__ = ["POST_EXTENSIONS", "Site", "StyleSource"]


def is_lone_post(path: str | Path) -> bool:
    """A Markdown file (that no site holds, when `Site.open` said so): opened on its own."""
    target = Path(path)
    return target.is_file() and target.suffix.lower() in (".md", ".markdown")


class StyleSource(Protocol):
    """What a site learns its house style from: the site index (editor.core.index)."""

    def learned_style(self) -> HouseStyle: ...


class Site:
    """A site folder with its config. Its learned style comes from an attached `style_source`
    (the site index attaches itself: `editor.core.index.site_index.open_site`)."""

    def __init__(
        self,
        root: Path,
        config: SiteConfig,
        style: HouseStyle | None = None,
        problems: list[BylineError] | None = None,
        *,
        cache_dir: Path | None = None,
    ) -> None:
        self.root = root
        self.config = config
        self.problems: list[BylineError] = problems if problems is not None else []
        self.cache_dir = cache_dir
        self._style = style
        self.style_source: StyleSource | None = None
        self.lone = False  # a post opened on its own, outside any site (see `lone_post`)

    @classmethod
    def open(cls, path: str | Path, *, learn: bool = True, cache_dir: Path | None = None) -> Site:
        """Open the site holding `path` (a folder inside it, or a post file).

        Without `learn`, new posts get the default style; with it, the style is learned from
        the index once one is attached (`editor.core.index.site_index.open_site` opens a site
        with its index). `cache_dir` is where the index cache lives (the user's cache folder
        by default).
        """
        root = find_site_root(path)
        site = cls(root, read_config(root), cache_dir=cache_dir)
        if site.config.problem:
            site.problems.append(site.config.problem)
        if not learn:
            from editor.core.post.house_style import DEFAULT_STYLE

            site._style = DEFAULT_STYLE
        return site

    @classmethod
    def lone_post(cls, post: str | Path, *, cache_dir: Path | None = None) -> Site:
        """A Markdown file outside any Jekyll site, opened on its own (the desktop offers
        Byline for every `.md`): its folder stands in for the root, with Jekyll's default
        config and the blog's default style; the window leaves out the site's features."""
        from editor.core.post.house_style import DEFAULT_STYLE

        path = Path(post).expanduser().resolve()
        if not path.is_file():
            raise SiteError(f"{path} does not exist", path=str(path))
        site = cls(path.parent, SiteConfig(), DEFAULT_STYLE, cache_dir=cache_dir)
        site.lone = True
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

    def attach_index(self, index: StyleSource) -> None:
        """Make `index` the one this site learns its style from (the first one wins)."""
        if self.style_source is None:
            self.style_source = index

    @property
    def style(self) -> HouseStyle:
        """The house style new posts get: the majority of the newest posts'."""
        if self._style is None:
            if self.style_source is None:  # nothing to learn from (yet): the blog's default
                from editor.core.post.house_style import DEFAULT_STYLE

                return DEFAULT_STYLE
            self._style = self.style_source.learned_style()
        return self._style

    @style.setter
    def style(self, value: HouseStyle) -> None:
        self._style = value

    def post_files(self) -> Iterator[Path]:
        """Every post file: `_posts/` (nested too, and `*/_posts/`) and `_drafts/`."""
        exclude = self.config.raw.get("exclude")
        for file in walk_posts(str(self.root), exclude if isinstance(exclude, list) else ()):
            yield Path(file.path)

    def learn_style(self) -> HouseStyle:
        """The majority style of the site's newest posts (the blog's default without any)."""
        self._style = None
        return self.style

    def new_post(self, fields: dict[str, Any], body: str = "") -> Post:
        from editor.core.post.post import Post

        return Post.new(fields, body, style=self.style, zone=self.zone)

    def path_for_new(self, post: Post, *, draft: bool = False) -> Path:
        """Where a new post goes: `_posts/DATE-slug.md`, or `_drafts/slug.md`; never taken."""
        slug = slugify(str(post.get("title") or ""))
        if draft:
            return free_path(self.drafts_dir, slug, ".md")
        date = post.date() or dt.datetime.now(self.zone)
        return free_path(self.posts_dir, post_file_name(date, slug, ext=""), ".md")

    def write_new(self, post: Post, *, draft: bool = False) -> Path:
        """Save a new post under a free name; never overwrites a file, never leaves the site.

        Two processes creating the same title at once: the one that loses the race takes
        the next free name (as it would have a moment later).
        """
        # not imported by `list`: start-up time
        from editor.core.errors import NameTakenError
        from editor.core.safety.storage import atomic_write, make_folder

        data = post.to_bytes()
        for _ in range(100):
            path = self.path_for_new(post, draft=draft)
            make_folder(path.parent, self.root)
            try:
                atomic_write(path, data, exclusive=True, site_root=self.root)
            except NameTakenError:
                continue  # taken between choosing the name and writing it
            post.path = str(path)
            return path
        raise NameTakenError(f"no free name for {path.name}", path=str(path))

    def __repr__(self) -> str:
        return f"Site({str(self.root)!r})"
