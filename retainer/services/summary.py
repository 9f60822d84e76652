"""Keeping each customer's cached figures right after every write to them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from retainer import phones
from retainer.db.models import Counter, Customer, Purchase
from retainer.status import median_gap


def refresh_purchase_summary(session: Session, customer: Customer) -> None:
    rows = session.execute(
        select(Purchase.purchased_at, Purchase.day, Purchase.amount_cents)
        .where(Purchase.customer_id == customer.id)
        .order_by(Purchase.purchased_at)
    ).all()
    customer.purchase_count = len(rows)
    customer.total_spent_cents = sum(r.amount_cents for r in rows)
    if rows:
        customer.first_purchase_at = rows[0].purchased_at
        customer.last_purchase_at = rows[-1].purchased_at
        customer.first_purchase_day = min(r.day for r in rows)
        customer.last_purchase_day = max(r.day for r in rows)
    else:
        customer.first_purchase_at = customer.last_purchase_at = None
        customer.first_purchase_day = customer.last_purchase_day = None
    customer.purchase_days = len({r.day for r in rows})
    customer.median_gap_days = median_gap(r.day for r in rows)


def search_text_for(name: str, email: str | None, card: str | None, numbers: list[str],
                    tags: list[str]) -> str:
    parts = [name, email or "", card or ""]
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
        customer.name, customer.email, customer.card_number, numbers, tags
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
