"""The churn radar on a 100k-customer base: statuses, reminders, the Today list, the model fit.

    python benchmarks/radar.py [--runs 7]

Works on a copy of the generated base, so reminders made here do not change it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import fresh_copy, peak_rss_mb, summary, timed  # noqa: E402 - once sys.path holds benchmarks/


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from retainer.services import open_retainer

    services = open_retainer(str(fresh_copy("radar")))
    started = time.perf_counter()
    made = services.reminders.generate()
    first_generation = (time.perf_counter() - started) * 1000
    again, _ = timed(services.reminders.generate, args.runs)
    fit_times, state = timed(lambda: services.radar.refresh(force=True), max(3, args.runs // 2))
    statuses, counts = timed(services.customers.status_counts, args.runs)
    today, listing = timed(services.today.today, args.runs)
    both, _ = timed(lambda: (services.customers.status_counts(), services.today.today()), args.runs)
    print(f"base: {sum(counts.values()):,} customers; {made.total:,} reminders made "
          f"({made.drifting:,} drifting, {made.birthdays:,} birthdays); "
          f"{len(listing.items):,} calls due today")
    p = state.params
    print(f"fitted on {state.customers:,} customers, {state.repeat_customers:,} with repeat purchases: "
          f"r={p.r:.3f} alpha={p.alpha:.1f} days a={p.a:.3f} b={p.b:.3f}")
    print(f"first reminder generation:                  {first_generation:.0f} ms")
    print(f"reminder generation when nothing is new:    {summary(again)}")
    print(f"BG/NBD fit (whole base):                    {summary(fit_times)}   target <= 5000 ms")
    print(f"statuses of all customers:                  {summary(statuses)}")
    print(f"ranked Today list:                          {summary(today)}")
    print(f"statuses + ranked Today list:               {summary(both)}   target <= 300 ms")
    print(f"peak RSS of the benchmark process:          {peak_rss_mb():.0f} MB")
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
