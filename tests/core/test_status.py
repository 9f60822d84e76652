from datetime import date

import pytest

from retainer.rules.status import PurchaseRhythm, Status, median_gap, rhythm_as_of, status_of, status_reason

D = date(2025, 4, 1)


def days_before(*n: int) -> list[int]:
    return [D.toordinal() - k for k in n]


def status(days, lost=False, lapse=90, risk=2.0) -> Status:
    return status_of(rhythm_as_of(days, D, lost), D, lapse, risk)


def test_no_purchase_is_a_prospect():
    assert status([]) is Status.PROSPECT


def test_one_purchase_within_lapse_days_is_new_and_lapsed_one_day_later():
    assert status(days_before(90)) is Status.NEW
    assert status(days_before(91)) is Status.LAPSED


def test_lapsed_boundary_for_a_regular():
    # Buys every 60 days, so 90 days without a purchase is within their own rhythm.
    assert status(days_before(90, 150, 210)) is Status.ACTIVE
    assert status(days_before(91, 151, 211)) is Status.LAPSED


def test_purchases_on_the_day_itself_are_not_yet_seen():
    # As of D means the start of D: a purchase dated D does not count.
    assert status([D.toordinal()]) is Status.PROSPECT
    assert status([D.toordinal(), *days_before(91)]) is Status.LAPSED


def test_at_risk_needs_three_purchases_and_twice_the_median_gap():
    # Gaps of 10 days; last purchase 21 days ago > 2 x 10.
    assert status(days_before(21, 31, 41)) is Status.AT_RISK
    assert status(days_before(20, 30, 40)) is Status.ACTIVE  # exactly 2 x 10 is not beyond
    # Two purchases only: never at risk, whatever the gap.
    assert status(days_before(60, 61)) is Status.ACTIVE


def test_risk_factor_is_a_setting():
    assert status(days_before(21, 31, 41), risk=3.0) is Status.ACTIVE


def test_lapse_days_is_a_setting():
    assert status(days_before(40), lapse=30) is Status.LAPSED


def test_lost_wins_over_everything():
    assert status(days_before(1, 2, 3), lost=True) is Status.LOST
    assert status([], lost=True) is Status.LOST


def test_median_gap_uses_distinct_days():
    assert median_gap([1, 1, 2, 12]) == 5.5  # gaps 1 and 10
    assert median_gap([5, 5]) is None
    assert median_gap([]) is None


@pytest.mark.parametrize("rhythm,expected", [
    (PurchaseRhythm(4, D.toordinal() - 134, 21.0), "No purchase for 134 days; usually every 21 days."),
    (PurchaseRhythm(1, D.toordinal() - 5, None), "First purchase 5 days ago."),
    (PurchaseRhythm(0, None, None), "No purchase yet."),
])
def test_reason_in_plain_words(rhythm, expected):
    assert status_reason(rhythm, D, status_of(rhythm, D)) == expected
