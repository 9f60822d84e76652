"""Outreach: one message to a segment, filled in for each customer, for an SMS or e-mail service.

Retainer does not send messages itself; it writes the recipients (the phone in E.164 or the
e-mail, and each customer's own text) to a file the shop's SMS or e-mail service takes. Only
customers who agreed to messages are in it; the others are listed with the reason. Once the
file is written, the outreach is kept and each recipient gets a contact on the card, so the
Today list's quiet time after a contact counts it — and "Did it work?" can tell later who
came back (services/results.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, func, insert, select

from retainer.db import queries
from retainer.db.models import Contact, Customer, CustomerPhone, Outreach, OutreachMember
from retainer.events import CONTACTS, SEGMENTS, Change
from retainer.i18n import tr
from retainer.rules import messages
from retainer.services import loyalty
from retainer.services.base import Context
from retainer.services.customers import CustomerQuery, CustomerService
from retainer.services.undo import UndoStep

SMS, EMAIL = "sms", "email"
CHANNELS = (SMS, EMAIL)
# Why a customer of the segment gets no message.
NO_CONSENT, NO_PHONE, NO_EMAIL, RECENT = "no_consent", "no_phone", "no_email", "recent"
BATCH = 5000


def reason_text(code: str) -> str:
    return {NO_CONSENT: tr("did not agree to messages"), NO_PHONE: tr("no phone number"),
            NO_EMAIL: tr("no e-mail address"), RECENT: tr("contacted lately")}.get(code, code)


class NobodyToMessage(ValueError):
    """The segment names nobody, or nobody in it can be sent the message."""


class OutreachFileProblem(OSError):
    """The recipients' file could not be written: where, and why, in plain words."""


@dataclass(frozen=True)
class Line:
    """One customer of the segment: their address and own text, or why they are left out."""

    customer_id: int
    name: str
    address: str  # the phone in E.164 or the e-mail, "" when there is none
    text: str
    left_out: str | None = None  # a reason code; None: the message goes to them
    last_contact: datetime | None = None  # within the quiet time: a second send warns first


@dataclass
class Plan:
    """An outreach before it is sent: every customer of the segment, in name order."""

    channel: str
    template: str
    segment_name: str | None
    lines: list[Line] = field(default_factory=list)

    @property
    def recipients(self) -> list[Line]:
        return [line for line in self.lines if line.left_out is None]

    @property
    def left_out(self) -> list[Line]:
        return [line for line in self.lines if line.left_out is not None]

    @property
    def recent(self) -> list[Line]:
        """Recipients contacted within the quiet time (the Settings' "Quiet time after a call")."""
        return [line for line in self.recipients if line.last_contact is not None]

    def without_recent(self) -> Plan:
        return replace(self, lines=[replace(line, left_out=RECENT) if line.left_out is None
                                    and line.last_contact is not None else line
                                    for line in self.lines])

    def reasons(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for line in self.left_out:
            counts[line.left_out] = counts.get(line.left_out, 0) + 1
        return counts


@dataclass(frozen=True)
class Sent:
    outreach_id: int
    path: str
    sent: int
    left_out: int


class OutreachService:
    def __init__(self, ctx: Context, customers: CustomerService) -> None:
        self.ctx = ctx
        self.customers = customers

    def last_template(self) -> tuple[str, str] | None:
        """(template, channel) of the newest outreach, offered again in the next one."""
        with self.ctx.read() as session:
            row = session.execute(select(Outreach.template, Outreach.channel)
                                  .order_by(Outreach.made_at.desc(), Outreach.id.desc())
                                  .limit(1)).first()
        return (row.template, row.channel) if row else None

    def plan(self, query: CustomerQuery, template: str, channel: str = SMS,
             segment_name: str | None = None) -> Plan:
        """Each customer of the segment with their own text, or why they are left out. A
        template with an unknown placeholder raises messages.TemplateProblem naming it; a
        segment of nobody raises :class:`NobodyToMessage`."""
        if channel not in CHANNELS:
            raise ValueError(f"no channel {channel!r}")
        found = messages.problems(template)
        if found:
            raise messages.TemplateProblem(found[0])
        query = replace(query, trash=False, sort=queries.SORT_NAME, descending=False)
        today, now = self.ctx.today(), self.ctx.now()
        quiet_since = now - timedelta(days=self.ctx.settings.cooldown_days)
        plan = Plan(channel, template, segment_name)
        status = self.customers.status_column()
        with self.ctx.read() as session:
            tiers = loyalty.tier_names(session)
            flt = self.customers.list_filter(query, session)
            offset = 0
            while True:
                stmt = queries.filtered(select(
                    Customer.id, Customer.name, Customer.email, Customer.consent_to_messages,
                    Customer.last_purchase_day, Customer.tier_id,
                    select(CustomerPhone.number).where(CustomerPhone.customer_id == Customer.id)
                    .order_by(CustomerPhone.position).limit(1).scalar_subquery().label("phone"),
                    select(func.max(Contact.contacted_at)).where(
                        Contact.customer_id == Customer.id, Contact.contacted_at >= quiet_since)
                    .scalar_subquery().label("last_contact"),
                ), flt, status)
                rows = session.execute(stmt.order_by(*queries.order_by(
                    queries.SORT_NAME, False, status)).offset(offset).limit(BATCH)).all()
                for r in rows:
                    plan.lines.append(self._line(r, tiers, channel, template, today))
                offset += len(rows)
                if len(rows) < BATCH:
                    break
        if not plan.lines:
            raise NobodyToMessage(tr("No customer is in this segment right now, so there is "
                                     "nobody to write to. Change the filters, or choose "
                                     "another segment."))
        return plan

    @staticmethod
    def _line(r, tiers, channel: str, template: str, today: date) -> Line:
        stored = tiers.get(r.tier_id)
        who = messages.Recipient(
            name=r.name, tier=stored.tier.name if stored else "",
            discount=loyalty.discount_text(stored.tier) if stored and stored.tier.discount_percent
            else "",
            last_purchase=date.fromordinal(r.last_purchase_day) if r.last_purchase_day else None)
        address = (r.phone or "") if channel == SMS else (r.email or "").strip()
        if not r.consent_to_messages:
            reason = NO_CONSENT
        elif not address:
            reason = NO_PHONE if channel == SMS else NO_EMAIL
        else:
            reason = None
        return Line(r.id, r.name, address, messages.render(template, who, today), reason,
                    r.last_contact)

    def send(self, plan: Plan, path: str) -> Sent:
        """Write the recipients to ``path`` (.xlsx, or .csv for any other ending), then keep
        the outreach and a contact for each recipient. A file that cannot be written raises
        :class:`OutreachFileProblem` and nothing is kept. Undoable (the record, not the file)."""
        recipients = plan.recipients
        if not recipients:
            raise NobodyToMessage(tr("Nobody in this segment can be sent the message: {why}.")
                                  .format(why=", ".join(reason_text(r) for r in plan.reasons())))
        self._write(plan, recipients, Path(path))
        now = self.ctx.now()
        with self.ctx.write() as session:
            outreach = Outreach(made_at=now, segment_name=plan.segment_name, channel=plan.channel,
                                template=plan.template, file_name=Path(path).name,
                                sent=len(recipients), left_out=len(plan.lines) - len(recipients))
            session.add(outreach)
            session.flush()
            outreach_id = outreach.id
            session.execute(insert(OutreachMember), [
                {"outreach_id": outreach_id, "customer_id": line.customer_id,
                 "left_out": line.left_out} for line in plan.lines])
            session.execute(insert(Contact), [
                {"customer_id": line.customer_id, "contacted_at": now, "channel": plan.channel,
                 "outcome": "sent", "notes": line.text, "outreach_id": outreach_id}
                for line in recipients])
        ids = [line.customer_id for line in recipients]

        def revert(s) -> Change:
            s.execute(delete(Contact).where(Contact.outreach_id == outreach_id))
            s.execute(delete(Outreach).where(Outreach.id == outreach_id))
            return Change.of(CONTACTS, SEGMENTS, customer_ids=ids)

        self.ctx.undo.push(UndoStep(tr("Undo the message to %Ln customers", "", len(ids)), revert))
        self.ctx.announce(Change.of(CONTACTS, SEGMENTS, customer_ids=ids))
        return Sent(outreach_id, str(path), len(recipients), len(plan.lines) - len(recipients))

    def _write(self, plan: Plan, recipients: list[Line], path: Path) -> None:
        from retainer.excel.writer import Column, write_csv, write_table

        to = tr("Phone") if plan.channel == SMS else tr("E-mail")
        headers = [to, tr("Name"), tr("Message")]
        rows = ([line.address, line.name, line.text] for line in recipients)
        try:
            if path.suffix.lower() == ".xlsx":
                write_table(path, tr("Recipients"), "Recipients",
                            [Column(to, width=20), Column(headers[1], width=28),
                             Column(headers[2], width=80)], rows)
            else:
                write_csv(path, headers, rows, as_is=(0,))
        except OSError as exc:
            raise OutreachFileProblem(tr(
                "Could not save the recipients to {path}: {why}. Nothing was logged as sent; "
                "choose a folder you can write to, such as Documents.").format(
                    path=path, why=exc.strerror or exc)) from exc
