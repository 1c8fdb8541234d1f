"""Bad input benchmark (issue 16): time and peak memory of every command on every case.

Each case runs `byline ...` in a fresh process, as an author would, and is compared with
the same command on a good post measured in the same run. Target: no case takes more
than its baseline + 2 s per MB of input (at least 2 s), and none grows past 600 MB.
Prints one line per case: seconds, peak RSS (VmHWM), ratio to the baseline. Dense but
ordinary Markdown (1 and 4 MB, tests/perf/dense_markdown.py) is also shown against
Python-Markdown alone on the same text (bench_render_size.py measures it closer).
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dense_markdown import dense_markdown  # noqa: E402
from PIL import Image  # noqa: E402

WRAP = """
import os, sys
sys.argv = ["byline", *sys.argv[1:]]
from editor.app import main
try:
    code = main()
except SystemExit as exc:
    code = exc.code
finally:
    # VmHWM: this process's own peak (ru_maxrss would carry the parent's over exec)
    with open("/proc/self/status") as status:
        peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    with open(os.environ["BENCH_PEAK"], "w") as out:
        out.write(str(peak))
"""
MAX_RSS_MB = 600


def run(args: list[str], env: dict[str, str], timeout: float = 300) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, last line of stderr) of `byline args`."""
    peak_file = Path(env["BENCH_TMP"]) / "peak"
    env = dict(env, BENCH_PEAK=str(peak_file))
    started = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", WRAP, *args],
            env=env,
            capture_output=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        last = err[-1] if err else ""
    except subprocess.TimeoutExpired:
        return timeout, 0.0, "TIMEOUT"
    seconds = time.perf_counter() - started
    peak_kb = float(peak_file.read_text() or 0) if peak_file.exists() else 0.0
    return seconds, peak_kb / 1024, last


def site(root: Path, config: str = "title: T\n") -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text(config)
    (root / "_posts" / "2025-01-01-fine.md").write_text("---\ntitle: Fine\n---\n\nFine.\n")
    return root


def post(root: Path, name: str, text: str | bytes) -> Path:
    path = root / "_posts" / name
    if isinstance(text, str):
        text = text.encode()
    path.write_bytes(text)
    return path


def paragraphs(megabytes: float) -> str:
    para = "The walk *starts* at the [harbour](/harbour/) and climbs `slowly` to the ridge. " * 6
    count = int(megabytes * 2**20 // (len(para) + 2))
    return "---\ntitle: Long\n---\n\n" + (para + "\n\n") * count


def exif_jpeg(count: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (9, 90, 200)).save(buffer, "JPEG")
    jpeg = buffer.getvalue()
    payload = b"Exif\0\0MM\0*\0\0\0\x08\0\0" + bytes(60000)
    segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return jpeg[:2] + segment * count + jpeg[2:]


def python_markdown_seconds(text: str) -> float:
    import markdown

    started = time.perf_counter()
    markdown.markdown(text)
    return time.perf_counter() - started


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="byline-bench-bad-"))
    env = dict(os.environ, BENCH_TMP=str(tmp), PYTHONPATH=str(REPO))
    for var in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        (tmp / var).mkdir()
        env[var] = str(tmp / var)
    good = site(tmp / "good")
    good_post = good / "_posts" / "2025-01-01-fine.md"
    bad = site(tmp / "bad")
    far = post(bad, "2025-01-02-far.md", "---\ntitle: F\ndate: 9999-12-31 23:59:59 -23:59\n---\n")
    zone = site(tmp / "zone", "timezone: Pacific/Kiritimati\n")
    post(zone, "2025-01-02-late.md", "---\ntitle: L\ndate: 9999-12-31 23:00:00\n---\n")
    evil = site(tmp / "evil")
    post(evil, "2025-01-02-evil.md", '---\ntitle: "E\\e]0;pwned\\a\\e[2J"\n---\n')
    digits = site(tmp / "digits")
    post(digits, "2025-01-02-big.md", "---\ntitle: B\nweight: " + "7" * 5000 + "\n---\n")
    huge = site(tmp / "huge")
    line = "key: " + "v" * 94 + "\n"
    huge_post = post(huge, "2025-01-02-huge.md", "---\ntitle: H\n" + line * (50 * 2**20 // 100))
    tall = tmp / "tall.png"
    Image.new("RGB", (100, 70000), (1, 2, 3)).save(tall)
    fifo = tmp / "fifo.jpg"
    os.mkfifo(fifo)
    exif = tmp / "exif.jpg"
    exif.write_bytes(exif_jpeg(1000))
    photo = tmp / "photo.jpg"
    Image.new("RGB", (64, 48), (9, 90, 200)).save(photo)
    bodies = {
        "1 MB of paragraphs": paragraphs(1),
        "4 MB of paragraphs": paragraphs(4),
        "1 MB of dense Markdown": "---\ntitle: D\n---\n\n" + dense_markdown(1),
        "4 MB of dense Markdown": "---\ntitle: D\n---\n\n" + dense_markdown(4),
        "1 MB in one paragraph": "---\ntitle: P\n---\n\n" + paragraphs(1)[20:].replace("\n\n", " "),
        "10,000 [": "---\ntitle: B\n---\n\n" + "[" * 10_000 + "\n",
        "5,000 [a](": "---\ntitle: B\n---\n\n" + "[a](" * 5_000 + "\n",
        "20,000 <a ": "---\ntitle: B\n---\n\n" + "<a " * 20_000 + "\n",
    }
    rendered = {}
    for label, text in bodies.items():
        rendered[label] = post(good, f"2025-02-0{len(rendered) + 1}-r.md", text)

    run(["list", str(good)], env)  # warm the file cache
    base_list = run(["list", str(good), "--no-cache"], env)[0]
    base_render = run(["render", str(good_post)], env)[0]
    base_new = run(["new", str(good), "--title", "x", "--image", str(photo)], env)[0]
    print(f"baselines: list {base_list:.2f} s, render {base_render:.2f} s, "
          f"new --image {base_new:.2f} s")  # fmt: skip

    cases: list[tuple[str, list[str], float, float]] = [
        ("list, date out of range", ["list", str(bad), "--no-cache"], base_list, 0),
        ("check, date out of range", ["check", str(bad), "--no-cache"], base_list, 0),
        ("render, date out of range", ["render", str(far)], base_render, 0),
        ("new --date 9999-12-31T23:59:59-23:59",
         ["new", str(bad), "--title", "x", "--date", "9999-12-31T23:59:59-23:59"], base_new, 0),
        ("list, year 9999 in a +14 timezone", ["list", str(zone)], base_list, 0),
        ("check, 5,000-digit number", ["check", str(digits)], base_list, 0),
        ("new --date of 5,000 digits",
         ["new", str(digits), "--title", "x", "--date", "7" * 5000], base_new, 0),
        ("list, terminal escapes in a title", ["list", str(evil)], base_list, 0),
        ("new --image 100x70000 PNG", ["new", str(bad), "--title", "x", "--image", str(tall)],
         base_new, 0),
        ("new --image /dev/zero", ["new", str(bad), "--title", "x", "--image", "/dev/zero"],
         base_new, 0),
        ("new --image FIFO", ["new", str(bad), "--title", "x", "--image", str(fifo)], base_new, 0),
        ("new --image JPEG, 1,000 EXIF segments (57 MB)",
         ["new", str(bad), "--title", "x", "--image", str(exif)], base_new, 0),
        ("list, 50 MB front matter", ["list", str(huge), "--no-cache"], base_list, 0),
        ("check, 50 MB front matter", ["check", str(huge), "--no-cache"], base_list, 0),
        ("render, 50 MB front matter", ["render", str(huge_post)], base_render, 0),
    ]  # fmt: skip
    for label, path in rendered.items():
        size = path.stat().st_size / 2**20
        cases.append((f"render, {label}", ["render", str(path)], base_render, size))
    # ordinary Markdown, also shown against Python-Markdown alone on the same text
    plain = {
        label: python_markdown_seconds(text[text.index("\n---\n") + 5 :])
        for label, text in bodies.items()
        if "MB of" in label
    }
    print("Python-Markdown alone: " + ", ".join(f"{k} {v:.2f} s" for k, v in plain.items()))
    failed = 0
    for label, args, baseline, megabytes in cases:
        seconds, peak, last = run(args, env)
        limit = baseline + 2.0 * max(1.0, megabytes)
        ok = seconds <= limit and peak <= MAX_RSS_MB and "Traceback" not in last
        failed |= not ok
        note = "" if ok else f"  OVER (limit {limit:.1f} s, {MAX_RSS_MB} MB)"
        alone = plain.get(label.removeprefix("render, "))
        if alone:
            note += f"  x{seconds / alone:.1f} Python-Markdown alone"
        print(f"{label:48} {seconds:6.2f} s  {peak:7.1f} MB  x{seconds / baseline:5.1f}"
              f"  | {last[:70]}{note}", flush=True)  # fmt: skip
    damaged = site(tmp / "damaged")
    run(["list", str(damaged)], env)
    for file in (tmp / "XDG_CACHE_HOME").rglob("damaged-*"):
        file.write_bytes(b"[" * 100_000)
    seconds, peak, last = run(["list", str(damaged)], env)
    ok = seconds <= base_list + 2 and "Traceback" not in last
    failed |= not ok
    print(f"{'list, index cache of 100,000 [':48} {seconds:6.2f} s  {peak:7.1f} MB  "
          f"x{seconds / base_list:5.1f}  | {last[:70]}{'' if ok else '  FAIL'}")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
