"""The loyalty tier rules at their boundaries (rules/loyalty.py)."""

from datetime import date

import pytest

from retainer.rules.loyalty import Figures, Tier, defaults, meets, problems, tier_of

TODAY = date(2026, 6, 15).toordinal()
SILVER = Tier("Silver", 5, min_purchases=5)
GOLD = Tier("Gold", 10, min_spent_cents=30_000, min_purchases=15, min_tenure_days=365)


@pytest.mark.parametrize("purchases,expected", [(4, False), (5, True), (6, True)])
def test_the_number_of_purchases_is_a_floor(purchases, expected):
    assert meets(SILVER, Figures(0, purchases, TODAY - 10), TODAY) is expected


@pytest.mark.parametrize("days,expected", [(364, False), (365, True)])
def test_tenure_counts_whole_days_since_the_first_purchase(days, expected):
    assert meets(GOLD, Figures(30_000, 15, TODAY - days), TODAY) is expected


def test_every_measure_must_hold_and_a_customer_without_a_dated_purchase_has_no_tenure():
    assert not meets(GOLD, Figures(29_999, 15, TODAY - 400), TODAY)
    assert not meets(GOLD, Figures(30_000, 14, TODAY - 400), TODAY)
    assert not meets(GOLD, Figures(30_000, 15, None), TODAY)
    assert not meets(Tier("Empty"), Figures(10**9, 10**6, TODAY - 10**4), TODAY)


def test_the_highest_tier_met_wins():
    tiers = [SILVER, GOLD]
    assert tier_of(tiers, Figures(0, 4, TODAY), TODAY) is None
    assert tier_of(tiers, Figures(0, 5, TODAY), TODAY) == 0
    assert tier_of(tiers, Figures(40_000, 20, TODAY - 500), TODAY) == 1


def test_the_defaults_are_sound():
    assert problems(defaults()) == {}


def test_a_higher_tier_asking_for_less_is_named_where_it_is_typed():
    found = problems([Tier("Gold", 10, min_purchases=10), Tier("Platinum", 15, min_purchases=8)])
    assert list(found) == [1] and "Platinum is above Gold but asks for less (purchases)" in found[1]
    found = problems([Tier("Silver", 5, min_spent_cents=10_000),
                      Tier("Gold", 10, min_purchases=10)])  # drops the spending floor
    assert "asks for less (total spent)" in found[1]


def test_the_same_rule_twice_a_missing_name_a_repeated_name_and_bad_numbers_are_named():
    assert "asks for the same as Silver" in problems([SILVER, Tier("Gold", 7, min_purchases=5)])[1]
    assert problems([Tier("  ", 5, min_purchases=1)]) == {0: "Give the tier a name."}
    assert "already called" in problems([SILVER, Tier("silver", 9, min_purchases=9)])[1]
    assert "between 0 and 100" in problems([Tier("Gold", 120, min_purchases=3)])[0]
    assert "below zero" in problems([Tier("Gold", 5, min_purchases=-1)])[0]
    assert "Set at least one" in problems([Tier("Gold", 5)])[0]
