"""Loyalty tiers in the base: the shop's tiers, each customer's tier kept right, its changes.

The rules are rules/loyalty.py; here they meet the base. Each customer's tier is stored
(``customers.tier_id``) so the list sorts and filters by it and a change is noticed: every
change is logged on the card (``tier_changes``), and a customer who moves up by buying, or by
having been with the shop long enough, gets a reminder to be told ("Tell Anna: now Gold,
10 % off"). A new base starts with the default tiers; an upgraded one gets them on its first
day with this version, once, so tiers the owner deleted stay deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session

from retainer.db.models import Customer, LoyaltyTier, Reminder, Setting, TierChange
from retainer.events import CUSTOMERS, REMINDERS, SETTINGS, Change
from retainer.i18n import decimal, tr
from retainer.rules.loyalty import Tier, defaults, problems
from retainer.services.base import Context
from retainer.services.undo import UndoStep

MADE = "loyalty_tiers_made"  # a settings key: the default tiers were put in once


@dataclass(frozen=True)
class StoredTier:
    id: int
    tier: Tier


@dataclass(frozen=True)
class Move:
    """One customer's tier change, with what undoing it needs."""
    customer_id: int
    from_id: int | None
    to_id: int | None
    change_id: int
    reminder_id: int | None = None


def discount_text(tier: Tier) -> str:
    return decimal(tier.discount_percent, 0 if tier.discount_percent == int(tier.discount_percent)
                   else 1) + "\u00a0%"


def stored(session: Session) -> list[StoredTier]:
    rows = session.scalars(select(LoyaltyTier).order_by(LoyaltyTier.position, LoyaltyTier.id))
    return [StoredTier(r.id, Tier(r.name, r.discount_percent or 0.0, r.min_total_spent_cents,
                                  r.min_purchases, r.min_tenure_days)) for r in rows]


def make_defaults_once(session: Session) -> bool:
    """The default tiers, if this base never had any; True when they were made now."""
    if session.get(Setting, MADE) is not None:
        return False
    session.add(Setting(key=MADE, value="1"))
    if session.execute(select(func.count()).select_from(LoyaltyTier)).scalar():
        return False
    write_tiers(session, defaults())
    return True


def write_tiers(session: Session, tiers: list[Tier]) -> dict[int, str]:
    """Put these tiers (lowest first) in place of the shop's. A tier keeps its row, and so its
    customers, when its name is kept, or when it is renamed in its place. Returns the names
    the tiers had, by id, for the log; customers' tiers are settled after."""
    before = session.scalars(select(LoyaltyTier).order_by(LoyaltyTier.position,
                                                          LoyaltyTier.id)).all()
    names = {row.id: row.name for row in before}
    by_name = {row.name.casefold(): row for row in before}
    rows: list[LoyaltyTier | None] = [by_name.pop(t.name.strip().casefold(), None) for t in tiers]
    free = [row for row in before if row.name.casefold() in by_name]
    for position, row in enumerate(rows):  # a renamed tier: the unused row in its place
        if row is None and position < len(before) and before[position] in free:
            rows[position] = before[position]
            free.remove(before[position])
    for row in before:  # names may move between rows: each is unique, so first set aside
        row.name = f"#moving {row.id}#"
    session.flush()
    for position, (t, row) in enumerate(zip(tiers, rows, strict=True)):
        row = row or LoyaltyTier()
        row.name, row.discount_percent = t.name.strip(), t.discount_percent
        row.min_total_spent_cents, row.min_purchases = t.min_spent_cents, t.min_purchases
        row.min_tenure_days, row.position = t.min_tenure_days, position
        session.add(row)
    for row in free:
        session.delete(row)
    session.flush()
    return names


def condition(tier: Tier, today: date) -> ColumnElement[bool]:
    """The tier's rule over the summary figures, in SQL (the same as rules.loyalty.meets)."""
    parts = []
    if tier.min_spent_cents is not None:
        parts.append(Customer.total_spent_cents >= tier.min_spent_cents)
    if tier.min_purchases is not None:
        parts.append(Customer.purchase_count >= tier.min_purchases)
    if tier.min_tenure_days is not None:
        parts.append(Customer.first_purchase_day <= today.toordinal() - tier.min_tenure_days)
    return and_(*parts) if parts else literal(False)


def tier_expr(tiers: list[StoredTier], today: date) -> ColumnElement:
    """The id of the highest tier each customer meets, or NULL."""
    if not tiers:
        return literal(None, Integer)  # typed, so PostgreSQL may compare it with tier_id
    return case(*((condition(t.tier, today), t.id) for t in reversed(tiers)), else_=None)


def placed(session: Session, tiers: list[Tier], today: date) -> list[int]:
    """How many customers (outside the trash) each of these tiers would hold."""
    if not tiers:
        return []
    index = case(*((condition(t, today), i) for i, t in reversed(list(enumerate(tiers)))),
                 else_=None).label("tier")
    rows = session.execute(select(index, func.count()).where(
        Customer.deleted_at.is_(None), Customer.erased_at.is_(None)).group_by(index))
    counts = {i: n for i, n in rows if i is not None}
    return [counts.get(i, 0) for i in range(len(tiers))]


MOVES_AT_ONCE = 500  # tier changes written between two turns of giving way to the window


def settle(session: Session, now: datetime, customer_ids: list[int] | None = None,
           remind: bool = False, names: dict[int, str] | None = None,
           give_way: Callable[[], None] | None = None) -> list[Move]:
    """Put customers (these, or all) in the tier their figures give; log each change, and with
    ``remind`` give a reminder for each move up. ``names`` are the tiers' names before they
    were rewritten. Returns the moves, for an undo.

    The changes are written a few hundred at a time, with ``give_way`` between: a base's
    first day moves every customer into a tier, which is seconds of work in Python that a
    search typed meanwhile should not wait behind."""
    tiers = stored(session)
    by_id = {t.id: (rank, t.tier) for rank, t in enumerate(tiers)}
    was = names if names is not None else {i: t.name for i, (_r, t) in by_id.items()}
    rule = tier_expr(tiers, now.date())
    # Who may be told: not a customer in the trash, nor one who asked not to be called.
    reachable = and_(Customer.deleted_at.is_(None), Customer.do_not_call.is_(False)).label("ok")
    # Only the customers whose tier changes come out of SQL: on a morning of 100,000
    # customers that is a handful of rows, not 100,000 made into Python objects.
    stmt = select(Customer.id, Customer.name, Customer.tier_id, rule.label("new"), reachable).where(
        Customer.erased_at.is_(None), Customer.tier_id.is_distinct_from(rule))
    if customer_ids is not None:
        stmt = stmt.where(Customer.id.in_(customer_ids))
    found = list(session.execute(stmt))
    moves: list[Move] = []
    for at in range(0, len(found), MOVES_AT_ONCE):
        if at and give_way is not None:
            give_way()
        moves += _move(session, found[at:at + MOVES_AT_ONCE], now, by_id, was, remind)
    return moves


def _move(session: Session, found: list, now: datetime, by_id: dict, was: dict[int, str],
          remind: bool) -> list[Move]:
    """Write these customers' new tiers, each change's log line and, for a move up, the
    reminder to tell the customer."""
    changed = [(r.id, r.name, r.tier_id, r.new) for r in found]
    told = {r.id for r in found if r.ok}
    customers = Customer.__table__  # the table itself: a tier is no edit of the card (version)
    session.execute(update(customers).where(customers.c.id == bindparam("cid"))
                    .values(tier_id=bindparam("to")),
                    [{"cid": cid, "to": to} for cid, _n, _o, to in changed])
    logs, reminders = [], []
    for cid, name, old, to in changed:
        logs.append({"customer_id": cid, "changed_at": now, "from_tier": was.get(old),
                     "to_tier": by_id[to][1].name if to in by_id else None})
        up = to is not None and (old not in by_id or by_id[to][0] > by_id[old][0])
        if remind and up and cid in told:
            tier = by_id[to][1]
            reminders.append({"customer_id": cid, "reason": "tier", "due_on": now.date(),
                              "state": "open", "created_at": now,
                              "note": tr("Tell {name}: now {tier}, {discount} off").format(
                                  name=name, tier=tier.name, discount=discount_text(tier))})
    # In bulk (a new set of tiers moves thousands), each row's id returned in order.
    change_ids = session.scalars(insert(TierChange).returning(
        TierChange.id, sort_by_parameter_order=True), logs).all()
    made = {}
    if reminders:
        ids = session.scalars(insert(Reminder).returning(Reminder.id, sort_by_parameter_order=True),
                              reminders).all()
        made = {r["customer_id"]: i for r, i in zip(reminders, ids, strict=True)}
    return [Move(cid, old, to, change, made.get(cid))
            for (cid, _n, old, to), change in zip(changed, change_ids, strict=True)]


def undo_moves(session: Session, moves: list[Move]) -> None:
    """Take the moves back: the tiers as they were, their log lines and reminders gone."""
    for m in moves:
        customers = Customer.__table__
        session.execute(update(customers).where(customers.c.id == m.customer_id)
                        .values(tier_id=m.from_id))
        session.execute(delete(TierChange).where(TierChange.id == m.change_id))
        if m.reminder_id is not None:
            session.execute(delete(Reminder).where(Reminder.id == m.reminder_id))


def tier_names(session: Session) -> dict[int, StoredTier]:
    return {t.id: t for t in stored(session)}


def offer(tier: Tier) -> str:
    """"Gold, 10 % off" (or the name alone for a tier without a discount)."""
    if not tier.discount_percent:
        return tier.name
    return tr("{tier}, {discount} off").format(tier=tier.name, discount=discount_text(tier))


def moves_of(session: Session, customer_id: int) -> list[TierChange]:
    """A customer's moves between tiers, newest first."""
    return list(session.scalars(select(TierChange).where(TierChange.customer_id == customer_id)
                                .order_by(TierChange.changed_at.desc(), TierChange.id.desc())))


class TierProblems(ValueError):
    """Tiers that contradict each other or are incomplete: what is wrong, by tier index."""

    def __init__(self, found: dict[int, str]) -> None:
        self.found = found
        super().__init__("; ".join(found.values()))


class LoyaltyService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def tiers(self) -> list[StoredTier]:
        with self.ctx.read() as session:
            return stored(session)

    def preview(self, tiers: list[Tier]) -> tuple[dict[int, str], list[int]]:
        """What is wrong with these tiers, and how many customers each would hold: shown in
        Settings as they are typed, before anything is saved."""
        found = problems(tiers)
        with self.ctx.read() as session:
            counts = placed(session, tiers, self.ctx.today()) if not found else []
        return found, counts

    def save(self, tiers: list[Tier]) -> int:
        """The shop's new tiers; every customer is placed again (no reminders: the rules
        changed, not the customers). Undoable. Returns how many customers changed tier."""
        found = problems(tiers)
        if found:
            raise TierProblems(found)
        now = self.ctx.now()
        with self.ctx.write() as session:
            old = [t.tier for t in stored(session)]
            moves = settle(session, now, names=write_tiers(session, tiers))

        def revert(s: Session) -> Change:
            undo_moves(s, moves)
            write_tiers(s, old)
            settle(s, self.ctx.now())
            return Change.of(CUSTOMERS, REMINDERS, SETTINGS)

        self.ctx.undo.push(UndoStep(tr("Undo the change of loyalty tiers"), revert))
        self.ctx.announce(Change.of(CUSTOMERS, SETTINGS))
        return len(moves)

    def settle_all(self, give_way: Callable[[], None] | None = None) -> int:
        """Each morning (with the reminders): the default tiers on a base's first day, and
        the customers whose tenure reached a tier overnight moved up, with a reminder.
        ``give_way`` lets the window's own reads go first between steps."""
        with self.ctx.write() as session:
            made = make_defaults_once(session)
            moves = settle(session, self.ctx.now(), remind=not made, give_way=give_way)
        if moves:
            self.ctx.announce(Change.of(CUSTOMERS, REMINDERS))
        return len(moves)

    def changes(self, customer_id: int) -> list[TierChange]:
        with self.ctx.read() as session:
            return moves_of(session, customer_id)
