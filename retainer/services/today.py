"""The Today list: due reminders, most worth calling first, with the reasons in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from retainer import churn_model, labels
from retainer.db import queries
from retainer.db.models import Contact, Customer, Reminder
from retainer.i18n import tr
from retainer.money import format_amount
from retainer.services.base import Context
from retainer.services.radar import HORIZON_DAYS, ModelState, RadarService, history_arrays
from retainer.services.reminders import due_condition
from retainer.status import PurchaseRhythm, Status, status_reason

PROMISED = 0   # calls promised by hand, call-backs, unhappy answers
BIRTHDAY = 1
DRIFTING = 2   # at risk or lapsed, ranked by value at risk


@dataclass(frozen=True)
class TodayItem:
    reminder_id: int
    customer_id: int
    name: str
    phone: str | None
    reason: str
    why: str
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
    rank_hint: str


@dataclass(frozen=True)
class TodayList:
    items: list[TodayItem]
    as_of: date
    model: ModelState
    buying_customers: int  # customers with at least one purchase


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
        last_outcome = (select(Contact.outcome).where(Contact.customer_id == Customer.id)
                        .order_by(Contact.contacted_at.desc()).limit(1).scalar_subquery())
        last_called = (select(Contact.contacted_at).where(Contact.customer_id == Customer.id)
                       .order_by(Contact.contacted_at.desc()).limit(1).scalar_subquery())
        stmt = (
            select(Reminder.id, Reminder.customer_id, Reminder.reason, Reminder.due_on,
                   Reminder.snoozed_until, Reminder.note, Customer.name, Customer.primary_phone,
                   status, Customer.last_purchase_at, Customer.first_purchase_day,
                   Customer.last_purchase_day, Customer.purchase_count, Customer.purchase_days,
                   Customer.total_spent_cents, Customer.median_gap_days,
                   last_outcome.label("last_outcome"), last_called.label("last_called"))
            .join(Customer, Customer.id == Reminder.customer_id)
            .where(due_condition(today), Customer.deleted_at.is_(None))
        )
        with self.ctx.read() as session:
            rows = session.execute(stmt).all()
            buying = session.execute(select(func.count(Customer.id)).where(
                Customer.purchase_count > 0, Customer.deleted_at.is_(None))).scalar_one()
        model = self.radar.state()
        return TodayList(self._rank(rows, today, model), today, model, buying)

    def export(self, path, as_of: date | None = None):
        """Today's call list as an Excel table: name, phone, reason, last purchase, notes."""
        from retainer import phones
        from retainer.excel.writer import DATE, PERCENT, Column, write_table

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

    def _rank(self, rows, today: date, model: ModelState) -> list[TodayItem]:
        import numpy as np

        if not rows:
            return []
        day = today.toordinal()
        s = self.ctx.settings
        bought = [r.purchase_count > 0 for r in rows]
        first = np.array([r.first_purchase_day if b else day for r, b in zip(rows, bought)], float)
        last = np.array([min(r.last_purchase_day, day - 1) if b else day for r, b in zip(rows, bought)], float)
        days = np.array([r.purchase_days or 0 for r in rows], float)
        x, t_x, T = history_arrays(np.column_stack([days, first, last, np.full(len(rows), day)]))
        p = e = None
        if model.params is not None:
            p = churn_model.p_alive(model.params, x, t_x, T)
            e = churn_model.expected_purchases(model.params, HORIZON_DAYS, x, t_x, T)
        items = []
        for i, r in enumerate(rows):
            tenure = max(day - first[i], 90.0)
            yearly = int(r.total_spent_cents / tenure * 365) if bought[i] else 0
            gap = r.median_gap_days or float(s.lapse_days)
            since = day - r.last_purchase_day if bought[i] else 0
            overdue = max(0, int(since - gap)) if bought[i] else 0
            has_model = p is not None and x[i] > 0
            alive = float(p[i]) if has_model else None
            expected = float(e[i]) if has_model else None
            if r.reason in ("at_risk", "lapsed"):
                tier = DRIFTING
            elif r.reason == "birthday":
                tier = BIRTHDAY
            else:
                tier = PROMISED
            score = yearly * (alive if alive is not None else 1.0) * (1 + min(overdue / gap, 3.0))
            rhythm = PurchaseRhythm(r.purchase_count, r.last_purchase_day, r.median_gap_days)
            status_value = Status(r.status)
            why = r.note if tier != DRIFTING and r.note else status_reason(rhythm, today, status_value)
            items.append(TodayItem(
                reminder_id=r.id, customer_id=r.customer_id, name=r.name, phone=r.primary_phone,
                reason=r.reason, why=why, due_on=r.snoozed_until or r.due_on, note=r.note,
                status=status_value, last_purchase_at=r.last_purchase_at,
                last_call=(f"{labels.outcome(r.last_outcome)}, {r.last_called:%d.%m.%Y}"
                           if r.last_outcome else ""),
                p_alive=alive, expected_purchases=expected, yearly_spend_cents=yearly,
                overdue_days=overdue, score=score, tier=tier,
                rank_hint=self._hint(tier, yearly, alive, expected, overdue, model)))
        items.sort(key=lambda it: (it.tier, -it.score if it.tier == DRIFTING else it.due_on.toordinal(),
                                   -it.score))
        return items

    def _hint(self, tier: int, yearly: int, alive: float | None, expected: float | None,
              overdue: int, model: ModelState) -> str:
        if tier == PROMISED:
            return tr("You planned this call: it comes first.")
        if tier == BIRTHDAY:
            return tr("A birthday: a short call keeps you in mind.")
        parts = [tr("Spends about {amount} a year").format(
            amount=format_amount(yearly, self.ctx.settings.currency, decimals=False))]
        if alive is not None:
            parts.append(tr("{p:.0%} likely still a customer").format(p=alive))
            parts.append(tr("{n:.1f} purchases expected in 90 days").format(n=expected))
        elif model.params is None:
            parts.append(tr("too little history yet to estimate who is still a customer"))
        if overdue:
            parts.append(tr("{days} days past their usual rhythm").format(days=overdue))
        return "; ".join(parts) + ". " + tr("Higher spend, a better chance they are still yours "
                                             "and a longer delay put a customer higher.")
