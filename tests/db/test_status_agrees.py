"""The status rule is written twice — in SQL for lists and filters (db.queries.status_expr),
in Python for one customer (status.status_of over their purchase days) — so the two are
checked against each other on random purchase histories, settings and days."""

import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from retainer.db.models import Customer
from retainer.db.queries import status_expr
from retainer.rules.status import rhythm_as_of, status_of
from retainer.rules.validation import CustomerForm
from retainer.services import open_retainer

NOW = datetime(2026, 6, 15, 12, 0, 0)

histories = st.lists(
    st.tuples(
        st.lists(st.integers(min_value=1, max_value=420), max_size=9),  # days before today
        st.booleans(),  # marked lost
    ),
    min_size=1, max_size=8)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories, st.integers(min_value=1, max_value=200),
       st.sampled_from([1.0, 1.5, 2.0, 3.0]) | st.floats(min_value=1.0, max_value=4.0),
       st.integers(min_value=0, max_value=120))
# The edges, where a < written as <= shows: exactly twice the usual gap of 10 days, and
# exactly the lapse days since a first purchase.
@example([([20, 30, 40], False), ([21, 31, 41], False)], 90, 2.0, 0)
@example([([90], False), ([91], False), ([], True)], 90, 2.0, 0)
def test_sql_and_python_give_every_customer_the_same_status(customers, lapse, risk, later):
    as_of = NOW.date() + timedelta(days=later)  # today, or a day to come
    with tempfile.TemporaryDirectory() as folder:
        services = open_retainer(str(Path(folder) / "shop.sqlite"), clock=lambda: NOW)
        try:
            expected = {}
            for n, (days_ago, lost) in enumerate(customers):
                cid = services.customers.create(
                    CustomerForm(name=f"Customer {n}", phones=[f"+3706123{n:04d}"]))
                days = []
                for k in days_ago:
                    when = datetime.combine(NOW.date() - timedelta(days=k), time(10, 0))
                    services.purchases.record(cid, 500, when)
                    days.append(when.date().toordinal())
                if lost:
                    services.feedback.mark_lost(cid, "price")
                expected[cid] = status_of(rhythm_as_of(days, as_of, lost), as_of, lapse, risk)
            with services.ctx.read() as session:
                found = dict(session.execute(
                    select(Customer.id, status_expr(as_of, lapse, risk))).all())
        finally:
            services.close()
    assert found == {cid: status.value for cid, status in expected.items()}


openings = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=40),   # purchases before Retainer (0: not given)
        st.integers(min_value=1, max_value=900),  # first date, days before today
        st.integers(min_value=0, max_value=900),  # days from the first to the last date
        st.lists(st.integers(min_value=1, max_value=300), max_size=4),  # purchases since
    ),
    min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(openings, st.integers(min_value=1, max_value=200), st.floats(min_value=1.0, max_value=4.0),
       st.integers(min_value=0, max_value=120))
def test_an_opening_history_gives_the_same_status_in_sql_and_python(customers, lapse, risk, later):
    from retainer.services.summary import refresh_purchase_summary

    as_of = NOW.date() + timedelta(days=later)
    with tempfile.TemporaryDirectory() as folder:
        services = open_retainer(str(Path(folder) / "shop.sqlite"), clock=lambda: NOW)
        try:
            services.change_settings(lapse_days=max(lapse, 7), risk_factor=risk)
            ids = []
            for n, (count, first_ago, span, since) in enumerate(customers):
                cid = services.customers.create(
                    CustomerForm(name=f"Customer {n}", phones=[f"+3706123{n:04d}"]))
                for k in since:
                    services.purchases.record(cid, 500, datetime.combine(
                        NOW.date() - timedelta(days=k), time(10, 0)))
                first = NOW.date().toordinal() - first_ago
                with services.ctx.write() as session:
                    c = session.get(Customer, cid)
                    c.opening_count, c.opening_spent_cents = count, 100 * count
                    c.opening_first_day = first
                    c.opening_last_day = min(first + span, NOW.date().toordinal() - 1)
                    refresh_purchase_summary(session, c)
                ids.append(cid)
            s = services.settings
            with services.ctx.read() as session:
                found = dict(session.execute(
                    select(Customer.id, status_expr(as_of, s.lapse_days, s.risk_factor))).all())
            expected = {cid: services.customers.status_as_of(cid, as_of).value for cid in ids}
        finally:
            services.close()
    assert found == expected
