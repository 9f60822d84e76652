"""How long ago this process started, for --quit-when-ready and the benchmarks."""

from __future__ import annotations

import os
import time

_IMPORTED_AT = time.perf_counter()


def process_age_ms() -> float:
    """Milliseconds since the operating system started this process.

    On Linux this is read from /proc, so interpreter start-up is counted too; elsewhere it
    falls back to the time since Retainer's first module was imported.
    """
    try:
        with open(f"/proc/{os.getpid()}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 of stat, counted after the command name
        with open("/proc/uptime", "rb") as fh:
            uptime = float(fh.read().split()[0])
        ticks = os.sysconf("SC_CLK_TCK")
        return max(0.0, (uptime - start_ticks / ticks) * 1000.0)
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - _IMPORTED_AT) * 1000.0


_marks: list[tuple[str, float]] = []


def mark(step: str) -> None:
    """Note when a step of the start-up was reached (logged with the first page)."""
    _marks.append((step, process_age_ms()))


def timeline() -> str:
    """The steps of this start-up, as "step 123 ms", in order."""
    return ", ".join(f"{step} {ms:.0f} ms" for step, ms in _marks)
