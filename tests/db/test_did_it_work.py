"""Did it work: the Today list's reached against not reached, and each segment's messages."""

from datetime import date, datetime

import pytest
from sqlalchemy import update

from retainer.db.models import Contact, Outreach, Reminder
from retainer.rules.validation import CustomerForm
from retainer.services import CustomerQuery

MAY, JUNE = date(2026, 5, 1), date(2026, 6, 1)  # today is 15 June 2026 (tests/conftest.py)


def at(month, day, hour=12):
    return datetime(2026, month, day, hour)


def customer(services, name, *, listed=None, reason="lapsed", contacts=(), bought=(),
             trash=False, city="Vilnius", consent=True):
    phone = "+370 612 3" + str(sum(map(ord, name))).zfill(4)
    cid = services.customers.create(CustomerForm(name=name, phones=[phone], city=city,
                                                 consent_to_messages=consent))
    for when in bought:
        services.purchases.record(cid, 1000, when)
    with services.ctx.write() as s:
        if listed:
            s.add(Reminder(customer_id=cid, due_on=listed, reason=reason, state="open",
                           created_at=datetime.combine(listed, datetime.min.time())))
        for when in contacts:
            s.add(Contact(customer_id=cid, contacted_at=when, channel="call", outcome="reached"))
    if trash:
        services.customers.trash([cid])
    return cid


def test_the_today_list_reached_against_not_reached(services):
    """The worked example of docs/figures.md, "Did it work?"."""
    customer(services, "Anna", listed=date(2026, 5, 3), contacts=[at(5, 5)], bought=[at(5, 20)])
    customer(services, "Boris", listed=date(2026, 5, 3), contacts=[at(5, 10)], bought=[at(6, 9)])
    customer(services, "Clara", listed=date(2026, 5, 4), contacts=[at(5, 6)], bought=[at(6, 6)])
    # Contacted before being put on the list only: not reached; bought within its 30 days.
    customer(services, "Dan", listed=date(2026, 5, 2), contacts=[at(4, 30)], bought=[at(5, 25)])
    customer(services, "Eve", listed=date(2026, 5, 28))              # 30 days not over: waiting
    customer(services, "Fay", listed=date(2026, 5, 10), contacts=[at(6, 2)])  # reached too late
    customer(services, "Gus", listed=date(2026, 5, 3), trash=True)   # in the trash: not counted
    customer(services, "Hugo", listed=date(2026, 5, 3), reason="birthday")  # not drifting
    customer(services, "Ida", listed=date(2026, 4, 20))              # put on it before the period
    result = services.results.today_list(MAY, JUNE)
    r, n = result.reached, result.not_reached
    assert (r.customers, r.came_back, r.waiting) == (3, 2, 0)
    assert (n.customers, n.came_back, n.waiting) == (3, 1, 1)
    assert r.share == pytest.approx(2 / 3) and n.share == pytest.approx(1 / 2)
    assert result.difference == pytest.approx(100 / 6)


def test_an_empty_period_has_no_share(services):
    result = services.results.today_list(MAY, JUNE)
    assert result.reached.customers == result.not_reached.customers == 0
    assert result.difference is None


def test_each_segments_messages_against_those_left_out(services, tmp_path):
    anna = customer(services, "Anna", bought=[at(3, 1)])
    boris = customer(services, "Boris", bought=[at(3, 1)], consent=False)
    customer(services, "Clara", bought=[at(3, 1)])
    customer(services, "Dan", city="Kaunas", bought=[at(3, 1)])
    vilnius = services.segments.save("Vilnius", CustomerQuery(city="Vilnius"))
    services.segments.save("Kaunas", CustomerQuery(city="Kaunas"))
    plan = services.outreach.plan(vilnius.query, "Hi {first_name}", segment_name="Vilnius")
    services.outreach.send(plan, str(tmp_path / "a.csv"))
    shown = services.outreach.plan(CustomerQuery(text="Dan"), "Hi")
    services.outreach.send(shown, str(tmp_path / "b.csv"))
    with services.ctx.write() as s:  # both messages went out on 10 May
        s.execute(update(Outreach).values(made_at=at(5, 10)))
    services.purchases.record(anna, 1000, at(5, 30))   # a recipient came back
    services.purchases.record(boris, 1000, at(5, 12))  # and one left out (no consent)
    results = services.results.segments(MAY, JUNE, services.segments.counts())
    by_name = {r.name: r for r in results}
    assert [r.name for r in results] == ["Kaunas", "Vilnius", None]
    v = by_name["Vilnius"]
    assert (v.customers_today, v.outreaches, v.segment_id) == (3, 1, vilnius.id)
    assert (v.comparison.reached.customers, v.comparison.reached.came_back) == (2, 1)
    assert (v.comparison.not_reached.customers, v.comparison.not_reached.came_back) == (1, 1)
    assert by_name["Kaunas"].outreaches == 0 and by_name["Kaunas"].comparison.reached.customers == 0
    assert by_name[None].comparison.reached.customers == 1  # Dan, the customers shown
    # The same messages, a period later, are not counted.
    later = services.results.segments(JUNE, date(2026, 7, 1), services.segments.counts())
    assert all(r.outreaches == 0 for r in later)


def test_metrics_json_carries_the_same_figures(services, base, capsys):
    import json

    from retainer.cli import main

    customer(services, "A", listed=date(2026, 5, 3), contacts=[at(5, 5)], bought=[at(5, 20)])
    customer(services, "C", listed=date(2026, 5, 4), contacts=[at(5, 6)], bought=[at(6, 6)])
    customer(services, "E", listed=date(2026, 5, 28))
    services.segments.save("Vilnius", CustomerQuery(city="Vilnius"))
    services.close()
    # The command line runs on the real clock: months after June, nobody is still waiting.
    assert main(["metrics", "--db", base, "--json", "--from", "2026-05-01", "--to",
                 "2026-06-01"]) == 0
    worked = json.loads(capsys.readouterr().out)["did_it_work"]
    assert worked["window_days"] == 30
    assert worked["today_list"]["reached"] == {"customers": 2, "came_back": 1, "still_waiting": 0,
                                               "share": 0.5}
    assert worked["today_list"]["not_reached"] == {"customers": 1, "came_back": 0,
                                                   "still_waiting": 0, "share": 0.0}
    assert worked["today_list"]["difference_points"] == 50.0
    assert worked["segments"] == [{
        "segment": "Vilnius", "customers_today": 3, "messages": 0,
        "reached": {"customers": 0, "came_back": 0, "still_waiting": 0, "share": None},
        "not_reached": {"customers": 0, "came_back": 0, "still_waiting": 0, "share": None},
        "difference_points": None}]
    assert main(["metrics", "--db", base, "--from", "2026-05-01", "--to", "2026-06-01"]) == 0
    assert "Did it work (bought again within 30 days): reached 1 of 2 (50%); not reached 0 of 1 " \
           "(0%)" in capsys.readouterr().out
