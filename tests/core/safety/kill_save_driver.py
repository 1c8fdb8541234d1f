"""Kill the save path at random moments; after each kill the post must be the old or new bytes.

Run by tests/core/safety/test_kill_save.py in its own process: it forks a child that saves two
versions of a post in turn (with history), SIGKILLs it after a random delay, and checks
the file. Prints a JSON summary. Usage: kill_save_driver.py FOLDER KILLS SEED
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

from editor.core.post.post import parse_post
from editor.core.safety.history import History
from editor.core.safety.post_io import save_post

REFERENCE = Path(__file__).resolve().parents[2] / "fixtures" / "reference-post.md"


def main() -> int:
    folder, kills, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    site = folder / "site"
    (site / "_posts").mkdir(parents=True)
    path = site / "_posts" / "2025-08-14-latest.md"
    old = REFERENCE.read_bytes()
    post = parse_post(old)
    post.set("title", "A new title, saved while being killed")
    post.set_body_from_editor(post.body_for_editing() + "\nA longer body.\n" * 3000)
    new = post.to_bytes()
    versions = {old: "old", new: "new"}
    path.write_bytes(old)
    history = History(folder / "history")
    outcomes = {"old": 0, "new": 0}
    torn = 0
    temps_left = 0
    for _ in range(kills):
        pid = os.fork()
        if pid == 0:  # the child: save, save, save... until killed
            try:
                texts = [new.decode(), old.decode()]
                n = 0
                while True:
                    save_post(texts[n % 2], path, site, history=history)
                    n += 1
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0, 0.012))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        data = path.read_bytes()
        kind = versions.get(data)
        if kind is None:
            torn += 1
        else:
            outcomes[kind] += 1
        temps = [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
        temps_left += len(temps)
        for tmp in temps:  # a kill mid-write leaves its temp file; clear it for the next round
            tmp.unlink()
    bad_history = sum(1 for v in history.versions(site, path) if v.read_bytes() not in versions)
    print(
        json.dumps(
            {
                "kills": kills,
                "survived": outcomes["old"] + outcomes["new"],
                "old": outcomes["old"],
                "new": outcomes["new"],
                "torn": torn,
                "killed_mid_write": temps_left,
                "bad_history_versions": bad_history,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
