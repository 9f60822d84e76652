from hypothesis import given
from hypothesis import strategies as st

from retainer.rules.metrics import (
    SEGMENTS,
    Nps,
    Retention,
    cohort_matrix,
    month_index,
    nps_of,
    quintile_scores,
    rfm_scores,
    rfm_segment,
)


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



def test_cohort_matrix_worked_example():
    jan, feb, mar = month_index(2026, 1), month_index(2026, 2), month_index(2026, 3)
    purchases = [(1, jan), (1, feb), (2, jan), (2, mar), (3, jan), (4, feb), (4, feb)]
    matrix = cohort_matrix(purchases, months_after=2)
    assert matrix[jan] == [1.0, 1 / 3, 1 / 3]   # 1 came back in February, 2 in March
    assert matrix[feb] == [1.0, 0.0, 0.0]


@given(st.lists(st.tuples(st.integers(1, 30), st.integers(24000, 24030)), min_size=1, max_size=200))
def test_cohort_month_zero_is_always_100_percent(purchases):
    for row in cohort_matrix(purchases, 6).values():
        assert row[0] == 1.0 and all(0.0 <= share <= 1.0 for share in row)


def test_quintiles_and_ties():
    assert quintile_scores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    scores = quintile_scores([10, 1], higher_is_better=False)
    assert scores[1] > scores[0]
    tied = quintile_scores([1] * 7 + [5, 9, 20])
    assert len(set(tied[:7])) == 1


def test_rfm_segments_at_the_corners():
    assert rfm_segment(5, 5) == "Champions"
    assert rfm_segment(1, 5) == "Can't lose them"
    assert rfm_segment(5, 1) == "New"
    assert rfm_segment(1, 1) == "Lost"
    assert rfm_segment(2, 3) == "At risk"
    assert {rfm_segment(r, f) for r in range(1, 6) for f in range(1, 6)} == set(SEGMENTS)


@given(st.lists(st.tuples(st.integers(0, 900), st.integers(1, 60), st.integers(1, 10**6)),
                min_size=1, max_size=100))
def test_every_buying_customer_gets_one_segment(rows):
    recency, frequency, spent = (list(x) for x in zip(*rows, strict=True))
    scores = rfm_scores(recency, frequency, spent)
    assert len(scores) == len(rows)
    assert all(1 <= s.recency <= 5 and 1 <= s.frequency <= 5 and 1 <= s.monetary <= 5 for s in scores)
    assert all(s.segment in SEGMENTS for s in scores)


@given(st.lists(st.tuples(st.integers(0, 900), st.integers(1, 60)), max_size=300))
def test_segment_counts_for_a_whole_base_match_the_scores_one_by_one(rows):
    from collections import Counter

    from retainer.rules.metrics import segment_counts

    recency = [r for r, _ in rows]
    frequency = [f for _, f in rows]
    expected = Counter(s.segment for s in rfm_scores(recency, frequency, [1] * len(rows)))
    got = segment_counts(recency, frequency)
    assert set(got) == set(SEGMENTS)
    assert {k: v for k, v in got.items() if v} == dict(expected)
