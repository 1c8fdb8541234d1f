"""Run every benchmark script in tests/perf (files named bench_*.py), one process each."""

import subprocess
import sys
from pathlib import Path

from bytecode import compile_editor

here = Path(__file__).parent
compile_editor()  # as an install does: no timed process compiles the sources
failed = 0
for script in sorted(here.glob("bench_*.py")):
    print(f"== {script.name}", flush=True)
    failed |= subprocess.call([sys.executable, str(script)]) != 0
sys.exit(1 if failed else 0)
