"""Logging a call: its outcome, the three questions, a referral, an NPS answer, what's next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from retainer.db.models import Contact, Customer, CustomerPhone, Feedback, Reminder
from retainer.events import CONTACTS, CUSTOMERS, FEEDBACK, REMINDERS, Change
from retainer.i18n import tr
from retainer.rules import phones
from retainer.rules.validation import ValidationError
from retainer.services.base import Context
from retainer.services.customers import NotFound
from retainer.services.feedback import add_feedback
from retainer.services.reminders import WAITING
from retainer.services.summary import refresh_search
from retainer.services.undo import UndoStep

OUTCOMES = ("reached", "no_answer", "call_back", "wrong_number", "refused")
CHANNELS = ("call", "sms", "email", "visit", "messenger")
TRY_AGAIN = ("no_answer", "call_back")


@dataclass
class CallForm:
    outcome: str = "reached"
    channel: str = "call"
    satisfied: bool | None = None          # 1. Are you 100 % satisfied with us?
    satisfaction_comment: str = ""         #    If not, why?
    wished_offer: str = ""                 # 2. Anything else we could offer you?
    referral_name: str = ""                # 3. Someone who might be interested in us?
    referral_phone: str = ""
    nps_score: int | None = None
    notes: str = ""
    next_call_on: date | None = None
    stop_calling: bool = False


@dataclass(frozen=True)
class CallLogged:
    contact_id: int
    referral_id: int | None
    next_reminder_id: int | None


class CallService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def _check(self, form: CallForm) -> str | None:
        errors: dict[str, str] = {}
        today = self.ctx.today()
        if form.outcome not in OUTCOMES:
            errors["outcome"] = tr("Choose how the call went.")
        if form.channel not in CHANNELS:
            errors["channel"] = tr("Choose how you contacted them.")
        if form.nps_score is not None and not 0 <= form.nps_score <= 10:
            errors["nps_score"] = tr("The score is from 0 to 10.")
        if form.next_call_on is not None and form.next_call_on <= today:
            errors["next_call_on"] = tr("The next call must be after today.")
        if form.outcome == "call_back" and form.next_call_on is None:
            errors["next_call_on"] = tr("When should you call back?")
        referral_phone = None
        if form.referral_phone.strip():
            if not form.referral_name.strip():
                errors["referral_name"] = tr("Write the name of the person they recommended.")
            try:
                referral_phone = phones.normalise(form.referral_phone, self.ctx.settings.default_region)
            except phones.PhoneError as exc:
                errors["referral_phone"] = str(exc)
        if errors:
            raise ValidationError(errors)
        return referral_phone

    def log(self, customer_id: int, form: CallForm, reminder_id: int | None = None) -> CallLogged:
        referral_phone = self._check(form)
        now, today = self.ctx.now(), self.ctx.today()
        with self.ctx.write() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise NotFound(tr("This customer no longer exists."))
            contact = Contact(
                customer_id=customer_id, contacted_at=now, channel=form.channel,
                outcome=form.outcome, satisfied=form.satisfied,
                satisfaction_comment=form.satisfaction_comment.strip() or None,
                wished_offer=form.wished_offer.strip() or None,
                referral_note=" ".join(p for p in (form.referral_name.strip(),
                                                   phones.display(referral_phone)) if p) or None,
                notes=form.notes.strip() or None)
            session.add(contact)
            session.flush()
            feedback_id = detractor_reminder = None
            if form.nps_score is not None or (form.satisfied is False and form.satisfaction_comment.strip()):
                # The same rule as any answer: an unhappy one books a call-back.
                feedback_id, detractor_reminder = add_feedback(
                    session, customer, today, now, form.nps_score, form.satisfaction_comment,
                    form.satisfied is False, contact_id=contact.id)
            referral_id, created_referral = self._referral(session, customer, form, referral_phone)
            reminders_before = _reminder_states(session, customer_id)
            self._close(session, customer_id, reminder_id, contact, form, today, now)
            next_id = None
            if form.next_call_on is not None and (reminder_id is None or form.outcome not in TRY_AGAIN):
                reminder = Reminder(customer_id=customer_id, due_on=form.next_call_on,
                                    reason="manual", state="open", created_at=now,
                                    note=tr("Call back") + (f": {form.notes.strip()}"
                                                            if form.notes.strip() else ""))
                session.add(reminder)
                session.flush()
                next_id = reminder.id
            was_do_not_call = customer.do_not_call
            if form.stop_calling:
                customer.do_not_call = True
            contact_id = contact.id

        def revert(s: Session) -> Change:
            for rid, state, until, closed_at, closed_by, cid in reminders_before:
                s.execute(update(Reminder).where(Reminder.id == rid).values(
                    state=state, snoozed_until=until, closed_at=closed_at, closed_by=closed_by,
                    contact_id=cid))
            for rid in (next_id, detractor_reminder):
                if rid:
                    s.execute(delete(Reminder).where(Reminder.id == rid))
            if feedback_id:
                s.execute(delete(Feedback).where(Feedback.id == feedback_id))
            s.execute(delete(Contact).where(Contact.id == contact_id))
            if created_referral:
                s.execute(delete(Customer).where(Customer.id == referral_id))
            s.execute(update(Customer).where(Customer.id == customer_id).values(
                do_not_call=was_do_not_call))
            return Change.of(CONTACTS, REMINDERS, FEEDBACK, CUSTOMERS, customer_ids=[customer_id])

        name = customer.name
        self.ctx.undo.push(UndoStep(tr("Undo call with {name}").format(name=name), revert))
        ids = [customer_id] + ([referral_id] if referral_id else [])
        self.ctx.announce(Change.of(CONTACTS, REMINDERS, FEEDBACK, CUSTOMERS, customer_ids=ids))
        return CallLogged(contact_id, referral_id, next_id)

    def _referral(self, session: Session, customer: Customer, form: CallForm,
                  phone: str | None) -> tuple[int | None, bool]:
        name = " ".join(form.referral_name.split())
        if not name:
            return None, False
        if phone:
            existing = session.execute(
                select(CustomerPhone.customer_id).where(CustomerPhone.number == phone)).first()
            if existing is not None:
                known = session.get(Customer, existing[0])
                if known.referred_by_id is None and known.id != customer.id:
                    known.referred_by_id = customer.id
                return known.id, False
        prospect = Customer(name=name, created_at=self.ctx.now(), referred_by_id=customer.id,
                            source=tr("recommended by {name}").format(name=customer.name),
                            purchase_count=0, purchase_days=0, total_spent_cents=0)
        if phone:
            prospect.phones.append(CustomerPhone(number=phone, position=0))
        session.add(prospect)
        session.flush()
        refresh_search(prospect)
        return prospect.id, True

    def _close(self, session: Session, customer_id: int, reminder_id: int | None,
               contact: Contact, form: CallForm, today: date, now) -> None:
        """Done, or tried again later; stopping calls closes every waiting reminder."""
        if form.stop_calling:
            targets = select(Reminder.id).where(Reminder.customer_id == customer_id,
                                                Reminder.state.in_(WAITING))
        elif reminder_id is not None:
            targets = select(Reminder.id).where(Reminder.id == reminder_id,
                                                Reminder.state.in_(WAITING))
        else:
            return
        ids = list(session.scalars(targets))
        if not ids:
            return
        if form.outcome in TRY_AGAIN and not form.stop_calling:
            until = form.next_call_on or today + timedelta(days=1)
            session.execute(update(Reminder).where(Reminder.id.in_(ids)).values(
                state="snoozed", snoozed_until=until, contact_id=contact.id))
        else:
            session.execute(update(Reminder).where(Reminder.id.in_(ids)).values(
                state="done", closed_at=now, closed_by="contact", contact_id=contact.id))


def _reminder_states(session: Session, customer_id: int):
    return session.execute(
        select(Reminder.id, Reminder.state, Reminder.snoozed_until, Reminder.closed_at,
               Reminder.closed_by, Reminder.contact_id).where(Reminder.customer_id == customer_id)
    ).all()
