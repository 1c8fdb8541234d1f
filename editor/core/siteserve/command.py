"""Which Jekyll the site uses and the `jekyll serve` command for a private local preview.

`bundle exec jekyll` when the site has a Gemfile and bundler is there (the site's own gems and
theme), else the `jekyll` on PATH. The built pages go to a cache folder and Jekyll's disk cache
is off, so the preview writes nothing into the author's site (no `_site` showing up in git).
"""

from __future__ import annotations

import hashlib
import shutil
import socket
from dataclasses import dataclass
from pathlib import Path

HOW_TO_GET = (
    "Jekyll is not installed. Install it (Debian/Ubuntu: sudo apt install jekyll; "
    "elsewhere: gem install bundler jekyll, see jekyllrb.com/docs/installation) "
    "and choose Preview on the Site again."
)


@dataclass(frozen=True)
class ServeCommand:
    program: str
    arguments: list[str]
    port: int
    destination: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def argv(self) -> list[str]:
        return [self.program, *self.arguments]


def find_jekyll(root: Path) -> list[str] | None:
    """The command prefix that runs the site's Jekyll, or None when there is none."""
    bundle = shutil.which("bundle")
    if (root / "Gemfile").is_file() and bundle:
        return [bundle, "exec", "jekyll"]
    jekyll = shutil.which("jekyll")
    return [jekyll] if jekyll else None


def free_port() -> int:
    """A TCP port nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_command(root: Path, cache_dir: Path, prefix: list[str]) -> ServeCommand:
    """`jekyll serve --drafts --future --livereload` on free ports, built into the cache."""
    digest = hashlib.sha1(str(root.resolve()).encode("utf-8")).hexdigest()[:12]
    destination = cache_dir / "site-preview" / digest
    port = free_port()
    args = [
        *prefix[1:], "serve", "--source", str(root), "--destination", str(destination),
        "--drafts", "--future", "--livereload", "--livereload-port", str(free_port()),
        "--host", "127.0.0.1", "--port", str(port), "--disable-disk-cache",
    ]  # fmt: skip
    return ServeCommand(prefix[0], args, port, destination)
