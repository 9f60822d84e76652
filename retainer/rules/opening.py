"""A customer's opening history: what a list with totals says of the purchases made before
Retainer — how many, for how much, the first and the last date (docs/figures.md, "Opening
history").

The purchases themselves are unknown, so an opening history is read as its count of
purchases spread evenly from the first date to the last: the last date counts for the status
and recency, the first date for cohorts, the total for money and loyalty.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Opening:
    count: int = 0                # purchases before Retainer; 0 when the file had no count
    spent_cents: int = 0
    first_day: int | None = None  # date.toordinal()
    last_day: int | None = None

    @property
    def empty(self) -> bool:
        return not self.count and not self.spent_cents and self.first_day is None \
            and self.last_day is None

    def settled(self) -> Opening:
        """Missing parts filled in from the others: one date stands for both; the count is at
        least what the dates show (one purchase, or two on different days)."""
        first, last = self.first_day, self.last_day
        if first is not None and last is not None and first <= last \
                and self.count >= (1 if first == last else 2):
            return self  # nothing to fill in: most rows of a list with totals
        if first is None:
            first = last
        if last is None:
            last = first
        if first is not None and last is not None and first > last:
            first, last = last, first
        count = self.count
        if first is not None:
            count = max(count, 1 if first == last else 2)
        return Opening(count, self.spent_cents, first, last)

    @property
    def distinct_days(self) -> int:
        """Days with a purchase: the count, unless the span between the dates is shorter."""
        if self.first_day is None or self.last_day is None:
            return 0
        return min(self.count, self.last_day - self.first_day + 1)

    def gaps(self) -> list[float]:
        """The days between its purchases, taken as evenly spread over the span."""
        if self.first_day is None or self.last_day is None or self.count < 2 \
                or self.last_day == self.first_day:
            return []
        gap = (self.last_day - self.first_day) / (self.count - 1)
        return [gap] * (self.count - 1)

    def spread_days(self) -> list[int]:
        """Its purchase days, the count spread evenly from the first date to the last."""
        if self.first_day is None or self.last_day is None:
            return []
        count = max(1, min(self.count, self.last_day - self.first_day + 1))
        if count == 1:
            return [self.last_day]
        span = self.last_day - self.first_day
        return [self.first_day + round(k * span / (count - 1)) for k in range(count)]

    def before(self, cutoff: int) -> Opening:
        """The part of the history before day ``cutoff``, for a figure as of an earlier day."""
        if self.last_day is None or self.last_day < cutoff:
            return self
        days = [d for d in self.spread_days() if d < cutoff]
        if not days:
            return Opening()
        share = len(days) / max(1, len(self.spread_days()))
        count = round(self.count * share) if self.count else len(days)
        return Opening(max(count, len(days)), round(self.spent_cents * share), days[0], days[-1])
