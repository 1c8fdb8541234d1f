"""Benchmark: full-text search on the synthetic 10,000-post site (issue 15).

Measures, in one run:
- the first build of the search index (empty cache; the site index is warm), wall and CPU;
- warm queries of every kind (words, a phrase, a prefix, OR, exclusion, filters), best of
  several runs each, against the baseline: reading every post and scanning it with `re`
  for the same words (both sides in this process, in this run);
- the update after saving one post: the site index re-reads it, the search index too;
- the size of the database in the cache folder.
Absolute targets are reported; the ratio (robust to a busy, shared machine) fails the run.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import synthetic_site  # noqa: E402

from editor.core.index.site_index import SiteIndex  # noqa: E402
from editor.core.search.query import Term, parse_query  # noqa: E402
from editor.core.search.store import search_index_of  # noqa: E402
from editor.core.site.site import Site  # noqa: E402

POSTS = 10_000
RUNS = 5
QUERIES = (
    "summit",
    "frenzied bridgehead",
    '"peace talks"',
    "sanc*",
    "alaska OR europe",
    '"peace talks" -alaska',
    "exasperation tag:ai year:2020..2022",
    'author:"Mira Chen" draft:no',
)


def baseline(files: list[Path], query: str) -> int:
    """The obvious way: read every post and count each word (or phrase) in it with `re`
    (the counts are what ranking needs); the posts with every word match."""
    parsed = parse_query(query)

    def pattern(term: Term) -> re.Pattern[str]:
        words = r"\W+".join(re.escape(w) for w in term.text.split())
        tail = r"\w*" if term.kind == "prefix" else r"\b"
        return re.compile(rf"\b{words}{tail}", re.I)

    wanted = [pattern(t) for t in parsed.terms]
    unwanted = [pattern(t) for t in parsed.excluded]
    found = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        counts = [len(p.findall(text)) for p in wanted]
        if all(counts) and not any(p.search(text) for p in unwanted):
            found += 1
    return found


def best_of(work, runs: int = RUNS) -> tuple[float, float]:
    """(best wall-clock, best CPU) seconds of several runs."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="byline-bench-search-") as tmp:
        root = synthetic_site.write_site(Path(tmp) / "site", POSTS)
        cache = Path(tmp) / "cache"
        site = Site.open(root, learn=False, cache_dir=cache)
        index = SiteIndex(site, cache_dir=cache)
        index.refresh()
        entries = index.entries()
        files = sorted((root / "_posts").iterdir())
        search = search_index_of(site)
        wall = time.perf_counter()
        cpu = time.process_time()
        report = search.sync(entries)
        build_wall = time.perf_counter() - wall
        build_cpu = time.process_time() - cpu
        size = search.size_bytes()
        print(
            f"first build: {report.read} posts in {build_wall:.2f} s wall, {build_cpu:.2f} s CPU "
            f"(target <= 5 s); database {size / 2**20:.1f} MB for "
            f"{sum(f.stat().st_size for f in files) / 2**20:.1f} MB of posts"
        )
        worst = worst_cpu = 0.0
        ratios = []
        for query in QUERIES:
            search.search(query)  # warm
            ours, ours_cpu = best_of(lambda q=query: search.search(q))
            hits = search.search(query).total
            theirs, theirs_cpu = best_of(lambda q=query: baseline(files, q), runs=2)
            ratio = theirs / ours
            ratios.append(ratio)
            worst = max(worst, ours)
            worst_cpu = max(worst_cpu, ours_cpu)
            print(
                f"  {query!r:40} {ours * 1000:6.1f} ms (CPU {ours_cpu * 1000:5.1f}) {hits:5} posts"
                f" | re scan {theirs * 1000:5.0f} ms (CPU {theirs_cpu * 1000:5.0f}) | {ratio:4.0f}x"
                f" (CPU {theirs_cpu / max(ours_cpu, 1e-6):4.0f}x)"
            )
        print(
            f"slowest query {worst * 1000:.1f} ms, CPU {worst_cpu * 1000:.1f} ms (target <= 50 ms);"
            f" smallest ratio {min(ratios):.0f}x (target >= 20x)"
        )
        # saving one post: the site index re-reads it, then the search index
        target = files[len(files) // 2]
        updates = []
        original = target.read_text(encoding="utf-8")
        for n in range(RUNS * 2):
            target.write_text(
                original.replace("\n\n", f"\n\nEdit {n} glacier.\n\n", 1), encoding="utf-8"
            )
            start = time.perf_counter()
            index.refresh_paths([target])
            entry = index.entry(target)
            assert entry is not None
            search.update([entry])
            updates.append(time.perf_counter() - start)
        assert search.search("glacier").total == 1
        print(
            f"update after saving one post: best {min(updates) * 1000:.1f} ms, median "
            f"{statistics.median(updates) * 1000:.1f} ms (target <= 20 ms)"
        )
        # a second start: nothing changed, nothing read
        search.close()
        again = search_index_of(site)
        start = time.perf_counter()
        kept = again.sync(index.entries())
        print(
            f"sync at a later start, nothing changed: {(time.perf_counter() - start) * 1000:.1f} ms "
            f"({kept.read} posts read)"
        )
        again.close()
        checks = [
            ("first build <= 5 s", build_wall <= 5.0, False),
            ("every query <= 50 ms", worst <= 0.050, False),
            ("update <= 20 ms", statistics.median(updates) <= 0.020, False),
            ("queries >= 20x faster than an re scan", min(ratios) >= 20, True),
        ]
        failed = False
        for name, ok, is_ratio in checks:
            print(f"  {'ok  ' if ok else 'MISS'} {name}")
            failed |= is_ratio and not ok
        return 1 if failed else 0


if __name__ == "__main__":
    os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="byline-bench-cache-"))
    sys.exit(main())
