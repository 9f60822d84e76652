"""The Today list: due reminders, most worth calling first, with the reasons in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from retainer.db import queries
from retainer.db.models import Contact, Customer, Reminder
from retainer.i18n import tr
from retainer.rules import churn_model, labels
from retainer.rules.money import format_amount
from retainer.rules.status import PurchaseRhythm, Status, status_reason
from retainer.services.base import Context
from retainer.services.radar import HORIZON_DAYS, ModelState, RadarService, history_arrays
from retainer.services.reminders import due_condition

PROMISED = 0   # calls promised by hand, call-backs, unhappy answers
BIRTHDAY = 1
DRIFTING = 2   # at risk or lapsed, ranked by value at risk


_STATUSES = {s.value: s for s in Status}


@dataclass(slots=True)  # thousands are made at once: slots make that several times cheaper
class TodayItem:
    reminder_id: int
    customer_id: int
    name: str
    phone: str | None
    reason: str
    due_on: date
    note: str | None
    status: Status
    last_purchase_at: datetime | None
    last_call: str
    p_alive: float | None
    expected_purchases: float | None
    yearly_spend_cents: int
    overdue_days: int
    score: float
    tier: int
    as_of: date
    purchase_count: int
    last_purchase_day: int | None
    median_gap_days: float | None

    @property
    def why(self) -> str:
        """The note of a planned call, or the customer's status in words (made when shown)."""
        if self.tier != DRIFTING and self.note:
            return self.note
        rhythm = PurchaseRhythm(self.purchase_count, self.last_purchase_day, self.median_gap_days)
        return status_reason(rhythm, self.as_of, self.status)

    def rank_hint(self, currency: str, model_fitted: bool) -> str:
        """Why the customer stands where they do in the list, in plain words."""
        if self.tier == PROMISED:
            return tr("You planned this call: it comes first.")
        if self.tier == BIRTHDAY:
            return tr("A birthday: a short call keeps you in mind.")
        parts = [tr("Spends about {amount} a year").format(
            amount=format_amount(self.yearly_spend_cents, currency, decimals=False))]
        if self.p_alive is not None:
            parts.append(tr("{p:.0%} likely still a customer").format(p=self.p_alive))
            parts.append(tr("{n:.1f} purchases expected in 90 days").format(n=self.expected_purchases))
        elif not model_fitted:
            parts.append(tr("too little history yet to estimate who is still a customer"))
        if self.overdue_days:
            parts.append(tr("{days} days past their usual rhythm").format(days=self.overdue_days))
        return "; ".join(parts) + ". " + tr("Higher spend, a better chance they are still yours "
                                             "and a longer delay put a customer higher.")


@dataclass(frozen=True)
class TodayList:
    items: list[TodayItem]
    as_of: date
    model: ModelState
    buying_customers: int  # customers with at least one purchase (counted when nothing is due)


class TodayService:
    def __init__(self, ctx: Context, radar: RadarService) -> None:
        self.ctx = ctx
        self.radar = radar

    def due_count(self, as_of: date | None = None) -> int:
        today = as_of or self.ctx.today()
        with self.ctx.read() as session:
            return session.execute(
                select(func.count(Reminder.id)).join(Customer, Customer.id == Reminder.customer_id)
                .where(due_condition(today), Customer.deleted_at.is_(None))
            ).scalar_one()

    def today(self, as_of: date | None = None) -> TodayList:
        today = as_of or self.ctx.today()
        s = self.ctx.settings
        status = queries.status_expr(today, s.lapse_days, s.risk_factor).label("status")
        stmt = (
            select(Reminder.id, Reminder.customer_id, Reminder.reason, Reminder.due_on,
                   Reminder.snoozed_until, Reminder.note, Customer.name, Customer.primary_phone,
                   status, Customer.last_purchase_at, Customer.first_purchase_day,
                   Customer.last_purchase_day, Customer.purchase_count, Customer.purchase_days,
                   Customer.total_spent_cents, Customer.median_gap_days)
            .join(Customer, Customer.id == Reminder.customer_id)
            .where(due_condition(today), Customer.deleted_at.is_(None))
        )
        # Each customer's latest call: one pass over the (short) call log, not one per row.
        latest = (select(Contact.customer_id, func.max(Contact.contacted_at).label("at"))
                  .group_by(Contact.customer_id).subquery())
        calls = (select(Contact.customer_id, Contact.outcome, Contact.contacted_at)
                 .join(latest, (latest.c.customer_id == Contact.customer_id)
                       & (latest.c.at == Contact.contacted_at))
                 .where(Contact.customer_id.in_(select(Reminder.customer_id).where(due_condition(today)))))
        with self.ctx.read() as session:
            connection = session.connection()  # plain rows: no ORM work per row
            rows = connection.execute(stmt).all()
            last_calls = {cid: (outcome, at) for cid, outcome, at in connection.execute(calls)}
            buying = len(rows) or connection.execute(select(func.count(Customer.id)).where(
                Customer.purchase_count > 0, Customer.deleted_at.is_(None))).scalar_one()
        model = self.radar.state()
        return TodayList(self._rank(rows, last_calls, today, model), today, model, buying)

    def export(self, path, as_of: date | None = None):
        """Today's call list as an Excel table: name, phone, reason, last purchase, notes."""
        from retainer.excel.writer import DATE, PERCENT, Column, write_table
        from retainer.rules import phones

        listing = self.today(as_of)
        columns = [Column(tr("Name"), width=28), Column(tr("Phone"), width=18),
                   Column(tr("Reason"), width=16), Column(tr("Why"), width=44),
                   Column(tr("Last purchase"), DATE, 14), Column(tr("Status"), width=12),
                   Column(tr("Still a customer"), PERCENT, 12), Column(tr("Last call"), width=22),
                   Column(tr("Notes"), width=40)]
        rows = ([i.name, phones.display(i.phone), labels.reminder_reason(i.reason), i.why,
                 i.last_purchase_at, i.status.label, i.p_alive, i.last_call, i.note or ""]
                for i in listing.items)
        return write_table(path, tr("Calls {date}").format(date=listing.as_of.strftime("%d.%m.%Y")),
                           "CallList", columns, rows)

    def _rank(self, rows, last_calls, today: date, model: ModelState) -> list[TodayItem]:
        import numpy as np

        if not rows:
            return []
        day = today.toordinal()
        lapse = float(self.ctx.settings.lapse_days)
        # Column-wise: positional access to plain tuples is what keeps 15k rows fast.
        (ids, customer_ids, reasons, dues, snoozes, notes, names, phones_, statuses, last_ats,
         firsts, lasts, counts, pdays, totals, gaps) = zip(*rows, strict=True)
        count_a = np.array(counts, float)
        bought = count_a > 0
        first = np.where(bought, np.array([f or day for f in firsts], float), day)
        last = np.where(bought, np.minimum(np.array([d or day for d in lasts], float), day - 1), day)
        x, t_x, T = history_arrays(np.column_stack(
            [np.array([d or 0 for d in pdays], float), first, last, np.full(len(rows), day)]))
        gap = np.array([g or lapse for g in gaps], float)
        yearly = np.where(bought, np.array(totals, float) / np.maximum(day - first, 90.0) * 365, 0)
        overdue = np.where(bought, np.maximum(0, np.floor(day - last - gap)), 0)
        alive = np.full(len(rows), np.nan)
        expected = np.full(len(rows), np.nan)
        if model.params is not None:
            repeat = x > 0
            alive = np.where(repeat, churn_model.p_alive(model.params, x, t_x, T), np.nan)
            expected = np.where(repeat, churn_model.expected_purchases(
                model.params, HORIZON_DAYS, x, t_x, T), np.nan)
        # Who comes first: docs/figures.md, "Who comes first on Today".
        score = yearly * np.where(np.isnan(alive), 1.0, alive) * (1 + np.minimum(overdue / gap, 3.0))
        yearly_l, overdue_l = yearly.astype(int).tolist(), overdue.astype(int).tolist()
        score_l = score.tolist()
        alive_l = [None if v != v else v for v in alive.tolist()]
        expected_l = [None if v != v else v for v in expected.tolist()]
        items = []
        for i in range(len(rows)):
            reason = reasons[i]
            tier = DRIFTING if reason in ("at_risk", "lapsed") else (
                BIRTHDAY if reason == "birthday" else PROMISED)
            call = last_calls.get(customer_ids[i])
            items.append(TodayItem(
                ids[i], customer_ids[i], names[i], phones_[i], reason, snoozes[i] or dues[i],
                notes[i], _STATUSES[statuses[i]], last_ats[i],
                f"{labels.outcome(call[0])}, {call[1]:%d.%m.%Y}" if call else "",
                alive_l[i], expected_l[i], yearly_l[i], overdue_l[i], score_l[i], tier, today,
                counts[i], lasts[i], gaps[i]))
        # Tier first; drifting customers by score, planned calls and birthdays by date.
        tiers = np.array([it.tier for it in items])
        scores = np.array([it.score for it in items])
        dues = np.array([it.due_on.toordinal() for it in items], float)
        order = np.lexsort((-scores, np.where(tiers == DRIFTING, -scores, dues), tiers))
        return [items[i] for i in order.tolist()]
