"""Save latency for a typical post (the reference post): the full save path with fsync,
against a plain non-atomic write measured in the same run (the machine is shared and noisy)."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.core.post.post import parse_post
from editor.core.safety.history import History
from editor.core.safety.journal import Journal, JournalEntry
from editor.core.safety.post_io import save_post
from editor.core.safety.storage import atomic_write

ROUNDS = 200
BLOCK = 20
REFERENCE = Path(__file__).resolve().parents[1] / "fixtures" / "reference-post.md"


def _medians_ms(fns: dict[str, Callable[[int], None]], rounds: int = ROUNDS) -> dict[str, float]:
    """Median time of each function. They take turns in blocks of BLOCK rounds, so that load
    drift on a shared machine hits all of them alike, while one method's fsyncs do not sit
    between every two writes of another."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for block in range(rounds // BLOCK):
        for name, fn in fns.items():
            for n in range(block * BLOCK, (block + 1) * BLOCK):
                start = time.perf_counter()
                fn(n)
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) * 1000 for name, t in times.items()}


def main() -> None:
    data = REFERENCE.read_bytes()
    post_a = parse_post(data)
    post_b = parse_post(data)
    post_b.set("title", "An edited title")
    posts = [post_a, post_b]
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        (site / "_posts").mkdir(parents=True)
        # one file per method, so that no method finds the bytes another one just wrote
        paths = {}
        for name in ("plain", "plain-fsync", "atomic", "save", "journal"):
            paths[name] = site / "_posts" / f"2025-08-14-{name}.md"
            paths[name].write_bytes(data)
        path = paths["journal"]
        history = History(Path(tmp) / "history")
        with Journal(Path(tmp) / "journal") as journal:
            entry = JournalEntry("post-bench", data.decode(), str(site), str(path))

            def plain(n: int) -> None:
                with open(paths["plain"], "wb") as handle:
                    handle.write(posts[n % 2].to_bytes())

            def plain_fsync(n: int) -> None:
                with open(paths["plain-fsync"], "wb") as handle:
                    handle.write(posts[n % 2].to_bytes())
                    handle.flush()
                    os.fsync(handle.fileno())

            def atomic(n: int) -> None:
                atomic_write(paths["atomic"], posts[n % 2].to_bytes())

            def full_save(n: int) -> None:
                save_post(posts[n % 2], paths["save"], site, history=history)

            def journal_write(n: int) -> None:
                entry.cursor = n
                journal.write(entry)

            figures = _medians_ms(
                {
                    "plain write (no fsync)": plain,
                    "plain write + fsync": plain_fsync,
                    "atomic_write": atomic,
                    "save_post (atomic, history, re-read check)": full_save,
                    "journal entry write": journal_write,
                }
            )
            base = figures["plain write (no fsync)"]
    print(f"reference post, {len(data)} bytes, median of {ROUNDS} rounds")
    for name, ms in figures.items():
        print(f"  {name:45s} {ms:8.3f} ms   x{ms / base:6.1f} of plain")


if __name__ == "__main__":
    main()
