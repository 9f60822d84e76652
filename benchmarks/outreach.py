"""Segments, messages, Did it work? and duplicates on the 100k-customer base.

    python benchmarks/outreach.py [--runs 5]

Works on a copy of the generated base: the segments saved here do not change it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import fresh_copy, peak_rss_mb, summary, timed  # noqa: E402 - once sys.path holds benchmarks/


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from retainer.rules.status import Status
    from retainer.services import CustomerQuery, open_retainer
    from retainer.services.metrics import month_start

    services = open_retainer(str(fresh_copy("outreach")))
    segments = services.segments
    segments.save("Lapsed regulars", CustomerQuery(status=Status.LAPSED, spent_min_cents=10_000))
    segments.save("Agreed, 30-90 days", CustomerQuery(last_days_min=30, last_days_max=90, consent=True))
    segments.save("Big spenders", CustomerQuery(spent_min_cents=50_000))
    counts, counted = timed(segments.counts, args.runs)
    lapsed = CustomerQuery(status=Status.LAPSED)
    template = "Hello {first_name}! {days_since_last_purchase} since {last_purchase_date}: {discount} off"
    plans, plan = timed(lambda: services.outreach.plan(lapsed, template), args.runs)
    today = services.ctx.today()
    end = month_start(today)
    start = month_start(end, -12)
    results = services.results
    worked, _ = timed(lambda: (results.today_list(start, end),
                               results.segments(start, end, counted)), args.runs)
    found_times, found = timed(services.duplicates.find, max(3, args.runs // 2))
    print(f"base: {services.customers.count(CustomerQuery()):,} customers; segments "
          + ", ".join(f"{s.name} {n:,}" for s, n in counted))
    print(f"saved segments with today's counts (3):       {summary(counts)}")
    print(f"message plan for the lapsed ({len(plan.lines):,} customers, "
          f"{len(plan.recipients):,} recipients): {summary(plans)}")
    print(f"did it work, 12 months (Today list + segments): {summary(worked)}")
    print(f"likely duplicates ({len(found):,} pairs shown):       {summary(found_times)}")
    print(f"peak RSS of the benchmark process:             {peak_rss_mb():.0f} MB")
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
