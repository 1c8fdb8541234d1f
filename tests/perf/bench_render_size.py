"""Render time per megabyte (issue 16: "nothing takes more than ~2 s per MB").

Renders 1 MB and 4 MB of dense ordinary Markdown (tests/perf/dense_markdown.py) from a cold
cache, as `byline render` and the preview do, and measures in the same run the baseline:
Python-Markdown alone (no extensions) on the same text. Prints seconds per MB (CPU time, as
the machine is shared; wall time beside it) and the ratio to the baseline.

Targets: the issue's ~2 s per MB, as a ratio: at most 3.3x Python-Markdown alone (which
takes 0.53-0.60 s/MB here when the machine is quiet), and linear: the 4 MB text costs at
most 1.3x per MB what the 1 MB one does. Measured (CPU s/MB, quiet machine): before the
long sections were rendered in parts, 2.09 at 1 MB and 2.60 at 4 MB (x3.6, x4.2); after,
1.63 and 1.61 (x3.1, x2.7).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import markdown  # noqa: E402
from dense_markdown import dense_markdown  # noqa: E402

import editor.core.render.kramdown as kramdown  # noqa: E402
from editor.core.render import RenderOptions, SiteContext, render_post  # noqa: E402

MAX_RATIO = 3.3
MAX_GROWTH = 1.3
SIZES = (1, 4)
ROUNDS = 2


def timed(
    run: Callable[[], object], before: Callable[[], None] = lambda: None
) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of a call, the best of ROUNDS (the machine is shared)."""
    best = (float("inf"), float("inf"))
    for _ in range(ROUNDS):
        before()
        cpu, wall = time.process_time(), time.perf_counter()
        run()
        best = min(best, (time.process_time() - cpu, time.perf_counter() - wall))
    return best


def main() -> int:
    render_post("Warm *up*.", {"title": "x"}, SiteContext(), RenderOptions())
    markdown.markdown("Warm *up*.")
    per_mb: dict[int, float] = {}
    ok = True
    for megabytes in SIZES:
        text = dense_markdown(megabytes)
        base_cpu, base_wall = timed(lambda text=text: markdown.markdown(text))
        ours_cpu, ours_wall = timed(
            lambda text=text: render_post(text, {"title": "Long"}, SiteContext(), RenderOptions()),
            kramdown.CACHE.clear,  # from cold: no part rendered before
        )
        size = len(text.encode()) / 2**20
        per_mb[megabytes] = ours_cpu / size
        ratio = ours_cpu / base_cpu
        ok &= ratio <= MAX_RATIO
        print(
            f"{size:.1f} MB of dense Markdown: Byline {ours_cpu / size:.2f} s/MB "
            f"(wall {ours_wall / size:.2f}), Python-Markdown alone {base_cpu / size:.2f} s/MB "
            f"(wall {base_wall / size:.2f}); ratio x{ratio:.2f} (target <= x{MAX_RATIO})",
            flush=True,
        )
    growth = per_mb[SIZES[-1]] / per_mb[SIZES[0]]
    ok &= growth <= MAX_GROWTH
    print(
        f"per MB at {SIZES[-1]} MB / at {SIZES[0]} MB: x{growth:.2f} "
        f"(target <= x{MAX_GROWTH}, linear)"
    )
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
