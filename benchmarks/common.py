"""Shared helpers: the generated base of realistic size, and statistics over repeated runs."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

DATA = Path(__file__).parent / "data"
BIG_CUSTOMERS = 100_000
BIG_YEARS = 5.0  # about ten purchases a customer: one million purchases


def big_base() -> Path:
    """The 100k-customer / ~1M-purchase base, generated once and reused."""
    DATA.mkdir(exist_ok=True)
    path = DATA / f"base-{BIG_CUSTOMERS}.sqlite"
    if not path.exists():
        from retainer.demo import make_demo

        partial = path.with_suffix(".part")
        partial.unlink(missing_ok=True)
        started = time.perf_counter()
        make_demo(str(partial), BIG_CUSTOMERS, BIG_YEARS, seed=2026,
                  progress=lambda d, t: print(f"\rgenerating {d}/{t}", end="", file=sys.stderr))
        partial.rename(path)
        print(f"\ngenerated in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def fresh_copy(name: str) -> Path:
    """A copy of the generated base to work on: the app writes reminders and model fits."""
    import shutil
    import tempfile

    target = Path(tempfile.mkdtemp(prefix="retainer-bench-")) / f"{name}.sqlite"
    shutil.copyfile(big_base(), target)
    return target


def timed(work, runs: int) -> tuple[list[float], object]:
    """Run ``work`` ``runs`` times: each run's milliseconds, and the last result."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def summary(values: list[float], unit: str = "ms") -> str:
    values = sorted(values)
    median = statistics.median(values)
    if len(values) >= 4:
        q = statistics.quantiles(values, n=4)
        spread = f"IQR {q[0]:.0f}–{q[2]:.0f}"
    else:
        spread = f"range {values[0]:.0f}–{values[-1]:.0f}"
    return f"{median:.0f} {unit} (n={len(values)}, {spread}, max {values[-1]:.0f})"


def peak_rss_mb() -> float:
    import resource

    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
