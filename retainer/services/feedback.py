"""Feedback: NPS answers, complaints and how they were resolved, and why a customer left.

Every answer is a new row — the history is kept, never overwritten. An unhappy answer (a
detractor, 0–6) puts a call-back on the Today list by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from retainer.db.models import Customer, Feedback, Reminder
from retainer.events import CUSTOMERS, FEEDBACK, REMINDERS, Change
from retainer.i18n import tr
from retainer.rules.validation import ValidationError
from retainer.services.base import Context
from retainer.services.customers import NotFound
from retainer.services.reminders import WAITING
from retainer.services.undo import UndoStep

CHURN_REASONS = ("poor_service", "poor_product", "price", "competitor", "moved_away",
                 "no_longer_needed", "other")


def add_feedback(session: Session, customer: Customer, given_on: date, now: datetime,
                 score: int | None, comment: str | None, complaint: bool,
                 contact_id: int | None = None) -> tuple[int, int | None]:
    """Adds an answer; returns (feedback id, id of the call-back reminder it made, if any)."""
    row = Feedback(customer_id=customer.id, given_on=given_on, nps_score=score,
                   comment=(comment or "").strip() or None, is_complaint=complaint,
                   contact_id=contact_id)
    session.add(row)
    session.flush()
    reminder_id = None
    if score is not None and score <= 6 and not customer.do_not_call:
        waiting = session.execute(select(Reminder.id).where(
            Reminder.customer_id == customer.id, Reminder.reason == "detractor",
            Reminder.state.in_(WAITING))).first()
        if waiting is None:
            reminder = Reminder(customer_id=customer.id, due_on=given_on + timedelta(days=1),
                                reason="detractor", state="open", created_at=now,
                                note=tr("Answered {score} of 10: ask what went wrong.").format(score=score))
            session.add(reminder)
            session.flush()
            reminder_id = reminder.id
    return row.id, reminder_id


@dataclass(frozen=True)
class FeedbackSaved:
    feedback_id: int
    reminder_id: int | None


class FeedbackService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def record(self, customer_id: int, score: int | None = None, comment: str = "",
               complaint: bool = False, given_on: date | None = None) -> FeedbackSaved:
        today = self.ctx.today()
        when = given_on or today
        errors = {}
        if score is not None and not 0 <= score <= 10:
            errors["score"] = tr("The score is from 0 to 10.")
        if score is None and not comment.strip():
            errors["comment"] = tr("Give a score or write what the customer said.")
        if when > today:
            errors["given_on"] = tr("The date is in the future.")
        if errors:
            raise ValidationError(errors)
        with self.ctx.write() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise NotFound(tr("This customer no longer exists."))
            fid, rid = add_feedback(session, customer, when, self.ctx.now(), score, comment, complaint)

        def revert(s: Session) -> Change:
            if rid:
                s.execute(delete(Reminder).where(Reminder.id == rid))
            s.execute(delete(Feedback).where(Feedback.id == fid))
            return Change.of(FEEDBACK, REMINDERS, customer_ids=[customer_id])

        self.ctx.undo.push(UndoStep(tr("Undo feedback"), revert))
        self.ctx.announce(Change.of(FEEDBACK, REMINDERS, customer_ids=[customer_id]))
        return FeedbackSaved(fid, rid)

    def resolve(self, feedback_id: int, resolution: str) -> None:
        if not resolution.strip():
            raise ValidationError({"resolution": tr("Write how the complaint was resolved.")})
        with self.ctx.write() as session:
            row = session.get(Feedback, feedback_id)
            if row is None:
                raise NotFound(tr("This feedback no longer exists."))
            before = (row.resolution, row.resolved_on)
            row.resolution, row.resolved_on = resolution.strip(), self.ctx.today()
            customer_id = row.customer_id

        def revert(s: Session) -> Change:
            s.execute(update(Feedback).where(Feedback.id == feedback_id).values(
                resolution=before[0], resolved_on=before[1]))
            return Change.of(FEEDBACK, customer_ids=[customer_id])

        self.ctx.undo.push(UndoStep(tr("Undo resolution"), revert))
        self.ctx.announce(Change.of(FEEDBACK, customer_ids=[customer_id]))

    def mark_lost(self, customer_id: int, reason: str, comment: str = "") -> None:
        """The customer has left: status Lost, the reason kept, their waiting calls closed."""
        if reason not in CHURN_REASONS:
            raise ValidationError({"reason": tr("Choose why the customer left.")})
        today, now = self.ctx.today(), self.ctx.now()
        with self.ctx.write() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise NotFound(tr("This customer no longer exists."))
            before = (customer.lost_at, customer.churn_reason)
            customer.lost_at, customer.churn_reason = today, reason
            row = Feedback(customer_id=customer_id, given_on=today, churn_reason=reason,
                           comment=comment.strip() or None, is_complaint=False)
            session.add(row)
            session.flush()
            fid = row.id
            closed = list(session.scalars(select(Reminder.id).where(
                Reminder.customer_id == customer_id, Reminder.state.in_(WAITING))))
            session.execute(update(Reminder).where(Reminder.id.in_(closed)).values(
                state="dismissed", closed_at=now, closed_by="lost"))

        def revert(s: Session) -> Change:
            s.execute(update(Customer).where(Customer.id == customer_id).values(
                lost_at=before[0], churn_reason=before[1]))
            s.execute(delete(Feedback).where(Feedback.id == fid))
            s.execute(update(Reminder).where(Reminder.id.in_(closed)).values(
                state="open", closed_at=None, closed_by=None))
            return Change.of(CUSTOMERS, FEEDBACK, REMINDERS, customer_ids=[customer_id])

        self.ctx.undo.push(UndoStep(tr("Undo marking as lost"), revert))
        self.ctx.announce(Change.of(CUSTOMERS, FEEDBACK, REMINDERS, customer_ids=[customer_id]))

    def page(self, query: FeedbackQuery, offset: int = 0, limit: int = 200) -> list[FeedbackRow]:
        return feedback_page(self.ctx, query, offset, limit)

    def count(self, query: FeedbackQuery) -> int:
        return feedback_count(self.ctx, query)

    def won_back(self, customer_id: int) -> None:
        """A lost customer is back: the status follows their purchases again (history stays)."""
        with self.ctx.write() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise NotFound(tr("This customer no longer exists."))
            before = (customer.lost_at, customer.churn_reason)
            customer.lost_at = customer.churn_reason = None

        def revert(s: Session) -> Change:
            s.execute(update(Customer).where(Customer.id == customer_id).values(
                lost_at=before[0], churn_reason=before[1]))
            return Change.of(CUSTOMERS, customer_ids=[customer_id])

        self.ctx.undo.push(UndoStep(tr("Undo won back"), revert))
        self.ctx.announce(Change.of(CUSTOMERS, customer_ids=[customer_id]))


@dataclass(frozen=True)
class FeedbackQuery:
    start: date | None = None      # [start, end): None for "since the beginning"
    end: date | None = None
    group: str | None = None       # promoters / passives / detractors
    unresolved: bool = False       # complaints not yet resolved


@dataclass(frozen=True)
class FeedbackRow:
    id: int
    customer_id: int
    name: str
    phone: str | None
    given_on: date
    score: int | None
    comment: str | None
    complaint: bool
    resolution: str | None
    churn_reason: str | None


def _filtered(stmt, query: FeedbackQuery):
    stmt = stmt.join(Customer, Customer.id == Feedback.customer_id).where(Customer.deleted_at.is_(None))
    if query.start is not None:
        stmt = stmt.where(Feedback.given_on >= query.start)
    if query.end is not None:
        stmt = stmt.where(Feedback.given_on < query.end)
    bounds = {"promoters": (9, 10), "passives": (7, 8), "detractors": (0, 6)}.get(query.group or "")
    if bounds:
        stmt = stmt.where(Feedback.nps_score.between(*bounds))
    if query.unresolved:
        stmt = stmt.where(Feedback.is_complaint.is_(True), Feedback.resolution.is_(None))
    return stmt


def feedback_page(ctx: Context, query: FeedbackQuery, offset: int, limit: int) -> list[FeedbackRow]:
    stmt = _filtered(select(Feedback.id, Feedback.customer_id, Customer.name, Customer.primary_phone,
                            Feedback.given_on, Feedback.nps_score, Feedback.comment,
                            Feedback.is_complaint, Feedback.resolution, Feedback.churn_reason)
                     .select_from(Feedback), query)
    stmt = stmt.order_by(Feedback.given_on.desc(), Feedback.id.desc()).offset(offset).limit(limit)
    with ctx.read() as session:
        return [FeedbackRow(*r) for r in session.connection().execute(stmt)]


def feedback_count(ctx: Context, query: FeedbackQuery) -> int:
    from sqlalchemy import func

    with ctx.read() as session:
        stmt = _filtered(select(func.count(Feedback.id)).select_from(Feedback), query)
        return session.execute(stmt).scalar_one()
