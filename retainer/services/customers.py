"""Customers: create, edit, trash and restore, open a card; the list's reads are in customer_list.py."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from retainer.db.models import (
    Contact,
    Customer,
    CustomerPhone,
    DataRequest,
    Feedback,
    Purchase,
    Reminder,
    Tag,
)
from retainer.events import CUSTOMERS, Change
from retainer.i18n import tr
from retainer.rules import labels, phones
from retainer.rules.status import PurchaseRhythm, Status, status_of, status_reason
from retainer.rules.validation import CleanCustomer, CustomerForm, ValidationError, clean_customer
from retainer.services import conflicts, loyalty
from retainer.services.conflicts import EditConflict
from retainer.services.customer_list import SORT_KEYS, CustomerList, CustomerQuery, NotFound
from retainer.services.records import (
    ContactRow,
    CustomerCard,
    FeedbackRow,
    PurchaseRow,
    ReminderRow,
    TierChangeRow,
)
from retainer.services.summary import opening_of, purchase_figures, refresh_search
from retainer.services.undo import UndoStep

EDITABLE = ("name", "email", "birthday", "city", "address", "card_number", "source",
            "referred_by_id", "consent_to_messages", "do_not_call", "notes")

__all__ = ["SORT_KEYS", "CustomerQuery", "CustomerService", "NotFound"]


class CustomerService(CustomerList):
    """The list's reads (customer_list.py), and a customer's card and every edit of it."""

    def card(self, customer_id: int) -> CustomerCard:
        with self.ctx.read() as session:
            c = session.get(Customer, customer_id,
                            options=[selectinload(Customer.phones), selectinload(Customer.tags)])
            if c is None:
                raise NotFound(tr("This customer no longer exists."))
            today = self.ctx.today()
            rhythm = PurchaseRhythm(c.purchase_count, c.last_purchase_day, c.median_gap_days,
                                    lost=c.lost_at is not None)
            s = self.ctx.settings
            status = status_of(rhythm, today, s.lapse_days, s.risk_factor)
            referred = session.get(Customer, c.referred_by_id) if c.referred_by_id else None
            purchases = session.scalars(
                select(Purchase).where(Purchase.customer_id == c.id)
                .order_by(Purchase.purchased_at.desc(), Purchase.id.desc())
            )
            contacts = session.scalars(
                select(Contact).where(Contact.customer_id == c.id)
                .order_by(Contact.contacted_at.desc())
            )
            feedback = session.scalars(
                select(Feedback).where(Feedback.customer_id == c.id)
                .order_by(Feedback.given_on.desc(), Feedback.id.desc())
            )
            reminders = session.scalars(
                select(Reminder).where(Reminder.customer_id == c.id)
                .order_by(Reminder.due_on.desc())
            )
            return CustomerCard(
                id=c.id,
                form=_form_of(c),
                status=status,
                status_reason=status_reason(rhythm, today, status),
                created_at=c.created_at,
                deleted=c.deleted_at is not None,
                referred_by_name=referred.name if referred else None,
                first_purchase_at=c.first_purchase_at,
                last_purchase_at=c.last_purchase_at,
                purchase_count=c.purchase_count,
                total_spent_cents=c.total_spent_cents,
                purchases=[PurchaseRow(p.id, p.purchased_at, p.amount_cents, p.items, p.comment)
                           for p in purchases],
                contacts=[ContactRow(x.id, x.contacted_at, x.channel, x.outcome, x.notes)
                          for x in contacts],
                feedback=[FeedbackRow(f.id, f.given_on, f.nps_score, f.comment, f.is_complaint,
                                      f.resolution, f.churn_reason) for f in feedback],
                reminders=[ReminderRow(r.id, r.due_on, r.reason, r.state, r.snoozed_until, r.note)
                           for r in reminders],
                version=c.version,
                consent_date=c.consent_date,
                erased=c.erased_at is not None,
                tier=_tier_text(session, c.tier_id),
                tier_changes=tuple(TierChangeRow(t.changed_at, t.from_tier, t.to_tier)
                                   for t in loyalty.moves_of(session, c.id)),
            )

    def status_as_of(self, customer_id: int, as_of: date) -> Status:
        """The status at the start of ``as_of`` from raw purchases (docs/figures.md, "Status")."""
        with self.ctx.read() as session:
            c = session.get(Customer, customer_id)
            if c is None:
                raise NotFound(tr("This customer no longer exists."))
            cutoff = as_of.toordinal()
            seen = session.execute(select(Purchase.purchased_at, Purchase.amount_cents).where(
                Purchase.customer_id == c.id, Purchase.day < cutoff)).all()
            lost = c.lost_at is not None and c.lost_at < as_of
            opening = opening_of(c).settled().before(cutoff)
        figures = purchase_figures([tuple(r) for r in seen], opening)
        rhythm = PurchaseRhythm(figures["purchase_count"], figures["last_purchase_day"],
                                figures["median_gap_days"], lost)
        s = self.ctx.settings
        return status_of(rhythm, as_of, s.lapse_days, s.risk_factor)

    def create(self, form: CustomerForm) -> int:
        clean = clean_customer(form, self.ctx.settings.default_region, self.ctx.today())
        with self.ctx.write() as session:
            self._check_referrer(session, None, clean.referred_by_id)
            self._check_card(session, None, clean.card_number)
            customer = Customer(created_at=self.ctx.now(), purchase_count=0, total_spent_cents=0)
            session.add(customer)
            _apply(session, customer, clean, self.ctx.now())
            session.flush()
            new_id = customer.id
            if clean.consent_to_messages:
                _log_consent(session, new_id, True, self.ctx.now())
        self.ctx.undo.push(UndoStep(tr("Undo adding {name}").format(name=clean.name),
                                    lambda s: _hard_delete(s, new_id)))
        self.ctx.announce(Change.of(CUSTOMERS, customer_ids=[new_id]))
        return new_id

    def update(self, customer_id: int, form: CustomerForm, read: CustomerCard | None = None,
               *, keep: tuple[int, str] | None = None) -> None:
        """Save the form. ``read`` is the card it was filled from: if another terminal saved
        the customer since, their changes are kept, and a field both changed raises
        :class:`EditConflict` (services/conflicts.py) with nothing saved. The owner's answer
        comes back as ``keep``: (the conflict's version, "mine" or "theirs") for those fields."""
        region, today = self.ctx.settings.default_region, self.ctx.today()
        typed = clean_customer(form, region, today)
        for attempt in (1, 2):
            try:
                before = self._save(customer_id, form, typed, read, keep)
                break
            except StaleDataError:
                # Another terminal saved between this read and this write (PostgreSQL lets
                # the two overlap): once more, now against what they saved.
                if attempt == 2:
                    raise

        def revert(s: Session) -> Change:
            _apply(s, _load(s, customer_id), before, self.ctx.now())
            return Change.of(CUSTOMERS, customer_ids=[customer_id])

        self.ctx.undo.push(UndoStep(tr("Undo changes to {name}").format(name=before.name), revert))
        self.ctx.announce(Change.of(CUSTOMERS, customer_ids=[customer_id]))

    def _save(self, customer_id: int, form: CustomerForm, clean: CleanCustomer,
              read: CustomerCard | None, keep: tuple[int, str] | None) -> CleanCustomer:
        region, today = self.ctx.settings.default_region, self.ctx.today()
        with self.ctx.write() as session:
            customer = _load(session, customer_id)
            if read is not None and customer.version != read.version:
                theirs = _form_of(customer)
                now = _clean_of(customer)
                clean, clashing = conflicts.merged(clean_customer(read.form, region, today),
                                                   clean, now)
                if clashing and keep is not None and keep[0] == customer.version:
                    if keep[1] == "theirs":
                        clean = replace(clean, **{f: getattr(now, f) for f in clashing})
                elif clashing:
                    ids = [i for i in (form.referred_by_id, theirs.referred_by_id) if i]
                    raise EditConflict(customer.name, conflicts.clashes_of(
                        clashing, form, theirs, self._names(session, ids)), customer.version)
            self._check_referrer(session, customer_id, clean.referred_by_id)
            self._check_card(session, customer_id, clean.card_number)
            before = _clean_of(customer)
            _apply(session, customer, clean, self.ctx.now())
        return before

    def trash(self, ids: list[int]) -> int:
        """Move customers to the trash; their history stays and Restore brings them back."""
        now = self.ctx.now()
        with self.ctx.write() as session:
            customers = session.scalars(
                select(Customer).where(Customer.id.in_(ids), Customer.deleted_at.is_(None))
            ).all()
            for c in customers:
                c.deleted_at = now
            moved = [c.id for c in customers]
            label_name = customers[0].name if len(customers) == 1 else None
        if not moved:
            return 0
        label = (tr("Undo delete of {name}").format(name=label_name) if label_name
                 else tr("Undo delete of %Ln customers", "", len(moved)))
        self.ctx.undo.push(UndoStep(label, lambda s: _set_deleted(s, moved, None)))
        self.ctx.announce(Change.of(CUSTOMERS, customer_ids=moved))
        return len(moved)

    def restore(self, ids: list[int]) -> int:
        with self.ctx.write() as session:
            change = _set_deleted(session, ids, None)
        now = self.ctx.now()
        self.ctx.undo.push(UndoStep(tr("Undo restore"), lambda s: _set_deleted(s, ids, now)))
        self.ctx.announce(change)
        return len(change.customer_ids)

    def _check_referrer(self, session: Session, customer_id: int | None,
                        referrer_id: int | None) -> None:
        if referrer_id is None:
            return
        if referrer_id == customer_id:
            raise ValidationError({"referred_by_id": tr("A customer cannot refer themselves.")})
        if session.get(Customer, referrer_id) is None:
            raise ValidationError({"referred_by_id": tr("The referring customer no longer exists.")})

    def _check_card(self, session: Session, customer_id: int | None, card: str | None) -> None:
        if card is None:
            return
        owner = session.execute(
            select(Customer.id, Customer.name).where(Customer.card_number == card)
        ).first()
        if owner is not None and owner.id != customer_id:
            raise ValidationError({"card_number": tr("Card {card} already belongs to {name}.").format(
                card=card, name=owner.name)})


def _load(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(tr("This customer no longer exists."))
    return customer


def _form_of(c: Customer) -> CustomerForm:
    return CustomerForm(
        name=c.name, phones=[phones.display(p.number) for p in c.phones], email=c.email or "",
        birthday=c.birthday, city=c.city or "", address=c.address or "",
        card_number=c.card_number or "", tags=sorted((t.name for t in c.tags), key=str.casefold),
        source=c.source or "",
        referred_by_id=c.referred_by_id, consent_to_messages=c.consent_to_messages,
        do_not_call=c.do_not_call, notes=c.notes or "",
    )


def _clean_of(c: Customer) -> CleanCustomer:
    values = {name: getattr(c, name) for name in EDITABLE}
    return CleanCustomer(phones=[p.number for p in c.phones], tags=[t.name for t in c.tags],
                         **values)


def _apply(session: Session, customer: Customer, clean: CleanCustomer, now: datetime) -> None:
    today = now.date()
    # A name made from the code stays one only while it is left as it is.
    customer.name_from_code = clean.name in {labels.code_name(customer.code),
                                             labels.code_name(clean.card_number)}
    consented = bool(customer.consent_to_messages)
    for name in EDITABLE:
        setattr(customer, name, getattr(clean, name))
    if not clean.consent_to_messages:
        customer.consent_date = None
    elif customer.consent_date is None:
        customer.consent_date = today
    if customer.id is not None and consented != clean.consent_to_messages:
        # Consent given or withdrawn on the card: the personal-data log keeps when.
        _log_consent(session, customer.id, clean.consent_to_messages, now)
    if [p.number for p in customer.phones] != clean.phones:
        customer.phones.clear()
        session.flush()
        customer.phones.extend(CustomerPhone(number=n, position=i)
                               for i, n in enumerate(clean.phones))
    # The tag list is short; matching regardless of case keeps "VIP" and "vip" one tag.
    existing = {t.name.casefold(): t for t in session.scalars(select(Tag))}
    customer.tags = [existing.get(name.casefold()) or Tag(name=name) for name in clean.tags]
    refresh_search(customer)


def _tier_text(session: Session, tier_id: int | None) -> str:
    found = loyalty.tier_names(session).get(tier_id) if tier_id is not None else None
    return loyalty.offer(found.tier) if found else ""


def _log_consent(session: Session, customer_id: int, given: bool, now: datetime) -> None:
    """Consent given or withdrawn on the card: the personal-data log keeps when."""
    session.add(DataRequest(made_at=now, customer_id=customer_id, action=(
        DataRequest.CONSENT_GIVEN if given else DataRequest.CONSENT_WITHDRAWN)))


def _hard_delete(session: Session, customer_id: int) -> Change:
    session.execute(delete(Customer).where(Customer.id == customer_id))
    return Change.of(CUSTOMERS, customer_ids=[customer_id])


def _set_deleted(session: Session, ids: list[int], when) -> Change:
    customers = session.scalars(select(Customer).where(Customer.id.in_(ids))).all()
    for c in customers:
        c.deleted_at = when
    return Change.of(CUSTOMERS, customer_ids=[c.id for c in customers])
