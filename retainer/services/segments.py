"""RFM segments as list filters: "show me my Champions".

A segment is a set of (recency, frequency) scores, and the scores are quintiles over every
purchasing customer, so the filter needs the base's four cut points for each. They are
worked out from two columns of the customers table and kept until purchases are written,
the day changes or customers leave or return from the trash.
"""

from __future__ import annotations

import threading

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from retainer.db import queries
from retainer.db.columns import int_columns
from retainer.db.tables import counters, customers
from retainer.events import PURCHASES
from retainer.rules.metrics import RFM_MIN_BUYERS, SEGMENTS, segment_cells, sorted_quintile_cuts
from retainer.services.base import Context


class SegmentFilters:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._lock = threading.Lock()
        self._key: tuple | None = None
        self._cuts: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())

    def filter(self, segment: str, reader) -> queries.Segment:
        """The segment as a condition; ``reader`` is a Core connection or an ORM session."""
        if segment not in SEGMENTS:
            raise ValueError(f"no RFM segment is called {segment!r}")
        connection = reader if isinstance(reader, Connection) else reader.connection()
        customer = customers.c
        buyers = (customer.purchase_count > 0, customer.last_purchase_day.is_not(None),
                  customer.deleted_at.is_(None))
        counter = connection.execute(
            select(counters.c.value).where(counters.c.name == PURCHASES)).scalar()
        key = (self.ctx.today(), counter or 0, *connection.execute(
            select(func.count(customer.id), func.sum(customer.id)).where(*buyers)).one())
        with self._lock:
            if key != self._key:
                last_days, counts = int_columns(connection, select(
                    customer.last_purchase_day, customer.purchase_count).where(*buyers))
                self._cuts = (_cuts(last_days), _cuts(counts))
                self._key = key
            recency, frequency = self._cuts
        if key[2] < RFM_MIN_BUYERS:  # too few to score: nobody is labelled
            return queries.Segment(recency, frequency, ())
        return queries.Segment(recency, frequency, tuple(segment_cells(segment)))


def _cuts(values) -> tuple[int, ...]:
    import numpy as np

    return tuple(int(c) for c in sorted_quintile_cuts(np.sort(values))) if len(values) else ()
