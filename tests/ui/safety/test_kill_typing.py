"""Proof: SIGKILL an app mid-typing; the journal recovers what was typed over 0.3 s before.

The child is a small app (tests/ui/safety/kill_typing_app.py) with the real Autosaver and
Journal; the same check belongs on the real main window once it exists.
"""

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest

from editor.core.safety.journal import Journal

APP = Path(__file__).with_name("kill_typing_app.py")
REPO = Path(__file__).resolve().parents[3]
KILLS = 4
PROMISE_S = 0.3  # typed more than this long before the kill: must be recovered
SCHEDULING_SLACK_S = 0.0  # none: the 0.3 s holds the timers and the write


def _typing_text() -> str:
    sys.path.insert(0, str(APP.parent))
    try:
        from kill_typing_app import TEXT  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(APP.parent))
    return str(TEXT)


def _read(stream: IO[str], progress: list[tuple[float, int]]) -> None:
    for line in stream:
        stamp, count = line.split()
        progress.append((float(stamp), int(count)))


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_kill_mid_typing_recovers(tmp_path: Path) -> None:
    full = _typing_text()
    rng = random.Random(11)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    for round_no in range(KILLS):
        folder = tmp_path / f"journal-{round_no}"
        child = subprocess.Popen(
            [sys.executable, str(APP), str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        progress: list[tuple[float, int]] = []
        reader = threading.Thread(target=_read, args=(child.stdout, progress), daemon=True)
        reader.start()
        deadline = time.monotonic() + 60
        while not progress and time.monotonic() < deadline:
            time.sleep(0.02)
        assert progress, "the typing app did not start"
        time.sleep(rng.uniform(1.6, 3.2))
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
        child.wait()
        reader.join(timeout=5)
        assert child.stdout is not None
        child.stdout.close()

        with Journal(folder) as journal:
            entries = journal.recoverable()
        assert len(entries) == 1
        recovered = entries[0].text
        assert full.startswith(recovered)  # a clean prefix, never a torn file
        assert entries[0].cursor == len(recovered)
        cutoff = killed_at - PROMISE_S - SCHEDULING_SLACK_S
        must_have = max((n for t, n in progress if t <= cutoff), default=0)
        typed = progress[-1][1]
        assert len(recovered) >= must_have, (round_no, len(recovered), must_have, typed)
        assert must_have > 0
        at = next((t for t, n in progress if n == len(recovered)), killed_at)
        print(
            f"kill {round_no}: typed {typed}, recovered {len(recovered)}, "
            f"newest recovered key typed {killed_at - at:.2f} s before the kill"
        )
