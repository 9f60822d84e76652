"""Did it work: came back within 30 days of being reached, at the edges of the 30 days."""

from datetime import date, timedelta

import pytest

from retainer.rules.results import Comparison, Group, came_back, group

CALLED = date(2026, 5, 10)


@pytest.mark.parametrize(("bought", "today", "expected"), [
    ([CALLED], date(2026, 7, 1), True),                          # the day of the call counts
    ([CALLED + timedelta(days=30)], date(2026, 7, 1), True),     # and the 30th day after it
    ([CALLED + timedelta(days=31)], date(2026, 7, 1), False),    # the 31st does not
    ([CALLED - timedelta(days=1)], date(2026, 7, 1), False),     # nor the day before the call
    ([], CALLED + timedelta(days=30), None),                     # the 30th day is not over yet
    ([], CALLED + timedelta(days=31), False),                    # now it is
    ([CALLED + timedelta(days=3)], CALLED + timedelta(days=3), True),  # bought: no waiting
])
def test_came_back_within_30_days_of_being_reached(bought, today, expected):
    assert came_back(CALLED, bought, today) is expected


def test_a_group_leaves_those_still_waiting_out_of_the_share():
    g = group([True, False, None, True])
    assert (g.customers, g.came_back, g.waiting, g.decided) == (4, 2, 1, 3)
    assert g.share == pytest.approx(2 / 3)
    assert group([None, None]).share is None
    assert group([]).share is None


def test_the_difference_is_in_percentage_points_and_needs_both_shares():
    both = Comparison(Group(10, 3), Group(20, 2))
    assert both.difference == pytest.approx(20.0)   # 30 % against 10 %
    assert Comparison(Group(10, 3), Group(0)).difference is None
    assert Comparison(Group(4, 1), Group(4, 2)).difference == pytest.approx(-25.0)
