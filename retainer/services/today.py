"""The Today list: due reminders, most worth calling first, with the reasons in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select

from retainer.db import queries
from retainer.db.models import Contact, Customer, Reminder
from retainer.i18n import decimal, grouped, percent, tr
from retainer.rules import churn_model, labels
from retainer.rules.dates import format_date, format_day_month
from retainer.rules.money import format_amount
from retainer.rules.status import PurchaseRhythm, Status, status_reason
from retainer.services.base import Context
from retainer.services.radar import HORIZON_DAYS, ModelState, RadarService, history_arrays
from retainer.services.reminders import AUTOMATIC, due_condition

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
            parts.append(tr("{p} likely still a customer").format(p=percent(self.p_alive)))
            parts.append(tr("{n} purchases expected in 90 days").format(
                n=decimal(self.expected_purchases)))
        elif not model_fitted:
            parts.append(tr("too little history yet to estimate who is still a customer"))
        if self.overdue_days:
            parts.append(tr("%Ln days past their usual rhythm", "", self.overdue_days))
        return "; ".join(parts) + ". " + tr("Higher spend, a better chance they are still yours "
                                             "and a longer delay put a customer higher.")


@dataclass(frozen=True)
class TodayList:
    items: list[TodayItem]
    as_of: date
    model: ModelState
    buying_customers: int  # customers with at least one purchase (counted when nothing is due)
    waiting: int = 0       # drifting customers due but beyond the day's number of calls
    daily_calls: int = 0   # the day's number of calls to drifting customers (a setting)
    called_today: int = 0  # of those, calls already logged on the day
    statuses: dict[Status, int] | None = None  # counted when nothing is shown, to say why

    @property
    def places_left(self) -> int:
        return max(0, self.daily_calls - self.called_today)


def queue_line(listing: TodayList) -> str:
    """What the day's number of calls leaves out, in one sentence; empty when nothing waits."""
    if not listing.waiting:
        return ""
    waiting = tr("%Ln more wait their turn, most worth calling first.", "", listing.waiting)
    if listing.places_left == 0:
        return " ".join((tr("Done for today: %Ln calls to customers drifting away are logged, as "
                            "many as Today holds in a day.", "", listing.called_today), waiting,
                         tr("Settings changes how many calls a day.")))
    return " ".join((tr("Today holds %Ln calls a day to customers drifting away.", "",
                        listing.daily_calls), waiting, tr("Settings changes how many.")))


def empty_reason(listing: TodayList, cooldown_days: int, winback_days: int) -> str:
    """Why nothing is on Today, from what the base really holds, and what would fill it."""
    counts = listing.statuses or {}
    total = sum(counts.values())
    prospects = counts.get(Status.PROSPECT, 0)
    drifting = counts.get(Status.AT_RISK, 0) + counts.get(Status.LAPSED, 0)
    if listing.waiting:
        return queue_line(listing)
    if total == 0:
        return tr("There are no customers yet. Import your list or add customers, with their "
                  "purchases: Retainer learns each one's rhythm and tells you who falls behind.")
    if listing.buying_customers == 0:
        return tr("None of your %Ln customers has a purchase recorded yet. Record or import "
                  "their purchases: Retainer learns each one's rhythm from them and tells you "
                  "who falls behind.", "", total)
    parts = []
    if prospects:
        parts.append(tr("{prospects} of your %Ln customers have no purchase recorded, so "
                        "Retainer cannot yet tell whether they are drifting away: import or "
                        "record their purchases.", "", total).format(prospects=grouped(prospects)))
    if drifting:
        parts.append(tr("%Ln customers are drifting away, but each was called or dismissed in "
                        "the last {cooldown}, is marked do not call, or has been silent for over "
                        "{winback}.", "", drifting).format(
                            cooldown=tr("%Ln days", "in the last …", cooldown_days),
                            winback=tr("%Ln days", "for over …", winback_days)))
    else:
        parts.append(tr("Everyone who buys is keeping to their usual pace."))
    return " ".join(parts)


class TodayService:
    def __init__(self, ctx: Context, radar: RadarService) -> None:
        self.ctx = ctx
        self.radar = radar

    def due_count(self, as_of: date | None = None) -> int:
        """How many calls Today holds: every planned call and birthday, and the drifting
        customers up to the day's number of calls."""
        today = as_of or self.ctx.today()
        drifting = Reminder.reason.in_(AUTOMATIC)
        with self.ctx.read() as session:
            planned, due_drifting = session.execute(
                select(func.count(Reminder.id).filter(~drifting), func.count(Reminder.id).filter(drifting))
                .join(Customer, Customer.id == Reminder.customer_id)
                .where(due_condition(today), Customer.deleted_at.is_(None))
            ).one()
            places = max(0, self.ctx.settings.daily_calls - _called_on(session, today))
        return planned + min(due_drifting, places)

    def today(self, as_of: date | None = None) -> TodayList:
        """The calls of ``as_of`` (default today): every planned call and birthday, then the
        drifting customers most worth a call, as many as the day's number of calls leaves
        room for after the calls already logged that day; the rest wait their turn.

        For a past day, the list Retainer would have made that morning (:meth:`as_it_was`)."""
        today = as_of or self.ctx.today()
        if today < self.ctx.today():
            return self.as_it_was(today)
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
            called = _called_on(session, today)
        model = self.radar.state()
        places = max(0, s.daily_calls - called)
        items, waiting = self._rank(rows, last_calls, today, model, places)
        statuses = None if items else self._status_counts(today)
        return TodayList(items, today, model, buying, waiting, s.daily_calls, called, statuses)

    def as_it_was(self, day: date) -> TodayList:
        """The call list of an earlier morning, from the base as it stood then: the customers
        drifting away that day (outside the quiet time after a contact, within the win-back
        days, not marked do not call), the calls planned by then and the birthdays coming,
        ranked with the model fitted on the purchases before that day."""
        from retainer.services.history import base_as_of
        from retainer.services.reminders import ReminderService

        s = self.ctx.settings
        start = datetime.combine(day, datetime.min.time())
        then = base_as_of(self.ctx, day)
        statuses = then.statuses(s.lapse_days, s.risk_factor)
        by_id = {c.id: c for c in then.customers}
        quiet_since = datetime.combine(day - timedelta(days=s.cooldown_days), datetime.min.time())
        with self.ctx.read() as session:
            contacted = set(session.scalars(select(Contact.customer_id).where(
                Contact.contacted_at >= quiet_since, Contact.contacted_at < start)))
            planned = session.execute(
                select(Reminder.id, Reminder.customer_id, Reminder.reason, Reminder.due_on, Reminder.note)
                .where(Reminder.reason.not_in((*AUTOMATIC, "birthday")), Reminder.created_at < start,
                       Reminder.due_on <= day,
                       or_(Reminder.closed_at.is_(None), Reminder.closed_at >= start))).all()
            birthdays = ReminderService(self.ctx).birthdays(session, day)
            latest = (select(Contact.customer_id, func.max(Contact.contacted_at).label("at"))
                      .where(Contact.contacted_at < start).group_by(Contact.customer_id).subquery())
            last_calls = {cid: (outcome, at) for cid, outcome, at in session.execute(
                select(Contact.customer_id, Contact.outcome, Contact.contacted_at)
                .join(latest, (latest.c.customer_id == Contact.customer_id)
                      & (latest.c.at == Contact.contacted_at)))}
            called = _called_on(session, day)

        def row(reminder_id, c, reason, due, note):
            f = c.figures
            return (reminder_id, c.id, reason, due, None, note, c.name, c.phone,
                    statuses[c.id].value, f["last_purchase_at"], f["first_purchase_day"],
                    f["last_purchase_day"], f["purchase_count"], f["purchase_days"],
                    f["total_spent_cents"], f["median_gap_days"])

        rows = [row(rid, by_id[cid], reason, due, note) for rid, cid, reason, due, note in planned
                if cid in by_id]
        rows += [row(0, by_id[b.customer_id], "birthday", b.due_on,
                     tr("Birthday on {date}").format(date=format_day_month(b.upcoming)))
                 for b in birthdays if b.customer_id in by_id]
        oldest = day.toordinal() - s.winback_days
        rows += [row(0, c, statuses[c.id].value, day, None) for c in then.customers
                 if statuses[c.id] in (Status.AT_RISK, Status.LAPSED) and not c.lost
                 and not c.do_not_call and c.id not in contacted
                 and c.figures["last_purchase_day"] >= oldest]
        model = self.radar.state_as_of(day)
        items, waiting = self._rank(rows, last_calls, day, model, max(0, s.daily_calls - called))
        counts = None if items else then.status_counts(s.lapse_days, s.risk_factor)
        return TodayList(items, day, model, len(then.buyers), waiting, s.daily_calls, called, counts)

    def _status_counts(self, today: date) -> dict[Status, int]:
        s = self.ctx.settings
        with self.ctx.read() as session:
            return queries.status_counts(session, today, s.lapse_days, s.risk_factor)

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
        return write_table(path, tr("Calls {date}").format(date=format_date(listing.as_of)),
                           "CallList", columns, rows, self.ctx.settings.currency)

    def _rank(self, rows, last_calls, today: date, model: ModelState,
              places: int) -> tuple[list[TodayItem], int]:
        """The items to show, in order, and how many drifting customers wait beyond ``places``."""
        import numpy as np

        if not rows:
            return [], 0
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
        tiers = np.array([DRIFTING if r in AUTOMATIC else BIRTHDAY if r == "birthday" else PROMISED
                          for r in reasons])
        due_days = np.array([(u or d).toordinal() for u, d in zip(snoozes, dues, strict=True)], float)
        # Tier first; drifting customers by score, planned calls and birthdays by date.
        order = np.lexsort((-score, np.where(tiers == DRIFTING, -score, due_days), tiers))
        drifting = tiers[order] == DRIFTING
        shown = order[~drifting | (np.cumsum(drifting) <= places)]
        waiting = int(drifting.sum()) - int((tiers[shown] == DRIFTING).sum())
        items = []
        for i in shown.tolist():  # objects only for the rows shown: a day's calls, not 15k
            call = last_calls.get(customer_ids[i])
            items.append(TodayItem(
                ids[i], customer_ids[i], names[i], phones_[i], reasons[i], snoozes[i] or dues[i],
                notes[i], _STATUSES[statuses[i]], last_ats[i],
                f"{labels.outcome(call[0])}, {call[1]:%d.%m.%Y}" if call else "",
                None if alive[i] != alive[i] else float(alive[i]),
                None if expected[i] != expected[i] else float(expected[i]),
                int(yearly[i]), int(overdue[i]), float(score[i]), int(tiers[i]), today,
                counts[i], lasts[i], gaps[i]))
        return items, waiting


def _called_on(session, day: date) -> int:
    """Calls logged on ``day`` to customers on Today for drifting away (each uses a place)."""
    start = datetime.combine(day, datetime.min.time())
    end = datetime.combine(date.fromordinal(day.toordinal() + 1), datetime.min.time())
    return session.execute(
        select(func.count(func.distinct(Reminder.id)))
        .join(Contact, Contact.id == Reminder.contact_id)
        .where(Reminder.reason.in_(AUTOMATIC), Contact.contacted_at >= start,
               Contact.contacted_at < end)).scalar_one()
