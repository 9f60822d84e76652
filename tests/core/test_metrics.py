from hypothesis import given
from hypothesis import strategies as st

from retainer.metrics import Nps, Retention, nps_of


def test_crr_worked_example_from_the_spec():
    # S = 200, N = 40, E = 210 -> CRR = (210 - 40) / 200 x 100 = 85 %.
    assert Retention(start_active=200, end_active=210, new=40, churned=30).crr == 85.0


def test_crr_undefined_without_customers_at_the_start():
    assert Retention(0, 10, 10, 0).crr is None and Retention(0, 10, 10, 0).churn_rate is None


def test_nps_worked_example_from_the_spec():
    # 50 answers: 25 promoters, 15 passives, 10 detractors -> 50 % - 20 % = +30.
    scores = [10] * 25 + [7] * 15 + [3] * 10
    result = nps_of(scores)
    assert (result.promoters, result.passives, result.detractors, result.score) == (25, 15, 10, 30)


def test_nps_groups_at_their_edges():
    assert nps_of([9, 8, 7, 6]) == Nps(1, 2, 1)
    assert nps_of([]).score is None


@given(st.lists(st.integers(min_value=0, max_value=10), max_size=300))
def test_nps_is_always_between_minus_100_and_100(scores):
    score = nps_of(scores).score
    assert score is None or -100 <= score <= 100


@given(st.integers(1, 1000), st.integers(0, 1000), st.integers(0, 1000))
def test_crr_is_the_formula(s, e, n):
    assert Retention(s, e, n, 0).crr == (e - n) / s * 100
