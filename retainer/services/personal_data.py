"""A customer's requests about their personal data: see everything held, be erased.

- **Export**: everything the base holds about one customer — the card, phones, tags, consent
  and its date, every purchase, call, feedback and reminder, and the log of their requests —
  as a workbook and as JSON, for the owner to hand over.
- **Erase**: the personal fields are cleared for good (name, phones, e-mail, birthday,
  address, card, notes, the free text of purchases, calls and feedback, the details an import
  kept for its undo). What is not personal stays, anonymous: the purchase dates and amounts,
  the NPS scores, the call outcomes, so that the retention figures of the past do not change.
  The customer leaves the list, the trash and every later export; there is no undo.
- **Consent** to messages is recorded with its date, given or withdrawn on the card.

Each request is written to the ``data_requests`` log: what was done, for which customer
number, when — never the personal data itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from retainer.db.models import (
    Contact,
    Customer,
    CustomerPhone,
    DataRequest,
    Feedback,
    ImportChange,
    Purchase,
    Reminder,
    customer_tags,
)
from retainer.events import CONTACTS, CUSTOMERS, FEEDBACK, PURCHASES, REMINDERS, Change
from retainer.i18n import QT_TR_NOOP, tr
from retainer.rules import phones
from retainer.services.base import Context
from retainer.services.customers import NotFound

EXPORT, ERASE = DataRequest.EXPORT, DataRequest.ERASE
CONSENT_GIVEN, CONSENT_WITHDRAWN = DataRequest.CONSENT_GIVEN, DataRequest.CONSENT_WITHDRAWN
ACTIONS = {EXPORT: QT_TR_NOOP("Everything held exported"), ERASE: QT_TR_NOOP("Erased on request"),
           CONSENT_GIVEN: QT_TR_NOOP("Consent to messages given"),
           CONSENT_WITHDRAWN: QT_TR_NOOP("Consent to messages withdrawn")}

# The customer's own columns in an export, in the card's order; the caches kept for the list
# (search text, sort name, phone and tag lists) are left out.
CUSTOMER_FIELDS = ("id", "name", "email", "birthday", "city", "address", "card_number", "code",
                   "source", "referred_by_id", "consent_to_messages", "consent_date",
                   "do_not_call", "notes", "created_at", "lost_at", "churn_reason",
                   "purchase_count", "total_spent_cents", "first_purchase_at", "last_purchase_at",
                   "opening_count", "opening_spent_cents")
# What an erasure clears on the customer's row.
PERSONAL = ("email", "birthday", "city", "address", "card_number", "code", "source", "notes",
            "primary_phone")
SECTIONS = {"customer": QT_TR_NOOP("Customer"), "phones": QT_TR_NOOP("Phones"),
            "tags": QT_TR_NOOP("Tags"), "purchases": QT_TR_NOOP("Purchases"),
            "contacts": QT_TR_NOOP("Calls and visits"), "feedback": QT_TR_NOOP("Feedback"),
            "reminders": QT_TR_NOOP("Reminders"),
            "requests": QT_TR_NOOP("Personal-data requests")}


class ExportProblem(Exception):
    """The export could not be written; the message names the folder. Nothing was logged."""


@dataclass(frozen=True)
class LoggedRequest:
    made_at: datetime
    action: str
    customer_id: int
    detail: str

    @property
    def label(self) -> str:
        return tr(ACTIONS.get(self.action, self.action))


@dataclass(frozen=True)
class Exported:
    workbook: Path
    json: Path


def log(session: Session, action: str, customer_id: int, when: datetime, detail: str = "") -> None:
    session.add(DataRequest(made_at=when, action=action, customer_id=customer_id, detail=detail))


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _rows(session: Session, model, customer_id: int, skip=("customer_id",)) -> list[dict]:
    table = model.__table__
    found = session.execute(select(table).where(table.c.customer_id == customer_id)
                            .order_by(table.c.id)).mappings()
    return [{k: _plain(v) for k, v in row.items() if k not in skip} for row in found]


class PersonalDataService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def held(self, customer_id: int) -> dict[str, Any]:
        """Everything the base holds about the customer, as plain values."""
        with self.ctx.read() as session:
            c = session.get(Customer, customer_id)
            if c is None or c.erased_at is not None:
                raise NotFound(tr("This customer no longer exists."))
            return {
                "customer": {name: _plain(getattr(c, name)) for name in CUSTOMER_FIELDS},
                "phones": [phones.display(p.number) for p in c.phones],
                "tags": sorted(t.name for t in c.tags),
                "purchases": _rows(session, Purchase, customer_id),
                "contacts": _rows(session, Contact, customer_id),
                "feedback": _rows(session, Feedback, customer_id),
                "reminders": _rows(session, Reminder, customer_id),
                "requests": [{"made_at": _plain(r.made_at), "action": r.action, "detail": r.detail}
                             for r in session.scalars(select(DataRequest).where(
                                 DataRequest.customer_id == customer_id).order_by(DataRequest.id))],
            }

    def export(self, customer_id: int, folder: str | Path) -> Exported:
        """Everything held, as ``customer-<id>-personal-data.xlsx`` and ``.json`` in
        ``folder``; both are written whole or not at all, and the export is logged."""
        data = self.held(customer_id)
        folder = Path(folder)
        stem = f"customer-{customer_id}-personal-data"
        targets = Exported(folder / f"{stem}.xlsx", folder / f"{stem}.json")
        spare = [p.with_name(p.name + ".part") for p in (targets.workbook, targets.json)]
        try:
            _workbook(data).save(spare[0])
            spare[1].write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            spare[0].replace(targets.workbook)
            spare[1].replace(targets.json)
        except OSError as exc:
            for p in spare:
                try:
                    p.unlink(missing_ok=True)
                except OSError:
                    pass  # the folder itself cannot be written: nothing was left in it
            raise ExportProblem(tr("Could not write to {folder}: {reason}").format(
                folder=folder, reason=exc.strerror or exc)) from exc
        with self.ctx.write() as session:
            log(session, EXPORT, customer_id, self.ctx.now(),
                f"{targets.workbook.name}, {targets.json.name}")
        return targets

    def erase(self, customer_id: int) -> None:
        """Clear the customer's personal data for good, keeping the anonymous figures."""
        now = self.ctx.now()
        with self.ctx.write() as session:
            c = session.get(Customer, customer_id)
            if c is None or c.erased_at is not None:
                raise NotFound(tr("This customer no longer exists."))
            c.name = c.sort_name = tr("Erased customer {number}").format(number=customer_id)
            for name in PERSONAL:
                setattr(c, name, None)
            c.consent_to_messages, c.consent_date, c.do_not_call = False, None, True
            c.tag_list, c.search_text = "", ""
            c.name_from_code = False
            c.erased_at, c.deleted_at = now, None  # out of the trash: its figures count
            session.execute(delete(CustomerPhone).where(CustomerPhone.customer_id == customer_id))
            session.execute(delete(customer_tags).where(customer_tags.c.customer_id == customer_id))
            session.execute(delete(ImportChange).where(ImportChange.customer_id == customer_id))
            for model, columns in ((Purchase, ("items", "comment")),
                                   (Contact, ("satisfaction_comment", "wished_offer",
                                              "referral_note", "notes")),
                                   (Feedback, ("comment", "resolution")),
                                   (Reminder, ("note",))):
                session.execute(update(model).where(model.customer_id == customer_id)
                                .values(dict.fromkeys(columns)))
            session.execute(update(Reminder).where(Reminder.customer_id == customer_id,
                                                   Reminder.state.in_(("open", "snoozed")))
                            .values(state="dismissed", closed_at=now, closed_by="user"))
            log(session, ERASE, customer_id, now)
        # An erasure is final: nothing earlier may be undone onto the erased row.
        self.ctx.undo.clear()
        self.ctx.announce(Change.of(CUSTOMERS, PURCHASES, CONTACTS, FEEDBACK, REMINDERS,
                                    customer_ids=[customer_id]))

    def logged(self, customer_id: int | None = None) -> list[LoggedRequest]:
        """The log of requests, newest first (of one customer, or of all)."""
        with self.ctx.read() as session:
            stmt = select(DataRequest).order_by(DataRequest.made_at.desc(), DataRequest.id.desc())
            if customer_id is not None:
                stmt = stmt.where(DataRequest.customer_id == customer_id)
            return [LoggedRequest(r.made_at, r.action, r.customer_id, r.detail)
                    for r in session.scalars(stmt)]


def _workbook(data: dict[str, Any]):
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first.title = tr(SECTIONS["customer"])[:31]
    for key, value in data["customer"].items():
        first.append([key, value])
    first.append(["phones", ", ".join(data["phones"])])
    first.append(["tags", ", ".join(data["tags"])])
    first.column_dimensions["A"].width, first.column_dimensions["B"].width = 24, 40
    for key in ("purchases", "contacts", "feedback", "reminders", "requests"):
        sheet = book.create_sheet(tr(SECTIONS[key])[:31])
        rows = data[key]
        if not rows:
            sheet.append([tr("None")])
            continue
        sheet.append(list(rows[0]))
        for row in rows:
            sheet.append(list(row.values()))
    return book
