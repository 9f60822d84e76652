"""The Customers screen's filters, and saved segments over them (services/saved_segments.py)."""

from datetime import datetime

import pytest

from retainer.rules.status import Status
from retainer.rules.validation import CustomerForm
from retainer.services import CustomerQuery
from retainer.services.saved_segments import SegmentProblem, query_json, query_of


def customer(services, name, *purchases, **fields):
    cid = services.customers.create(CustomerForm(name=name, **fields))
    for when, cents in purchases:
        services.purchases.record(cid, cents, when)
    return cid


def names(services, query):
    return [r.name for r in services.customers.page(query, 0, 100)]


@pytest.fixture
def shop(services):
    # Today is 2026-06-15 (tests/conftest.py NOW).
    customer(services, "Anna", (datetime(2026, 6, 5, 10), 2000), city="Vilnius", source="Instagram",
             consent_to_messages=True)                                     # 10 days ago, 20.00
    customer(services, "Boris", (datetime(2026, 5, 16, 10), 5000), city="Kaunas", source="Friend")
    # 30 days ago, 50.00
    customer(services, "Chloe", (datetime(2026, 2, 15, 10), 10000), city="Vilnius",
             consent_to_messages=True)                                     # 120 days ago, 100.00
    customer(services, "Dmitry", city="Vilnius", source="Instagram")       # no purchase
    return services


def test_the_last_purchase_range_counts_both_of_its_ends(shop):
    assert names(shop, CustomerQuery(last_days_min=10, last_days_max=30)) == ["Anna", "Boris"]
    assert names(shop, CustomerQuery(last_days_min=11, last_days_max=89)) == ["Boris"]
    assert names(shop, CustomerQuery(last_days_min=30)) == ["Boris", "Chloe"]
    assert names(shop, CustomerQuery(last_days_max=9)) == []


def test_the_spend_range_counts_both_of_its_ends(shop):
    assert names(shop, CustomerQuery(spent_min_cents=2000, spent_max_cents=5000)) == ["Anna", "Boris"]
    assert names(shop, CustomerQuery(spent_min_cents=2001)) == ["Boris", "Chloe"]
    assert names(shop, CustomerQuery(spent_max_cents=0)) == ["Dmitry"]


def test_consent_city_and_source_filter_and_combine(shop):
    assert names(shop, CustomerQuery(consent=True)) == ["Anna", "Chloe"]
    assert names(shop, CustomerQuery(consent=False)) == ["Boris", "Dmitry"]
    assert names(shop, CustomerQuery(city="Vilnius", source="Instagram")) == ["Anna", "Dmitry"]
    assert names(shop, CustomerQuery(city="Vilnius", consent=True, status=Status.LAPSED)) == ["Chloe"]
    assert shop.customers.places() == (["Kaunas", "Vilnius"], ["Friend", "Instagram"])


def test_a_saved_segment_keeps_the_filter_and_its_count_is_todays(shop):
    segment = shop.segments.save("  Vilnius   regulars ", CustomerQuery(city="Vilnius", consent=True,
                                                                      trash=True, sort="total_spent"))
    assert segment.name == "Vilnius regulars"
    assert segment.query == CustomerQuery(city="Vilnius", consent=True)  # no trash, no sort kept
    [(found, count)] = shop.segments.counts()
    assert found.name == "Vilnius regulars" and count == 2
    customer(shop, "Elena", city="Vilnius", consent_to_messages=True)
    assert shop.segments.counts()[0][1] == 3


def test_saving_under_a_name_in_use_replaces_it_and_undo_brings_the_old_one_back(shop):
    shop.segments.save("Best", CustomerQuery(spent_min_cents=5000))
    shop.segments.save("best", CustomerQuery(spent_min_cents=9000))
    [(segment, count)] = shop.segments.counts()
    assert segment.query.spent_min_cents == 9000 and count == 1
    assert shop.undo() == "Undo saving the segment “best”"
    [(segment, count)] = shop.segments.counts()
    assert (segment.name, segment.query.spent_min_cents, count) == ("Best", 5000, 2)


def test_deleting_a_segment_is_undoable(shop):
    segment = shop.segments.save("Lapsed", CustomerQuery(status=Status.LAPSED))
    shop.segments.delete(segment.id)
    assert shop.segments.all() == []
    shop.undo()
    assert [s.query.status for s in shop.segments.all()] == [Status.LAPSED]


@pytest.mark.parametrize("name, query, words", [
    ("", CustomerQuery(city="Vilnius"), "Give the segment a name"),
    ("x" * 81, CustomerQuery(city="Vilnius"), "at most 80"),
    ("Everyone", CustomerQuery(trash=True, sort="tier"), "Choose at least one filter"),
])
def test_a_segment_that_cannot_be_saved_is_named_and_nothing_is_kept(shop, name, query, words):
    with pytest.raises(SegmentProblem, match=words):
        shop.segments.save(name, query)
    assert shop.segments.all() == [] and shop.undo_label() == "Undo adding Dmitry"


def test_a_kept_filter_reads_back_the_same_and_ignores_what_it_does_not_know():
    query = CustomerQuery(text="anna", status=Status.AT_RISK, tag="VIP", segment="Champions",
                          tier_id=3, last_days_min=30, last_days_max=90, spent_min_cents=1,
                          spent_max_cents=2, consent=False, city="Vilnius", source="Friend")
    assert query_of(query_json(query)) == query
    assert query_of('{"city": "Kaunas", "colour": "red"}') == CustomerQuery(city="Kaunas")


def test_a_segment_that_matches_nobody_counts_nought(shop):
    shop.segments.save("Nobody", CustomerQuery(city="Riga"))
    assert shop.segments.counts()[0][1] == 0
