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
