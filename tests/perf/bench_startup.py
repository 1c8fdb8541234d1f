"""Start-up: process start to the first painted window, offscreen.

Three cases, each the median of a few runs, in the same run as a baseline (a bare
PySide6 window) so a noisy shared machine shows up in the ratio:
  - baseline: `import PySide6.QtWidgets`, one QWidget, first paint
  - sample blog (targets <= 1.0 s)
  - a generated 10,000-post site (target <= 1.5 s; indexing runs in the background)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bytecode import compile_editor  # noqa: E402

RUNS = 5
BASELINE = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
class P(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print(f"byline-first-paint {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
app = QApplication([])
w = QWidget(); w.resize(1200, 800); p = P(); w.installEventFilter(p); w.show()
app.exec()
"""


def make_site(root: Path, n: int) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text(
        'title: "Big Blog"\nauthors:\n  alice:\n    name: alice\n    display_name: Alice\n',
        encoding="utf-8",
    )
    body = "Some words in a paragraph of a generated post. " * 40 + "\n"
    for i in range(n):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        year = 2000 + i // (28 * 12)
        (root / "_posts" / f"{year}-{month:02d}-{day:02d}-post-{i}.md").write_text(
            f'---\nlayout: post\ntitle: "Post number {i}"\n'
            f"date: {year}-{month:02d}-{day:02d}T10:00:00\n"
            f'author: "alice"\ncategories: [News]\ntags: [t{i % 50}]\n'
            f'excerpt: "Excerpt {i}"\n---\n\n{body}',
            encoding="utf-8",
        )
    return root


def first_paint(cmd: list[str], env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)
    for line in out.stdout.splitlines():
        if line.startswith("byline-first-paint "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no first paint from {cmd}: {out.stdout}\n{out.stderr}")


def median(cmd: list[str], env: dict[str, str]) -> float:
    return statistics.median(first_paint(cmd, env) for _ in range(RUNS))


def main() -> int:
    compile_editor()
    with tempfile.TemporaryDirectory(prefix="byline-bench-") as tmp:
        tmpdir = Path(tmp)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            (tmpdir / var).mkdir()
            env[var] = str(tmpdir / var)
        t = time.perf_counter()
        big = make_site(tmpdir / "big", 10_000)
        print(f"generated 10,000 posts in {time.perf_counter() - t:.1f} s")
        app = [sys.executable, "-m", "editor", "--measure-startup"]
        first_paint(app, env)  # first start: copies the sample blog; also warms the disk cache
        base = median([sys.executable, "-c", BASELINE], env)
        sample = median(app, env)  # the last site is the sample blog now
        large = median([*app, str(big)], env)
    ok = sample <= 1.0 and large <= 1.5
    print(f"bare PySide6 window (baseline): {base:.3f} s")
    print(f"sample blog:      {sample:.3f} s  ({sample / base:.2f}x baseline, target <= 1.0 s)")
    print(f"10,000-post site: {large:.3f} s  ({large / base:.2f}x baseline, target <= 1.5 s)")
    print("PASS" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
