"""Undoing an import from the history: what it added goes, what it changed comes back."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import delete, func, select

from retainer.db.models import Customer, CustomerPhone, Import, ImportChange, Purchase, Tag
from retainer.events import PURCHASES
from retainer.i18n import tr
from retainer.rules.validation import ValidationError
from retainer.services import loyalty
from retainer.services.summary import bump, refresh_purchase_summary, refresh_search


def undo_import(session, import_id: int, now: datetime) -> None:
    batch = session.get(Import, import_id)
    if batch is None:
        raise ValidationError({"import": tr("This import is not in the history.")})
    if batch.undone_at is not None:
        raise ValidationError({"import": tr("This import was already undone.")})
    added = select(Customer.id).where(Customer.import_id == import_id)
    newer = session.execute(select(func.count(Purchase.id)).where(
        Purchase.customer_id.in_(added),
        (Purchase.import_id != import_id) | Purchase.import_id.is_(None))).scalar_one()
    if newer:
        raise ValidationError({"import": tr(
            "Customers added by this import have %Ln purchases recorded since; undoing it would "
            "lose them. Delete those customers one by one instead.", "", newer)})
    touched = set(session.scalars(select(Purchase.customer_id).where(
        Purchase.import_id == import_id, Purchase.customer_id.not_in(added))))
    session.execute(delete(Purchase).where(Purchase.import_id == import_id))
    session.execute(delete(Customer).where(Customer.import_id == import_id))
    for change in session.scalars(select(ImportChange).where(ImportChange.import_id == import_id)):
        customer = session.get(Customer, change.customer_id)
        if customer is None:
            continue
        before = json.loads(change.before)
        for name, value in before.items():
            if name == "birthday":
                customer.birthday = date.fromisoformat(value) if value else None
            elif name not in ("phones", "tags"):
                setattr(customer, name, value)
        customer.phones.clear()
        session.flush()
        customer.phones.extend(CustomerPhone(number=n, position=i) for i, n in enumerate(before["phones"]))
        customer.tags = [t for t in session.scalars(select(Tag).where(Tag.name.in_(before["tags"])))]
        session.flush()
        refresh_search(customer)
        touched.add(customer.id)
    for cid in touched:
        customer = session.get(Customer, cid)
        if customer is not None:
            refresh_purchase_summary(session, customer)
    bump(session, PURCHASES)
    loyalty.settle(session, now, sorted(touched))
    batch.undone_at = now
