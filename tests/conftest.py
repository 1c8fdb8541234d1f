"""Test setup: headless Qt, and every user folder (config, data, cache) in a temp dir."""

import os
import tempfile
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = Path(tempfile.mkdtemp(prefix="byline-test-home-"))
for _var, _sub in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CACHE_HOME", "cache"),
    ("XDG_RUNTIME_DIR", "runtime"),
):
    (_HOME / _sub).mkdir(mode=0o700)
    os.environ[_var] = str(_HOME / _sub)

REPO = Path(__file__).resolve().parent.parent
SHARED_FORMAT = REPO.parent / "shared" / "format"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def reference_bytes() -> bytes:
    """The blog's real post, byte for byte (a copy lives in tests/fixtures)."""
    return (FIXTURES / "reference-post.md").read_bytes()


# --- git: a site that is a git repository with a bare remote (a real one, by file path) ---


class GitSite:
    """A copy of the sample blog committed and pushed to a bare remote in a temp folder."""

    def __init__(self, base: Path) -> None:
        import shutil
        import subprocess

        self._run_ = subprocess.run
        self.base = base
        self.remote = base / "remote.git"
        self.root = base / "site"
        shutil.copytree(REPO / "resources" / "sample-blog", self.root)
        self.git("init", "-q", "-b", "main", cwd=base / "site")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "the sample blog")
        self.git("init", "-q", "--bare", "-b", "main", str(self.remote), cwd=base)
        self.git("remote", "add", "origin", str(self.remote))
        self.git("push", "-q", "-u", "origin", "main")

    def git(self, *args: str, cwd: Path | None = None) -> str:
        env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="t@example.org",
                   GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="t@example.org")  # fmt: skip
        proc = self._run_(
            ["git", *args], cwd=cwd or self.root, env=env, capture_output=True, text=True
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    def offline(self) -> None:
        """The remote cannot be reached (as with no network)."""
        self.remote.rename(self.remote.with_name("away.git"))

    def online(self) -> None:
        self.remote.with_name("away.git").rename(self.remote)

    def other_clone(self, name: str = "other") -> Path:
        """A second author's clone of the remote."""
        path = self.base / name
        self.git("clone", "-q", str(self.remote), str(path), cwd=self.base)
        return path

    def remote_files(self) -> list[str]:
        out = self.git("ls-tree", "-r", "--name-only", "main", cwd=self.remote)
        return out.splitlines()


@pytest.fixture
def git_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitSite:
    for var, value in (("GIT_AUTHOR_NAME", "Author"), ("GIT_AUTHOR_EMAIL", "a@example.org"),
                       ("GIT_COMMITTER_NAME", "Author"), ("GIT_COMMITTER_EMAIL", "a@example.org"),
                       ("GIT_CONFIG_NOSYSTEM", "1"), ("GIT_CONFIG_GLOBAL", os.devnull)):  # fmt: skip
        monkeypatch.setenv(var, value)
    return GitSite(tmp_path)
