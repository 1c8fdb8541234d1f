"""Start-up: process start to the first painted window, offscreen.

Each case the median of a few runs, in the same run as a baseline (a bare PySide6 window)
so a noisy shared machine shows up in the ratio (for the 20,000-word post the bare window
runs alternate with the app's, so both see the same moments of load):
  - baseline: `import PySide6.QtWidgets`, one QWidget, first paint
  - sample blog (targets <= 1.0 s)
  - a generated 10,000-post site (target <= 1.5 s; indexing runs in the background)
  - a 20,000-word post (issue 18): the window mapped (first paint) and settled (the post
    shown, its preview drawn). Targets: mapped within 0.26 s and settled within 0.7 s
    where the bare window maps in 0.10 s, i.e. within 2.6x and 7x the baseline measured
    here (ghostwriter, in C++, maps in 0.26 s and settles in 0.71 s on that machine).
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
SIDE_BY_SIDE_RUNS = 9  # the 20,000-word post's targets are ratios a few percent apart
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


def mapped_and_settled(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from process start to the first paint and to the preview drawn."""
    start = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)
    marks = dict(line.split()[:2] for line in out.stdout.splitlines() if line.startswith("byline-"))
    try:
        return float(marks["byline-first-paint"]) - start, float(marks["byline-settled"]) - start
    except KeyError:
        raise RuntimeError(f"no marks from {cmd}: {out.stdout}\n{out.stderr}") from None


WORDS = (
    "the path along the ridge we walked morning light over water stones under boots and "
    "quiet hills far below wind in grass a small village where bread smelled warm river "
    "bend maps compass north cold tea cairn mist"
)


def long_post_site(root: Path, words: int = 20_000) -> Path:
    """A small site holding one post of `words` words: paragraphs, headings, lists, quotes."""
    import random

    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text('title: "Long Reads"\n', encoding="utf-8")
    rng = random.Random(18)
    vocabulary = WORDS.split()
    lines = ["---", "layout: post", 'title: "Twenty Thousand Words"',
             "date: 2025-10-01T09:00:00", "tags: [long]", "---", ""]  # fmt: skip
    count = 0
    while count < words:
        if count % 800 < 60:
            lines += [f"## Day {count // 800 + 1}", ""]
        sentence = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(60, 120)))
        kind = rng.random()
        if kind < 0.1:
            block = [f"- {sentence[:80]}", f"- {sentence[80:160]}"]
        elif kind < 0.15:
            block = [f"> *{sentence[:120]}*"]
        else:
            block = [sentence.capitalize() + "."]
        lines += [*block, ""]
        count += sum(len(line.split()) for line in block)
    path = root / "_posts" / "2025-10-01-twenty-thousand-words.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def byline_command() -> list[str]:
    """Byline as `make run` and an installed `byline` start it: its console script (as in
    bench_site_index.py; `python -m editor` would add runpy's ~4 ms of imports)."""
    script = Path(sys.executable).with_name("byline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "editor"]


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
        app = [*byline_command(), "--measure-startup"]
        first_paint(app, env)  # first start: copies the sample blog; also warms the disk cache
        base = median([sys.executable, "-c", BASELINE], env)
        sample = median(app, env)  # the last site is the sample blog now
        large = median([*app, str(big)], env)
        post = long_post_site(tmpdir / "long")
        settle = [*byline_command(), "--measure-settled", str(post)]
        mapped_and_settled(settle, env)  # warms the disk cache for this post
        # side by side: each run of the app right after a run of the bare window, so that
        # a shared machine's load (which comes and goes within seconds) hits both alike
        bare_runs, runs = [], []
        for _ in range(SIDE_BY_SIDE_RUNS):
            bare_runs.append(first_paint([sys.executable, "-c", BASELINE], env))
            runs.append(mapped_and_settled(settle, env))
        beside = statistics.median(bare_runs)
        mapped = statistics.median(r[0] for r in runs)
        settled = statistics.median(r[1] for r in runs)
    ok = sample <= 1.0 and large <= 1.5
    long_ok = mapped / beside <= 2.6 and settled / beside <= 7.0
    print(f"bare PySide6 window (baseline): {base:.3f} s")
    print(f"sample blog:      {sample:.3f} s  ({sample / base:.2f}x baseline, target <= 1.0 s)")
    print(f"10,000-post site: {large:.3f} s  ({large / base:.2f}x baseline, target <= 1.5 s)")
    print(f"bare window beside the 20,000-word post's runs: {beside:.3f} s")
    print(f"20,000-word post, mapped:  {mapped:.3f} s  ({mapped / beside:.2f}x the bare window "
          "beside it, target <= 2.6x: 0.26 s beside a 0.10 s bare window)")  # fmt: skip
    print(f"20,000-word post, settled: {settled:.3f} s  ({settled / beside:.2f}x the bare window "
          "beside it, target <= 7.0x: 0.70 s beside a 0.10 s bare window)")  # fmt: skip
    print("start-up targets:", "PASS" if ok else "OVER TARGET")
    print("20,000-word post targets:", "met" if long_ok else "NOT met")
    ok = ok and long_ok
    print("PASS" if ok else "OVER TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
