from datetime import datetime, timedelta

from retainer.rules.status import Status
from retainer.rules.validation import CustomerForm
from tests.conftest import NOW


def shop(services):
    for i in range(6):
        cid = services.customers.create(CustomerForm(name=f"C{i}", phones=[f"+370 612 3456{i}"]))
        for months_ago in range(i + 1):
            services.purchases.record(cid, 1000 * (i + 1), NOW - timedelta(days=30 * months_ago + 3))
        services.feedback.record(cid, 10 - i, "", given_on=NOW.date() - timedelta(days=20))
    lost = services.customers.create(CustomerForm(name="Gone", phones=["+370 612 34599"]))
    services.purchases.record(lost, 500, NOW - timedelta(days=300))
    services.feedback.mark_lost(lost, "price")


def more_buyers(services, n=20):
    """Enough buying customers for RFM's quintiles (rules.metrics.RFM_MIN_BUYERS)."""
    for i in range(n):
        cid = services.customers.create(CustomerForm(name=f"Buyer {i}", phones=[f"+370 612 4{i:04d}"]))
        for k in range(i % 4 + 1):
            services.purchases.record(cid, 700, NOW - timedelta(days=11 * i + 40 * k + 1))


def test_empty_base_says_what_each_chart_needs(qtbot, window):
    window.nav.setCurrentRow(3)
    charts = window.dashboard.charts
    assert set(charts) == {"retention", "nps", "cohorts", "statuses", "rfm", "churn"}
    # Charts are drawn one per turn of the event loop.
    qtbot.waitUntil(lambda: all(box.stack.currentWidget() is box.empty for box in charts.values()))
    assert "Needs 0–10 answers" in charts["nps"].empty.text()
    assert window.dashboard.tiles["crr"].value.text() == "—"


def test_figures_charts_and_click_through(qtbot, window, services, tmp_path):
    shop(services)
    window.nav.setCurrentRow(3)
    board = window.dashboard
    data = board.data
    assert data.start == datetime(2026, 5, 1).date() and data.end == datetime(2026, 6, 1).date()
    r = data.retention
    assert board.tiles["crr"].value.text() == ("—" if r.crr is None else f"{r.crr:.0f}%")
    assert f"S = {r.start_active}" in board.tiles["crr"].toolTip()
    assert board.tiles["nps"].value.text() == f"{data.nps.score:+d}"
    qtbot.waitUntil(lambda: all(box.stack.currentWidget() is box.canvas
                                for key, box in board.charts.items() if key != "rfm"))
    # Seven buying customers are too few to score against each other: RFM says so.
    assert board.charts["rfm"].stack.currentWidget() is board.charts["rfm"].empty
    assert "at least 25 customers with purchases" in board.charts["rfm"].empty.text()
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


def test_charts_are_drawn_off_the_gui_thread_and_a_bar_click_opens_its_customers(qtbot, services, answers):
    import threading

    from PySide6.QtCore import QPoint, Qt

    from retainer.ui.main_window import MainWindow
    from retainer.ui.tasks import Tasks

    shop(services)
    more_buyers(services)
    tasks = Tasks()  # real background lanes, as in the app
    window = MainWindow(services, tasks)
    qtbot.addWidget(window)
    window.show()
    try:
        board = window.dashboard
        window.nav.setCurrentRow(3)
        canvas = board.charts["statuses"].canvas
        figure = canvas.figure
        drawn_on = set()
        original = figure.draw

        def watched(renderer):
            drawn_on.add(threading.current_thread().name)
            return original(renderer)

        figure.draw = watched
        board.refresh()
        qtbot.waitUntil(lambda: tasks.idle() and canvas.picture is not None and bool(drawn_on),
                        timeout=20_000)
        assert drawn_on == {"retainer-charts_0"}
        # The picture is the figure at the canvas's size.
        assert canvas.picture.width() == canvas.get_width_height(physical=True)[0]
        # A click on the "Lost" bar, where it is drawn, opens Customers filtered to lost.
        axes = figure.axes[0]
        bar = next(p for p in axes.patches if getattr(p, "status", None) is Status.LOST)
        x, y = axes.transData.transform((bar.get_x() + bar.get_width() / 2, bar.get_height() / 2))
        ratio = canvas.device_pixel_ratio
        height = canvas.get_width_height(physical=True)[1]
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton,
                         pos=QPoint(int(x / ratio), int((height - y) / ratio)))
        qtbot.waitUntil(lambda: window.nav.currentRow() == 1 and window.customers.model.rowCount() == 1,
                        timeout=10_000)
        assert window.customers.model.rows[0].name == "Gone"
        # The same with an RFM segment: its bar opens the customers the segment holds.
        window.nav.setCurrentRow(3)
        segments = board.charts["rfm"].canvas
        qtbot.waitUntil(lambda: tasks.idle() and segments.picture is not None, timeout=20_000)
        axes = segments.figure.axes[0]
        bar = max(axes.patches, key=lambda p: p.get_width())  # the biggest segment, horizontal bars
        x, y = axes.transData.transform((bar.get_width() / 2, bar.get_y() + bar.get_height() / 2))
        height = segments.get_width_height(physical=True)[1]
        qtbot.mouseClick(segments, Qt.MouseButton.LeftButton,
                         pos=QPoint(int(x / ratio), int((height - y) / ratio)))
        qtbot.waitUntil(lambda: window.nav.currentRow() == 1, timeout=10_000)
        assert window.customers.segment_filter.currentData() == bar.segment
        assert window.customers.status_filter.currentIndex() == 0  # the status filter is off
        qtbot.waitUntil(lambda: window.customers.model.total == board.data.rfm[bar.segment], timeout=10_000)
    finally:
        qtbot.waitUntil(tasks.idle, timeout=20_000)
        tasks.shutdown()


def test_closing_the_window_while_charts_are_drawn_reports_nothing(qtbot, services, answers):
    from retainer.ui.main_window import MainWindow
    from retainer.ui.tasks import Tasks

    shop(services)
    tasks = Tasks()
    errors = []
    tasks.on_unhandled_error = errors.append
    window = MainWindow(services, tasks)
    window.show()
    window.nav.setCurrentRow(3)
    qtbot.waitUntil(lambda: window.dashboard.data is not None, timeout=20_000)
    window.dashboard.refresh()
    qtbot.waitUntil(lambda: window.dashboard.data is not None and not tasks.idle(), timeout=5_000)
    window.close()
    window.deleteLater()
    qtbot.waitUntil(tasks.idle, timeout=20_000)
    tasks.shutdown()
    assert errors == [] and answers == []


def test_who_brings_new_customers_lists_the_referrers_and_opens_their_card(qtbot, window, services):
    anna = services.customers.create(CustomerForm(name="Anna Petrova"))
    for name, cents in (("Ieva", 1200), ("Jonas", 0)):
        cid = services.customers.create(CustomerForm(name=name, referred_by_id=anna))
        if cents:
            services.purchases.record(cid, cents, NOW - timedelta(days=3))
    window.nav.setCurrentRow(3)
    board = window.dashboard
    qtbot.waitUntil(lambda: board.referrers.rowCount() == 1)
    model = board.referrers
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row == ["Anna Petrova", "2", "1", "€12.00"]
    view = board.referrers_view
    view.doubleClicked.emit(model.index(0, 0))
    qtbot.waitUntil(lambda: any(c.customer_id == anna for c in window.cards.cards))


def test_with_no_referrals_the_dashboard_says_how_to_note_one(qtbot, window):
    from PySide6.QtWidgets import QLabel

    window.nav.setCurrentRow(3)
    board = window.dashboard
    qtbot.waitUntil(lambda: board.data is not None)
    (empty,) = [label for label in board.referrers_box.findChildren(QLabel)
                if label.text().startswith("Nobody has been referred yet")]
    assert empty.isVisible() and not board.referrers_view.isVisible()


def test_did_it_work_compares_the_reached_and_a_saved_segment_opens_its_customers(
        qtbot, window, services):
    from datetime import date

    from retainer.db.models import Contact, Reminder
    from retainer.services import CustomerQuery

    def listed(name, phone, contacted, bought_on):
        cid = services.customers.create(CustomerForm(name=name, phones=[phone], city="Vilnius"))
        services.purchases.record(cid, 1000, datetime(2026, 1, 10, 12))
        if bought_on:
            services.purchases.record(cid, 1000, bought_on)
        with services.ctx.write() as s:
            s.add(Reminder(customer_id=cid, due_on=date(2026, 5, 4), reason="lapsed",
                           state="open", created_at=datetime(2026, 5, 4, 8)))
            if contacted:
                s.add(Contact(customer_id=cid, contacted_at=contacted, channel="call",
                              outcome="reached"))

    listed("Anna", "+370 612 30001", datetime(2026, 5, 5, 10), datetime(2026, 5, 20, 12))
    listed("Boris", "+370 612 30002", datetime(2026, 5, 6, 10), None)
    listed("Clara", "+370 612 30003", None, None)
    vilnius = services.segments.save("Vilnius", CustomerQuery(city="Vilnius"))
    window.nav.setCurrentRow(3)  # last month: May
    board = window.dashboard
    qtbot.waitUntil(lambda: board.data is not None and board.results.model.rowCount() == 1)
    box = board.results
    assert box.reached.value.text() == "50%"
    assert box.reached.detail.text() == "1 of 2 (50%)"
    assert box.not_reached.value.text() == "0%"
    assert box.not_reached.detail.text() == "0 of 1 (0%)"
    assert box.difference.text() == "+50 pp against those not reached"
    row = [box.model.data(box.model.index(0, c)) for c in range(box.model.columnCount())]
    assert row == ["Vilnius", "3", "0", "—", "—"]
    box.view.doubleClicked.emit(box.model.index(0, 0))
    assert window.nav.currentRow() == 1
    qtbot.waitUntil(lambda: window.customers.model.query.city == "Vilnius")
    assert window.customers.chips.named(window.customers.current_query()) == vilnius.name
