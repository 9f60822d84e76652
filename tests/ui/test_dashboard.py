from datetime import datetime, timedelta

from retainer.status import Status
from retainer.validation import CustomerForm
from tests.conftest import NOW


def base(services):
    for i in range(6):
        cid = services.customers.create(CustomerForm(name=f"C{i}", phones=[f"+370 612 3456{i}"]))
        for months_ago in range(i + 1):
            services.purchases.record(cid, 1000 * (i + 1), NOW - timedelta(days=30 * months_ago + 3))
        services.feedback.record(cid, 10 - i, "", given_on=NOW.date() - timedelta(days=20))
    lost = services.customers.create(CustomerForm(name="Gone", phones=["+370 612 34599"]))
    services.purchases.record(lost, 500, NOW - timedelta(days=300))
    services.feedback.mark_lost(lost, "price")


def test_empty_base_says_what_each_chart_needs(qtbot, window):
    window.nav.setCurrentRow(3)
    charts = window.dashboard.charts
    assert set(charts) == {"retention", "nps", "cohorts", "statuses", "rfm", "churn"}
    # Charts are drawn one per turn of the event loop.
    qtbot.waitUntil(lambda: all(box.stack.currentWidget() is box.empty for box in charts.values()))
    assert "Needs 0–10 answers" in charts["nps"].empty.text()
    assert window.dashboard.tiles["crr"].value.text() == "—"


def test_figures_charts_and_click_through(qtbot, window, services, tmp_path):
    base(services)
    window.nav.setCurrentRow(3)
    board = window.dashboard
    data = board.data
    assert data.start == datetime(2026, 5, 1).date() and data.end == datetime(2026, 6, 1).date()
    r = data.retention
    assert board.tiles["crr"].value.text() == ("—" if r.crr is None else f"{r.crr:.0f} %")
    assert f"S = {r.start_active}" in board.tiles["crr"].toolTip()
    assert board.tiles["nps"].value.text() == f"{data.nps.score:+d}"
    qtbot.waitUntil(lambda: all(box.stack.currentWidget() is box.canvas
                                for box in board.charts.values()))
    # The period selector recomputes; a quarter is three months long.
    board.period.setCurrentIndex(board.period.findData("quarter"))
    assert (board.data.end - board.data.start).days in range(89, 93)
    # Clicking the "Lapsed" bar opens Customers filtered to lapsed.
    board.show_status.emit(Status.LOST)
    assert window.nav.currentRow() == 1
    assert [window.customers.model.rows[i].name for i in range(window.customers.model.rowCount())] == ["Gone"]
    png = tmp_path / "nps.png"
    board.charts["nps"].save_png(str(png))
    assert png.read_bytes()[:4] == b"\x89PNG"
