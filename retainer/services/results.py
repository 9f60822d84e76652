"""Did it work? Of the customers called or written to, how many bought again, against those who
were not (rules/results.py; docs/figures.md, "Did it work?").

Two comparisons for a period:

- **The Today list.** The drifting customers put on it in the period (a reminder for being at
  risk or lapsed, due in the period). *Reached*: a contact of any kind (a call answered or
  not, a message) from the day they were put on it until the period's end; their 30 days
  start on the day of the first such contact. *Not reached*: no contact; their 30 days
  start on the day they were put on the list.
- **Each segment's messages.** For the outreaches made in the period, by the segment they
  went to: the recipients against the customers of the segment left out (no consent, no
  phone or e-mail, contacted lately), both counted from the day of the message. An outreach
  to customers on screen that were not a saved segment is grouped under no name.

Customers in the trash are not counted; a customer erased on request is gone from both.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from retainer.db.models import Contact, Customer, Outreach, OutreachMember, Purchase, Reminder
from retainer.rules.results import WINDOW_DAYS, Comparison, came_back, group
from retainer.services.base import Context
from retainer.services.reminders import AUTOMATIC


@dataclass(frozen=True)
class SegmentResult:
    """What the messages to one segment brought in the period."""

    name: str | None          # None: messages to customers shown, not saved as a segment
    segment: object | None    # the saved segment of this name today, if there still is one
    customers_today: int | None
    outreaches: int
    comparison: Comparison    # reached: the recipients; not reached: those left out

    @property
    def segment_id(self) -> int | None:
        return None if self.segment is None else self.segment.id


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min)


def _purchase_days(session, customer_ids: set[int], first: date, last: date) -> dict[int, list[date]]:
    """Each customer's purchase days from ``first`` to ``last``, read in slices of ids."""
    days: dict[int, list[date]] = defaultdict(list)
    ids = sorted(customer_ids)
    for at in range(0, len(ids), 900):
        rows = session.execute(select(Purchase.customer_id, Purchase.day).where(
            Purchase.customer_id.in_(ids[at:at + 900]), Purchase.day >= first.toordinal(),
            Purchase.day <= last.toordinal()))
        for customer_id, day in rows:
            days[customer_id].append(date.fromordinal(day))
    return days


class ResultsService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def today_list(self, start: date, end: date) -> Comparison:
        """The drifting customers put on Today in [start, end): reached against not."""
        today = self.ctx.today()
        with self.ctx.read() as session:
            listed = dict(session.execute(
                select(Reminder.customer_id, func.min(Reminder.due_on))
                .join(Customer, Customer.id == Reminder.customer_id)
                .where(Reminder.reason.in_(AUTOMATIC), Reminder.due_on >= start,
                       Reminder.due_on < end, Customer.deleted_at.is_(None))
                .group_by(Reminder.customer_id)).all())
            if not listed:
                return Comparison(group([]), group([]))
            first_contact: dict[int, date] = {}
            ids = sorted(listed)
            for at in range(0, len(ids), 900):
                rows = session.execute(select(Contact.customer_id, Contact.contacted_at).where(
                    Contact.customer_id.in_(ids[at:at + 900]),
                    Contact.contacted_at >= _midnight(start), Contact.contacted_at < _midnight(end)))
                for customer_id, when in rows:
                    day = when.date()
                    if day >= listed[customer_id] and day < first_contact.get(customer_id, date.max):
                        first_contact[customer_id] = day
            bought = _purchase_days(session, set(listed), start,
                                    end + timedelta(days=WINDOW_DAYS))
        reached, not_reached = [], []
        for customer_id, on_list in listed.items():
            if customer_id in first_contact:
                reached.append(came_back(first_contact[customer_id], bought[customer_id], today))
            else:
                not_reached.append(came_back(on_list, bought[customer_id], today))
        return Comparison(group(reached), group(not_reached))

    def segments(self, start: date, end: date, saved=None) -> list[SegmentResult]:
        """The outreaches made in [start, end), by segment. ``saved``: the saved segments with
        their counts today (services.saved_segments.counts); each one is listed, messaged in
        the period or not, so that the Dashboard names them all."""
        today = self.ctx.today()
        with self.ctx.read() as session:
            outreaches = session.execute(select(Outreach.id, Outreach.made_at, Outreach.segment_name)
                                         .where(Outreach.made_at >= _midnight(start),
                                                Outreach.made_at < _midnight(end))).all()
            members = session.execute(
                select(OutreachMember.outreach_id, OutreachMember.customer_id,
                       OutreachMember.left_out)
                .join(Outreach, Outreach.id == OutreachMember.outreach_id)
                .join(Customer, Customer.id == OutreachMember.customer_id)
                .where(Outreach.made_at >= _midnight(start), Outreach.made_at < _midnight(end),
                       Customer.deleted_at.is_(None))).all()
            bought = _purchase_days(session, {m.customer_id for m in members}, start,
                                    end + timedelta(days=WINDOW_DAYS)) if members else {}
        made = {o.id: (o.made_at.date(), (o.segment_name or "").casefold() or None)
                for o in outreaches}
        names = {(o.segment_name or "").casefold() or None: o.segment_name for o in outreaches}
        sent: dict[str | None, list] = defaultdict(list)
        left: dict[str | None, list] = defaultdict(list)
        for m in members:
            day, key = made[m.outreach_id]
            outcome = came_back(day, bought.get(m.customer_id, ()), today)
            (sent if m.left_out is None else left)[key].append(outcome)
        count = defaultdict(int)
        for _day, key in made.values():
            count[key] += 1
        results = []
        seen = set()
        for segment, customers in saved or ():
            key = segment.name.casefold()
            seen.add(key)
            results.append(SegmentResult(segment.name, segment, customers, count[key],
                                         Comparison(group(sent[key]), group(left[key]))))
        for key in sorted(set(made_key for _d, made_key in made.values()) - seen,
                          key=lambda k: (k is None, k or "")):
            results.append(SegmentResult(names[key], None, None, count[key],
                                         Comparison(group(sent[key]), group(left[key]))))
        return results
