"""The Dashboard room: retention figures for a period against the one before, and charts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from retainer.i18n import QT_TR_NOOP, decimal, grouped, percent, tr
from retainer.rules.metrics import RFM_MIN_BUYERS
from retainer.rules.money import format_amount
from retainer.rules.status import Status
from retainer.services import Retainer
from retainer.services.metrics import Dashboard, dashboard, month_start
from retainer.ui import responsive
from retainer.ui.style import set_role
from retainer.ui.tasks import Tasks

PERIODS = (("this_month", QT_TR_NOOP("This month so far")), ("month", QT_TR_NOOP("Last month")),
           ("quarter", QT_TR_NOOP("Last quarter")), ("year", QT_TR_NOOP("Last 12 months")),
           ("custom", QT_TR_NOOP("Dates…")))


def period_bounds(kind: str, today: date) -> tuple[date, date]:
    """[start, end): this month up to and including today, or full periods that have ended."""
    this_month = month_start(today)
    if kind == "this_month":
        return this_month, date.fromordinal(today.toordinal() + 1)
    if kind == "month":
        return month_start(this_month, -1), this_month
    if kind == "quarter":
        quarter = month_start(this_month, -((this_month.month - 1) % 3))
        return month_start(quarter, -3), quarter
    return month_start(this_month, -12), this_month


class Tile(QFrame):
    def __init__(self, title: str, hint: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setToolTip(hint)
        self.title = QLabel(title)
        set_role(self.title, "note")
        self.value = QLabel("—")
        set_role(self.value, "figure")
        self.delta = QLabel("")
        self.detail = QLabel("")  # how the figure is made, where that fits in a line
        set_role(self.detail, "hint")
        self.detail.hide()
        layout = QVBoxLayout(self)
        for w in (self.title, self.value, self.delta, self.detail):
            # Wrapped, so longer translations make the tile taller, never the page wider.
            w.setWordWrap(True)
            w.setMinimumWidth(40)
            layout.addWidget(w)

    def show_figure(self, text: str, delta: float | None, unit: str, better_up: bool = True,
                    wording: str | None = None) -> None:
        self.value.setText(text)
        if delta is None:
            self.delta.setText(wording or tr("no earlier period to compare"))
            set_role(self.delta, "hint")
            return
        good = (delta >= 0) == better_up
        amount = ("+" if delta >= 0 else "−") + decimal(abs(delta), 1 if unit else 0)
        self.delta.setText((wording or tr("{amount}{unit} against the period before")).format(
            amount=amount, unit=unit))
        set_role(self.delta, "better" if good else "worse")


class DashboardScreen(QWidget):
    show_status = Signal(object)  # a Status: open Customers filtered to it
    show_segment = Signal(str)  # an RFM segment's name: the same
    open_customer = Signal(int)  # a referrer double-clicked: their card
    show_saved = Signal(object)  # a saved segment double-clicked: its customers

    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.data: Dashboard | None = None
        self.charts: dict = {}
        self._generation = 0
        self._stale = True
        heading = QLabel(tr("Dashboard"))
        set_role(heading, "heading")
        self.period = QComboBox()
        for code, label in PERIODS:
            self.period.addItem(tr(label), code)
        self.period.setCurrentIndex(self.period.findData("month"))
        self._young_checked = False  # a base that began this month opens on this month
        today = services.now().date()
        self.start_edit, self.end_edit = QDateEdit(), QDateEdit()
        for edit, value in ((self.start_edit, month_start(today, -3)), (self.end_edit, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.dateChanged.connect(self.refresh)
            edit.hide()
        self.period.currentIndexChanged.connect(self._period_changed)
        self.range_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        bar.addWidget(self.range_label)
        for w in (self.period, self.start_edit, self.end_edit):
            bar.addWidget(w)
        self.tiles = {
            "crr": Tile(tr("Retention (CRR)"), tr("Of the customers you had at the start of the "
                                                  "period, how many you still had at its end, not "
                                                  "counting new ones.")),
            "churn": Tile(tr("Churn"), tr("Customers active at the start and not at the end, "
                                          "out of those active at the start.")),
            "nps": Tile("NPS", tr("% promoters (9–10) − % detractors (0–6), from each customer's "
                                  "latest answer in the period.")),
            "active": Tile(tr("Active customers"), tr("Bought something in the lapse period "
                                                      "before the period's end.")),
            "repeat": Tile(tr("Repeat-purchase rate"), tr("Of customers who bought once, the "
                                                          "share who came back.")),
            "order": Tile(tr("Average order"), tr("Revenue / purchases over the last 365 days.")),
        }
        grid = QGridLayout()
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 3, i % 3)
        self.chart_grid = QGridLayout()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(grid)
        body_layout.addLayout(self.chart_grid, 1)
        body_layout.addWidget(self._referrers_box())
        from retainer.ui.dashboard_results import ResultsBox

        self.results = ResultsBox()
        self.results.show_saved.connect(self.show_saved)
        body_layout.addWidget(self.results)
        self.chart_grid.setColumnStretch(0, 1)
        self.chart_grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

    def _referrers_box(self) -> QWidget:
        """Who brings new customers: the top ten referrers, a double-click opens the card."""
        from retainer.ui.records_model import Column, RecordsModel, table_with_empty_text

        currency = self.services.settings.currency
        self.referrers = RecordsModel([
            Column(tr("Customer"), lambda r: r.name),
            Column(tr("New customers they brought"), lambda r: grouped(r.brought), right=True),
            Column(tr("Of them, bought"), lambda r: grouped(r.buying), right=True),
            Column(tr("What those customers spent"),
                   lambda r: format_amount(r.spent_cents, currency), right=True)], self)
        table, view = table_with_empty_text(self.referrers, tr(
            "Nobody has been referred yet. Note who recommended a new customer on the card "
            "(Referred by), or ask during a call whom they would recommend."))
        view.doubleClicked.connect(
            lambda index: self.open_customer.emit(self.referrers.records[index.row()].customer_id))
        view.setMinimumHeight(24 * 11 + 30)
        self.referrers_view, self.referrers_box = view, table
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(QLabel("<b>" + tr("Who brings new customers") + "</b>"))
        layout.addWidget(table)
        return box

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.charts:
            self._make_charts()
        if self._stale:
            self.refresh()

    def _make_charts(self) -> None:
        from retainer.ui.dashboard_charts import ChartBox

        specs = [
            ("retention", tr("Retention and churn by month"),
             tr("Needs purchases from at least two months: retention compares the start and the "
                "end of each month.")),
            ("nps", tr("NPS by month"), tr("Needs 0–10 answers: record them on a card or during a call.")),
            ("cohorts", tr("Cohorts: share still buying, by month of first purchase"),
             tr("Needs purchases: each month's new customers become a row.")),
            ("statuses", tr("Customers by status (click a bar to list them)"), tr("Needs customers.")),
            ("rfm", tr("RFM segments (click a bar to list them)"), tr(
                "Needs at least %Ln customers with purchases: each one is scored against the "
                "others, and with fewer the scores would say little.", "", RFM_MIN_BUYERS)),
            ("churn", tr("Why customers left"), tr("Needs customers marked as lost, with the reason.")),
        ]
        for i, (key, title, needs) in enumerate(specs):
            box = ChartBox(title, needs, self.tasks)
            self.charts[key] = box
            self.chart_grid.addWidget(box, i // 2, i % 2)
        for key in ("statuses", "rfm"):
            self.charts[key].canvas.mpl_connect("pick_event", self._picked)
        responsive.settle()  # matplotlib and the figures stay for the rest of the session

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.start_edit.setVisible(custom)
        self.end_edit.setVisible(custom)
        self.refresh()

    def bounds(self) -> tuple[date, date]:
        kind = self.period.currentData()
        if kind == "custom":
            start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
            return (start, end) if start < end else (end, start)
        return period_bounds(kind, self.services.now().date())

    def refresh(self, *_args) -> None:
        # A full recompute costs seconds on a large base: while the room is hidden, a change
        # only marks it stale, and it is recomputed when next shown.
        if not self.charts or not self.isVisible():
            self._stale = True
            return
        self._stale = False
        start, end = self.bounds()
        self.range_label.setText(f"{start:%d.%m.%Y} – {date.fromordinal(end.toordinal() - 1):%d.%m.%Y}")
        self._generation += 1
        generation = self._generation
        services = self.services

        def arrived(data: Dashboard) -> None:
            if generation == self._generation:
                self.show_data(data)

        self.tasks.read(self, lambda: dashboard(services.metrics, services.customers, start, end,
                                                services.results, services.segments),
                        lane="dashboard").success(arrived) \
            .failure(lambda exc: self.range_label.setText(str(exc))).run()

    def show_data(self, data: Dashboard) -> None:
        from retainer.ui import dashboard_charts as charts

        if not self._young_checked:
            self._young_checked = True
            last = data.retention
            if self.period.currentData() == "month" and not (
                    last.start_active or last.end_active or last.new or data.nps.answers):
                # Nothing happened last month (a base begun this month): show this one.
                self.period.setCurrentIndex(self.period.findData("this_month"))
                return
        self.data = data
        r, p = data.retention, data.previous_retention
        crr = self.tiles["crr"]
        points = "\u00a0" + tr("pp", "percentage points, after a number")
        crr.show_figure("—" if r.crr is None else percent(r.crr / 100),
                        None if r.crr is None or p.crr is None else r.crr - p.crr, points)
        crr.setToolTip(crr.toolTip().split("\n")[0] + "\n" + tr(
            "S = {s} active at the start, E = {e} at the end, N = {n} new: (E − N) / S.").format(
                s=grouped(r.start_active), e=grouped(r.end_active), n=grouped(r.new)))
        back = r.came_back or 0
        # New customers still active at the end: all of N in periods up to the lapse days.
        new_at_end = r.end_active - (r.start_active - r.churned) - back
        crr.detail.setText(tr("{s} at the start − {churned} left + {back} came back + {n} new = "
                              "{e} at the end").format(
                                  s=grouped(r.start_active), churned=grouped(r.churned),
                                  back=grouped(back), n=grouped(new_at_end), e=grouped(r.end_active)))
        crr.detail.setVisible(bool(r.start_active or r.end_active))
        self.tiles["churn"].show_figure("—" if r.churn_rate is None else percent(r.churn_rate / 100),
                                        None if r.churn_rate is None or p.churn_rate is None
                                        else r.churn_rate - p.churn_rate, points, better_up=False)
        n, pn = data.nps, data.previous_nps
        self.tiles["nps"].show_figure("—" if n.score is None else f"{n.score:+d}",
                                      None if n.score is None or pn.score is None else n.score - pn.score, "")
        h = data.headline
        self.tiles["active"].show_figure(grouped(r.end_active), r.end_active - r.start_active, "",
                                         wording=tr("{amount}{unit} during the period"))
        self.tiles["repeat"].show_figure("—" if h.repeat_rate is None else percent(h.repeat_rate),
                                         None, "", wording=tr("of all buying customers"))
        self.tiles["order"].show_figure(format_amount(None if h.average_order_cents is None
                                                      else int(h.average_order_cents),
                                                      self.services.settings.currency) or "—",
                                        None, "", wording=tr("over the last 365 days"))
        months = [(m, x) for m, x in data.months if x.start_active]
        answered = list(data.nps_months)
        segments = {k: v for k, v in data.rfm.items() if v}
        jobs = [
            ("retention", len(months) >= 2, lambda f: charts.retention_chart(f, months)),
            ("nps", any(x.answers for _, x in answered), lambda f: charts.nps_chart(f, answered)),
            ("cohorts", bool(data.cohorts), lambda f: charts.cohort_chart(f, data.cohorts)),
            ("statuses", sum(data.statuses.values()) > 0,
             lambda f: charts.status_chart(f, data.statuses)),
            ("rfm", bool(segments), lambda f: charts.segment_chart(f, segments)),
            ("churn", bool(data.churn_reasons),
             lambda f: charts.churn_reason_chart(f, data.churn_reasons)),
        ]
        self.referrers.set_records(data.referrers)
        self.results.show_results(data.today_list, data.segment_results)
        for key, has_data, build in jobs:  # drawn in turn on the charts lane, off this thread
            self.charts[key].draw(has_data, build)

    def _picked(self, event) -> None:
        status = getattr(event.artist, "status", None)
        if isinstance(status, Status):
            self.show_status.emit(status)
        segment = getattr(event.artist, "segment", None)
        if isinstance(segment, str):
            self.show_segment.emit(segment)
