"""A customer's status from their own purchase rhythm (docs/figures.md, "Status").

Days are ``date.toordinal()`` numbers. "As of D" means the start of day D: purchases on D or
later are not seen. The rules, first match wins: lost, new, lapsed, at risk, active; with no
purchase at all the customer is a prospect.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from retainer.i18n import decimal, tr


class Status(StrEnum):
    PROSPECT = "prospect"
    NEW = "new"
    ACTIVE = "active"
    AT_RISK = "at_risk"
    LAPSED = "lapsed"
    LOST = "lost"

    @property
    def label(self) -> str:
        return status_label(self)


def status_label(status: Status) -> str:
    return {
        Status.PROSPECT: tr("Prospect", "a customer's status"),
        Status.NEW: tr("New", "a customer's status"),
        Status.ACTIVE: tr("Active", "a customer's status"),
        Status.AT_RISK: tr("At risk", "a customer's status"),
        Status.LAPSED: tr("Lapsed", "a customer's status"),
        Status.LOST: tr("Lost", "a customer's status"),
    }[status]


@dataclass(frozen=True)
class PurchaseRhythm:
    """What the status rules need, as kept in a customer's summary figures."""

    purchase_count: int
    last_day: int | None
    median_gap_days: float | None
    lost: bool = False


def median_gap(days: Iterable[int]) -> float | None:
    """Median of the gaps between consecutive distinct purchase days; None with < 2 days."""
    distinct = sorted(set(days))
    if len(distinct) < 2:
        return None
    return float(statistics.median(b - a for a, b in itertools.pairwise(distinct)))


def rhythm_as_of(purchase_days: Iterable[int], as_of: date, lost: bool = False) -> PurchaseRhythm:
    """Summary figures as they stood at the start of ``as_of``, from raw purchase days."""
    cutoff = as_of.toordinal()
    seen = [d for d in purchase_days if d < cutoff]
    return PurchaseRhythm(
        purchase_count=len(seen),
        last_day=max(seen) if seen else None,
        median_gap_days=median_gap(seen),
        lost=lost,
    )


def status_of(rhythm: PurchaseRhythm, as_of: date, lapse_days: int = 90,
              risk_factor: float = 2.0) -> Status:
    if rhythm.lost:
        return Status.LOST
    if rhythm.purchase_count == 0 or rhythm.last_day is None:
        return Status.PROSPECT
    since = as_of.toordinal() - rhythm.last_day
    if rhythm.purchase_count == 1 and since <= lapse_days:
        return Status.NEW
    if since > lapse_days:
        return Status.LAPSED
    if (
        rhythm.purchase_count >= 3
        and rhythm.median_gap_days is not None
        and since > risk_factor * rhythm.median_gap_days
    ):
        return Status.AT_RISK
    return Status.ACTIVE


def every_days(gap: float) -> str:
    """A usual gap between purchases, "7 days" or "7,5 days" in the language's words."""
    rounded = round(gap, 1)
    if rounded == int(rounded):
        return tr("%Ln days", "usually every …", int(rounded))
    return tr("{gap} days", "usually every … (a fraction of a day)").format(gap=decimal(rounded))


def status_reason(rhythm: PurchaseRhythm, as_of: date, status: Status) -> str:
    """One line in plain words that says why the customer has this status."""
    if status is Status.PROSPECT:
        return tr("No purchase yet.")
    if status is Status.LOST:
        return tr("Marked as lost.")
    since = as_of.toordinal() - (rhythm.last_day or 0)
    if status is Status.NEW:
        if since == 0:
            return tr("First purchase today.")
        return tr("First purchase %Ln days ago.", "", since)
    if rhythm.median_gap_days is not None:
        return tr("No purchase for %Ln days; usually every {gap}.", "", since).format(
            gap=every_days(rhythm.median_gap_days))
    return tr("No purchase for %Ln days.", "", since)
