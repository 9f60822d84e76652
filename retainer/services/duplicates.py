"""Duplicates: two cards of one person, found and merged into one, undoably.

Likely duplicates are two customers outside the trash with the same phone number (stored in
one international form, so "8 916 123-45-67" and "+7 916 1234567" are one number), the same
e-mail, or similar names (the same words in any order, or a spelling a letter or two apart)
with the same birthday or in the same city.

A merge keeps one card and chooses, field by field, whose value it keeps; the phones and tags
of both are kept. Every purchase, contact, feedback, reminder, tier change, message and
referral of the other card moves to the kept one, opening histories add up, the summary
figures and the tier are worked out again, and the other card goes to the trash, empty.
Ctrl+Z moves everything back.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select, update

from retainer.db.models import (
    Contact,
    Customer,
    CustomerPhone,
    Feedback,
    OutreachMember,
    Purchase,
    Reminder,
    TierChange,
)
from retainer.events import CONTACTS, CUSTOMERS, FEEDBACK, PURCHASES, REMINDERS, Change
from retainer.i18n import tr
from retainer.services import loyalty
from retainer.services.base import Context
from retainer.services.customers import _apply, _clean_of, _load
from retainer.services.summary import refresh_purchase_summary
from retainer.services.undo import UndoStep

# The fields chosen one by one; phones and tags are always both kept.
FIELDS = ("name", "email", "birthday", "city", "address", "card_number", "source",
          "referred_by_id", "consent_to_messages", "do_not_call", "notes")
SAME_PHONE, SAME_EMAIL, NAME_BIRTHDAY, NAME_CITY = "phone", "email", "name_birthday", "name_city"
SIMILAR = 0.85  # difflib's ratio of two names, words sorted, at or above which they look alike
MOVED = (Purchase, Contact, Reminder, Feedback, TierChange)
_OPENING = ("opening_count", "opening_spent_cents", "opening_first_day", "opening_last_day")


def reason_text(code: str) -> str:
    return {SAME_PHONE: tr("the same phone number"), SAME_EMAIL: tr("the same e-mail"),
            NAME_BIRTHDAY: tr("a similar name and the same birthday"),
            NAME_CITY: tr("a similar name in the same city")}.get(code, code)


class MergeProblem(ValueError):
    """A merge that cannot be made, in plain words."""


@dataclass(frozen=True)
class Side:
    """One card of a likely pair, as the side-by-side review shows it."""

    id: int
    values: dict  # FIELDS -> the stored value
    phones: list[str]
    tags: list[str]
    purchases: int
    spent_cents: int
    last_purchase: date | None


@dataclass(frozen=True)
class Pair:
    first: Side   # the one with more purchases (then the older card): kept by default
    second: Side
    reason: str


def name_key(name: str) -> str:
    """A name for comparing: its words casefolded and sorted, "ё" read as "е"."""
    return " ".join(sorted(name.casefold().replace("ё", "е").split()))


def starts(key: str) -> tuple[str, ...]:
    """The first two letters of each word of a name key: names compared in a city share them."""
    return tuple(sorted(word[:2] for word in key.split()))


def similar(a: str, b: str) -> bool:
    return keys_alike(name_key(a), name_key(b))


def keys_alike(ka: str, kb: str) -> bool:
    """Two name keys alike: equal, or difflib's ratio at least SIMILAR (its cheap upper
    bounds first, as a block of a city compares thousands of pairs)."""
    if ka == kb:
        return True
    if 2 * min(len(ka), len(kb)) < SIMILAR * (len(ka) + len(kb)):
        return False
    matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    return (matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR
            and matcher.ratio() >= SIMILAR)


def _side(c: Customer) -> Side:
    return Side(c.id, {f: getattr(c, f) for f in FIELDS}, [p.number for p in c.phones],
                sorted((t.name for t in c.tags), key=str.casefold), c.purchase_count or 0,
                c.total_spent_cents or 0,
                date.fromordinal(c.last_purchase_day) if c.last_purchase_day else None)


class DuplicateService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def find(self, limit: int = 500) -> list[Pair]:
        """Likely duplicates, the surest first (phone, e-mail, then names), each pair once."""
        alive = (Customer.deleted_at.is_(None), Customer.erased_at.is_(None))
        found: dict[tuple[int, int], str] = {}

        def add(a: int, b: int, reason: str) -> None:
            key = (min(a, b), max(a, b))
            if a != b and key not in found:
                found[key] = reason

        with self.ctx.read() as session:
            by_phone: dict[str, list[int]] = defaultdict(list)
            shared = select(CustomerPhone.number).join(Customer).where(*alive) \
                .group_by(CustomerPhone.number) \
                .having(func.count(func.distinct(CustomerPhone.customer_id)) > 1)
            for number, cid in session.execute(
                    select(CustomerPhone.number, CustomerPhone.customer_id).join(Customer)
                    .where(*alive, CustomerPhone.number.in_(shared))):
                by_phone[number].append(cid)
            for ids in by_phone.values():
                for other in ids[1:]:
                    add(ids[0], other, SAME_PHONE)
            email = func.lower(func.trim(Customer.email))
            for _e, cids in self._groups(session, email, alive, Customer.email.is_not(None),
                                         func.trim(Customer.email) != ""):
                for other in cids[1:]:
                    add(cids[0], other, SAME_EMAIL)
            people = session.execute(select(Customer.id, Customer.name, Customer.birthday,
                                            Customer.city).where(*alive)).all()
            names = [name_key(p.name) for p in people]
            for key_of, reason in ((lambda p: p.birthday, NAME_BIRTHDAY),
                                   (lambda p: (p.city or "").strip().casefold() or None, NAME_CITY)):
                blocks: dict = defaultdict(list)
                for p, name in zip(people, names, strict=True):
                    key = key_of(p)
                    if key is not None:
                        # In a city, only names whose words begin with the same two
                        # letters are compared: a city holds thousands, a birthday a few.
                        block = (key, starts(name)) if reason == NAME_CITY else key
                        blocks[block].append((p.id, name))
                for group in blocks.values():
                    for i, (a, ka) in enumerate(group):
                        for b, kb in group[i + 1:]:
                            if keys_alike(ka, kb):
                                add(a, b, reason)
            order = [SAME_PHONE, SAME_EMAIL, NAME_BIRTHDAY, NAME_CITY]
            chosen = sorted(found.items(), key=lambda kv: (order.index(kv[1]), kv[0]))[:limit]
            ids = {i for (a, b), _r in chosen for i in (a, b)}
            cards = {c.id: c for c in session.scalars(select(Customer).where(Customer.id.in_(ids)))} \
                if ids else {}
            pairs = []
            for (a, b), reason in chosen:
                first, second = sorted((cards[a], cards[b]),
                                       key=lambda c: (-(c.purchase_count or 0), c.created_at, c.id))
                pairs.append(Pair(_side(first), _side(second), reason))
        return pairs

    @staticmethod
    def _groups(session, key, alive, *where):
        rows = session.execute(select(key, Customer.id).where(*alive, *where)
                               .order_by(Customer.id)).all()
        groups: dict = defaultdict(list)
        for k, cid in rows:
            groups[k].append(cid)
        return [(k, v) for k, v in groups.items() if len(v) > 1]

    def merge(self, keep_id: int, other_id: int, take: set[str] = frozenset()) -> str:
        """Merge ``other_id`` into ``keep_id``, taking the fields in ``take`` from the other
        card. Returns the kept name. Refused (:class:`MergeProblem`) for a customer with
        themselves, or with one in the trash or erased. Undoable."""
        if keep_id == other_id:
            raise MergeProblem(tr("A customer cannot be merged with themselves: choose two "
                                  "different cards."))
        unknown = set(take) - set(FIELDS)
        if unknown:
            raise ValueError(f"no field {sorted(unknown)}")
        now = self.ctx.now()
        with self.ctx.write() as session:
            keep, other = _load(session, keep_id), _load(session, other_id)
            for c in (keep, other):
                if c.deleted_at is not None or c.erased_at is not None:
                    raise MergeProblem(tr("{name} is in the trash: restore them first, then "
                                          "merge.").format(name=c.name))
            kept_before, other_before = _clean_of(keep), _clean_of(other)
            opening_before = {f: (getattr(keep, f), getattr(other, f)) for f in _OPENING}
            merged = replace(kept_before, **{f: getattr(other_before, f) for f in take})
            numbers = list(kept_before.phones)
            numbers += [n for n in other_before.phones if n not in numbers]
            tags = list(kept_before.tags)
            tags += [t for t in other_before.tags if t.casefold() not in {x.casefold() for x in tags}]
            referred = merged.referred_by_id
            merged = replace(merged, phones=numbers, tags=tags,
                             do_not_call=kept_before.do_not_call or other_before.do_not_call,
                             referred_by_id=None if referred in (keep_id, other_id) else referred)
            if "card_number" in take:  # a card number is one customer's: free it first
                other.card_number = None
                session.flush()
            moved = {}
            for model in MOVED:
                moved[model] = list(session.scalars(select(model.id).where(
                    model.customer_id == other_id)))
                if moved[model]:
                    session.execute(update(model).where(model.id.in_(moved[model]))
                                    .values(customer_id=keep_id))
            both = select(OutreachMember.outreach_id).where(OutreachMember.customer_id == keep_id)
            messages = list(session.scalars(select(OutreachMember.outreach_id).where(
                OutreachMember.customer_id == other_id, OutreachMember.outreach_id.not_in(both))))
            if messages:
                session.execute(update(OutreachMember).where(
                    OutreachMember.customer_id == other_id,
                    OutreachMember.outreach_id.in_(messages)).values(customer_id=keep_id))
            referrals = list(session.scalars(select(Customer.id).where(
                Customer.referred_by_id == other_id, Customer.id != keep_id)))
            if referrals:
                session.execute(update(Customer).where(Customer.id.in_(referrals))
                                .values(referred_by_id=keep_id))
            keep.opening_count = (keep.opening_count or 0) + (other.opening_count or 0)
            keep.opening_spent_cents = (keep.opening_spent_cents or 0) + (other.opening_spent_cents or 0)
            firsts = [d for d in (keep.opening_first_day, other.opening_first_day) if d]
            lasts = [d for d in (keep.opening_last_day, other.opening_last_day) if d]
            keep.opening_first_day, keep.opening_last_day = (min(firsts, default=None),
                                                             max(lasts, default=None))
            other.opening_count, other.opening_spent_cents = 0, 0
            other.opening_first_day = other.opening_last_day = None
            _apply(session, keep, merged, now)
            other.deleted_at = now
            session.flush()
            session.expire_all()
            keep, other = _load(session, keep_id), _load(session, other_id)
            refresh_purchase_summary(session, keep)
            refresh_purchase_summary(session, other)
            moves = loyalty.settle(session, now, [keep_id, other_id])
            kept_name, other_name = keep.name, other_before.name
        ids = [keep_id, other_id]

        def revert(s) -> Change:
            loyalty.undo_moves(s, moves)
            for model, row_ids in moved.items():
                if row_ids:
                    s.execute(update(model).where(model.id.in_(row_ids)).values(customer_id=other_id))
            if messages:
                s.execute(update(OutreachMember).where(
                    OutreachMember.customer_id == keep_id,
                    OutreachMember.outreach_id.in_(messages)).values(customer_id=other_id))
            if referrals:
                s.execute(update(Customer).where(Customer.id.in_(referrals))
                          .values(referred_by_id=other_id))
            kept, gone = _load(s, keep_id), _load(s, other_id)
            _apply(s, kept, kept_before, self.ctx.now())
            s.flush()
            _apply(s, gone, other_before, self.ctx.now())
            gone.deleted_at = None
            for f, (k, o) in opening_before.items():
                setattr(kept, f, k)
                setattr(gone, f, o)
            s.flush()
            refresh_purchase_summary(s, kept)
            refresh_purchase_summary(s, gone)
            return Change.of(CUSTOMERS, PURCHASES, CONTACTS, REMINDERS, FEEDBACK, customer_ids=ids)

        self.ctx.undo.push(UndoStep(tr("Undo merging {other} into {kept}").format(
            other=other_name, kept=kept_name), revert))
        self.ctx.announce(Change.of(CUSTOMERS, PURCHASES, CONTACTS, REMINDERS, FEEDBACK,
                                    customer_ids=ids))
        return kept_name
