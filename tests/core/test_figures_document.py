"""The worked examples of docs/figures.md, computed by the code they describe."""

from datetime import date, datetime

import pytest

from retainer.rules.churn_model import Params, expected_purchases, p_alive
from retainer.rules.metrics import Retention, cohort_matrix, month_index, nps_of, rfm_segment
from retainer.rules.status import Status, rhythm_as_of, status_of
from retainer.services.summary import purchase_figures


def test_summary_figures_example():
    figures = purchase_figures([(datetime(2026, 3, 1, 10), 1000), (datetime(2026, 3, 1, 17), 500),
                                (datetime(2026, 3, 11, 9), 750), (datetime(2026, 3, 31, 12), 250)])
    assert (figures["purchase_count"], figures["purchase_days"], figures["total_spent_cents"],
            figures["median_gap_days"]) == (4, 3, 2500, 15.0)
    assert figures["first_purchase_at"] == datetime(2026, 3, 1, 10)
    assert figures["last_purchase_day"] == date(2026, 3, 31).toordinal()


def test_status_examples():
    def status(days, on):
        return status_of(rhythm_as_of([d.toordinal() for d in days], on), on, 90, 2.0)

    july = date(2026, 7, 1)
    assert status([date(2026, 6, 20)], july) is Status.NEW
    boris = [date(2026, 5, 12), date(2026, 5, 22), date(2026, 6, 1)]
    assert status(boris, july) is Status.AT_RISK
    assert status(boris, date(2026, 6, 15)) is Status.ACTIVE
    assert status([date(2026, 2, 1), date(2026, 3, 1)], july) is Status.LAPSED
    assert status([], july) is Status.PROSPECT


def test_retention_and_nps_examples():
    quarter = Retention(start_active=200, end_active=210, new=40, churned=30)
    assert (quarter.crr, quarter.churn_rate) == (85.0, 15.0)
    assert nps_of([10] * 25 + [7] * 15 + [3] * 10).score == 30


def test_cohort_example():
    jan, feb, mar = month_index(2026, 1), month_index(2026, 2), month_index(2026, 3)
    pairs = [(1, jan), (2, jan), (3, jan), (4, jan), (1, feb), (2, feb), (1, mar)]
    assert cohort_matrix(pairs, months_after=2)[jan] == [1.0, 0.5, 0.25]  # shares: 100 %, 50 %, 25 %


def test_rfm_examples():
    assert rfm_segment(5, 5) == "Champions"
    assert rfm_segment(1, 5) == "Can't lose them"
    assert rfm_segment(2, 2) == "Hibernating" and rfm_segment(1, 1) == "Lost"


def test_probability_alive_example():
    params = Params(r=0.25, alpha=4.0, a=0.8, b=2.4)
    assert float(p_alive(params, 4, 190, 200)) == pytest.approx(0.85, abs=0.005)
    assert float(expected_purchases(params, 90, 4, 190, 200)) == pytest.approx(1.58, abs=0.005)
    assert float(p_alive(params, 4, 120, 200)) == pytest.approx(0.45, abs=0.005)
    assert float(expected_purchases(params, 90, 4, 120, 200)) == pytest.approx(0.84, abs=0.005)
    assert float(p_alive(params, 0, 0, 200)) == 1.0


def test_opening_history_example():
    from retainer.rules.opening import Opening

    first, last, today = date(2025, 1, 1), date(2026, 4, 1), date(2026, 6, 15)
    gleb = Opening(20, 900_000, first.toordinal(), last.toordinal())
    figures = purchase_figures([], gleb.settled())
    assert figures["median_gap_days"] == pytest.approx(23.9, abs=0.05)
    assert (figures["purchase_count"], figures["total_spent_cents"]) == (20, 900_000)
    assert figures["first_purchase_at"].date() == first and figures["last_purchase_day"] == last.toordinal()
    from retainer.rules.status import PurchaseRhythm

    rhythm = PurchaseRhythm(figures["purchase_count"], figures["last_purchase_day"],
                            figures["median_gap_days"])
    assert status_of(rhythm, today, 90, 2.0) is Status.AT_RISK
    days = today.toordinal() - first.toordinal()
    assert days == 530 and round(9000 / days * 365) == 6198
    # One date stands for both, and the count is at least what the dates show.
    assert Opening(0, 5000, None, last.toordinal()).settled() == Opening(1, 5000, last.toordinal(),
                                                                         last.toordinal())
    assert Opening(0, 0, first.toordinal(), last.toordinal()).settled().count == 2
