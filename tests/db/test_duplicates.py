"""Duplicates: found by phone, e-mail or a similar name; merged keeping every related row."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from retainer.db.models import Contact, Feedback, OutreachMember, Purchase, Reminder, TierChange
from retainer.rules.loyalty import Tier
from retainer.rules.validation import CustomerForm
from retainer.services import CustomerQuery
from retainer.services.calls import CallForm
from retainer.services.duplicates import (
    NAME_BIRTHDAY,
    NAME_CITY,
    SAME_EMAIL,
    SAME_PHONE,
    MergeProblem,
    similar,
)
from tests.conftest import NOW


def add(services, name, phones=(), **extra):
    return services.customers.create(CustomerForm(name=name, phones=list(phones), **extra))


def pairs(services):
    return {(p.first.values["name"], p.second.values["name"]): p.reason
            for p in services.duplicates.find()}


def test_likely_duplicates_by_phone_e_mail_and_similar_names(services):
    add(services, "Anna Petrova", ["8 916 123-45-67"])
    add(services, "Анна П.", ["+7 (916) 1234567"])                        # the same number
    add(services, "Boris", email="Boris@Example.com ")
    add(services, "B. Orlov", email="boris@example.com")                  # the same e-mail
    add(services, "Ieva Balčiūnienė", birthday=date(1990, 3, 4))
    add(services, "Balčiūnienė Ieva", birthday=date(1990, 3, 4))          # words swapped
    add(services, "Jonas Kazlauskas", city="Vilnius")
    add(services, "Jonas Kazlauskass", city="vilnius ")                   # a letter more
    add(services, "Jonas Kazlauskas", city="Kaunas", birthday=date(1980, 1, 1))  # elsewhere
    add(services, "Olga", ["+7 916 000 00 01"])
    gone = add(services, "Olga Copy", ["+7 916 000 00 01"])
    services.customers.trash([gone])                                      # in the trash
    found = pairs(services)
    assert found == {("Anna Petrova", "Анна П."): SAME_PHONE, ("Boris", "B. Orlov"): SAME_EMAIL,
                     ("Ieva Balčiūnienė", "Balčiūnienė Ieva"): NAME_BIRTHDAY,
                     ("Jonas Kazlauskas", "Jonas Kazlauskass"): NAME_CITY}
    assert list(found.values()) == [SAME_PHONE, SAME_EMAIL, NAME_BIRTHDAY, NAME_CITY]


@pytest.mark.parametrize(("a", "b", "alike"), [
    ("Anna Petrova", "petrova anna", True), ("Алёна Смирнова", "Алена Смирнова", True),
    ("Jonas Kazlauskas", "Jonas Kazlauskass", True), ("Anna Petrova", "Anna Ivanova", False),
    ("Ann", "Anna Petrova", False)])
def test_similar_names(a, b, alike):
    assert similar(a, b) is alike


def test_the_one_with_more_purchases_comes_first(services):
    add(services, "Anna new", ["+370 612 34567"])
    older = add(services, "Anna old", ["+370 612 34567"])
    services.purchases.record(older, 1000, NOW - timedelta(days=3))
    (pair,) = services.duplicates.find()
    assert pair.first.id == older and pair.first.purchases == 1


@pytest.fixture
def two(services):
    services.loyalty.save([Tier("Silver", 5, min_purchases=3)])
    keep = add(services, "Anna Petrova", ["+7 916 123 45 67"], email="anna@example.com",
               tags=["VIP"], city="Moscow")
    other = add(services, "Anna P.", ["+7 916 123 45 67", "+7 903 000 11 22"],
                card_number="0042", tags=["кофе", "vip"], birthday=date(1990, 5, 1),
                consent_to_messages=True)
    friend = add(services, "Ieva", referred_by_id=other)
    for k in range(2):
        services.purchases.record(keep, 1000, NOW - timedelta(days=30 + k))
    services.purchases.record(other, 2500, NOW - timedelta(days=10))
    services.calls.log(other, CallForm(outcome="reached", nps_score=9))
    services.feedback.record(other, 4, "Cold coffee", given_on=NOW.date())
    plan = services.outreach.plan(CustomerQuery(text="Anna P."), "Hi")
    return keep, other, friend, plan


def related(services, cid):
    with services.ctx.read() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m).where(m.customer_id == cid))
                for m in (Purchase, Contact, Feedback, Reminder, TierChange, OutreachMember)}


def test_a_merge_keeps_every_related_row_and_the_figures_add_up(services, two, tmp_path):
    keep, other, friend, plan = two
    services.outreach.send(plan, str(tmp_path / "x.csv"))
    before_keep, before_other = related(services, keep), related(services, other)
    assert before_other["Purchase"] == 1 and before_other["Feedback"] >= 2
    services.duplicates.merge(keep, other, take={"birthday", "card_number",
                                                  "consent_to_messages"})
    after = related(services, keep)
    assert after == {k: before_keep[k] + before_other[k] for k in after} | {
        "TierChange": after["TierChange"]}
    assert related(services, other) == {k: 0 for k in after}
    card = services.customers.card(keep)
    f = card.form
    assert (f.name, f.email, f.city, f.birthday, f.card_number) == (
        "Anna Petrova", "anna@example.com", "Moscow", date(1990, 5, 1), "0042")
    assert f.consent_to_messages is True
    assert f.phones == ["+7 916 123-45-67", "+7 903 000-11-22"]
    assert sorted(f.tags, key=str.casefold) == ["VIP", "кофе"]
    row = services.customers.page(CustomerQuery(text="Anna"), 0, 10)
    assert [(r.id, r.purchase_count, r.total_spent_cents) for r in row] == [(keep, 3, 4500)]
    assert services.customers.card(friend).form.referred_by_id == keep
    assert services.customers.page(CustomerQuery(trash=True), 0, 10)[0].id == other
    with services.ctx.read() as s:  # three purchases now: Silver, logged
        assert s.scalar(select(TierChange.to_tier).where(TierChange.customer_id == keep)) == "Silver"


def test_undo_puts_both_cards_back_as_they_were(services, two, tmp_path):
    keep, other, friend, plan = two
    services.outreach.send(plan, str(tmp_path / "x.csv"))
    cards = services.customers.card(keep).form, services.customers.card(other).form
    counts = related(services, keep), related(services, other)
    services.duplicates.merge(keep, other, take={"card_number", "name"})
    assert services.customers.card(keep).form.name == "Anna P."
    assert services.undo() == "Undo merging Anna P. into Anna P."
    assert (services.customers.card(keep).form, services.customers.card(other).form) == cards
    assert (related(services, keep), related(services, other)) == counts
    assert services.customers.card(friend).form.referred_by_id == other
    rows = {r.id: (r.purchase_count, r.total_spent_cents)
            for r in services.customers.page(CustomerQuery(text="Anna"), 0, 10)}
    assert rows == {keep: (2, 2000), other: (1, 2500)}


def test_opening_histories_add_up(services):
    keep, other = add(services, "Anna"), add(services, "Anna 2")
    with services.ctx.write() as s:
        from retainer.db.models import Customer

        for cid, n, cents, first, last in ((keep, 3, 3000, 738000, 738100),
                                           (other, 2, 5000, 737900, 738050)):
            c = s.get(Customer, cid)
            c.opening_count, c.opening_spent_cents = n, cents
            c.opening_first_day, c.opening_last_day = first, last
            from retainer.services.summary import refresh_purchase_summary
            refresh_purchase_summary(s, c)
    services.duplicates.merge(keep, other)
    (row,) = services.customers.page(CustomerQuery(text="Anna"), 0, 10)
    assert (row.purchase_count, row.total_spent_cents) == (5, 8000)


def test_a_merge_with_oneself_or_the_trash_is_refused_and_changes_nothing(services):
    anna, boris = add(services, "Anna"), add(services, "Boris")
    with pytest.raises(MergeProblem, match="themselves"):
        services.duplicates.merge(anna, anna)
    services.customers.trash([boris])
    with pytest.raises(MergeProblem, match="Boris is in the trash"):
        services.duplicates.merge(anna, boris)
    assert services.customers.card(anna).form.name == "Anna"
    assert services.undo_label() != "Undo merging Boris into Anna"
