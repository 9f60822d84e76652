"""The Feedback room: every answer and complaint, newest first, with NPS for the period."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retainer.i18n import QT_TR_NOOP, grouped, tr
from retainer.rules import labels, phones
from retainer.services import Retainer
from retainer.services.feedback import FeedbackQuery, FeedbackRow
from retainer.ui.customers_screen import EmptyState
from retainer.ui.formatting import short_date
from retainer.ui.records_model import Column, RecordsModel
from retainer.ui.style import set_role
from retainer.ui.tasks import Tasks

PAGE = 200
PERIODS = ((30, QT_TR_NOOP("Last 30 days")), (90, QT_TR_NOOP("Last 90 days")),
           (365, QT_TR_NOOP("Last 12 months")), (None, QT_TR_NOOP("All time")))
GROUPS = ((None, QT_TR_NOOP("All answers")), ("promoters", QT_TR_NOOP("Promoters (9–10)")),
          ("passives", QT_TR_NOOP("Passives (7–8)")), ("detractors", QT_TR_NOOP("Detractors (0–6)")))

# The room's reads have a lane of their own: a search in Customers never waits behind them.
LANE = "feedback"


class FeedbackModel(RecordsModel[FeedbackRow]):
    """Pages of answers fetched in SQL as the list is scrolled."""

    def __init__(self, services: Retainer, tasks: Tasks) -> None:
        super().__init__([
            Column(tr("Date"), lambda r: short_date(r.given_on)),
            Column(tr("Customer"), lambda r: r.name),
            Column(tr("Phone"), lambda r: phones.display(r.phone)),
            Column(tr("Score"), lambda r: "" if r.score is None else str(r.score), True),
            Column(tr("What they said"), lambda r: r.comment or ""),
            Column(tr("Complaint"), lambda r: (tr("resolved") if r.resolution else tr("open"))
                   if r.complaint else ""),
            Column(tr("Resolution or reason"),
                   lambda r: r.resolution or labels.churn_reason(r.churn_reason)),
        ])
        self.services, self.tasks = services, tasks
        self.total = 0
        self.query = FeedbackQuery()
        self._generation = 0
        self._fetching = False

    def load(self, query: FeedbackQuery, done) -> None:
        self.query = query
        self._generation += 1
        generation = self._generation
        feedback = self.services.feedback

        def arrived(result) -> None:
            if generation == self._generation:
                rows, self.total = result
                self.set_records(rows)
                done()

        self.tasks.read(self, lambda: (feedback.page(query, 0, PAGE), feedback.count(query)), lane=LANE) \
            .success(arrived).run()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self.records) < self.total and not self._fetching

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._fetching:
            return
        self._fetching = True
        offset, query, generation = len(self.records), self.query, self._generation

        def arrived(rows) -> None:
            self._fetching = False
            if generation == self._generation and rows:
                self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
                self.records.extend(rows)
                self.endInsertRows()

        def failed(exc) -> None:
            self._fetching = False
            self.tasks.report(exc)

        feedback = self.services.feedback
        self.tasks.read(self, lambda: feedback.page(query, offset, PAGE), lane=LANE).success(arrived) \
            .failure(failed).run()


class FeedbackScreen(QWidget):
    open_customer = Signal(int)

    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        heading = QLabel(tr("Feedback"))
        set_role(heading, "heading")
        self.nps_line = QLabel()
        self.nps_line.setToolTip(tr("NPS = % promoters − % detractors, from each customer's "
                                    "latest answer in the period; from −100 to +100."))
        self.period = QComboBox()
        for days, label in PERIODS:
            self.period.addItem(tr(label), days)
        self.period.setCurrentIndex(2)
        self.group = QComboBox()
        for code, label in GROUPS:
            self.group.addItem(tr(label), code)
        self.unresolved = QCheckBox(tr("Unresolved complaints only"))
        self.resolve_button = QPushButton(tr("Open the customer"))
        self.resolve_button.setToolTip(tr("Open the card to resolve a complaint or call back (Enter)"))
        self.resolve_button.clicked.connect(self._open_selected)
        bar = QHBoxLayout()
        for w in (self.period, self.group, self.unresolved):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.resolve_button)
        self.model = FeedbackModel(services, tasks)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        for col, width in enumerate((90, 170, 135, 55, 260, 85)):
            header.resizeSection(col, max(width, header.sectionSizeFromContents(col).width() + 8))
        header.setStretchLastSection(True)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.view.activated.connect(lambda _: self._open_selected())
        self.empty = EmptyState(doors=False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.nps_line)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        for signal in (self.period.currentIndexChanged, self.group.currentIndexChanged,
                       self.unresolved.toggled):
            signal.connect(self.refresh)
        # The first load is the window's to start, once the Customers page is on screen.

    def query(self) -> FeedbackQuery:
        days = self.period.currentData()
        today = self.services.now().date()
        start = today - timedelta(days=days) if days else None
        return FeedbackQuery(start=start, end=today + timedelta(days=1), group=self.group.currentData(),
                             unresolved=self.unresolved.isChecked())

    def refresh(self, *_args) -> None:
        query = self.query()
        self.model.load(query, self._loaded)
        start = query.start or self.services.now().date().replace(year=1990)
        metrics = self.services.metrics
        self.tasks.read(self, lambda: metrics.nps(start, query.end), lane=LANE) \
            .success(self._show_nps).run()

    def _show_nps(self, nps) -> None:
        if nps.score is None:
            self.nps_line.setText(tr("No 0–10 answers in this period yet."))
        else:
            self.nps_line.setText(tr("NPS {score} — promoters: {p}, passives: {pa}, detractors: {d}").format(
                score=f"{nps.score:+d}", p=grouped(nps.promoters), pa=grouped(nps.passives),
                d=grouped(nps.detractors)))

    def _loaded(self) -> None:
        if self.model.rowCount():
            self.stack.setCurrentWidget(self.view)
            return
        self.empty.title.setText(tr("No feedback here"))
        if self.query() == FeedbackQuery(start=self.query().start, end=self.query().end):
            text = tr("Answers to “how likely are you to recommend us”, complaints and why customers "
                      "left appear here. Record them on a customer's card or in the call dialog.")
        else:
            text = tr("Nothing matches these filters. Choose a longer period or all answers.")
        self.empty.text.setText(text)
        self.stack.setCurrentWidget(self.empty)

    def _open_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.open_customer.emit(self.model.records[rows[0].row()].customer_id)


