"""Preview benchmark: fidelity count, render times, and typing into a Markdown pane.

For generated posts of 2,000 and 20,000 words it types 200 characters at human speed into
a QPlainTextEdit wired to the PreviewPane (offscreen) and reports the time from a
keystroke to the updated preview and the longest event-loop block (a 5 ms QTimer probe),
against the baseline measured in the same run: rendering synchronously with setHtml on
every keystroke in the GUI thread.

Targets: 2k words <= 100 ms to preview, <= 30 ms block; 20k words <= 500 ms, <= 100 ms.
Set BENCH_CHARS / BENCH_INTERVAL_MS to shorten a run.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "fidelity"))

import compare  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextBrowser  # noqa: E402

from editor.core.render import RenderOptions, SiteContext, render_post, stylesheet  # noqa: E402
from editor.core.render.kramdown import render_markdown  # noqa: E402
from editor.ui.panes.preview_pane import PreviewPane  # noqa: E402

CHARS = int(os.environ.get("BENCH_CHARS", "200"))
INTERVAL_MS = int(os.environ.get("BENCH_INTERVAL_MS", "120"))  # ~8 characters a second
# (words, what else): (ms to preview, ms longest block); footnotes and a table of contents
# (`{:toc}`) used to make every keystroke render the whole post (issue 17: under 300 ms)
TARGETS = {
    (2000, ""): (100.0, 30.0),
    (20000, ""): (500.0, 100.0),
    (20000, "footnotes"): (300.0, 100.0),
    (20000, "toc"): (300.0, 100.0),
}
REBUILD_MS = 500.0  # a heading added: at most this (it used to mean a whole new document)
WORDS = [
    "the",
    "a",
    "preview",
    "post",
    "blog",
    "reader",
    "writes",
    "quickly",
    "about",
    "Jekyll",
    "kramdown",
    "Markdown",
    "editor",
    "typing",
    "never",
    "waits",
    "for",
    "rendering",
    "while",
    "authors",
    "check",
    "their",
    "drafts",
    "before",
    "publishing",
]
FIELDS = {"title": "A benchmark post", "author": "bench", "date": "2025-08-14T22:02:54"}


def generate(words: int, seed: int = 5, *, footnotes: bool = False, toc: bool = False) -> str:
    """A post of about `words` words: headings, paragraphs, lists, tables and code (and with
    `footnotes`, a note referenced in each section, defined at the end)."""
    rng = random.Random(seed)

    def sentence(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

    out: list[str] = []
    count = 0
    section = 0
    while count < words:
        section += 1
        out.append(f"## Section {section}: *emphasis* and `code`")
        out.append(" ".join(sentence(12) for _ in range(5)))
        out.append(" ".join(sentence(10) for _ in range(4)))
        out.append("\n".join(f"- {sentence(6)}" for _ in range(4)))
        out.append("| Name | Value | Note |\n|------|------:|------|")
        out[-1] += "".join(f"\n| {rng.choice(WORDS)} | {i} | {sentence(3)} |" for i in range(3))
        out.append("```python\ndef step(x):\n    return x * 2  # double it\n```")
        out.append("> " + sentence(12))
        if footnotes:
            out[-5] = out[-5].replace(".", f".[^n{section % 40}]", 1)
        count += 60 + 40 + 24 + 15 + 8 + 10 + 12
    if footnotes:
        out.append("\n".join(f"[^n{i}]: {sentence(8)}" for i in range(40)))
    if toc:
        out.insert(0, "* TOC\n{:toc}")
    return "\n\n".join(out) + "\n"


def fidelity() -> None:
    names = compare.cases()
    misses = [n for n in names if not compare.matches(n, render_markdown(compare.source(n)))]
    print(f"fidelity: {len(names) - len(misses)}/{len(names)} corpus documents match kramdown")
    for name in misses:
        print(f"  does not match: {name}")


def core_times(body: str) -> tuple[float, float, float]:
    """ms: Markdown of the whole post from cold (best of 3), the full render (Liquid,
    header) from cold, and the full render again after a one-character edit (cache warm)."""
    import editor.core.render.kramdown as kd

    md, full = [], []
    for _ in range(3):
        kd.CACHE.clear()
        t = time.perf_counter()
        render_markdown(body)
        md.append(time.perf_counter() - t)
        kd.CACHE.clear()
        t = time.perf_counter()
        render_post(body, FIELDS, SiteContext(), RenderOptions())
        full.append(time.perf_counter() - t)
    middle = len(body) // 2
    edited = body[:middle] + "x" + body[middle:]
    t = time.perf_counter()
    render_post(edited, FIELDS, SiteContext(), RenderOptions())
    warm = time.perf_counter() - t
    return min(md) * 1000, min(full) * 1000, warm * 1000


class LagProbe:
    """The longest time the event loop went without running a 5 ms timer, minus 5 ms."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self.last) * 1000 - 5)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        return max(0.0, self.worst)


def wait(app: QApplication, ms: float) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def type_into(app: QApplication, editor: QPlainTextEdit, probe: LagProbe) -> list[float]:
    """Type CHARS characters in the middle of the text at INTERVAL_MS; keystroke times."""
    cursor = editor.textCursor()
    cursor.setPosition(len(editor.toPlainText()) // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    text = ("Typing at human speed into the post " * 10)[:CHARS]
    stamps: list[float] = []
    probe.start()
    for ch in text:
        stamps.append(time.perf_counter())
        QTest.keyClick(editor, ch)
        wait(app, INTERVAL_MS)
    return stamps


def run_pane(app: QApplication, body: str) -> tuple[list[float], float, float]:
    """Async pane: latencies (ms) of shown renders, final latency, max event-loop block."""
    editor = QPlainTextEdit()
    editor.setPlainText(body)
    pane = PreviewPane()
    editor.resize(700, 800)
    pane.resize(800, 800)
    editor.show()
    pane.show()
    latencies: list[float] = []
    pane.rendered.connect(latencies.append)
    editor.textChanged.connect(
        lambda: pane.request_render(editor.toPlainText(), FIELDS, SiteContext())
    )
    pane.request_render(body, FIELDS, SiteContext())
    while not latencies:
        wait(app, 20)
    latencies.clear()
    probe = LagProbe()
    type_into(app, editor, probe)
    last_key = time.perf_counter()
    while pane.is_busy():
        wait(app, 5)
    final = (time.perf_counter() - last_key) * 1000
    block = probe.stop()
    shown = pane.plain_text()
    assert "Typing at human speed"[: min(CHARS, 10)] in shown, "the preview missed the typing"
    typing = list(latencies)
    rebuild = structure_changes(app, editor, pane, latencies)
    pane._runner.wait()
    pane.close()
    editor.close()
    return typing, final, block, rebuild


def structure_changes(
    app: QApplication, editor: QPlainTextEdit, pane: PreviewPane, latencies: list[float]
) -> tuple[float, float]:
    """A new heading adds a section (and with `{:toc}` changes the table of contents): the
    pane patches the parts that came or changed into the shown document, one per turn of
    the event loop. Median ms to preview and the longest event-loop block over 5 edits."""
    probe = LagProbe()
    probe.start()
    times = []
    for i in range(5):
        latencies.clear()
        cursor = editor.textCursor()
        cursor.setPosition(len(editor.toPlainText()) // 3)
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.insertText(f"# A new heading {i}\n\n")
        while not latencies or pane.is_busy():
            wait(app, 2)
        times.append(latencies[-1])
        wait(app, 300)
    return statistics.median(times), probe.stop()


def run_sync(app: QApplication, body: str) -> tuple[list[float], float]:
    """Baseline: render and setHtml in the GUI thread on every keystroke."""
    editor = QPlainTextEdit()
    editor.setPlainText(body)
    browser = QTextBrowser()
    browser.document().setDefaultStyleSheet(stylesheet(False))
    editor.resize(700, 800)
    browser.resize(800, 800)
    editor.show()
    browser.show()
    latencies: list[float] = []

    def refresh() -> None:
        t = time.perf_counter()
        html = render_post(editor.toPlainText(), FIELDS, SiteContext(), RenderOptions()).html
        browser.setHtml(html)
        latencies.append((time.perf_counter() - t) * 1000)

    editor.textChanged.connect(refresh)
    probe = LagProbe()
    type_into(app, editor, probe)
    block = probe.stop()
    browser.close()
    editor.close()
    return latencies, block


def run_plain(app: QApplication, body: str) -> float:
    """The noise floor: the longest event-loop block while typing with no preview at all."""
    editor = QPlainTextEdit()
    editor.setPlainText(body)
    editor.resize(700, 800)
    editor.show()
    probe = LagProbe()
    type_into(app, editor, probe)
    block = probe.stop()
    editor.close()
    return block


def main() -> int:
    app = QApplication.instance() or QApplication([])
    fidelity()
    ok = True
    for (words, extra), (max_latency, max_block) in TARGETS.items():
        body = generate(words, footnotes=extra == "footnotes", toc=extra == "toc")
        real_words = len(body.split())
        md_ms, full_ms, warm_ms = core_times(body)
        kind = {"footnotes": ", with footnotes", "toc": ", with {:toc}"}.get(extra, "")
        print(f"\n{words:,}-word post{kind} ({real_words:,} words, {len(body):,} chars)")
        print(
            f"  core: Markdown {md_ms:.0f} ms, full render {full_ms:.0f} ms from cold; "
            f"after a one-character edit {warm_ms:.0f} ms"
        )
        lat, final, block, (rebuild_ms, rebuild_block) = run_pane(app, body)
        med = statistics.median(lat) if lat else float("nan")
        worst = max(lat) if lat else float("nan")
        print(
            f"  preview pane (async): keystroke->preview median {med:.0f} ms, max {worst:.0f} ms, "
            f"after the last keystroke {final:.0f} ms; renders shown {len(lat)}/{CHARS}; "
            f"longest event-loop block {block:.0f} ms"
        )
        print(
            f"  a new heading (a section more, patched in): median "
            f"{rebuild_ms:.0f} ms to preview; longest event-loop block {rebuild_block:.0f} ms"
        )
        sync_lat, sync_block = run_sync(app, body)
        print(
            f"  baseline (sync setHtml per keystroke): keystroke->preview median "
            f"{statistics.median(sync_lat):.0f} ms, max {max(sync_lat):.0f} ms; "
            f"longest event-loop block {sync_block:.0f} ms"
        )
        floor = run_plain(app, body)
        print(f"  typing with no preview at all: longest event-loop block {floor:.0f} ms")
        hit = (
            worst <= max_latency
            and block <= max_block
            and rebuild_ms <= max(max_latency, REBUILD_MS if words >= 20000 else 0.0)
            and rebuild_block <= max_block
        )
        ok &= hit
        print(
            f"  target <= {max_latency:.0f} ms to preview, <= {max_block:.0f} ms block: "
            f"{'met' if hit else 'MISSED'}; "
            f"block ratio sync/async {sync_block / max(block, 0.1):.1f}x"
        )
    print("\nall targets met" if ok else "\nsome targets missed (see above)")
    return 0  # a report, not a gate: the machine is shared and noisy


if __name__ == "__main__":
    sys.exit(main())
