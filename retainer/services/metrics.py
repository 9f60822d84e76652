"""Gathering the retention metrics from the base, in SQL, for a period or month by month."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from retainer.db.columns import int_columns
from retainer.db.models import Customer, Feedback, Purchase
from retainer.rules.metrics import RFM_MIN_BUYERS, Nps, Retention, nps_of, ratio, segment_counts
from retainer.services.base import Context
from retainer.services.referrals import top_referrers

if TYPE_CHECKING:  # numpy is loaded when a figure is first asked for, not at start-up
    from retainer.services.activity import Activity
    from retainer.services.history import BaseThen


def month_start(day: date, shift: int = 0) -> date:
    index = day.year * 12 + day.month - 1 + shift
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Headline:
    as_of: date
    customers: int
    buying_customers: int
    active: int
    repeat_rate: float | None        # customers with 2+ purchases / with 1+
    purchase_frequency: float | None  # purchases per buying customer, last 365 days
    average_order_cents: float | None  # revenue / purchases, last 365 days
    average_lifetime_days: float | None  # lapsed or lost: first to last purchase
    share_of_regulars: float | None  # 2+ purchases in 365 days / active in 365 days
    revenue_365_cents: int


class MetricsService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def activity(self, since: date) -> Activity:
        """Purchases from ``since`` on, read once for several figures."""
        from retainer.services.activity import Activity

        with self.ctx.read() as session:
            return Activity.read(session.connection(), since, self.ctx.settings.lapse_days)

    def _since(self, day: date) -> date:
        return date.fromordinal(day.toordinal() - self.ctx.settings.lapse_days)

    def retention(self, start: date, end: date, activity: Activity | None = None) -> Retention:
        activity = activity or self.activity(self._since(start))
        with self.ctx.read() as session:
            (new_ids,) = int_columns(session.connection(), select(Customer.id).where(
                Customer.first_purchase_day >= start.toordinal(),
                Customer.first_purchase_day < end.toordinal(),
                Customer.deleted_at.is_(None)))
        return activity.retention(start, end, len(new_ids), new_ids)

    def purchases(self, start: date, end: date) -> dict:
        """How many purchases, for how much, in [start, end) and before ``end`` in all; and
        what the opening histories add (a total, no dates)."""
        alive = Customer.deleted_at.is_(None)
        inside = select(func.count(Purchase.id), func.coalesce(func.sum(Purchase.amount_cents), 0)) \
            .join(Customer, Customer.id == Purchase.customer_id).where(alive)
        with self.ctx.read() as session:
            period = session.execute(inside.where(Purchase.day >= start.toordinal(),
                                                  Purchase.day < end.toordinal())).one()
            total = session.execute(inside.where(Purchase.day < end.toordinal())).one()
            opening = session.execute(select(
                func.count(Customer.id), func.coalesce(func.sum(Customer.opening_count), 0),
                func.coalesce(func.sum(Customer.opening_spent_cents), 0))
                .where(alive, (Customer.opening_count > 0) | (Customer.opening_spent_cents > 0))).one()
        return {"period": {"purchases": period[0], "revenue_cents": int(period[1])},
                "total": {"purchases": total[0], "revenue_cents": int(total[1])},
                "opening_histories": {"customers": opening[0], "purchases": int(opening[1]),
                                      "spent_cents": int(opening[2])}}

    def month_starts(self, months: int, as_of: date | None = None) -> list[date]:
        this_month = month_start(as_of or self.ctx.today())
        return [month_start(this_month, -k) for k in range(months, -1, -1)]

    def month_periods(self, months: int, as_of: date | None = None) -> list[tuple[date, date]]:
        """The last ``months`` full months, [first day, first day of the next month), then
        the month under way so far, up to and including ``as_of``."""
        day = as_of or self.ctx.today()
        starts = self.month_starts(months, day)
        return list(itertools.pairwise(starts)) + [(starts[-1], date.fromordinal(day.toordinal() + 1))]

    def monthly_retention(self, months: int = 12, as_of: date | None = None,
                          activity: Activity | None = None) -> list[tuple[date, Retention]]:
        """Each of the last full months, and this month so far (month_periods)."""
        periods = self.month_periods(months, as_of)
        activity = activity or self.activity(self._since(periods[0][0]))
        with self.ctx.read() as session:
            ids, firsts = int_columns(session.connection(), select(Customer.id, Customer.first_purchase_day)
                                      .where(Customer.first_purchase_day >= periods[0][0].toordinal(),
                                             Customer.deleted_at.is_(None)))
        out = []
        for a, b in periods:
            new_ids = ids[(firsts >= a.toordinal()) & (firsts < b.toordinal())]
            out.append((a, activity.retention(a, b, len(new_ids), new_ids)))
        return out

    def nps(self, start: date, end: date) -> Nps:
        with self.ctx.read() as session:
            rows = session.execute(
                select(Feedback.customer_id, Feedback.given_on, Feedback.id, Feedback.nps_score)
                .join(Customer, Customer.id == Feedback.customer_id)
                .where(Feedback.nps_score.is_not(None), Feedback.given_on >= start,
                       Feedback.given_on < end, Customer.deleted_at.is_(None))).all()
        latest: dict[int, tuple] = {}
        for cid, given, fid, score in rows:
            if cid not in latest or (given, fid) > latest[cid][:2]:
                latest[cid] = (given, fid, score)
        return nps_of(v[2] for v in latest.values())

    def monthly_nps(self, months: int = 12, as_of: date | None = None) -> list[tuple[date, Nps]]:
        """NPS of each of the last full months, and of this month so far."""
        return [(a, self.nps(a, b)) for a, b in self.month_periods(months, as_of)]

    def cohort_start(self, cohorts: int, as_of: date | None = None) -> date:
        return month_start(month_start(as_of or self.ctx.today()), -(cohorts - 1))

    def cohorts(self, cohorts: int = 24, as_of: date | None = None,
                activity: Activity | None = None) -> dict[date, list[float]]:
        """Retention of the last ``cohorts`` monthly cohorts, month by month after joining;
        months that have not happened yet are left out, not shown as zeros."""
        this_month = month_start(as_of or self.ctx.today())
        first = self.cohort_start(cohorts, as_of)
        activity = activity or self.activity(first)
        with self.ctx.read() as session:
            ids, first_days = int_columns(session.connection(), select(
                Customer.id, Customer.first_purchase_day)
                .where(Customer.first_purchase_day >= first.toordinal(), Customer.deleted_at.is_(None)))
        matrix = activity.cohorts(first, this_month, ids, first_days)
        return {date(index // 12, index % 12 + 1, 1): shares for index, shares in matrix.items()}

    def rfm(self, as_of: date | None = None, then: BaseThen | None = None) -> dict[str, int]:
        """How many purchasing customers fall in each RFM segment; nothing below
        RFM_MIN_BUYERS buying customers, whom quintiles cannot yet tell apart. ``then``: the
        base as it stood at ``as_of`` (history.base_as_of), for a past day."""
        day = (as_of or self.ctx.today()).toordinal()
        if then is not None:
            import numpy as np

            buyers = then.buyers
            last = np.array([c.figures["last_purchase_day"] for c in buyers], dtype=np.int64)
            count = np.array([c.figures["purchase_count"] for c in buyers], dtype=np.int64)
        else:
            with self.ctx.read() as session:
                last, count = int_columns(session.connection(), select(
                    Customer.last_purchase_day, Customer.purchase_count)
                    .where(Customer.purchase_count > 0, Customer.last_purchase_day.is_not(None),
                           Customer.deleted_at.is_(None)))
        if len(last) < RFM_MIN_BUYERS:
            return {}
        return segment_counts(day - last, count)

    def headline(self, as_of: date | None = None, activity: Activity | None = None,
                 then: BaseThen | None = None) -> Headline:
        """The headline figures as of a day; ``then`` (history.base_as_of) for a past one."""
        today = as_of or self.ctx.today()
        year_ago = date.fromordinal(today.toordinal() - 365)
        lapse = self.ctx.settings.lapse_days
        activity = activity or self.activity(min(year_ago, self._since(today)))
        if then is not None:
            buyers = then.buyers
            customers = len(then.customers)
            buying = sum(c.figures["purchase_count"] >= 1 for c in then.customers)
            repeat = sum(c.figures["purchase_count"] >= 2 for c in then.customers)
            spans = [c.figures["last_purchase_day"] - c.figures["first_purchase_day"] for c in buyers
                     if c.lost or c.figures["last_purchase_day"] < today.toordinal() - lapse]
            gone = sum(spans) / len(spans) if spans else None
        else:
            customers, buying, repeat, gone = self._counts(today, lapse)
        year = activity.spending(year_ago, today)
        return Headline(
            as_of=today, customers=customers, buying_customers=buying,
            active=len(activity.active(today)), repeat_rate=ratio(repeat, buying),
            purchase_frequency=ratio(year.purchases, year.customers),
            average_order_cents=ratio(year.revenue_cents, year.purchases),
            average_lifetime_days=float(gone) if gone is not None else None,
            share_of_regulars=ratio(year.regulars, year.customers),
            revenue_365_cents=year.revenue_cents)

    def _counts(self, today: date, lapse: int) -> tuple[int, int, int, float | None]:
        alive = Customer.deleted_at.is_(None)
        with self.ctx.read() as session:
            customers = session.execute(select(func.count(Customer.id)).where(alive)).scalar_one()
            buying, repeat = session.execute(select(
                func.count(Customer.id).filter(Customer.purchase_count >= 1),
                func.count(Customer.id).filter(Customer.purchase_count >= 2)).where(alive)).one()
            gone = session.execute(select(
                func.avg(Customer.last_purchase_day - Customer.first_purchase_day))
                .where(alive, Customer.purchase_count > 0,
                       (Customer.lost_at.is_not(None))
                       | (Customer.last_purchase_day < today.toordinal() - lapse))).scalar()
        return customers, buying, repeat, gone


@dataclass(frozen=True)
class Dashboard:
    """Everything the Dashboard room draws, computed in one go off the GUI thread."""

    start: date
    end: date
    previous_start: date
    retention: Retention
    previous_retention: Retention
    nps: object
    previous_nps: object
    headline: Headline
    months: list
    nps_months: list
    cohorts: dict
    rfm: dict
    statuses: dict
    churn_reasons: dict
    referrers: list = field(default_factory=list)  # services/referrals.py, the top ten
    today_list: object = None  # rules.results.Comparison: did calling the drifting work
    segment_results: list = field(default_factory=list)  # services/results.SegmentResult


def churn_reasons(ctx: Context) -> dict[str, int]:
    with ctx.read() as session:
        rows = session.execute(select(Customer.churn_reason, func.count(Customer.id))
                               .where(Customer.lost_at.is_not(None), Customer.deleted_at.is_(None))
                               .group_by(Customer.churn_reason)).all()
    return {reason or "other": n for reason, n in rows}


def dashboard(metrics: MetricsService, customers, start: date, end: date, results=None,
              segments=None) -> Dashboard:
    """Every figure of the Dashboard; with ``results`` and ``segments`` (the services) also
    "Did it work?" for the period."""
    length = end.toordinal() - start.toordinal()
    previous_start = date.fromordinal(start.toordinal() - length)
    today = metrics.ctx.today()
    as_of = min(end, today)  # the day the months and cohorts run up to
    # A period "so far" (this month) counts today too, in its tiles as in its CRR and NPS.
    tiles_as_of = min(end, date.fromordinal(today.toordinal() + 1))
    months = metrics.month_starts(12, as_of)
    # One read of the purchases for every windowed figure below.
    activity = metrics.activity(min(
        metrics._since(previous_start), metrics._since(months[0]), metrics.cohort_start(24, as_of),
        date.fromordinal(as_of.toordinal() - 365), metrics._since(as_of)))
    return Dashboard(
        start=start, end=end, previous_start=previous_start,
        retention=metrics.retention(start, end, activity),
        previous_retention=metrics.retention(previous_start, start, activity),
        nps=metrics.nps(start, end), previous_nps=metrics.nps(previous_start, start),
        headline=metrics.headline(tiles_as_of, activity),
        months=metrics.monthly_retention(12, as_of, activity), nps_months=metrics.monthly_nps(12, as_of),
        cohorts=metrics.cohorts(24, as_of, activity), rfm=metrics.rfm(tiles_as_of),
        statuses=customers.status_counts(), churn_reasons=churn_reasons(metrics.ctx),
        referrers=top_referrers(metrics.ctx),
        today_list=results.today_list(start, end) if results else None,
        segment_results=results.segments(start, end, segments.counts() if segments else ())
        if results else [])
