"""The customer list: a page of it, how many it holds, the choices its filters offer.

These are the reads behind the window's first page, and they use SQLAlchemy Core alone
(``db/tables.py``, ``db/queries.py``): the first page does not wait for the ORM to load.
Cards and edits are in ``customers.py``, which builds on this.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from retainer.db import queries
from retainer.db.engine import Stoppable
from retainer.db.tables import customers, loyalty_tiers, tags
from retainer.rules import phones
from retainer.rules.status import Status
from retainer.services.base import Context
from retainer.services.records import CustomerRow
from retainer.services.segments import SegmentFilters

_PHONE_QUERY = re.compile(r"^[\d\s()+\-.]+$")
customer = customers.c


class NotFound(LookupError):
    pass


# What the list can be sorted by, in the order of its columns: the values CustomerQuery.sort takes.
SORT_KEYS = queries.SORT_KEYS


@dataclass(frozen=True)
class CustomerQuery:
    text: str = ""
    status: Status | None = None
    tag: str | None = None
    trash: bool = False
    segment: str | None = None  # an RFM segment's name (metrics.SEGMENTS)
    tier_id: int | None = None  # a loyalty tier (services/loyalty.py)
    # The last purchase between so many days ago (inclusive; None: no bound on that side).
    last_days_min: int | None = None
    last_days_max: int | None = None
    spent_min_cents: int | None = None  # the total spent, opening history included
    spent_max_cents: int | None = None
    consent: bool | None = None  # agreed to messages (True), did not (False), either (None)
    city: str | None = None
    source: str | None = None  # where they came from: "Instagram", "a friend", …
    sort: str = queries.SORT_NAME
    descending: bool = False


class CustomerList:
    def __init__(self, ctx: Context, segments: SegmentFilters | None = None) -> None:
        self.ctx = ctx
        self.segments = segments or SegmentFilters(ctx)

    def list_filter(self, query: CustomerQuery, reader) -> queries.ListFilter:
        """The query as conditions on the customers table; ``reader`` is a Core connection or
        an ORM session (an RFM segment's cut points are read through it)."""
        text = query.text.strip()
        words: tuple[str, ...] = tuple(text.casefold().split())
        variants: tuple[str, ...] = ()
        if text and _PHONE_QUERY.match(text) and phones.digits(text):
            # All digits: search the phone (and card) digits as one string, not word by word.
            variants = tuple(phones.search_variants(text, self.ctx.settings.default_region))
            words = ()
        segment = self.segments.filter(query.segment, reader) if query.segment else None
        day = self.ctx.today().toordinal()
        return queries.ListFilter(
            words=words, phone_variants=variants, status=query.status, tag=query.tag,
            trash=query.trash, segment=segment, tier_id=query.tier_id,
            # "between 30 and 90 days ago": the last purchase day between today-90 and today-30.
            last_day_from=None if query.last_days_max is None else day - query.last_days_max,
            last_day_to=None if query.last_days_min is None else day - query.last_days_min,
            spent_min_cents=query.spent_min_cents, spent_max_cents=query.spent_max_cents,
            consent=query.consent, city=query.city, source=query.source)

    def status_column(self):
        s = self.ctx.settings
        return queries.status_expr(self.ctx.today(), s.lapse_days, s.risk_factor)

    def page(self, query: CustomerQuery, offset: int, limit: int) -> list[CustomerRow]:
        status = self.status_column().label("status")
        stmt = select(
            customer.id, customer.name, customer.primary_phone, status, customer.last_purchase_at,
            customer.purchase_count, customer.total_spent_cents, customer.tag_list,
            customer.last_purchase_day, customer.median_gap_days, customer.tier_id,
        )
        with self.ctx.read_rows() as connection:
            stmt = queries.filtered(stmt, self.list_filter(query, connection), status)
            stmt = stmt.order_by(*queries.order_by(query.sort, query.descending, status))
            stmt = stmt.offset(offset).limit(limit)
            rows = connection.execute(stmt).all()
            tiers = dict(connection.execute(select(loyalty_tiers.c.id, loyalty_tiers.c.name)).all()) \
                if any(r.tier_id for r in rows) else {}
            return [
                CustomerRow(r.id, r.name, r.primary_phone, Status(r.status), r.last_purchase_at,
                            r.purchase_count, r.total_spent_cents, r.tag_list,
                            r.last_purchase_day, r.median_gap_days, tiers.get(r.tier_id, ""))
                for r in rows
            ]

    def count(self, query: CustomerQuery, stoppable: Stoppable | None = None) -> int | None:
        """How many customers the query lists; None when ``stoppable`` was stopped first (the
        owner typed on: a count of 100,000 rows takes a core for a tenth of a second)."""
        stoppable = stoppable or Stoppable()
        with self.ctx.read_rows() as connection:
            stmt = queries.count_statement(self.list_filter(query, connection), self.status_column())
            stoppable.running_on(connection.connection.dbapi_connection)
            try:
                if stoppable.stopped:  # before it began: nothing to stop, nothing to run
                    return None
                return connection.execute(stmt).scalar_one()
            except DBAPIError:
                if stoppable.stopped:
                    return None
                raise
            finally:
                stoppable.done()

    def status_counts(self) -> dict[Status, int]:
        """How many customers (outside the trash) have each status today."""
        s = self.ctx.settings
        with self.ctx.read_rows() as connection:
            return queries.status_counts(connection, self.ctx.today(), s.lapse_days, s.risk_factor)

    def tags(self) -> list[str]:
        with self.ctx.read_rows() as connection:
            return sorted(connection.scalars(select(tags.c.name)), key=str.casefold)

    def places(self) -> tuple[list[str], list[str]]:
        """The cities and the sources written on customers (outside the trash), for filters."""
        with self.ctx.read_rows() as connection:
            return tuple(sorted(connection.scalars(
                select(column).where(column.is_not(None), column != "", customer.deleted_at.is_(None))
                .distinct()), key=str.casefold) for column in (customer.city, customer.source))

    def names(self, ids: list[int]) -> dict[int, str]:
        with self.ctx.read_rows() as connection:
            return self._names(connection, ids)

    @staticmethod
    def _names(reader, ids: list[int]) -> dict[int, str]:
        rows = reader.execute(select(customer.id, customer.name).where(customer.id.in_(ids)))
        return {r.id: r.name for r in rows}


# A query as kept under a name (services/saved_segments.py): the filters, without the trash
# switch and the order.
_NOT_KEPT = ("trash", "sort", "descending")


def query_json(query: CustomerQuery) -> str:
    kept = {}
    for f in fields(CustomerQuery):
        value = getattr(query, f.name)
        if f.name in _NOT_KEPT or value is None or value == "":
            continue
        kept[f.name] = value.value if isinstance(value, Status) else value
    return json.dumps(kept, ensure_ascii=False, sort_keys=True)


def query_of(text: str) -> CustomerQuery:
    """The filter kept as JSON; a field this version does not know is left out."""
    kept = json.loads(text)
    known = {f.name for f in fields(CustomerQuery)} - set(_NOT_KEPT)
    values = {k: v for k, v in kept.items() if k in known}
    if "status" in values:
        values["status"] = Status(values["status"])
    return CustomerQuery(**values)


def is_filtered(query: CustomerQuery) -> bool:
    """Whether the query narrows the list at all (a segment of everyone is not one)."""
    return query_json(query) != "{}"
