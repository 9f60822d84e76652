"""Saved segments: a filter of the customer list kept under a name, one click away.

A segment keeps the filter, not the customers: "Bought 30–90 days ago, consented" names
different people each morning, and its count is always today's. The filter is kept as JSON
of :class:`CustomerQuery`'s fields (the trash and the sort order are not part of a segment).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import delete, func, select

from retainer.db.models import SavedSegment
from retainer.events import SEGMENTS, Change
from retainer.i18n import tr
from retainer.services.base import Context
from retainer.services.customer_list import CustomerQuery, is_filtered, query_json, query_of
from retainer.services.customers import CustomerService
from retainer.services.undo import UndoStep

__all__ = ["Segment", "SegmentProblem", "SegmentService", "is_filtered", "query_json", "query_of"]

NAME_LENGTH = 80


class SegmentProblem(ValueError):
    """A name that cannot be saved, or a filter that names nobody, in plain words."""


@dataclass(frozen=True)
class Segment:
    id: int
    name: str
    query: CustomerQuery


class SegmentService:
    def __init__(self, ctx: Context, customers: CustomerService) -> None:
        self.ctx = ctx
        self.customers = customers

    def all(self) -> list[Segment]:
        with self.ctx.read() as session:
            rows = session.scalars(select(SavedSegment))
            found = [Segment(r.id, r.name, query_of(r.query)) for r in rows]
        return sorted(found, key=lambda s: s.name.casefold())

    def counts(self) -> list[tuple[Segment, int]]:
        """Each saved segment with how many customers it names today."""
        return [(s, self.customers.count(s.query)) for s in self.all()]

    def named(self, segment_id: int) -> Segment | None:
        return next((s for s in self.all() if s.id == segment_id), None)

    def save(self, name: str, query: CustomerQuery) -> Segment:
        """Keep the filter under this name; a segment of the same name is replaced. Undoable."""
        name = " ".join(name.split())
        if not name:
            raise SegmentProblem(tr("Give the segment a name."))
        if len(name) > NAME_LENGTH:
            raise SegmentProblem(tr("A segment's name is at most {n} letters long.")
                                 .format(n=NAME_LENGTH))
        query = replace(query, trash=False)
        if not is_filtered(query):
            raise SegmentProblem(tr("Choose at least one filter first: a segment of every "
                                    "customer is the whole list."))
        text = query_json(query)
        with self.ctx.write() as session:
            old = session.scalar(select(SavedSegment).where(
                func.lower(SavedSegment.name) == name.lower()))
            before = (old.name, old.query) if old is not None else None
            if old is None:
                old = SavedSegment(name=name, query=text, created_at=self.ctx.now())
                session.add(old)
            else:
                old.name, old.query = name, text
            session.flush()
            segment_id = old.id

        def revert(s) -> Change:
            row = s.get(SavedSegment, segment_id)
            if row is not None:
                if before is None:
                    s.delete(row)
                else:
                    row.name, row.query = before
            return Change.of(SEGMENTS)

        self.ctx.undo.push(UndoStep(tr("Undo saving the segment “{name}”").format(name=name),
                                    revert))
        self.ctx.announce(Change.of(SEGMENTS))
        return Segment(segment_id, name, query_of(text))

    def delete(self, segment_id: int) -> None:
        """Forget a saved segment (its outreaches stay on record). Undoable."""
        with self.ctx.write() as session:
            row = session.get(SavedSegment, segment_id)
            if row is None:
                return
            kept = (row.name, row.query, row.created_at)
            session.execute(delete(SavedSegment).where(SavedSegment.id == segment_id))

        def revert(s) -> Change:
            s.add(SavedSegment(id=segment_id, name=kept[0], query=kept[1], created_at=kept[2]))
            return Change.of(SEGMENTS)

        self.ctx.undo.push(UndoStep(tr("Undo deleting the segment “{name}”").format(name=kept[0]),
                                    revert))
        self.ctx.announce(Change.of(SEGMENTS))
