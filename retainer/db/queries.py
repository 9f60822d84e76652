"""Queries over the customer list: status in SQL, search, filters, sorting, paging.

Everything here is plain SQLAlchemy that SQLite and PostgreSQL both run; status is computed
from the summary figures on the customers table, never by scanning purchases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, case, false, func, literal, or_, select

from retainer.db.tables import customer_tags, customers, loyalty_tiers, tags
from retainer.rules.status import Status

# The columns, as customer.name and so on: Core columns, so the list's queries need no ORM
# (the window's first page is read before the ORM has loaded: services/customer_list.py).
customer, tier, tag = customers.c, loyalty_tiers.c, tags.c

SORT_NAME = "name"
SORT_PHONE = "phone"
SORT_STATUS = "status"
SORT_LAST_PURCHASE = "last_purchase"
SORT_PURCHASES = "purchases"
SORT_TOTAL = "total_spent"
SORT_TAGS = "tags"
SORT_TIER = "tier"
SORT_KEYS = (SORT_NAME, SORT_PHONE, SORT_STATUS, SORT_LAST_PURCHASE, SORT_PURCHASES,
             SORT_TOTAL, SORT_TAGS, SORT_TIER)

# The order a shop owner reads statuses in: who needs attention first.
STATUS_RANK = {Status.AT_RISK: 0, Status.LAPSED: 1, Status.NEW: 2, Status.ACTIVE: 3,
               Status.PROSPECT: 4, Status.LOST: 5}


def status_expr(as_of: date, lapse_days: int, risk_factor: float) -> ColumnElement[str]:
    """The status rule of docs/figures.md in SQL, over the summary figures; it agrees with
    rules.status.status_of (tests/db/test_status_agrees.py)."""
    day = as_of.toordinal()
    since = literal(day) - customer.last_purchase_day
    return case(
        (customer.lost_at.is_not(None), Status.LOST.value),
        # No dated purchase: an opening history may give a count and a total but no date.
        (or_(customer.purchase_count == 0, customer.last_purchase_day.is_(None)),
         Status.PROSPECT.value),
        (and_(customer.purchase_count == 1, since <= lapse_days), Status.NEW.value),
        (since > lapse_days, Status.LAPSED.value),
        (
            and_(
                customer.purchase_count >= 3,
                customer.median_gap_days.is_not(None),
                since > customer.median_gap_days * risk_factor,
            ),
            Status.AT_RISK.value,
        ),
        else_=Status.ACTIVE.value,
    )


def status_counts(session, as_of: date, lapse_days: int, risk_factor: float) -> dict[Status, int]:
    """How many customers (outside the trash) have each status as of ``as_of``."""
    status = status_expr(as_of, lapse_days, risk_factor).label("status")
    rows = session.execute(select(status, func.count(customer.id))
                           .where(customer.deleted_at.is_(None)).group_by(status))
    counts = {Status(value): n for value, n in rows}
    return {s: counts.get(s, 0) for s in Status}


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(text: str) -> ColumnElement[bool]:
    return customer.search_text.like("%" + like_escape(text) + "%", escape="\\")


@dataclass(frozen=True)
class ListFilter:
    words: tuple[str, ...] = ()          # every word must appear (name, e-mail, card, tag)
    phone_variants: tuple[str, ...] = ()  # or: any of these digit strings appears
    status: Status | None = None
    tag: str | None = None
    trash: bool = False
    segment: Segment | None = None
    tier_id: int | None = None
    last_day_from: int | None = None  # the last purchase day, as a day number, inclusive
    last_day_to: int | None = None
    spent_min_cents: int | None = None
    spent_max_cents: int | None = None
    consent: bool | None = None
    city: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Segment:
    """An RFM segment as a condition: the quintile cuts of the base's last purchase days and
    purchase counts, and the (recency, frequency) scores that make up the segment."""

    recency_cuts: tuple[int, ...]
    frequency_cuts: tuple[int, ...]
    cells: tuple[tuple[int, int], ...]

    def condition(self) -> ColumnElement[bool]:
        if not self.cells:
            return false()
        recency = score(customer.last_purchase_day, self.recency_cuts)
        frequency = score(customer.purchase_count, self.frequency_cuts)
        return and_(customer.purchase_count > 0,
                    or_(*(and_(recency == r, frequency == f) for r, f in self.cells)))


def score(column, cuts: tuple[int, ...]) -> ColumnElement[int]:
    """1–5: one more than the number of (ascending) cuts the value is above."""
    return case(*((column > cut, 5 - i) for i, cut in enumerate(reversed(cuts))), else_=1)


def filtered(stmt: Select, flt: ListFilter, status: ColumnElement[str]) -> Select:
    stmt = stmt.where(
        customer.deleted_at.is_not(None) if flt.trash else customer.deleted_at.is_(None),
        customer.erased_at.is_(None),  # erased on request: only their figures remain
    )
    text_conditions = [contains(w) for w in flt.words]
    if flt.phone_variants:
        phone_match = or_(*(contains(v) for v in flt.phone_variants))
        stmt = stmt.where(or_(and_(*text_conditions), phone_match) if text_conditions else phone_match)
    elif text_conditions:
        stmt = stmt.where(*text_conditions)
    if flt.status is not None:
        stmt = stmt.where(status == flt.status.value)
    if flt.segment is not None:
        stmt = stmt.where(flt.segment.condition())
    if flt.tier_id is not None:
        stmt = stmt.where(customer.tier_id == flt.tier_id)
    if flt.last_day_from is not None:
        stmt = stmt.where(customer.last_purchase_day >= flt.last_day_from)
    if flt.last_day_to is not None:
        stmt = stmt.where(customer.last_purchase_day <= flt.last_day_to)
    if flt.spent_min_cents is not None:
        stmt = stmt.where(customer.total_spent_cents >= flt.spent_min_cents)
    if flt.spent_max_cents is not None:
        stmt = stmt.where(customer.total_spent_cents <= flt.spent_max_cents)
    if flt.consent is not None:
        stmt = stmt.where(customer.consent_to_messages == flt.consent)
    if flt.city:
        stmt = stmt.where(customer.city == flt.city)
    if flt.source:
        stmt = stmt.where(customer.source == flt.source)
    if flt.tag:
        stmt = stmt.where(
            customer.id.in_(
                select(customer_tags.c.customer_id)
                .join(tags, tag.id == customer_tags.c.tag_id)
                .where(tag.name == flt.tag)
            )
        )
    return stmt


def order_by(key: str, descending: bool, status: ColumnElement[str]) -> list:
    rank = case(*((status == s.value, r) for s, r in STATUS_RANK.items()), else_=9)
    column = {
        SORT_NAME: customer.sort_name,
        SORT_PHONE: customer.primary_phone,
        SORT_STATUS: rank,
        SORT_LAST_PURCHASE: customer.last_purchase_at,
        SORT_PURCHASES: customer.purchase_count,
        SORT_TOTAL: customer.total_spent_cents,
        SORT_TAGS: customer.tag_list,
        # The tier's rank: customers in no tier come first going up, last going down.
        SORT_TIER: func.coalesce(select(tier.position).where(
            tier.id == customer.tier_id).scalar_subquery(), -1),
    }[key]
    primary = column.desc() if descending else column.asc()
    if key in (SORT_LAST_PURCHASE, SORT_PHONE):
        primary = primary.nulls_last()
    return [primary, customer.id.desc() if descending else customer.id.asc()]


def count_statement(flt: ListFilter, status: ColumnElement[str]) -> Select:
    return filtered(select(func.count(customer.id)), flt, status)
