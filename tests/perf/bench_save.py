"""Save latency for a typical post (the reference post): the full save path with fsync,
against a plain non-atomic write measured in the same run (the machine is shared and noisy)."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.core.history import History
from editor.core.journal import Journal, JournalEntry
from editor.core.post import parse_post
from editor.core.post_io import save_post
from editor.core.storage import atomic_write

ROUNDS = 200
REFERENCE = Path(__file__).resolve().parents[1] / "fixtures" / "reference-post.md"


def _median_ms(fn, rounds: int = ROUNDS) -> float:  # type: ignore[no-untyped-def]
    times = []
    for n in range(rounds):
        start = time.perf_counter()
        fn(n)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    data = REFERENCE.read_bytes()
    post_a = parse_post(data)
    post_b = parse_post(data)
    post_b.set("title", "An edited title")
    posts = [post_a, post_b]
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        (site / "_posts").mkdir(parents=True)
        path = site / "_posts" / "2025-08-14-latest.md"
        path.write_bytes(data)
        history = History(Path(tmp) / "history")
        with Journal(Path(tmp) / "journal") as journal:
            entry = JournalEntry("post-bench", data.decode(), str(site), str(path))

            def plain(n: int) -> None:
                with open(path, "wb") as handle:
                    handle.write(posts[n % 2].to_bytes())

            def plain_fsync(n: int) -> None:
                with open(path, "wb") as handle:
                    handle.write(posts[n % 2].to_bytes())
                    handle.flush()
                    os.fsync(handle.fileno())

            def atomic(n: int) -> None:
                atomic_write(path, posts[n % 2].to_bytes())

            def full_save(n: int) -> None:
                save_post(posts[n % 2], path, site, history=history)

            def journal_write(n: int) -> None:
                entry.cursor = n
                journal.write(entry)

            base = _median_ms(plain)
            figures = {
                "plain write (no fsync)": base,
                "plain write + fsync": _median_ms(plain_fsync),
                "atomic_write": _median_ms(atomic),
                "save_post (atomic, history, re-read check)": _median_ms(full_save),
                "journal entry write": _median_ms(journal_write),
            }
    print(f"reference post, {len(data)} bytes, median of {ROUNDS} rounds")
    for name, ms in figures.items():
        print(f"  {name:45s} {ms:8.3f} ms   x{ms / base:6.1f} of plain")


if __name__ == "__main__":
    main()
