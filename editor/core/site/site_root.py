"""Finding a Jekyll site's root folder (light: `byline list` uses it before anything else)."""

from __future__ import annotations

from pathlib import Path

from editor.core.errors import SiteError

CONFIG_NAMES = ("_config.yml", "_config.yaml")


def find_site_root(path: str | Path) -> Path:
    """The site folder holding `path`: the nearest folder upwards with _config.yml or _posts/."""
    start = Path(path).expanduser().resolve()
    if not start.exists():
        raise SiteError(f"{start} does not exist", path=str(start))
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if any((candidate / n).is_file() for n in CONFIG_NAMES) or (candidate / "_posts").is_dir():
            return candidate
    raise SiteError(
        f"{start} is not inside a Jekyll site: no folder from here up holds "
        "_config.yml or a _posts/ folder",
        path=str(start),
    )
