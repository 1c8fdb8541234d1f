"""Journal benchmark (issue 16): how long the GUI thread is blocked per journal write.

The real window (offscreen) opens a post of 20,000 words and types into it at human
speed; every journal write is timed on the GUI thread: gathering the entry and handing it
to the background writer. The baseline, measured in the same run on the same window, is
the old way: gathering and writing (JSON, fsync, rename) on the GUI thread. Also reported:
the age of the oldest unjournalled keystroke when each write lands (the kill promise).

Targets: GUI block per write <= 2 ms (median and 95th percentile); every keystroke
journalled within 300 ms.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
TMP = Path(tempfile.mkdtemp(prefix="byline-bench-journal-"))
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    (TMP / _var).mkdir()
    os.environ[_var] = str(TMP / _var)

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor.resources import resource_path  # noqa: E402
from editor.ui.dialogs import prompts  # noqa: E402
from editor.ui.safety import autosave  # noqa: E402
from editor.ui.settings import Settings  # noqa: E402
from editor.ui.startup.application import open_window  # noqa: E402

WORDS = 20_000
KEYS = int(os.environ.get("BENCH_KEYS", "150"))
KEY_MS = 60  # a fast typist
TARGET_BLOCK_MS = 2.0
TARGET_AGE_MS = 300.0


def long_post(site: Path) -> Path:
    words = [
        "the",
        "ridge",
        "path",
        "climbs",
        "slowly",
        "above",
        "the",
        "fjord",
        "in",
        "early",
        "spring",
        "light",
    ]
    body = "\n\n".join(
        " ".join(words[(i + j) % len(words)] for j in range(100)) for i in range(WORDS // 100)
    )
    path = site / "_posts" / "2025-09-01-a-long-walk.md"
    path.write_text(f'---\nlayout: post\ntitle: "A long walk"\n---\n\n{body}\n', "utf-8")
    return path


def main() -> int:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(TMP / "ini"))
    site = TMP / "blog"
    shutil.copytree(resource_path("sample-blog"), site)
    post = long_post(site)
    window = open_window(None, Settings(), TMP / "data")
    window.show()
    window.open_site(site)
    window.wait_for_index()
    assert window.open_path(post)
    saver = window.safety.autosaver
    blocks: list[float] = []
    ages: list[float] = []

    real_hand_over = saver._hand_over

    gathered: list[float] = []  # per write: when its oldest change was typed

    def timed_hand_over() -> bool:
        started = time.perf_counter()
        if saver.pending and first_pending:
            gathered.append(first_pending[-1])
        result = real_hand_over()
        blocks.append((time.perf_counter() - started) * 1000)
        return result

    saver._hand_over = timed_hand_over  # type: ignore[method-assign]

    def on_journalled(_key: str) -> None:
        if gathered:
            ages.append((time.perf_counter() - gathered.pop(0)) * 1000)

    saver.journalled.connect(on_journalled)
    editor = window.markdown.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    first_pending: list[float] = []

    def type_keys(count: int) -> None:
        done = 0

        def one() -> None:
            nonlocal done
            if not saver.pending:
                first_pending.append(time.perf_counter())
            QTest.keyClicks(editor, "x")
            done += 1
            if done >= count:
                timer.stop()

        timer = QTimer()
        timer.timeout.connect(one)
        timer.start(KEY_MS)
        while done < count:
            app.processEvents()
            time.sleep(0.001)
        deadline = time.perf_counter() + 1
        while time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        saver.wait()

    type_keys(KEYS)
    new_blocks = list(blocks)

    # baseline: the same window, writing on the GUI thread as before
    blocks.clear()

    def old_hand_over() -> bool:
        started = time.perf_counter()
        saver._idle.stop()
        saver._max.stop()
        entry = saver._state()
        saver._pending = False
        if entry is not None:
            saver.journal.write(entry)
        blocks.append((time.perf_counter() - started) * 1000)
        return True

    saver._hand_over = old_hand_over  # type: ignore[method-assign]
    type_keys(KEYS)
    old_blocks = list(blocks)

    def summary(values: list[float]) -> str:
        values = sorted(values)
        p95 = values[int(len(values) * 0.95) - 1] if values else 0.0
        return (f"{len(values)} writes, median {statistics.median(values):.2f} ms, "
                f"p95 {p95:.2f} ms, max {max(values):.2f} ms")  # fmt: skip

    print(f"post of {WORDS} words, {KEYS} keys at {KEY_MS} ms "
          f"(timers: idle {autosave.IDLE_MS} ms, at most {autosave.MAX_MS} ms)")  # fmt: skip
    print(f"GUI block per journal write, background writer: {summary(new_blocks)}")
    print(f"GUI block per journal write, baseline (on the GUI thread): {summary(old_blocks)}")
    median_new = statistics.median(new_blocks)
    p95_new = sorted(new_blocks)[int(len(new_blocks) * 0.95) - 1]
    print(f"ratio to baseline (median): {median_new / statistics.median(old_blocks):.2f}")
    print(f"oldest unjournalled keystroke's age when its write landed: median "
          f"{statistics.median(ages):.0f} ms, max {max(ages):.0f} ms")  # fmt: skip
    with __import__("pytest").MonkeyPatch.context() as mp:
        mp.setattr(prompts, "ask_unsaved", lambda *a: prompts.Choice.DISCARD)
        window.close()
    ok = median_new <= TARGET_BLOCK_MS and p95_new <= TARGET_BLOCK_MS
    print("OK" if ok else f"OVER: target {TARGET_BLOCK_MS} ms per write")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
