"""Gathering the retention metrics from the base, in SQL, for a period or month by month."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from retainer.db.models import Customer, Feedback, Purchase
from retainer.metrics import Nps, Retention, nps_of, ratio
from retainer.services.base import Context


def _trashed():
    return select(Customer.id).where(Customer.deleted_at.is_not(None))


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

    def _active_ids(self, session, day: date) -> set[int]:
        """Customers (outside the trash) with a purchase in [day − lapse_days, day)."""
        lapse = self.ctx.settings.lapse_days
        # Day numbers and plain rows: comparing integers and skipping the ORM is what keeps
        # this at tens of milliseconds on a million purchases.
        return set(session.connection().execute(
            select(Purchase.customer_id).distinct()
            .where(Purchase.day >= day.toordinal() - lapse, Purchase.day < day.toordinal(),
                   Purchase.customer_id.not_in(_trashed()))).scalars())

    def retention(self, start: date, end: date) -> Retention:
        with self.ctx.read() as session:
            s = self._active_ids(session, start)
            e = self._active_ids(session, end)
            new = session.execute(select(func.count(Customer.id)).where(
                Customer.first_purchase_day >= start.toordinal(),
                Customer.first_purchase_day < end.toordinal(),
                Customer.deleted_at.is_(None))).scalar_one()
        return Retention(len(s), len(e), new, len(s - e))

    def monthly_retention(self, months: int = 12, as_of: date | None = None) -> list[tuple[date, Retention]]:
        """Each of the last full months [first day, first day of the next month)."""
        this_month = month_start(as_of or self.ctx.today())
        starts = [month_start(this_month, -k) for k in range(months, -1, -1)]
        lapse = self.ctx.settings.lapse_days
        ordinals = [d.toordinal() for d in starts]
        with self.ctx.read() as session:
            # One pass over the purchases of the whole span instead of a query per month:
            # a purchase on day p makes its customer active at every D with D - lapse <= p < D.
            rows = session.connection().execute(
                select(Purchase.customer_id, Purchase.day)
                .where(Purchase.day >= ordinals[0] - lapse, Purchase.day < ordinals[-1],
                       Purchase.customer_id.not_in(_trashed())))
            sets: list[set[int]] = [set() for _ in starts]
            for cid, day in rows:
                # The month starts D with day < D <= day + lapse.
                for k in range(bisect_right(ordinals, day), bisect_right(ordinals, day + lapse)):
                    sets[k].add(cid)
            active = dict(zip(starts, sets))
            firsts = dict(session.execute(
                select(Customer.first_purchase_day, func.count(Customer.id))
                .where(Customer.first_purchase_day >= starts[0].toordinal(),
                       Customer.deleted_at.is_(None))
                .group_by(Customer.first_purchase_day)).all())
        out = []
        for a, b in zip(starts, starts[1:]):
            new = sum(n for d, n in firsts.items() if a.toordinal() <= d < b.toordinal())
            out.append((a, Retention(len(active[a]), len(active[b]), new, len(active[a] - active[b]))))
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
        this_month = month_start(as_of or self.ctx.today())
        starts = [month_start(this_month, -k) for k in range(months, -1, -1)]
        return [(a, self.nps(a, b)) for a, b in zip(starts, starts[1:])]

    def cohorts(self, cohorts: int = 24, as_of: date | None = None) -> dict[date, list[float]]:
        """Retention of the last ``cohorts`` monthly cohorts, month by month after joining."""
        from retainer.metrics import cohort_matrix, month_index

        this_month = month_start(as_of or self.ctx.today())
        first = month_start(this_month, -(cohorts - 1))
        with self.ctx.read() as session:
            rows = session.connection().execute(
                select(Purchase.customer_id, Purchase.day)
                .where(Purchase.day >= first.toordinal(),
                       Purchase.customer_id.in_(select(Customer.id).where(
                           Customer.first_purchase_day >= first.toordinal(),
                           Customer.deleted_at.is_(None)))))
            months: dict[int, int] = {}  # a few hundred distinct days: convert each once
            pairs = []
            for cid, day in rows:
                month = months.get(day)
                if month is None:
                    d = date.fromordinal(day)
                    month = months[day] = month_index(d.year, d.month)
                pairs.append((cid, month))
        matrix = cohort_matrix(pairs, months_after=cohorts - 1)
        now = month_index(this_month.year, this_month.month)
        out = {}
        for index, shares in matrix.items():
            # Months that have not happened yet are not zeros: leave them out.
            out[date(index // 12, index % 12 + 1, 1)] = shares[: now - index + 1]
        return out

    def rfm(self, as_of: date | None = None) -> dict[str, int]:
        """How many purchasing customers fall in each RFM segment."""
        from retainer.metrics import SEGMENTS, rfm_scores

        day = (as_of or self.ctx.today()).toordinal()
        with self.ctx.read() as session:
            rows = session.connection().execute(
                select(Customer.last_purchase_day, Customer.purchase_count, Customer.total_spent_cents)
                .where(Customer.purchase_count > 0, Customer.deleted_at.is_(None))).all()
        counts = dict.fromkeys(SEGMENTS, 0)
        if rows:
            recency, frequency, spent = zip(*rows)
            for score in rfm_scores([day - r for r in recency], list(frequency), list(spent)):
                counts[score.segment] += 1
        return counts

    def headline(self, as_of: date | None = None) -> Headline:
        today = as_of or self.ctx.today()
        alive = Customer.deleted_at.is_(None)
        lapse = self.ctx.settings.lapse_days
        with self.ctx.read() as session:
            customers = session.execute(select(func.count(Customer.id)).where(alive)).scalar_one()
            buying, repeat = session.execute(select(
                func.count(Customer.id).filter(Customer.purchase_count >= 1),
                func.count(Customer.id).filter(Customer.purchase_count >= 2)).where(alive)).one()
            per_customer = session.connection().execute(
                select(Purchase.customer_id, func.count(Purchase.id), func.sum(Purchase.amount_cents))
                .where(Purchase.day >= today.toordinal() - 365, Purchase.day < today.toordinal(),
                       Purchase.customer_id.not_in(_trashed()))
                .group_by(Purchase.customer_id)).all()
            gone = session.execute(select(
                func.avg(Customer.last_purchase_day - Customer.first_purchase_day))
                .where(alive, Customer.purchase_count > 0,
                       (Customer.lost_at.is_not(None))
                       | (Customer.last_purchase_day < today.toordinal() - lapse))).scalar()
            active = len(self._active_ids(session, today))
        purchases = sum(n for _, n, _ in per_customer)
        revenue = int(sum(v or 0 for _, _, v in per_customer))
        return Headline(
            as_of=today, customers=customers, buying_customers=buying, active=active,
            repeat_rate=ratio(repeat, buying),
            purchase_frequency=ratio(purchases, len(per_customer)),
            average_order_cents=ratio(revenue, purchases),
            average_lifetime_days=float(gone) if gone is not None else None,
            share_of_regulars=ratio(sum(1 for _, n, _ in per_customer if n >= 2), len(per_customer)),
            revenue_365_cents=revenue)


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


def churn_reasons(ctx: Context) -> dict[str, int]:
    with ctx.read() as session:
        rows = session.execute(select(Customer.churn_reason, func.count(Customer.id))
                               .where(Customer.lost_at.is_not(None), Customer.deleted_at.is_(None))
                               .group_by(Customer.churn_reason)).all()
    return {reason or "other": n for reason, n in rows}


def dashboard(metrics: MetricsService, customers, start: date, end: date) -> Dashboard:
    length = end.toordinal() - start.toordinal()
    previous_start = date.fromordinal(start.toordinal() - length)
    as_of = min(end, metrics.ctx.today())
    return Dashboard(
        start=start, end=end, previous_start=previous_start,
        retention=metrics.retention(start, end),
        previous_retention=metrics.retention(previous_start, start),
        nps=metrics.nps(start, end), previous_nps=metrics.nps(previous_start, start),
        headline=metrics.headline(as_of),
        months=metrics.monthly_retention(12, as_of), nps_months=metrics.monthly_nps(12, as_of),
        cohorts=metrics.cohorts(24, as_of), rfm=metrics.rfm(as_of),
        statuses=customers.status_counts(), churn_reasons=churn_reasons(metrics.ctx))
