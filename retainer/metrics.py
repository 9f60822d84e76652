"""Retention metrics exactly as SPEC.md defines them: pure functions over plain numbers.

The services gather the counts with SQL; everything here is arithmetic a test can check
against the worked examples.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Retention:
    """One period [start, end): S active at the start, E at the end, N new inside it."""

    start_active: int
    end_active: int
    new: int
    churned: int  # active at the start and not at the end

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
