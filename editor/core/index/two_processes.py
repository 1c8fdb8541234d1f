"""Sharing a batch of jobs with a forked helper process, for the command line.

The jobs are numbered tokens in a pipe; this process and the helper each take the next
token as soon as they are free, so a core slowed by other work simply does fewer jobs.
The helper sends its results back through a second pipe, packed with `marshal`; if it
fails in any way, this process does the jobs it did not see done. The helper never
writes to the terminal and leaves without running any clean-up it shares with us.

Only for a fresh process with one thread (the command line): forking a process that
runs other threads (a GUI) is unsafe, and then every job is done here.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

R = TypeVar("R")
T = TypeVar("T")
MAX_JOBS = 255  # one byte per token: a pipe read of one byte is never split


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def shared_jobs(
    jobs: int,
    do_job: Callable[[int], R],
    *,
    pack: Callable[[R], Any] = lambda result: result,
    unpack: Callable[[Any, int], R] = lambda packed, job: packed,
) -> list[R]:
    """`do_job(i)` for i in range(jobs), in order, shared with a helper process.

    The helper's results travel as `pack(result)` (something `marshal` can carry) and
    come back as `unpack(packed, job)`.
    """
    if not 0 < jobs <= MAX_JOBS:
        raise ValueError(f"between 1 and {MAX_JOBS} jobs, not {jobs}")
    if jobs == 1 or not can_fork():
        return [do_job(i) for i in range(jobs)]
    tokens, token_sink = os.pipe()
    os.write(token_sink, bytes(range(jobs)))  # far below a pipe's buffer: never blocks
    os.close(token_sink)
    results_in, results_out = os.pipe()
    pid = os.fork()
    if pid == 0:  # the helper
        code = 1
        try:
            os.close(results_in)
            quiet = os.open(os.devnull, os.O_WRONLY)
            os.dup2(quiet, 1)
            os.dup2(quiet, 2)
            done = {job: pack(do_job(job)) for job in _take(tokens)}
            with os.fdopen(results_out, "wb") as sink:
                sink.write(marshal.dumps(done))
            code = 0
        finally:
            os._exit(code)
    os.close(results_out)
    try:
        mine = {job: do_job(job) for job in _take(tokens)}
        theirs = _collect(pid, results_in)
    except BaseException:
        with contextlib.suppress(OSError):  # it may have finished already
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        os.close(tokens)
        with contextlib.suppress(OSError):
            os.close(results_in)
    results: list[R] = []
    for job in range(jobs):
        if job in mine:
            results.append(mine[job])
            continue
        try:
            results.append(unpack(theirs[job], job))
        except (KeyError, TypeError, ValueError):  # the helper failed: do it here
            results.append(do_job(job))
    return results


def shared_map(
    items: Sequence[T],
    do_part: Callable[[Sequence[T]], list[R]],
    *,
    parts: int = 40,
    pack: Callable[[list[R]], Any] = lambda results: results,
    unpack: Callable[[Any, Sequence[T]], list[R]] = lambda packed, part: packed,
) -> list[R]:
    """`do_part` over `parts` slices of `items` (see `shared_jobs`), its results joined in order.

    The helper's results travel as `pack(results)` and come back as `unpack(packed, slice)`.
    """
    if not items:
        return []
    size = -(-len(items) // min(parts, MAX_JOBS))
    slices = [items[i : i + size] for i in range(0, len(items), size)]
    done = shared_jobs(
        len(slices),
        lambda job: do_part(slices[job]),
        pack=pack,
        unpack=lambda packed, job: unpack(packed, slices[job]),
    )
    return [result for results in done for result in results]


def _take(tokens: int) -> Iterator[int]:
    """The jobs this process takes: the next one only once the last one is done."""
    while token := os.read(tokens, 1):
        yield token[0]


def _collect(pid: int, results_in: int) -> dict[int, Any]:
    """The helper's packed results by job; empty when it failed."""
    with os.fdopen(results_in, "rb", closefd=False) as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return {}
    try:
        done = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return {}
    return done if isinstance(done, dict) else {}
