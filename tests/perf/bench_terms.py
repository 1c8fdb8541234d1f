"""Benchmark: renaming a tag used in ~1,000 of the synthetic site's 10,000 posts (issue 15).

Measures the preview (every affected post read, edited in memory, its diff ready) and the
apply (each post saved atomically with its old version kept in the local history, conflict
checked), and checks that every changed file differs from before in the `tags` lines only.
Baseline, in the same run: python-frontmatter loading and dumping the same posts (which
rewrites every front matter it touches: quotes, order and comments lost) and writing them.
The run fails when a file differs anywhere else; the times and the ratio are reported (the
baseline neither syncs to disk nor keeps history, so it is a floor rather than a peer).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import synthetic_site  # noqa: E402

from editor.core.index.site_index import SiteIndex  # noqa: E402
from editor.core.safety.history import History  # noqa: E402
from editor.core.site.site import Site  # noqa: E402
from editor.core.terms.rename import apply_plan, plan_rename  # noqa: E402

POSTS = 10_000


def baseline(paths: list[Path], old: str, new: str) -> float:
    import frontmatter

    start = time.perf_counter()
    for path in paths:
        post = frontmatter.load(path)
        tags = post.metadata.get("tags") or []
        post.metadata["tags"] = [new if t == old else t for t in tags]
        path.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="byline-bench-terms-") as tmp:
        root = synthetic_site.write_site(Path(tmp) / "site", POSTS)
        cache = Path(tmp) / "cache"
        site = Site.open(root, cache_dir=cache)
        index = SiteIndex(site, cache_dir=cache)
        index.refresh()
        counts = index.vocabulary.tags
        old = min(counts, key=lambda t: abs(counts[t] - 1000))
        before = {e.path: e.path.read_bytes() for e in index.entries() if old in e.tags}
        wall, cpu = time.perf_counter(), time.process_time()
        plan = plan_rename(index, "tag", [old], "Renamed Tag")
        preview, preview_cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(
            f"tag {old!r} in {counts[old]} of {len(index)} posts: preview {len(plan.changes)} "
            f"changes in {preview:.2f} s (CPU {preview_cpu:.2f}) (target <= 2 s); "
            f"{len(plan.problems)} problems"
        )
        history = History(Path(tmp) / "history")
        wall, cpu = time.perf_counter(), time.process_time()
        applied = apply_plan(plan, root, history=history)
        apply, apply_cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(
            f"apply: {len(applied.done)} posts saved in {apply:.2f} s (CPU {apply_cpu:.2f}) "
            f"(target <= 5 s); {len(applied.failed)} failed"
        )
        only_tags = 0
        for path, old_bytes in before.items():
            a = old_bytes.decode().splitlines(keepends=True)
            b = path.read_bytes().decode().splitlines(keepends=True)
            tags_a = [i for i, line in enumerate(a) if line.startswith(("tags:", "  - "))]
            rest_a = [line for i, line in enumerate(a) if i not in tags_a]
            tags_b = [i for i, line in enumerate(b) if line.startswith(("tags:", "  - "))]
            rest_b = [line for i, line in enumerate(b) if i not in tags_b]
            only_tags += rest_a == rest_b and a != b
        print(f"files that differ in their tags lines only: {only_tags} of {len(before)}")
        theirs = baseline(list(before), "Renamed Tag", old)
        ratio = theirs / (preview + apply)
        print(
            f"python-frontmatter load + dump + write of the same posts: {theirs:.2f} s; "
            f"Byline's preview + apply is {ratio:.1f}x that speed"
        )
        checks = [
            ("preview <= 2 s", preview <= 2.0, False),
            ("apply <= 5 s", apply <= 5.0, False),
            ("every changed file differs in its tags lines only", only_tags == len(before), True),
            # reported: the baseline neither syncs to disk nor keeps history
            ("no slower than a rewrite with python-frontmatter", ratio >= 1.0, False),
        ]
        failed = False
        for name, ok, must in checks:
            print(f"  {'ok  ' if ok else 'MISS'} {name}")
            failed |= must and not ok
        return 1 if failed else 0


if __name__ == "__main__":
    os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp(prefix="byline-bench-data-"))
    sys.exit(main())
