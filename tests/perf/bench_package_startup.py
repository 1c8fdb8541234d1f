"""Start-up of the frozen app (dist/byline) to its first painted window, next to `python -m editor`.

Both open the sample blog offscreen with BYLINE_EXIT_AFTER_PAINT=1: the app prints a line at
its first paint and quits. The time is measured from here, from starting the process to
reading that line, so the frozen app's own unpacking and imports count. Runs alternate
between the two so the machine's noise hits both alike; the figure to watch is the ratio.
Also prints the sizes of the bundle, the .tar.gz and the .deb. Skips without a bundle.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bytecode import compile_editor

REPO = Path(__file__).resolve().parent.parent.parent
DIST = REPO / "dist"
BUNDLE = DIST / "byline" / ("byline.exe" if sys.platform == "win32" else "byline")
RUNS = 7


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def site_copy(tmp: Path) -> Path:
    """A copy of the sample blog (or a minimal site), so nothing writes into resources/."""
    sample = REPO / "resources" / "sample-blog"
    site = tmp / "site"
    if sample.is_dir():
        shutil.copytree(sample, site)
    else:
        (site / "_posts").mkdir(parents=True)
        (site / "_config.yml").write_text("title: Bench\n", encoding="utf-8")
    return site


# BYLINE_EXIT_AFTER_PAINT's line; the window's own probe (BYLINE_MEASURE_STARTUP) prints
# the second form and may keep running, so the process is ended once the line is read
PAINT_LINES = (b"byline: first paint", b"byline-first-paint")


def first_paint(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    line = b""
    for line in proc.stdout:
        if line.startswith(PAINT_LINES):
            break
    elapsed = time.perf_counter() - started
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if not line.startswith(PAINT_LINES):
        raise SystemExit(f"{cmd[0]} did not paint: exit {proc.returncode}, said {line!r}")
    return elapsed


def main() -> int:
    if not BUNDLE.is_file():
        print(f"skipped: no bundle at {BUNDLE.relative_to(REPO)} (run `make package` first)")
        return 0
    compile_editor()  # `python -m editor` as installed, not compiling its sources each time
    with tempfile.TemporaryDirectory(prefix="byline-bench-") as name:
        tmp = Path(name)
        site = site_copy(tmp)
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            BYLINE_EXIT_AFTER_PAINT="1",
            BYLINE_MEASURE_STARTUP="1",
        )
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
            (tmp / var).mkdir()
            env[var] = str(tmp / var)
        commands = {
            "frozen (dist/byline)": [str(BUNDLE), str(site)],
            "venv (python -m editor)": [sys.executable, "-m", "editor", str(site)],
        }
        for cmd in commands.values():  # warm the disk cache for both
            first_paint(cmd, env)
        times: dict[str, list[float]] = {label: [] for label in commands}
        for _ in range(RUNS):
            for label, cmd in commands.items():
                times[label].append(first_paint(cmd, env))
    medians = {label: statistics.median(t) for label, t in times.items()}
    for label, median in medians.items():
        print(f"start to first paint, {label}: median {median:.3f} s over {RUNS} runs "
              f"(min {min(times[label]):.3f} s)")  # fmt: skip
    frozen, venv = medians.values()
    print(f"ratio frozen / venv: {frozen / venv:.2f}")
    print(f"bundle dist/byline: {folder_size(BUNDLE.parent) / 1e6:.1f} MB")
    for pattern in ("byline-*.tar.gz", "byline_*.deb"):
        for path in sorted(DIST.glob(pattern)):
            print(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
