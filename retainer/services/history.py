"""The base as it stood at the start of an earlier day: what Retainer would have said then.

Every customer's summary figures are worked out again from the purchases before that day and
the part of their opening history before it, by the one definition of the figures
(summary.purchase_figures), so that ``retainer metrics --as-of`` and ``retainer remind
--as-of`` for a past day give the statuses, segments, headline figures and call list of that
morning. Today's figures are read from the summary columns instead; for today both agree
(tests/db/test_as_of.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import or_, select

from retainer.db.models import Customer, Purchase
from retainer.rules.opening import Opening
from retainer.rules.status import PurchaseRhythm, Status, status_of
from retainer.services.base import Context
from retainer.services.summary import purchase_figures


@dataclass(frozen=True)
class CustomerThen:
    id: int
    name: str
    phone: str | None
    lost: bool
    do_not_call: bool
    figures: dict  # purchase_figures as of the day

    @property
    def rhythm(self) -> PurchaseRhythm:
        f = self.figures
        return PurchaseRhythm(f["purchase_count"], f["last_purchase_day"], f["median_gap_days"], self.lost)


@dataclass(frozen=True)
class BaseThen:
    day: date
    customers: list[CustomerThen]

    def statuses(self, lapse_days: int, risk_factor: float) -> dict[int, Status]:
        return {c.id: status_of(c.rhythm, self.day, lapse_days, risk_factor) for c in self.customers}

    def status_counts(self, lapse_days: int, risk_factor: float) -> dict[Status, int]:
        found = Counter(self.statuses(lapse_days, risk_factor).values())
        return {st: found[st] for st in Status}

    @property
    def buyers(self) -> list[CustomerThen]:
        return [c for c in self.customers
                if c.figures["purchase_count"] > 0 and c.figures["last_purchase_day"] is not None]


def base_as_of(ctx: Context, day: date) -> BaseThen:
    """Every customer who was a customer at the start of ``day``, with their figures then:
    added before it or with a purchase before it (an import adds customers whose history
    began long before), and not in the trash by then."""
    start = datetime.combine(day, time())
    cutoff = day.toordinal()
    with ctx.read() as session:
        rows = session.execute(select(
            Customer.id, Customer.name, Customer.primary_phone, Customer.lost_at,
            Customer.do_not_call, Customer.opening_count, Customer.opening_spent_cents,
            Customer.opening_first_day, Customer.opening_last_day, Customer.created_at)
            .where(or_(Customer.deleted_at.is_(None), Customer.deleted_at >= start))).all()
        bought: dict[int, list[tuple[datetime, int]]] = {}
        for cid, at, cents in session.execute(
                select(Purchase.customer_id, Purchase.purchased_at, Purchase.amount_cents)
                .where(Purchase.day < cutoff)):
            bought.setdefault(cid, []).append((at, cents))
    customers = []
    for cid, name, phone, lost_at, do_not_call, count, spent, first, last, created in rows:
        history = Opening(count or 0, spent or 0, first, last).settled().before(cutoff)
        figures = purchase_figures(bought.get(cid, ()), history)
        if created >= start and not figures["purchase_count"]:
            continue  # added later, with nothing before the day
        customers.append(CustomerThen(cid, name, phone, lost_at is not None and lost_at < day,
                                      bool(do_not_call), figures))
    return BaseThen(day, customers)
