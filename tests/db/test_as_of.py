"""Figures for any date: what Retainer would have said on an earlier morning, and how the
period's numbers add up (S − churned + came back + N = E)."""

import json
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from retainer.db.models import Customer, ModelFit
from retainer.rules.validation import CustomerForm
from retainer.services import open_retainer
from retainer.services.history import base_as_of
from retainer.services.summary import refresh_purchase_summary
from tests.conftest import NOW

TODAY = NOW.date()  # 15 June 2026


def buyer(services, name, *days, phone, amount=2000):
    cid = services.customers.create(CustomerForm(name=name, phones=[phone]))
    for d in days:
        services.purchases.record(cid, amount, datetime.combine(d, datetime.min.time()).replace(hour=11))
    return cid


def small_base(services):
    """Regulars, a lapsed one, one who came back in May, one new in May; one with an opening
    history from a list with totals."""
    ids = {}
    for k in range(30):  # enough buyers for RFM, buying every 20 days until a week ago
        days = [TODAY - timedelta(days=7 + 20 * j + k % 5) for j in range(6)]
        ids[f"regular {k}"] = buyer(services, f"Regular {k}", *days, phone=f"+370 612 1{k:04d}")
    ids["lapsed"] = buyer(services, "Lapsed", date(2025, 12, 1), date(2026, 1, 10), phone="+370 612 20000")
    ids["back"] = buyer(services, "Came back", date(2025, 11, 20), date(2026, 5, 20), phone="+370 612 20001")
    ids["new"] = buyer(services, "New in May", date(2026, 5, 12), phone="+370 612 20002")
    cid = services.customers.create(CustomerForm(name="Opening", phones=["+370 612 20003"]))
    with services.ctx.write() as session:
        c = session.get(Customer, cid)
        c.opening_count, c.opening_spent_cents = 12, 600_000
        c.opening_first_day, c.opening_last_day = date(2025, 6, 1).toordinal(), date(2026, 2, 1).toordinal()
        refresh_purchase_summary(session, c)
    ids["opening"] = cid
    return ids


def test_as_of_today_the_history_agrees_with_the_summary_columns(services):
    small_base(services)  # no purchase is dated today: the two readings see the same
    then = base_as_of(services.ctx, TODAY)
    s = services.settings
    found = then.statuses(s.lapse_days, s.risk_factor)
    counts = services.customers.status_counts()
    assert {st: sum(1 for v in found.values() if v is st) for st in counts} == counts
    assert services.metrics.rfm(TODAY, then=then) == services.metrics.rfm(TODAY)
    assert services.metrics.headline(TODAY, then=then) == services.metrics.headline(TODAY)


def test_metrics_as_of_a_past_day(services, base, capsys):
    from retainer.cli import main

    ids = small_base(services)
    services.close()
    # On 1 May 2026: "Came back" had been silent since November (lapsed), "New in May" was not
    # a customer yet, the regulars bought on their rhythm.
    assert main(["metrics", "--db", base, "--as-of", "2026-05-01", "--from", "2026-04-01",
                 "--to", "2026-05-01", "--json"]) == 0
    may = json.loads(capsys.readouterr().out)
    assert may["period"]["as_of"] == "2026-05-01"
    assert may["statuses"]["lapsed"] == 2  # Lapsed and Came back
    # Opening: 12 purchases from 1 June 2025 to 1 February 2026, about every 22 days; 89
    # days later, more than twice that: at risk (not yet lapsed, at 90 days).
    assert may["statuses"]["at_risk"] == 1
    assert may["statuses"]["new"] == 0
    assert may["bg_nbd"] is None  # 30 repeat customers that day: too few for the model
    assert may["purchases"]["in_total"] < 30 * 6 + 5
    # The model was tried on the purchases before 1 May; the same question again is answered
    # from what was kept for that day.
    reopened = open_retainer(base, clock=lambda: NOW)
    with reopened.ctx.read() as session:
        fits = session.execute(select(func.count(ModelFit.id))
                               .where(ModelFit.as_of == date(2026, 5, 1))).scalar_one()
    reopened.close()
    assert fits == 1
    assert main(["metrics", "--db", base, "--as-of", "2026-05-01", "--json"]) == 0
    capsys.readouterr()
    reopened = open_retainer(base, clock=lambda: NOW)
    with reopened.ctx.read() as session:
        assert session.execute(select(func.count(ModelFit.id)).where(
            ModelFit.as_of == date(2026, 5, 1))).scalar_one() == 1
        # Today's own fit is not replaced by the earlier day's.
    assert reopened.radar.state().as_of != date(2026, 5, 1)
    reopened.close()
    assert ids["back"]


def test_came_back_makes_the_period_add_up(services, base, capsys):
    from retainer.cli import main

    small_base(services)
    services.close()
    assert main(["metrics", "--db", base, "--from", "2026-05-01", "--to", "2026-06-01",
                 "--as-of", "2026-06-01", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)["retention"]
    assert r["came_back"] == 1  # "Came back": lapsed on 1 May, active again on 1 June
    assert r["new"] == 1
    assert r["start_active"] - r["churned"] + r["came_back"] + r["new"] == r["end_active"]


def test_purchases_and_revenue_in_the_period_and_in_all(services, base, capsys):
    from retainer.cli import main

    buyer(services, "Anna", date(2026, 4, 10), date(2026, 5, 3), date(2026, 5, 20),
          phone="+370 612 30000", amount=1250)
    services.close()
    assert main(["metrics", "--db", base, "--from", "2026-05-01", "--to", "2026-06-01",
                 "--json"]) == 0
    bought = json.loads(capsys.readouterr().out)["purchases"]
    assert (bought["in_period"], bought["revenue_in_period"]) == (2, 25.0)
    assert (bought["in_total"], bought["revenue_in_total"]) == (3, 37.5)


def test_remind_as_of_a_past_day_lists_that_mornings_calls(services, base, capsys):
    from retainer.cli import main

    small_base(services)
    services.close()
    assert main(["remind", "--db", base, "--as-of", "2026-05-01", "--json"]) == 0
    then = json.loads(capsys.readouterr().out)
    names = [c["name"] for c in then["calls"]]
    assert "Came back" in names and "New in May" not in names
    assert all(c["due_on"] == "2026-05-01" for c in then["calls"])
    assert then["as_of"] == "2026-05-01"
    assert main(["remind", "--db", base, "--json"]) == 0
    now = [c["name"] for c in json.loads(capsys.readouterr().out)["calls"]]
    assert "Came back" not in now  # she bought again on 20 May
