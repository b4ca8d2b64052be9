"""How loaded the machine is while a benchmark runs: a fixed pure-Python task, timed."""

from __future__ import annotations

import time


def calibration_line() -> str:
    """'machine: 10^7 integers summed in 0.21 s': the same work every run, so figures of runs
    on a busy shared machine can be told from figures of a quiet one."""
    started = time.perf_counter()
    sum(range(10**7))
    return f"machine: 10^7 integers summed in {time.perf_counter() - started:.2f} s"
