"""Call reminders: made automatically for customers drifting away and for birthdays, by hand
for promised calls; snoozed, dismissed or done.

Generation is idempotent: it looks at what is already open before adding anything, so running
it at start-up and every hour never doubles a reminder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, exists, extract, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session

from retainer.db import queries
from retainer.db.models import Contact, Customer, Reminder
from retainer.events import REMINDERS, Change
from retainer.i18n import tr
from retainer.rules.dates import format_day_month
from retainer.rules.status import Status
from retainer.rules.validation import ValidationError
from retainer.services.base import Context
from retainer.services.customers import NotFound
from retainer.services.undo import UndoStep

AUTOMATIC = ("at_risk", "lapsed")
WAITING = ("open", "snoozed")


@dataclass(frozen=True)
class Generated:
    drifting: int
    birthdays: int

    @property
    def total(self) -> int:
        return self.drifting + self.birthdays


@dataclass(frozen=True)
class Birthday:
    customer_id: int
    upcoming: date  # the birthday itself
    due_on: date    # the day to call: birthday_days_ahead before it, or today


CHUNK = 5000  # ids per query: well inside SQLite's and PostgreSQL's parameter limits
ID_SLICE = 10_000  # customers looked at by one statement of the reminders' generation


def due_condition(today: date):
    """Reminders to act on today: open and due, or snoozed until today or earlier."""
    return or_(
        and_(Reminder.state == "open", Reminder.due_on <= today),
        and_(Reminder.state == "snoozed", Reminder.snoozed_until <= today),
    )


def birthday_in(year: int, born: date) -> date:
    try:
        return born.replace(year=year)
    except ValueError:  # 29 February outside a leap year
        return date(year, 2, 28)


class ReminderService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # Generation -----------------------------------------------------------------------------
    def generate(self, as_of: date | None = None,
                 give_way: Callable[[], None] | None = None) -> Generated:
        """Make today's reminders: customers drifting away, and birthdays coming.

        The drifting ones are found and inserted by SQL alone, so no row travels through
        Python, a slice of customer ids at a time; between slices ``give_way`` lets the
        window's own reads (a search being typed) go first. Then the tiers are looked at
        again, then the birthdays are made. Interrupted at close, the step under way rolls
        back, and the next start does it again."""
        today = as_of or self.ctx.today()
        now = self.ctx.now()
        drifting = 0
        with self.ctx.write() as session:
            last = session.execute(select(func.max(Customer.id))).scalar() or 0
            for low in range(0, last, ID_SLICE):
                found = self._drifting(today, low, low + ID_SLICE)
                made = session.execute(insert(Reminder).from_select(
                    ["customer_id", "reason", "due_on", "state", "created_at"],
                    select(found.c.id, found.c.status, literal(today), literal("open"),
                           literal(now))))
                drifting += max(made.rowcount or 0, 0)
                if give_way is not None:
                    give_way()
        from retainer.services.loyalty import LoyaltyService

        LoyaltyService(self.ctx).settle_all(give_way)  # tenure reached overnight: a tier, a reminder
        # The birthdays after the tiers, so that a greeting carries the tier held today, on a
        # base's first morning (when the default tiers are made) as on any other.
        with self.ctx.write() as session:
            birthdays = self._make_birthdays(session, today, now)
        result = Generated(drifting, birthdays)
        if result.total:
            self.ctx.announce(Change.of(REMINDERS))
        return result

    def _make_birthdays(self, session: Session, today: date, now: datetime) -> int:
        due = self.birthdays(session, today)
        have = self._birthday_reminders(session, [b.customer_id for b in due])
        offers = _tier_offers(session, [b.customer_id for b in due])
        rows = [{"customer_id": b.customer_id, "due_on": b.due_on, "reason": "birthday",
                 "state": "open", "created_at": now,
                 "note": tr("Birthday on {date}").format(date=format_day_month(b.upcoming))
                 + offers.get(b.customer_id, "")}
                for b in due if not any(b.upcoming - timedelta(days=300) < on <= b.upcoming
                                        for on in have.get(b.customer_id, ()))]
        if rows:
            session.execute(insert(Reminder), rows)
        return len(rows)

    def _drifting(self, today: date, above: int, up_to: int):
        """(id, status) of the customers drifting away who should be called today, among the
        ids in (above, up_to]."""
        s = self.ctx.settings
        status = queries.status_expr(today, s.lapse_days, s.risk_factor)
        quiet_since = datetime.combine(today - timedelta(days=s.cooldown_days), datetime.min.time())
        waiting = exists().where(Reminder.customer_id == Customer.id,
                                 Reminder.reason.in_(AUTOMATIC), Reminder.state.in_(WAITING))
        recently_called = exists().where(Contact.customer_id == Customer.id,
                                         Contact.contacted_at >= quiet_since)
        # A reminder closed lately (called, or dismissed by the owner) restarts the cadence too.
        recently_closed = exists().where(Reminder.customer_id == Customer.id,
                                         Reminder.reason.in_(AUTOMATIC),
                                         Reminder.closed_at >= quiet_since)
        return select(Customer.id, status.label("status")).where(
            Customer.id > above, Customer.id <= up_to,
            Customer.deleted_at.is_(None), Customer.lost_at.is_(None),
            Customer.do_not_call.is_(False), Customer.purchase_count > 0,
            status.in_((Status.AT_RISK.value, Status.LAPSED.value)),
            Customer.last_purchase_day >= today.toordinal() - s.winback_days,
            ~waiting, ~recently_called, ~recently_closed,
        ).subquery()

    def birthdays(self, session: Session, today: date) -> list[Birthday]:
        """The birthdays to call about on ``today``, within the days ahead of the settings."""
        ahead = self.ctx.settings.birthday_days_ahead
        if ahead <= 0:
            return []
        horizon = today + timedelta(days=ahead)
        months = {today.month, horizon.month}
        candidates = session.execute(
            select(Customer.id, Customer.birthday).where(
                Customer.birthday.is_not(None), Customer.deleted_at.is_(None),
                Customer.lost_at.is_(None), Customer.do_not_call.is_(False),
                extract("month", Customer.birthday).in_(months))
        ).all()
        found = []
        for cid, born in candidates:
            upcoming = birthday_in(today.year, born)
            if upcoming < today:
                upcoming = birthday_in(today.year + 1, born)
            if upcoming <= horizon:
                found.append(Birthday(cid, upcoming, max(today, upcoming - timedelta(days=ahead))))
        return found

    def _birthday_reminders(self, session: Session, ids: list[int]) -> dict[int, list[date]]:
        """The days of the birthday reminders these customers have already."""
        have: dict[int, list[date]] = {}
        for start in range(0, len(ids), CHUNK):
            for cid, on in session.execute(select(Reminder.customer_id, Reminder.due_on).where(
                    Reminder.customer_id.in_(ids[start:start + CHUNK]), Reminder.reason == "birthday")):
                have.setdefault(cid, []).append(on)
        return have

    # By hand --------------------------------------------------------------------------------
    def add(self, customer_id: int, due_on: date, note: str = "", reason: str = "manual") -> int:
        if due_on < self.ctx.today():
            raise ValidationError({"due_on": tr("The reminder date is in the past.")})
        with self.ctx.write() as session:
            if session.get(Customer, customer_id) is None:
                raise NotFound(tr("This customer no longer exists."))
            reminder = Reminder(customer_id=customer_id, due_on=due_on, reason=reason,
                                state="open", note=note.strip() or None, created_at=self.ctx.now())
            session.add(reminder)
            session.flush()
            rid = reminder.id
        self.ctx.undo.push(UndoStep(tr("Undo new reminder"), lambda s: _drop(s, [rid])))
        self.ctx.announce(Change.of(REMINDERS, customer_ids=[customer_id]))
        return rid

    def snooze(self, ids: list[int], until: date) -> int:
        if until <= self.ctx.today():
            raise ValidationError({"until": tr("Snooze until a day after today.")})
        return self._change(ids, tr("Undo snooze"), state="snoozed", snoozed_until=until)

    def dismiss(self, ids: list[int]) -> int:
        return self._change(ids, tr("Undo dismiss"), state="dismissed", closed_at=self.ctx.now(),
                            closed_by="user")

    def _change(self, ids: list[int], label: str, **values) -> int:
        fields = ("state", "snoozed_until", "closed_at", "closed_by")
        with self.ctx.write() as session:
            rows = session.scalars(select(Reminder).where(Reminder.id.in_(ids),
                                                          Reminder.state.in_(WAITING))).all()
            before = [(r.id, *(getattr(r, f) for f in fields)) for r in rows]
            for r in rows:
                for key, value in values.items():
                    setattr(r, key, value)
            customers = [r.customer_id for r in rows]

        def revert(s: Session) -> Change:
            for rid, *old in before:
                s.execute(update(Reminder).where(Reminder.id == rid)
                          .values(dict(zip(fields, old, strict=True))))
            return Change.of(REMINDERS, customer_ids=customers)

        if before:
            self.ctx.undo.push(UndoStep(label, revert))
            self.ctx.announce(Change.of(REMINDERS, customer_ids=customers))
        return len(before)


def close_automatic_on_purchase(session: Session, customer_id: int, when: datetime) -> int:
    """A purchase answers the question an at-risk or lapsed reminder was asking."""
    result = session.execute(
        update(Reminder)
        .where(Reminder.customer_id == customer_id, Reminder.reason.in_(AUTOMATIC),
               Reminder.state.in_(WAITING))
        .values(state="done", closed_at=when, closed_by="purchase")
    )
    return result.rowcount or 0


def _drop(session: Session, ids: list[int]) -> Change:
    rows = session.scalars(select(Reminder).where(Reminder.id.in_(ids))).all()
    for r in rows:
        session.delete(r)
    return Change.of(REMINDERS, customer_ids=[r.customer_id for r in rows])


def _tier_offers(session: Session, customer_ids: list[int]) -> dict[int, str]:
    """A birthday greets with the tier's offer: " — Gold: 10 % off" by customer."""
    from retainer.services.loyalty import discount_text, tier_names

    tiers = tier_names(session)
    if not tiers or not customer_ids:
        return {}
    found = session.execute(select(Customer.id, Customer.tier_id).where(
        Customer.id.in_(customer_ids), Customer.tier_id.is_not(None)))
    return {cid: tr(" — {tier}: {discount} off").format(
        tier=tiers[t].tier.name, discount=discount_text(tiers[t].tier))
        for cid, t in found if t in tiers and tiers[t].tier.discount_percent}
