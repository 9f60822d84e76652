"""Who brings new customers (docs/figures.md, "Referrals")."""

import json
from datetime import datetime

from retainer.rules.validation import CustomerForm
from retainer.services.referrals import top_referrers


def referred(services, name, by, *amounts):
    cid = services.customers.create(CustomerForm(name=name, referred_by_id=by))
    for day, cents in enumerate(amounts, start=1):
        services.purchases.record(cid, cents, datetime(2026, 5, day, 10))
    return cid


def test_the_referrers_who_brought_most_come_first_with_what_their_customers_spent(services):
    anna = services.customers.create(CustomerForm(name="Anna Petrova"))
    boris = services.customers.create(CustomerForm(name="Boris Orlov"))
    services.customers.create(CustomerForm(name="Nobody Referred"))
    referred(services, "Ieva", anna, 1000, 500)
    referred(services, "Jonas", anna)            # has not bought yet
    referred(services, "Olga", boris, 4000)
    gone = referred(services, "Trashed", boris, 9999)
    services.customers.trash([gone])             # a customer in the trash is not counted
    top = top_referrers(services.ctx)
    assert [(r.name, r.brought, r.buying, r.spent_cents) for r in top] == [
        ("Anna Petrova", 2, 1, 1500), ("Boris Orlov", 1, 1, 4000)]


def test_an_erased_customer_still_counts_for_who_referred_them_but_is_never_a_referrer(services):
    anna = services.customers.create(CustomerForm(name="Anna Petrova"))
    ieva = referred(services, "Ieva", anna, 700)
    referred(services, "Jonas", ieva, 300)
    services.personal_data.erase(ieva)
    top = top_referrers(services.ctx)
    assert [(r.name, r.brought, r.spent_cents) for r in top] == [("Anna Petrova", 1, 700)]


def test_ties_go_to_the_referrer_whose_customers_spent_more_and_the_list_is_capped(services):
    ids = [services.customers.create(CustomerForm(name=f"Referrer {i:02d}")) for i in range(12)]
    for i, by in enumerate(ids):
        referred(services, f"New {i}", by, 100 * (i + 1))
    top = top_referrers(services.ctx, limit=10)
    assert len(top) == 10 and top[0].name == "Referrer 11" and top[-1].name == "Referrer 02"


def test_the_dashboard_and_metrics_json_carry_the_referrers(services, base, capsys):
    from datetime import date

    from retainer.cli import main
    from retainer.services.metrics import dashboard

    anna = services.customers.create(CustomerForm(name="Anna Petrova"))
    referred(services, "Ieva", anna, 1250)
    board = dashboard(services.metrics, services.customers, date(2026, 5, 1), date(2026, 6, 1))
    assert [(r.name, r.brought) for r in board.referrers] == [("Anna Petrova", 1)]
    services.close()
    assert main(["metrics", "--db", base, "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["referrers"] == [{"customer_id": anna, "name": "Anna Petrova", "brought": 1,
                                     "buying": 1, "spent": 12.5}]
