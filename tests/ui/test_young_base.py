"""The first screens tell the truth on a young base: 180 customers imported this morning,
one purchase, one call and one NPS answer."""

from datetime import timedelta

import pytest

from retainer.services import CustomerQuery
from retainer.services.calls import CallForm
from tests.conftest import NOW
from tests.excel import ugly


@pytest.fixture
def young(services, tmp_path):
    rows = [["ФИО", "Телефон"]] + [[f"Гость {k:03d}", f"8 (916) {100 + k:03d}-45-67"] for k in range(180)]
    path = ugly.xlsx(tmp_path / "гости.xlsx", rows)
    report = services.imports.run_to_end(services.imports.layout(str(path)).plan())
    assert report.customers_added == 180
    first = services.customers.page(CustomerQuery(), 0, 1)[0].id
    services.purchases.record(first, 45000, NOW - timedelta(hours=2))
    services.calls.log(first, CallForm(outcome="reached", nps_score=10))
    return services


def drawn(qtbot, box):
    qtbot.waitUntil(lambda: box.canvas.picture is not None and box.stack.currentWidget() is box.canvas,
                    timeout=10_000)
    return box.canvas.figure


def test_today_on_a_young_base_says_what_is_missing(window, young):
    window.nav.setCurrentRow(0)
    screen = window.today
    assert screen.stack.currentWidget() is screen.empty
    text = screen.empty.text.text()
    assert "179 of your 180 customers have no purchase recorded" in text
    assert "usual pace" in text and "was called recently" not in text


def test_the_dashboard_opens_on_this_month_and_agrees_with_feedback(qtbot, window, young):
    window.nav.setCurrentRow(3)
    board = window.dashboard
    qtbot.waitUntil(lambda: board.data is not None and board.period.currentData() == "this_month",
                    timeout=10_000)
    assert board.tiles["nps"].value.text() == "+100"
    window.nav.setCurrentRow(2)
    qtbot.waitUntil(lambda: "NPS +100" in window.feedback.nps_line.text(), timeout=10_000)
    window.nav.setCurrentRow(3)
    # This month's answer is on the NPS chart, not "Needs 0–10 answers".
    drawn(qtbot, board.charts["nps"])


def test_small_base_charts_count_in_whole_numbers_and_rfm_waits(qtbot, window, young):
    window.nav.setCurrentRow(3)
    board = window.dashboard
    qtbot.waitUntil(lambda: board.data is not None and board.period.currentData() == "this_month",
                    timeout=10_000)
    cohorts = drawn(qtbot, board.charts["cohorts"])
    ticks = [t for t in cohorts.axes[0].get_xticks() if -0.5 <= t <= 0.5]
    assert ticks == [0.0]  # one cohort: month 0, not −0.4 … 0.4
    statuses = drawn(qtbot, board.charts["statuses"])
    assert all(float(t).is_integer() for t in statuses.axes[0].get_yticks())
    rfm = board.charts["rfm"]
    qtbot.waitUntil(lambda: rfm.stack.currentWidget() is rfm.empty, timeout=10_000)
    assert "at least 25 customers" in rfm.empty.text()
    # The one who bought today is in no segment, least of all "Lost".
    assert young.metrics.rfm() == {}
