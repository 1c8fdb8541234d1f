"""Benchmark: indexing a 10,000-post site (issue 3), against `frontmatter.load` on every file.

Generates the synthetic site once (in a temp dir), then measures, in one run:
- `byline list SITE --json` as a whole process: without the cache (`--no-cache`), with an
  empty cache folder (the run that writes the cache), with a warm cache (nothing changed:
  the kept listing is written out), and with one post touched before each run (the
  index cache re-reads that post and the listing is built again);
- the same listing done the obvious way (`frontmatter.load` on every file) in a process;
- in-process: a cold index, a re-index with nothing changed, and the index's peak memory.
Timings are the best of several runs (the machine is shared and noisy); the targets are
checked as ratios against the baseline measured here, and as absolute figures.
"""

from __future__ import annotations

import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import synthetic_site  # noqa: E402
from bytecode import compile_editor  # noqa: E402

POSTS = 10_000
RUNS = 7

BASELINE = r"""
import json, sys
from pathlib import Path
import frontmatter
root = Path(sys.argv[1])
rows = []
for folder in [root / "_posts", root / "_drafts", *root.glob("*/_posts")]:
    for path in sorted(folder.rglob("*")):
        if path.suffix not in (".md", ".markdown", ".html"):
            continue
        try:
            post = frontmatter.load(path)
        except Exception as exc:
            rows.append({"path": str(path.relative_to(root)), "problem": str(exc)})
            continue
        meta = post.metadata
        date = meta.get("date")
        rows.append({
            "path": str(path.relative_to(root)), "title": str(meta.get("title") or ""),
            "date": date.isoformat() if hasattr(date, "isoformat") else None,
            "author": meta.get("author"), "categories": meta.get("categories"),
            "tags": meta.get("tags"), "image": meta.get("image"), "draft": False,
        })
rows.sort(key=lambda r: r.get("date") or "", reverse=True)
sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str))
"""


def byline_command() -> list[str]:
    script = Path(sys.executable).with_name("byline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "editor"]


class Timing:
    """Wall-clock and CPU (user + system) seconds of several runs of one command."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def __str__(self) -> str:
        return (
            f"wall best {min(self.wall):.3f} s (median {statistics.median(self.wall):.3f}), "
            f"cpu best {min(self.cpu):.3f} s"
        )


def timed(cmd: list[str], env: dict[str, str], runs: int = RUNS, before=None) -> Timing:
    timing = Timing()
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        timing.wall.append(time.perf_counter() - start)
        proc.returncode = 0
        assert os.waitstatus_to_exitcode(status) == 0, cmd
        timing.cpu.append(usage.ru_utime + usage.ru_stime)
    return timing


def child_max_rss_mb(cmd: list[str], env: dict[str, str]) -> float:
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return usage.ru_maxrss / 1024


def in_process(site_dir: Path, cache: Path) -> dict[str, float]:
    from editor.core.index.site_index import SiteIndex
    from editor.core.site.site import Site

    site = Site.open(site_dir, cache_dir=cache)
    cold, cold_cpu = [], []
    for _ in range(3):
        index = SiteIndex(site, use_cache=False)
        start, start_cpu = time.perf_counter(), time.process_time()
        index.refresh()
        cold.append(time.perf_counter() - start)
        cold_cpu.append(time.process_time() - start_cpu)
    noop, noop_cpu = [], []
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        delta = index.refresh()
        noop.append(time.perf_counter() - start)
        noop_cpu.append(time.process_time() - start_cpu)
        assert not delta
    start = time.perf_counter()
    index.entries()
    sort_time = time.perf_counter() - start
    del index
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    index = SiteIndex(site, use_cache=False)
    index.refresh()
    index.entries()
    _ = index.vocabulary
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "cold": min(cold),
        "cold_cpu": min(cold_cpu),
        "noop": min(noop),
        "noop_cpu": min(noop_cpu),
        "noop_median": statistics.median(noop),
        "sort": sort_time,
        "held_mb": (current - base) / 2**20,
        "peak_mb": (peak - base) / 2**20,
        "entries": len(index),
    }


def main() -> int:
    compile_editor()  # timed processes load bytecode, as an installed Byline does
    tmp = Path(tempfile.mkdtemp(prefix="byline-bench-index-"))
    try:
        site_dir = tmp / "site"
        start = time.perf_counter()
        synthetic_site.write_site(site_dir, POSTS)
        print(f"synthetic site: {POSTS} posts written in {time.perf_counter() - start:.1f} s")
        cache = tmp / "cache"
        env = dict(os.environ, XDG_CACHE_HOME=str(cache), QT_QPA_PLATFORM="offscreen")
        byline = [*byline_command(), "list", str(site_dir), "--json"]
        baseline_cmd = [sys.executable, "-c", BASELINE, str(site_dir)]

        def drop_cache() -> None:
            shutil.rmtree(cache, ignore_errors=True)

        # warm the OS file cache and .pyc files before any timing
        subprocess.run(baseline_cmd, env=env, check=True, stdout=subprocess.DEVNULL)
        subprocess.run([*byline, "--no-cache"], env=env, check=True, stdout=subprocess.DEVNULL)

        baseline = timed(baseline_cmd, env, runs=3)
        no_cache = timed([*byline, "--no-cache"], env)
        first = timed(byline, env, before=drop_cache)
        subprocess.run(byline, env=env, check=True, stdout=subprocess.DEVNULL)
        warm = timed(byline, env)
        touched = site_dir / "_posts" / sorted(os.listdir(site_dir / "_posts"))[0]

        def touch_one() -> None:  # the kept listing is stale: the index cache does the work
            os.utime(touched)

        one_touched = timed(byline, env, before=touch_one)
        python = timed([sys.executable, "-c", "pass"], env)
        later = timed(baseline_cmd, env, runs=2)  # the machine may have changed meanwhile
        baseline.wall += later.wall
        baseline.cpu += later.cpu
        rss_warm = child_max_rss_mb(byline, env)
        rss_cold = child_max_rss_mb([*byline, "--no-cache"], env)
        rss_baseline = child_max_rss_mb(baseline_cmd, env)
        inproc = in_process(site_dir, tmp / "cache-inproc")

        b = min(baseline.wall)
        bc = min(baseline.cpu)

        def vs(t: Timing) -> str:
            return f"  -> {b / min(t.wall):.1f}x wall, {bc / min(t.cpu):.1f}x cpu"

        print(f"python start-up (python -c pass):            {python}")
        print(f"baseline, frontmatter.load on every file:    {baseline}")
        print(f"byline list --json, no cache (--no-cache):   {no_cache}{vs(no_cache)}")
        print(f"byline list --json, empty cache (writes it): {first}{vs(first)}")
        print(f"byline list --json, warm cache:              {warm}{vs(warm)}")
        print(f"byline list --json, warm, one post touched:  {one_touched}{vs(one_touched)}")
        print(f"in-process cold index, {inproc['entries']:.0f} posts, one core: "
              f"wall {inproc['cold']:.3f} s, cpu {inproc['cold_cpu']:.3f} s")  # fmt: skip
        print(f"in-process re-index, nothing changed: wall best {inproc['noop']:.3f} s "
              f"(median {inproc['noop_median']:.3f}), cpu {inproc['noop_cpu']:.3f} s")  # fmt: skip
        print(f"in-process sort newest first: {inproc['sort']:.3f} s")
        print(f"index memory (tracemalloc): held {inproc['held_mb']:.1f} MB, "
              f"peak growth {inproc['peak_mb']:.1f} MB")  # fmt: skip
        print(f"max RSS of the process: byline warm {rss_warm:.0f} MB, no cache {rss_cold:.0f} MB, "
              f"baseline {rss_baseline:.0f} MB")  # fmt: skip

        # the targets as the issue states them: wall-clock time of the whole process. The
        # ratios fail the run (both sides are timed in this run, so a busy machine hits both);
        # CPU time is reported only: `byline list` uses both cores, the baseline one.
        checks = [
            ("no cache <= 0.5 s (wall)", min(no_cache.wall) <= 0.5, False),
            ("no cache >= 4x baseline (wall)", b / min(no_cache.wall) >= 4, True),
            ("warm cache <= 0.2 s (wall)", min(warm.wall) <= 0.2, False),
            ("warm cache >= 10x baseline (wall)", b / min(warm.wall) >= 10, True),
            ("re-index, nothing changed <= 0.05 s (wall)", inproc["noop"] <= 0.05, False),
            ("peak memory growth <= 50 MB", inproc["peak_mb"] <= 50, True),
        ]
        failed = False
        for name, ok, is_ratio in checks:
            print(f"  {'met   ' if ok else 'MISSED'} {name}")
            failed |= is_ratio and not ok
        # absolute targets are reported; only the ratios (robust to a busy machine) fail the run
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
