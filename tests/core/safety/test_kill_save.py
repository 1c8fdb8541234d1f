"""Proof: SIGKILL the save path 200 times at random moments; the post is always old or new."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("kill_save_driver.py")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")
def test_kill_during_save_leaves_old_or_new(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(DRIVER), str(tmp_path), "200", "7"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    summary = json.loads(result.stdout)
    print(summary)
    assert summary["torn"] == 0
    assert summary["survived"] == 200
    assert summary["bad_history_versions"] == 0
    assert summary["old"] > 0 and summary["new"] > 0  # the kills did land between saves
    assert summary["killed_mid_write"] > 0  # ...and in the middle of writes
