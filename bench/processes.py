"""Timing whole processes, each checked: a benchmark of a command that fails, or that
answers wrongly, measures nothing, so a failed check is reported instead of a time."""

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Timed:
    """The median wall time of a checked command (None when a check failed), and what the
    check found: "ok: ..." or "FAILED: ..."."""

    seconds: float | None
    check: str

    @property
    def ok(self) -> bool:
        return self.seconds is not None


def failed(why: str) -> Timed:
    return Timed(None, f"FAILED: {why}")


def median_seconds(cmd: list[str], env: dict, runs: int, lines: int | None = None) -> Timed:
    """Median wall time of `runs` runs after an untimed one (one run if that took over 5 s).

    The untimed run must exit 0 and, when `lines` is given, print that many lines to
    stdout; every timed run must exit 0 too.
    """
    start = time.perf_counter()
    first = subprocess.run(cmd, capture_output=True, text=True, env=env)
    printed = len(first.stdout.splitlines())
    if first.returncode != 0:
        return failed(f"exit {first.returncode}: {_last_line(first.stderr)}")
    if lines is not None and printed != lines:
        return failed(f"{printed} lines, expected {lines}")
    samples = []
    for _ in range(runs if time.perf_counter() - start < 5 else 1):
        start = time.perf_counter()
        status = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        samples.append(time.perf_counter() - start)
        if status.returncode != 0:
            return failed(f"a timed run exited {status.returncode}")
    expected = "" if lines is None else f", {lines} lines"
    return Timed(statistics.median(samples), f"ok: exit 0{expected}")


def _last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1][-200:] if lines else "(no message)"


def child(script: Path, args: list[str], env: dict) -> dict:
    """Run `script --child ARGS` in a process of its own: the JSON it prints, plus its wall
    time and peak RSS in MB (of it or its largest worker: `ru_maxrss` of its children)."""
    import json

    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(script), "--child", *args], stdout=subprocess.PIPE, env=env
    )
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    if proc.returncode:
        raise SystemExit(f"child {' '.join(args)} failed with exit code {proc.returncode}")
    info = json.loads(out)
    info["wall"] = time.perf_counter() - start
    info["peak_mb"] = usage.ru_maxrss / 1024  # Linux: kilobytes
    return info
