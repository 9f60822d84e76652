"""The Dashboard's figures, read column-wise, against the same figures worked out by hand
from every purchase in the base."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import select

from retainer.db.columns import int_columns
from retainer.db.models import Customer, Purchase
from retainer.rules.metrics import cohort_matrix, month_index, rfm_scores
from retainer.rules.validation import CustomerForm
from retainer.services.metrics import dashboard, month_start

TODAY = date(2026, 6, 15)


@pytest.fixture
def shop(services):
    rng = random.Random(11)
    ids = []
    for i in range(40):
        cid = services.customers.create(CustomerForm(name=f"C{i}", phones=[f"+370 612 {10000 + i}"]))
        ids.append(cid)
        first = rng.randrange(0, 800)
        for _ in range(rng.choice([0, 1, 1, 2, 4, 8])):
            back = rng.randrange(0, first + 1)
            when = (datetime.combine(TODAY - timedelta(days=back + 1), datetime.min.time())
                    + timedelta(hours=10))
            services.purchases.record(cid, rng.randrange(100, 10_000), when)
    services.customers.trash([ids[3], ids[7]])
    return services


def everything(services):
    with services.ctx.read() as s:
        alive = {c.id: c for c in s.scalars(select(Customer).where(Customer.deleted_at.is_(None)))}
        purchases = [(cid, day, cents) for cid, day, cents in
                     s.execute(select(Purchase.customer_id, Purchase.day, Purchase.amount_cents))
                     if cid in alive]
    return alive, purchases


def active(purchases, day: date, lapse: int) -> set[int]:
    d = day.toordinal()
    return {c for c, p, _ in purchases if d - lapse <= p < d}


def test_retention_of_any_period_is_the_hand_count(shop):
    alive, purchases = everything(shop)
    lapse = shop.settings.lapse_days
    for start, end in [(date(2026, 5, 1), date(2026, 6, 1)), (date(2025, 1, 1), date(2026, 1, 1)),
                       (date(2026, 3, 10), date(2026, 6, 15))]:
        s, e = active(purchases, start, lapse), active(purchases, end, lapse)
        new = sum(1 for c in alive.values() if c.first_purchase_day is not None
                  and start.toordinal() <= c.first_purchase_day < end.toordinal())
        got = shop.metrics.retention(start, end)
        assert (got.start_active, got.end_active, got.new, got.churned) == (len(s), len(e), new, len(s - e))


def test_headline_spending_is_the_hand_count(shop):
    _, purchases = everything(shop)
    d = TODAY.toordinal()
    year = [(c, cents) for c, p, cents in purchases if d - 365 <= p < d]
    per = Counter(c for c, _ in year)
    got = shop.metrics.headline(TODAY)
    assert got.revenue_365_cents == sum(cents for _, cents in year)
    assert got.purchase_frequency == pytest.approx(len(year) / len(per))
    assert got.average_order_cents == pytest.approx(sum(cents for _, cents in year) / len(year))
    assert got.share_of_regulars == pytest.approx(sum(1 for n in per.values() if n >= 2) / len(per))
    assert got.active == len(active(purchases, TODAY, shop.settings.lapse_days))


def test_cohorts_are_the_pure_cohort_matrix(shop):
    alive, purchases = everything(shop)
    first = month_start(month_start(TODAY), -11)
    members = {c.id for c in alive.values()
               if c.first_purchase_day is not None and c.first_purchase_day >= first.toordinal()}
    pairs = [(c, month_index(date.fromordinal(p).year, date.fromordinal(p).month))
             for c, p, _ in purchases if c in members]
    expected = cohort_matrix(pairs, months_after=11)
    now = month_index(TODAY.year, TODAY.month)
    got = shop.metrics.cohorts(12)
    assert got and set(got) == {date(i // 12, i % 12 + 1, 1) for i in expected}
    for index, shares in expected.items():
        assert got[date(index // 12, index % 12 + 1, 1)] == pytest.approx(shares[: now - index + 1])


def test_rfm_segments_are_the_pure_scores(shop):
    alive, _ = everything(shop)
    buyers = [c for c in alive.values() if c.purchase_count]
    scores = rfm_scores([TODAY.toordinal() - c.last_purchase_day for c in buyers],
                        [c.purchase_count for c in buyers], [c.total_spent_cents for c in buyers])
    expected = Counter(s.segment for s in scores)
    got = shop.metrics.rfm()
    assert {k: v for k, v in got.items() if v} == dict(expected)


def test_the_dashboard_reads_once_and_agrees_with_each_figure(shop):
    start, end = date(2026, 3, 1), date(2026, 6, 1)
    board = dashboard(shop.metrics, shop.customers, start, end)
    assert board.retention == shop.metrics.retention(start, end)
    assert board.previous_retention == shop.metrics.retention(board.previous_start, start)
    assert board.months == shop.metrics.monthly_retention(12, end)
    assert board.cohorts == shop.metrics.cohorts(24, end)
    assert board.headline == shop.metrics.headline(end)


def test_int_columns_keeps_rows_aligned_and_refuses_nulls(shop):
    with shop.ctx.read() as s:
        ids, days = int_columns(s.connection(), select(Purchase.customer_id, Purchase.day)
                                .order_by(Purchase.id))
        rows = s.execute(select(Purchase.customer_id, Purchase.day).order_by(Purchase.id)).all()
        assert list(zip(ids.tolist(), days.tolist(), strict=False)) == [tuple(r) for r in rows]
        none = int_columns(s.connection(), select(Purchase.customer_id).where(Purchase.day < 0))
        assert none[0].dtype == np.int64 and len(none[0]) == 0
        with pytest.raises(ValueError):
            int_columns(s.connection(), select(Customer.id, Customer.first_purchase_day))


def segments_by_hand(services) -> dict[str, list[str]]:
    from retainer.rules.metrics import SEGMENTS

    alive, _ = everything(services)
    buyers = [c for c in alive.values() if c.purchase_count]
    scores = rfm_scores([TODAY.toordinal() - c.last_purchase_day for c in buyers],
                        [c.purchase_count for c in buyers], [c.total_spent_cents for c in buyers])
    return {name: sorted(c.name for c, s in zip(buyers, scores, strict=True) if s.segment == name)
            for name in SEGMENTS}


def segments_listed(services) -> dict[str, list[str]]:
    from retainer.rules.metrics import SEGMENTS
    from retainer.services import CustomerQuery

    out = {}
    for name in SEGMENTS:
        query = CustomerQuery(segment=name)
        out[name] = sorted(r.name for r in services.customers.page(query, 0, 100))
        assert services.customers.count(query) == len(out[name])
    return out


def test_the_list_filtered_to_a_segment_is_who_the_scores_put_there(shop):
    expected = segments_by_hand(shop)
    assert segments_listed(shop) == expected
    counts = shop.metrics.rfm()
    assert {k: len(v) for k, v in expected.items()} == counts
    assert sum(counts.values()) > 20 and sum(1 for v in counts.values() if v) >= 5
    # New purchases move the cuts: the filter follows them.
    alive, _ = everything(shop)
    quiet = sorted((c for c in alive.values() if c.purchase_count), key=lambda c: c.last_purchase_day)[:5]
    for c in quiet:
        for day in (1, 2, 3):
            shop.purchases.record(c.id, 500, datetime(2026, 6, 10 + day, 10))
    moved = segments_by_hand(shop)
    assert moved != expected
    assert segments_listed(shop) == moved


def test_both_ways_of_reading_columns_agree(shop):
    from retainer.db.columns import _as_rows, _as_texts

    statement = select(Purchase.customer_id, Purchase.day, Purchase.amount_cents).order_by(Purchase.id)
    with shop.ctx.read() as s:
        texts, rows = _as_texts(s.connection(), statement), _as_rows(s.connection(), statement)
        empty = _as_rows(s.connection(), statement.where(Purchase.day < 0))
    assert len(texts[0]) > 50
    assert all((a == b).all() and a.dtype == b.dtype for a, b in zip(texts, rows, strict=False))
    assert [len(c) for c in empty] == [0, 0, 0]
