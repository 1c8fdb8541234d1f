"""Jobs shared with a forked helper: every result once, in order, whatever the helper does."""

import os
import threading
import time

import pytest

from editor.core.index import two_processes
from editor.core.index.two_processes import shared_jobs

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork() is POSIX only")


@pytest.fixture(autouse=True)
def _forking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(two_processes, "can_fork", lambda: True)


def _no_child_left() -> None:
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_every_job_once_in_order_and_both_processes_work() -> None:
    def job(i: int) -> tuple[int, int]:
        time.sleep(0.01)  # long enough that the helper gets its share
        return i, os.getpid()

    results = shared_jobs(20, job)
    assert [i for i, _ in results] == list(range(20))
    assert {pid for _, pid in results} - {os.getpid()}, "the helper did none of the jobs"
    _no_child_left()


def test_packed_results_are_unpacked() -> None:
    results = shared_jobs(
        12,
        lambda i: {"job": i},
        pack=lambda r: r["job"],
        unpack=lambda packed, job: {"job": packed, "unpacked": True},
    )
    assert [r["job"] for r in results] == list(range(12))


def test_jobs_the_helper_failed_are_done_here() -> None:
    parent = os.getpid()

    def job(i: int) -> int:
        time.sleep(0.005)
        if os.getpid() != parent:
            raise RuntimeError("the helper breaks")
        return i * i

    assert shared_jobs(10, job) == [i * i for i in range(10)]
    _no_child_left()


def test_an_error_here_stops_the_helper_and_is_raised() -> None:
    parent = os.getpid()

    def job(i: int) -> int:
        if os.getpid() == parent:
            raise ValueError("broken here")
        time.sleep(5)  # the helper would take long: it is stopped, not waited for
        return i

    start = time.monotonic()
    with pytest.raises(ValueError, match="broken here"):
        shared_jobs(4, job)
    assert time.monotonic() - start < 4
    _no_child_left()


def test_no_helper_while_other_threads_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real check
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        results = shared_jobs(5, lambda i: os.getpid())
    finally:
        stop.set()
        thread.join()
    assert results == [os.getpid()] * 5


def test_job_count_is_checked() -> None:
    with pytest.raises(ValueError):
        shared_jobs(0, lambda i: i)
    with pytest.raises(ValueError):
        shared_jobs(two_processes.MAX_JOBS + 1, lambda i: i)
    assert shared_jobs(1, lambda i: os.getpid()) == [os.getpid()]


def test_shared_map_keeps_the_order_of_the_items() -> None:
    items = [f"item-{n}" for n in range(103)]

    def upper(part: list[str]) -> list[str]:
        time.sleep(0.002)
        return [s.upper() for s in part]

    assert two_processes.shared_map(items, upper, parts=9) == [s.upper() for s in items]
    assert two_processes.shared_map([], upper) == []
    packed = two_processes.shared_map(
        items,
        upper,
        parts=5,
        pack=lambda results: "|".join(results),
        unpack=lambda text, part: text.split("|"),
    )
    assert packed == [s.upper() for s in items]
