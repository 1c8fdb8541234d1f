"""`byline --measure-settled POST` (the start-up benchmark) prints when the window was first
painted and when the post's preview was drawn, then quits."""

import os
import subprocess
import sys
from pathlib import Path

from editor.resources import resource_path


def test_measure_settled_prints_both_marks(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var)
    post = resource_path("sample-blog", "_posts", "2025-09-12-dusk-on-the-ridge.md")
    out = subprocess.run([sys.executable, "-m", "editor", "--measure-settled", str(post)],
                         capture_output=True, text=True, env=env, timeout=120, check=False)  # fmt: skip
    assert out.returncode == 0, out.stderr
    marks = dict(line.split()[:2] for line in out.stdout.splitlines() if line.startswith("byline-"))
    assert set(marks) == {"byline-first-paint", "byline-settled"}
    assert float(marks["byline-settled"]) >= float(marks["byline-first-paint"])
