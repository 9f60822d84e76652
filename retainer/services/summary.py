"""Keeping each customer's cached figures right after every write to them.

Each customer row carries summary figures of their purchases (first and last purchase, count,
distinct days, total, median gap), so that lists, the status and the radar never add up
purchases on the fly. :func:`purchase_figures` is their one definition; a new purchase, an
import and the demo generator all go through it (docs/figures.md, "Summary figures").
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from retainer.db.models import Counter, Customer, Purchase
from retainer.rules import phones
from retainer.rules.opening import Opening
from retainer.rules.status import median_gap

NO_PURCHASES: dict[str, Any] = {
    "first_purchase_at": None, "last_purchase_at": None, "first_purchase_day": None,
    "last_purchase_day": None, "purchase_count": 0, "purchase_days": 0, "total_spent_cents": 0,
    "median_gap_days": None,
}


def purchase_figures(purchases: Iterable[tuple[datetime, int]],
                     opening: Opening | None = None) -> dict[str, Any]:
    """A customer's summary figures, by column name, from their purchases as (moment, cents)
    and their opening history, if they have one (docs/figures.md, "Opening history")."""
    purchases = list(purchases)
    moments = sorted(at for at, _ in purchases)
    if opening is not None and not opening.empty:
        return _with_opening(purchases, moments, opening.settled())
    if not moments:
        return dict(NO_PURCHASES)
    days = [at.date().toordinal() for at in moments]
    return {
        "first_purchase_at": moments[0], "last_purchase_at": moments[-1],
        "first_purchase_day": days[0], "last_purchase_day": days[-1],
        "purchase_count": len(moments), "purchase_days": len(set(days)),
        "total_spent_cents": sum(cents for _, cents in purchases),
        "median_gap_days": median_gap(days),
    }


NOON = time(12)


def _noon(day: int) -> datetime:
    return datetime.combine(date.fromordinal(day), NOON)


def _with_opening(purchases, moments: list[datetime], opening: Opening) -> dict[str, Any]:
    first, last = opening.first_day, opening.last_day
    if not moments and first is not None:
        # The opening history alone, as a list with totals brings it: its count spread evenly.
        gaps = opening.gaps()
        return {
            "first_purchase_at": _noon(first), "last_purchase_at": _noon(last),
            "first_purchase_day": first, "last_purchase_day": last,
            "purchase_count": opening.count, "purchase_days": opening.distinct_days,
            "total_spent_cents": opening.spent_cents,
            "median_gap_days": gaps[0] if gaps else None,  # all its gaps are equal
        }
    days = sorted({at.date().toordinal() for at in moments})
    figures = dict(NO_PURCHASES)
    figures["purchase_count"] = opening.count + len(moments)
    figures["total_spent_cents"] = opening.spent_cents + sum(cents for _, cents in purchases)
    if first is None:  # a count and a total without dates: they count for money only
        if days:
            figures.update(first_purchase_at=moments[0], last_purchase_at=moments[-1],
                           first_purchase_day=days[0], last_purchase_day=days[-1],
                           purchase_days=len(days), median_gap_days=median_gap(days))
        return figures
    before = [d for d in days if d < first]
    after = [d for d in days if d > last]
    inside = [d for d in days if first <= d <= last and d not in (first, last)]
    gaps = opening.gaps()
    gaps += [b - a for a, b in itertools.pairwise(before + [first])]
    gaps += [b - a for a, b in itertools.pairwise([last] + after)]
    first_at = moments[0] if before else _noon(first)
    last_at = moments[-1] if after else _noon(last)
    figures.update(
        first_purchase_at=first_at, last_purchase_at=last_at,
        first_purchase_day=first_at.date().toordinal(), last_purchase_day=last_at.date().toordinal(),
        purchase_days=opening.distinct_days + len(before) + len(after) + len(inside),
        median_gap_days=float(statistics.median(gaps)) if gaps else None)
    return figures


def opening_of(customer: Customer) -> Opening:
    return Opening(customer.opening_count or 0, customer.opening_spent_cents or 0,
                   customer.opening_first_day, customer.opening_last_day)


def refresh_purchase_summary(session: Session, customer: Customer) -> None:
    rows = session.execute(select(Purchase.purchased_at, Purchase.amount_cents)
                           .where(Purchase.customer_id == customer.id)).all()
    for name, value in purchase_figures([tuple(r) for r in rows], opening_of(customer)).items():
        setattr(customer, name, value)


def search_text_for(name: str, email: str | None, card: str | None, numbers: list[str],
                    tags: list[str], code: str | None = None) -> str:
    parts = [name, email or "", card or "", code or ""]
    parts += [phones.digits(n) for n in numbers]
    parts += tags
    return " ".join(p for p in parts if p).casefold()


def refresh_search(customer: Customer) -> None:
    numbers = [p.number for p in customer.phones]
    tags = [t.name for t in customer.tags]
    customer.primary_phone = numbers[0] if numbers else None
    customer.tag_list = ", ".join(sorted(tags, key=str.casefold))
    customer.sort_name = customer.name.casefold()
    customer.search_text = search_text_for(
        customer.name, customer.email, customer.card_number, numbers, tags, customer.code
    )


def bump(session: Session, name: str) -> None:
    """Count a change, so caches built on the data (the churn model's fit) know to refresh."""
    counter = session.get(Counter, name)
    if counter is None:
        session.add(Counter(name=name, value=1))
    else:
        counter.value += 1


def version(session: Session, name: str) -> int:
    counter = session.get(Counter, name)
    return counter.value if counter else 0
