"""Retention metrics as docs/figures.md defines them: pure functions over plain numbers.

The services gather the counts with SQL; everything here is arithmetic a test can check
against the worked examples.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from retainer.i18n import QT_TR_NOOP


@dataclass(frozen=True)
class Retention:
    """One period [start, end): S active at the start, E at the end, N new inside it."""

    start_active: int
    end_active: int
    new: int
    churned: int  # active at the start and not at the end
    came_back: int | None = None  # active at the end, neither active at the start nor new

    @property
    def crr(self) -> float | None:
        """(E − N) / S × 100; undefined when nobody was active at the start."""
        if self.start_active == 0:
            return None
        return (self.end_active - self.new) / self.start_active * 100

    @property
    def churn_rate(self) -> float | None:
        if self.start_active == 0:
            return None
        return self.churned / self.start_active * 100


@dataclass(frozen=True)
class Nps:
    promoters: int
    passives: int
    detractors: int

    @property
    def answers(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def score(self) -> int | None:
        """%promoters − %detractors, rounded to a whole number; undefined with no answers."""
        if not self.answers:
            return None
        return round((self.promoters - self.detractors) * 100 / self.answers)


def nps_of(latest_scores: Iterable[int]) -> Nps:
    """From each customer's latest 0–10 answer in the period."""
    promoters = passives = detractors = 0
    for score in latest_scores:
        if score >= 9:
            promoters += 1
        elif score >= 7:
            passives += 1
        else:
            detractors += 1
    return Nps(promoters, passives, detractors)


def ratio(part: int | float, whole: int | float) -> float | None:
    return None if not whole else part / whole


def shown(value: float | None, suffix: str = " %", digits: int = 0) -> str:
    """A metric as the owner reads it; "—" where it is undefined."""
    if value is None:
        return "—"
    return f"{value:.{digits}f}{suffix}"


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def cohort_matrix(purchase_months: Iterable[tuple[int, int]],
                  months_after: int = 12) -> dict[int, list[float]]:
    """Cohort retention from (customer, month index) pairs, one per purchase.

    A cohort is the calendar month of a customer's first purchase; cell k is the share of the
    cohort with at least one purchase in the k-th calendar month after it (k = 0 is 100 %).
    """
    first: dict[int, int] = {}
    bought: dict[int, set[int]] = {}
    for customer, month in purchase_months:
        if customer not in first or month < first[customer]:
            first[customer] = month
        bought.setdefault(customer, set()).add(month)
    members: dict[int, list[int]] = {}
    for customer, month in first.items():
        members.setdefault(month, []).append(customer)
    matrix: dict[int, list[float]] = {}
    for cohort, people in sorted(members.items()):
        size = len(people)
        matrix[cohort] = [sum(1 for c in people if cohort + k in bought[c]) / size
                          for k in range(months_after + 1)]
    return matrix


# Stored and compared in English; shown through tr() (the marks let lupdate find them).
SEGMENTS = (QT_TR_NOOP("Champions"), QT_TR_NOOP("Loyal"), QT_TR_NOOP("Potential loyalists"),
            QT_TR_NOOP("New"), QT_TR_NOOP("Promising"), QT_TR_NOOP("Need attention"),
            QT_TR_NOOP("About to sleep"), QT_TR_NOOP("At risk"), QT_TR_NOOP("Can't lose them"),
            QT_TR_NOOP("Hibernating"), QT_TR_NOOP("Lost"))


# Quintile scores compare each customer with the others: with fewer buyers than this, a fifth
# is one or two customers, and the one who bought today could come out "Lost".
RFM_MIN_BUYERS = 25


def quintile_scores(values: list[float], higher_is_better: bool = True) -> list[int]:
    """1–5 by quintiles of the values; equal values always get equal scores."""
    if not values:
        return []
    if not higher_is_better:
        return quintile_scores([-v for v in values])
    cuts = quintile_cuts(values)
    return [1 + bisect_left(cuts, v) for v in values]  # how many cuts lie below v


def quintile_cuts(values) -> list:
    """The last value of each of the first four fifths, in order: a value above k of them
    scores k + 1."""
    return sorted_quintile_cuts(sorted(values))


def sorted_quintile_cuts(ordered) -> list:
    """quintile_cuts of values already in order (a list or a sorted numpy array)."""
    n = len(ordered)
    return [ordered[max(0, (n * q) // 5 - 1)] for q in (1, 2, 3, 4)]


def rfm_segment(r: int, f: int) -> str:
    """The usual map of recency and frequency scores to named segments."""
    if r >= 5 and f >= 4:
        return "Champions"
    if r >= 3 and f >= 4:
        return "Loyal"
    if r >= 4 and f in (2, 3):
        return "Potential loyalists"
    if r == 5 and f == 1:
        return "New"
    if r == 4 and f == 1:
        return "Promising"
    if r == 3 and f == 3:
        return "Need attention"
    if r == 3:
        return "About to sleep"
    if f == 5:
        return "Can't lose them"
    if f >= 3:
        return "At risk"
    if r == 1 and f == 1:
        return "Lost"
    return "Hibernating"


def segment_cells(segment: str) -> list[tuple[int, int]]:
    """The (recency, frequency) scores that make up a segment."""
    return [(r, f) for r in range(1, 6) for f in range(1, 6) if rfm_segment(r, f) == segment]


@dataclass(frozen=True)
class RfmScore:
    recency: int
    frequency: int
    monetary: int

    @property
    def segment(self) -> str:
        return rfm_segment(self.recency, self.frequency)


def rfm_scores(recency_days: list[float], purchases: list[int], spent: list[int]) -> list[RfmScore]:
    """Scores for purchasing customers, lists aligned by customer (5 is best on each)."""
    r = quintile_scores(recency_days, higher_is_better=False)
    f = quintile_scores(purchases)
    m = quintile_scores(spent)
    return [RfmScore(*t) for t in zip(r, f, m, strict=True)]


def _quintiles(values):
    """quintile_scores for a numpy array (higher is better), for large lists."""
    import numpy as np

    cuts = np.array(sorted_quintile_cuts(np.sort(values)))
    return 1 + np.searchsorted(cuts, values, side="left")


def segment_counts(recency_days, purchases) -> dict[str, int]:
    """How many customers fall in each RFM segment: the same as counting rfm_scores'
    segments, worked out column-wise for a whole base (arrays aligned by customer)."""
    import numpy as np

    counts = dict.fromkeys(SEGMENTS, 0)
    if len(recency_days) == 0:
        return counts
    r = _quintiles(-np.asarray(recency_days, dtype=np.float64))
    f = _quintiles(np.asarray(purchases, dtype=np.float64))
    table = np.array([SEGMENTS.index(rfm_segment(a, b)) for a in range(1, 6) for b in range(1, 6)])
    found = np.bincount(table[(r - 1) * 5 + (f - 1)], minlength=len(SEGMENTS))
    for name, n in zip(SEGMENTS, found, strict=True):
        counts[name] = int(n)
    return counts
