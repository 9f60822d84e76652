"""Did it work? Whether the customers called or written to bought again, against those who were not
(docs/figures.md, "Did it work?").

A customer *came back* when they bought on the day they were reached or in the 30 days after.
For a customer nobody reached, the count starts on the day they were put on the Today list.
A customer whose 30 days have not run out, and who has not bought yet, is *still waiting*:
counted, but left out of the share, which would otherwise look worse than it is for every
call made lately.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

WINDOW_DAYS = 30


def came_back(since: date, purchase_days: Iterable[date], today: date,
              window: int = WINDOW_DAYS) -> bool | None:
    """True: bought from ``since`` to ``since + window`` days, both included. False: did not,
    and that time is over. None: has not bought yet, and there is time still (today is within
    it)."""
    last = since + timedelta(days=window)
    if any(since <= day <= last for day in purchase_days):
        return True
    return None if today <= last else False


@dataclass(frozen=True)
class Group:
    """Some customers who were reached (or not) and what came of it."""

    customers: int = 0
    came_back: int = 0
    waiting: int = 0

    @property
    def decided(self) -> int:
        return self.customers - self.waiting

    @property
    def share(self) -> float | None:
        """Of the customers whose 30 days are over or who bought, the share who bought."""
        return self.came_back / self.decided if self.decided else None


def group(outcomes: Iterable[bool | None]) -> Group:
    customers = bought = waiting = 0
    for outcome in outcomes:
        customers += 1
        bought += outcome is True
        waiting += outcome is None
    return Group(customers, bought, waiting)


@dataclass(frozen=True)
class Comparison:
    """The customers reached against those who were not."""

    reached: Group
    not_reached: Group

    @property
    def difference(self) -> float | None:
        """How many percentage points more of the reached came back (negative: fewer)."""
        if self.reached.share is None or self.not_reached.share is None:
            return None
        return (self.reached.share - self.not_reached.share) * 100
