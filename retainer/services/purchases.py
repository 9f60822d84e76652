"""Purchases (visits, orders): record, edit, delete; each write keeps the summary right."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from retainer.db.models import Customer, Purchase, Reminder
from retainer.events import CUSTOMERS, PURCHASES, REMINDERS, Change
from retainer.i18n import tr
from retainer.rules.money import format_amount
from retainer.rules.validation import check_purchase
from retainer.services import loyalty
from retainer.services.base import Context
from retainer.services.customers import NotFound
from retainer.services.reminders import AUTOMATIC, WAITING, close_automatic_on_purchase
from retainer.services.summary import bump, refresh_purchase_summary
from retainer.services.undo import UndoStep


def _changed(customer_id: int) -> Change:
    return Change.of(PURCHASES, CUSTOMERS, customer_ids=[customer_id])


class PurchaseService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def record(self, customer_id: int, amount_cents: int, purchased_at: datetime | None = None,
               comment: str | None = None, items: str | None = None) -> int:
        when = (purchased_at or self.ctx.now()).replace(microsecond=0)
        check_purchase(amount_cents, when, self.ctx.now())
        with self.ctx.write() as session:
            customer = _customer(session, customer_id)
            purchase = Purchase(customer_id=customer_id, purchased_at=when,
                                day=when.date().toordinal(), amount_cents=amount_cents,
                                comment=(comment or "").strip() or None,
                                items=(items or "").strip() or None)
            session.add(purchase)
            session.flush()
            refresh_purchase_summary(session, customer)
            bump(session, PURCHASES)
            closed = _open_automatic(session, customer_id)
            close_automatic_on_purchase(session, customer_id, self.ctx.now())
            moves = loyalty.settle(session, self.ctx.now(), [customer_id], remind=True)
            purchase_id = purchase.id
        label = tr("Undo purchase of {amount}").format(
            amount=format_amount(amount_cents, self.ctx.settings.currency))

        def revert(s: Session) -> Change:
            loyalty.undo_moves(s, moves)
            change = _remove(s, purchase_id)
            if closed:
                s.execute(update(Reminder).where(Reminder.id.in_(closed)).values(
                    state="open", closed_at=None, closed_by=None))
            return Change.of(*change.kinds, REMINDERS, customer_ids=change.customer_ids)

        self.ctx.undo.push(UndoStep(label, revert))
        kinds = (PURCHASES, CUSTOMERS, REMINDERS) if closed else (PURCHASES, CUSTOMERS)
        self.ctx.announce(Change.of(*kinds, customer_ids=[customer_id]))
        return purchase_id

    def edit(self, purchase_id: int, amount_cents: int, purchased_at: datetime,
             comment: str | None = None) -> None:
        check_purchase(amount_cents, purchased_at, self.ctx.now())
        with self.ctx.write() as session:
            purchase = _purchase(session, purchase_id)
            before = (purchase.amount_cents, purchase.purchased_at, purchase.comment)
            _set(session, purchase, amount_cents, purchased_at.replace(microsecond=0),
                 (comment or "").strip() or None)
            customer_id = purchase.customer_id
            moves = loyalty.settle(session, self.ctx.now(), [customer_id], remind=True)

        def revert(s: Session) -> Change:
            loyalty.undo_moves(s, moves)
            p = _purchase(s, purchase_id)
            _set(s, p, *before)
            return _changed(p.customer_id)

        self.ctx.undo.push(UndoStep(tr("Undo purchase change"), revert))
        self.ctx.announce(_changed(customer_id))

    def delete(self, purchase_id: int) -> None:
        with self.ctx.write() as session:
            purchase = _purchase(session, purchase_id)
            saved = {c.key: getattr(purchase, c.key) for c in Purchase.__table__.columns}
            customer_id = purchase.customer_id
            _remove(session, purchase_id)
            moves = loyalty.settle(session, self.ctx.now(), [customer_id])

        def revert(s: Session) -> Change:
            loyalty.undo_moves(s, moves)
            s.add(Purchase(**saved))
            s.flush()
            refresh_purchase_summary(s, _customer(s, customer_id))
            bump(s, PURCHASES)
            return _changed(customer_id)

        self.ctx.undo.push(UndoStep(tr("Undo purchase delete"), revert))
        self.ctx.announce(_changed(customer_id))


def _customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(tr("This customer no longer exists."))
    return customer


def _purchase(session: Session, purchase_id: int) -> Purchase:
    purchase = session.get(Purchase, purchase_id)
    if purchase is None:
        raise NotFound(tr("This purchase no longer exists."))
    return purchase


def _set(session: Session, purchase: Purchase, amount_cents: int, when: datetime,
         comment: str | None) -> None:
    purchase.amount_cents = amount_cents
    purchase.purchased_at = when
    purchase.day = when.date().toordinal()
    purchase.comment = comment
    session.flush()
    refresh_purchase_summary(session, _customer(session, purchase.customer_id))
    bump(session, PURCHASES)


def _remove(session: Session, purchase_id: int) -> Change:
    purchase = _purchase(session, purchase_id)
    customer_id = purchase.customer_id
    session.delete(purchase)
    session.flush()
    refresh_purchase_summary(session, _customer(session, customer_id))
    bump(session, PURCHASES)
    return _changed(customer_id)


def _open_automatic(session: Session, customer_id: int) -> list[int]:
    return list(session.scalars(select(Reminder.id).where(
        Reminder.customer_id == customer_id, Reminder.reason.in_(AUTOMATIC),
        Reminder.state.in_(WAITING))))
