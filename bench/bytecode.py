"""What compiling the installed packages to bytecode at install saves each process: CPU seconds
of a seed build and of the dashboard's imports, with the venv's bytecode and without it.

`make` installs with uv's `--compile-bytecode`. Without it, where Python may not write its
caches (PYTHONDONTWRITEBYTECODE), every process compiles pandas, plotly and streamlit from
source again. "Without" is simulated in the same venv, in the same run: `PYTHONPYCACHEPREFIX`
pointing at an empty folder makes Python look for bytecode only there, find none and (not
allowed to write) compile from source, as a venv installed without bytecode does. The two
take turns round by round so the machine's load falls on both alike. Run by hand, never
imported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: What a process of each kind imports and does (run in the checkout, its own venv).
JOBS = {
    "seed build (etl build --no-images)": ["-m", "etl", "build", "--no-images", "--db"],
    "dashboard imports (streamlit, app modules)": [
        "-c",
        "import streamlit, plotly.graph_objects, pandas, duckdb; import monitor.statements, monitor.figures, monitor.policies",
    ],
}


def _cpu(args: list[str], env: dict[str, str]) -> float:
    """User + system CPU seconds of one child process running `args`."""
    before = os.times()
    subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True, capture_output=True)
    after = os.times()
    return (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as tmp:
        compiled = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        compiled.pop("PYTHONPYCACHEPREFIX", None)
        source = dict(compiled, PYTHONPYCACHEPREFIX=str(Path(tmp) / "empty"))
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(rounds):
            for job, args in JOBS.items():
                if args[-1] == "--db":
                    args = [*args, str(Path(tmp) / "b.duckdb")]
                for name, env in (("bytecode", compiled), ("from source", source)):
                    times.setdefault((job, name), []).append(_cpu(args, env))
    load = os.getloadavg()[0]
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {load:.1f}, {rounds} rounds")
    print("| process | bytecode (s CPU) | from source (s CPU) | ratio |")
    print("|---|---:|---:|---:|")
    for job in JOBS:
        fast = statistics.median(times[(job, "bytecode")])
        slow = statistics.median(times[(job, "from source")])
        print(f"| {job} | {fast:.2f} | {slow:.2f} | {fast / slow:.2f} |")


if __name__ == "__main__":
    main()
