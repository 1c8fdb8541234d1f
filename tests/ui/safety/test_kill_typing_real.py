"""Proof on the real app: `byline SITE` (python -m editor) offscreen, typing into the Markdown
pane, is SIGKILLed 20 times; the journal it leaves holds everything typed over 0.3 s before
the kill (issue 16: less than VS Code's ~1 s).

The editor's modules are compiled to bytecode first, as an installed copy has them: with
PYTHONDONTWRITEBYTECODE set (CI machines have it), the app compiled every module it
imports lazily after the first keystroke on its GUI thread, and on a busy machine that
held the journal's timers back for half a second."""

from __future__ import annotations

import compileall
import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest

from editor.core.safety.journal import Journal
from editor.resources import resource_path

REPO = Path(__file__).resolve().parents[3]
KILLS = 20
PROMISE_S = 0.3  # typed more than this long before the kill: must be recovered
SCHEDULING_SLACK_S = 0.0  # none: the promise itself holds the timers and the write
MARK = "QZX "
TEXT = MARK + "".join(f"Sentence {n} typed into the real window. " for n in range(300))


def _read(stream: IO[str], progress: list[tuple[float, int]]) -> None:
    # ends at EOF when the app dies; a stream closed under it by the test ends it too
    with contextlib.suppress(ValueError, OSError):
        for line in stream:
            if line.startswith("byline-typed "):
                _, stamp, count = line.split()
                progress.append((float(stamp), int(count)))


def _typing_app(home: Path) -> tuple[subprocess.Popen[str], list[tuple[float, int]], Path]:
    """The real app on a copy of the sample blog, typing; (process, progress, site)."""
    if not compileall.compile_dir(REPO / "editor", quiet=1):  # as installing does
        raise AssertionError("the editor's sources do not compile")
    site = home / "blog"
    shutil.copytree(resource_path("sample-blog"), site)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[var] = str(home / var.lower())
    env["BYLINE_TEST_TYPE"] = TEXT
    child = subprocess.Popen(
        [sys.executable, "-m", "editor", str(site)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=home,
    )
    progress: list[tuple[float, int]] = []
    threading.Thread(target=_read, args=(child.stdout, progress), daemon=True).start()
    deadline = time.monotonic() + 60
    while not progress and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.02)
    assert progress, "the app did not start typing"
    return child, progress, site


def _recovered(home: Path, site: Path) -> str:
    """The typed text the journal left holds (checked to sit whole after the post's text).

    Found after the post's own text, not by the first characters typed: a machine under
    load may type only "QZ" before the kill, and that is still a fair round."""
    folders = list((home / "xdg_data_home").rglob("journal"))
    assert len(folders) == 1, folders
    with Journal(folders[0]) as journal:
        entries = journal.recoverable()
    assert len(entries) == 1
    entry = entries[0]
    assert entry.site_root == str(site.resolve())
    assert entry.post_path is not None and Path(entry.post_path).is_file()
    on_disk = Path(entry.post_path).read_text(encoding="utf-8").rstrip("\n")
    assert entry.text.startswith(on_disk)  # the post's own text, untouched
    recovered = entry.text[len(on_disk) :].lstrip("\n").rstrip("\n")
    assert recovered, "the entry holds nothing typed"
    assert TEXT.startswith(recovered)  # typed at the end of the body, a clean prefix
    return recovered


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_kill_the_real_app_mid_typing(tmp_path: Path) -> None:
    rng = random.Random(7)
    losses: list[float] = []
    for round_no in range(KILLS):
        home = tmp_path / f"home-{round_no}"
        child, progress, site = _typing_app(home)
        time.sleep(rng.uniform(1.6, 3.2))
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert child.stdout is not None
        child.stdout.close()
        recovered = _recovered(home, site)
        cutoff = killed_at - PROMISE_S - SCHEDULING_SLACK_S
        must_have = max((n for t, n in progress if t <= cutoff), default=0)
        assert must_have > 0
        typed = progress[-1][1]
        lost_since = min((t for t, n in progress if n > len(recovered)), default=killed_at)
        losses.append(killed_at - lost_since)
        assert len(recovered) >= must_have, (round_no, len(recovered), must_have, typed)
        print(f"kill {round_no}: typed {typed}, recovered {len(recovered)}, needed {must_have}, "
              f"lost the last {1000 * losses[-1]:.0f} ms")  # fmt: skip
    print(f"{KILLS} kills: at most the last {1000 * max(losses):.0f} ms lost "
          f"(median {1000 * sorted(losses)[KILLS // 2]:.0f} ms)")  # fmt: skip


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_the_real_app_ended_by_the_system_keeps_every_word(tmp_path: Path, name: str) -> None:
    """Logout or shutdown (SIGTERM, SIGHUP): nothing typed is lost, not even the last second."""
    number = getattr(signal, name)
    child, progress, site = _typing_app(tmp_path)
    time.sleep(1.5)
    typed_before = progress[-1][1]
    child.send_signal(number)
    assert child.wait(timeout=30) == 128 + number
    assert child.stdout is not None
    child.stdout.close()
    recovered = _recovered(tmp_path, site)
    assert len(recovered) >= typed_before, (len(recovered), typed_before)
    print(f"{name}: typed {progress[-1][1]} (at least {typed_before}), recovered {len(recovered)}")
