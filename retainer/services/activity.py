"""Purchase activity as numpy columns: every windowed retention figure from one read.

The Dashboard asks the same purchases many questions: who was active at each month's start,
who bought in the last 365 days, in which months each cohort came back. Reading
(customer, day, amount) once for the span they cover and answering each question with a
mask and a sort of a few tens of thousands of numbers costs a fraction of a table scan per
question. Customers in the trash are left out when reading.

An opening history counts as its purchases spread evenly from its first date to its last: days
the customer bought, for who was active and for cohorts, but not purchases with an amount —
the windowed spending adds up dated purchases only (docs/figures.md, "Opening history").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from sqlalchemy import select

from retainer.db.columns import int_columns
from retainer.db.models import Customer, Purchase
from retainer.rules.metrics import Retention, month_index


@dataclass(frozen=True)
class Spending:
    """Purchases in a window: how many, for how much, by how many customers."""

    purchases: int
    revenue_cents: int
    customers: int
    regulars: int  # customers with two purchases or more in the window


class Activity:
    def __init__(self, customer: np.ndarray, day: np.ndarray, amount: np.ndarray, since: int,
                 lapse_days: int, dated: np.ndarray | None = None) -> None:
        """``dated``: which entries are purchases (the others are opening-history days)."""
        self.customer, self.day, self.amount = customer, day, amount
        self.dated = np.ones(len(day), bool) if dated is None else dated
        self.since, self.lapse = since, lapse_days
        self._active: dict[int, np.ndarray] = {}

    @classmethod
    def read(cls, connection, since: date, lapse_days: int) -> Activity:
        """Purchases from ``since`` on, of customers outside the trash."""
        trashed = select(Customer.id).where(Customer.deleted_at.is_not(None))
        start = since.toordinal()
        customer, day, amount = int_columns(connection, select(
            Purchase.customer_id, Purchase.day, Purchase.amount_cents)
            .where(Purchase.day >= start, Purchase.customer_id.not_in(trashed)))
        extra_ids, extra_days = _opening_days(connection, start)
        if not len(extra_days):
            return cls(customer, day, amount, start, lapse_days)
        dated = np.concatenate([np.ones(len(day), bool), np.zeros(len(extra_days), bool)])
        return cls(np.concatenate([customer, extra_ids]), np.concatenate([day, extra_days]),
                   np.concatenate([amount, np.zeros(len(extra_days), amount.dtype)]), start,
                   lapse_days, dated)

    def _window(self, lo: int, hi: int) -> np.ndarray:
        if lo < self.since:
            raise ValueError("the activity read does not reach back that far")
        return (self.day >= lo) & (self.day < hi)

    def active(self, day: date) -> np.ndarray:
        """Sorted ids of customers with a purchase in [day − lapse, day)."""
        d = day.toordinal()
        if d not in self._active:
            self._active[d] = np.unique(self.customer[self._window(d - self.lapse, d)])
        return self._active[d]

    def retention(self, start: date, end: date, new: int,
                  new_ids: np.ndarray | None = None) -> Retention:
        """S, E, N and churned; with the new customers' ids, also who came back."""
        s, e = self.active(start), self.active(end)
        churned = len(np.setdiff1d(s, e, assume_unique=True))
        came_back = None
        if new_ids is not None:
            came_back = len(np.setdiff1d(np.setdiff1d(e, s, assume_unique=True), new_ids))
        return Retention(len(s), len(e), new, churned, came_back)

    def spending(self, start: date, end: date) -> Spending:
        inside = self._window(start.toordinal(), end.toordinal()) & self.dated
        _, counts = np.unique(self.customer[inside], return_counts=True)
        return Spending(int(inside.sum()), int(self.amount[inside].sum()), len(counts),
                        int((counts >= 2).sum()))

    def cohorts(self, first: date, this_month: date, ids: np.ndarray,
                first_days: np.ndarray) -> dict[int, list[float]]:
        """The cohort matrix (as metrics.cohort_matrix) from ``first``'s month to
        ``this_month``: ``ids`` and ``first_days`` are the customers and their first purchase
        days. Months after ``this_month`` are left out."""
        months = _month_starts(first, this_month)  # and the first day after the last month
        span = len(months) - 1
        joined = (first_days >= months[0]) & (first_days < months[-1])
        ids, first_days = ids[joined], first_days[joined]
        if not len(ids) or span < 1:
            return {}
        cohort_of = np.full(int(max(ids.max(), self.customer.max(initial=0))) + 1, -1, np.int64)
        cohort_of[ids] = np.searchsorted(months, first_days, side="right") - 1
        inside = (self.day >= months[0]) & (self.day < months[-1])
        buyer = self.customer[inside]
        keep = cohort_of[buyer] >= 0
        month = np.searchsorted(months, self.day[inside][keep], side="right") - 1
        pairs = np.unique(buyer[keep] * span + month)  # each customer once a month
        cohort = cohort_of[pairs // span]
        after = pairs % span - cohort
        counts = np.bincount(cohort * span + after, minlength=span * span).reshape(span, span)
        first_month = month_index(first.year, first.month)
        return {first_month + c: [float(x) / counts[c, 0] for x in counts[c, :span - c]]
                for c in range(span) if counts[c, 0]}


def _month_starts(first: date, last: date) -> np.ndarray:
    """Day numbers of the first of each month from ``first`` to the month after ``last``."""
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(date(y, m, 1).toordinal())
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    out.append(date(y, m, 1).toordinal())
    return np.array(out, dtype=np.int64)


def _opening_days(connection, start: int) -> tuple[np.ndarray, np.ndarray]:
    """(customer, day) of the opening histories' purchases from ``start`` on, each history's
    count spread evenly from its first date to its last: the days of
    rules.opening.Opening.spread_days, worked out for every history at once."""
    ids, firsts, lasts, counts = int_columns(connection, select(
        Customer.id, Customer.opening_first_day, Customer.opening_last_day, Customer.opening_count)
        .where(Customer.opening_last_day >= start, Customer.opening_first_day.is_not(None),
               Customer.deleted_at.is_(None)))
    if not len(ids):
        return ids, ids
    counts = np.clip(counts, 1, lasts - firsts + 1)  # one a day at most: days are what count
    owner = np.repeat(np.arange(len(ids)), counts)
    step = np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
    span = (lasts - firsts)[owner]
    days = firsts[owner] + np.rint(step * span / np.maximum(counts[owner] - 1, 1)).astype(np.int64)
    keep = days >= start
    return ids[owner][keep], days[keep]
