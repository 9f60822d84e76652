"""Who brings new customers: each customer's referrals, and what those customers spent
(docs/figures.md, "Referrals").

A referral is a customer whose card names who referred them — typed on the card, imported
from a list, or recorded during a call. The report counts, for each referrer, the customers
they brought (outside the trash; an erased one still counts, anonymous), how many of them
have bought, and what they spent in all, opening histories included.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased

from retainer.db.models import Customer
from retainer.services.base import Context


@dataclass(frozen=True)
class Referrer:
    customer_id: int
    name: str
    brought: int          # customers they referred
    buying: int           # of those, how many have bought
    spent_cents: int      # what those customers spent, in all


def top_referrers(ctx: Context, limit: int = 10) -> list[Referrer]:
    """The customers who brought the most new customers (then: whose customers spent most)."""
    brought = aliased(Customer)
    count = func.count(brought.id)
    spent = func.coalesce(func.sum(brought.total_spent_cents), 0)
    stmt = (select(Customer.id, Customer.name, count,
                   func.sum(case((brought.purchase_count > 0, 1), else_=0)), spent)
            .join(brought, brought.referred_by_id == Customer.id)
            .where(Customer.deleted_at.is_(None), Customer.erased_at.is_(None),
                   brought.deleted_at.is_(None))
            .group_by(Customer.id, Customer.name)
            .order_by(count.desc(), spent.desc(), Customer.name, Customer.id)
            .limit(limit))
    with ctx.read() as session:
        return [Referrer(cid, name, n, int(buying or 0), int(total))
                for cid, name, n, buying, total in session.execute(stmt)]
