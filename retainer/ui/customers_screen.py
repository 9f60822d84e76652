"""The Customers room: search, filters, the paged list, and the way into each card."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retainer.i18n import tr
from retainer.rules.metrics import SEGMENTS
from retainer.rules.status import Status
from retainer.services import CustomerQuery, Retainer
from retainer.services.customer_list import is_filtered
from retainer.ui.customer_filters import MoreFilters, SegmentChips
from retainer.ui.customers_model import (
    COL_COUNT,
    COL_LAST,
    COL_NAME,
    COL_PHONE,
    COL_STATUS,
    COL_TAGS,
    COL_TIER,
    COL_TOTAL,
    COLUMN_COUNT,
    CustomersModel,
)
from retainer.ui.lanes import BACKGROUND
from retainer.ui.shop_terms import terms_line
from retainer.ui.style import set_role
from retainer.ui.tasks import Tasks

# The list's column layout is remembered per number of columns: one more starts afresh.
COLUMNS_KEY = f"customers/columns-{COLUMN_COUNT}"

STATUS_FILTERS = (None, Status.AT_RISK, Status.LAPSED, Status.NEW, Status.ACTIVE,
                  Status.PROSPECT, Status.LOST)


class EmptyState(QWidget):
    """What an empty list says: why it is empty and what to do next.

    ``doors``: the three ways into an empty base (import, start empty, demo); other rooms
    only explain themselves.
    """

    def __init__(self, parent=None, doors: bool = True) -> None:
        super().__init__(parent)
        self.title = QLabel()
        set_role(self.title, "title")
        self.text = QLabel()
        self.text.setWordWrap(True)
        set_role(self.text, "note")
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.title, self.text):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(w)
        layout.addLayout(self.buttons)
        layout.addStretch(2)
        self.buttons.addStretch(1)
        self.import_button = QPushButton(tr("Import my Excel list"))
        self.add_button = QPushButton(tr("Start empty: add a customer"))
        self.demo_button = QPushButton(tr("Look around a demo base"))
        for button in (self.import_button, self.add_button, self.demo_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        # The shop's terms (language, phone numbers' country, currency), beside the doors, so a
        # base starts in the owner's own terms (retainer.ui.shop_terms).
        self.terms = QLabel()
        self.terms.setWordWrap(True)
        self.terms.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_role(self.terms, "hint")
        self.terms_button = QPushButton(tr("Change…"))
        terms_row = QHBoxLayout()
        terms_row.addStretch(1)
        terms_row.addWidget(self.terms, 4)
        terms_row.addWidget(self.terms_button)
        terms_row.addStretch(1)
        layout.insertLayout(layout.count() - 1, terms_row)
        self.show_doors(doors)

    def show_doors(self, shown: bool) -> None:
        for button in (self.import_button, self.add_button, self.demo_button):
            button.setVisible(shown)
        self.terms.setVisible(shown and bool(self.terms.text()))
        self.terms_button.setVisible(shown and bool(self.terms.text()))


class CustomersScreen(QWidget):
    open_customer = Signal(int)
    new_customer = Signal()
    open_demo = Signal()
    import_requested = Signal()
    export_list_requested = Signal()
    message = Signal(str)
    first_page_shown = Signal()
    terms_requested = Signal()

    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.model = CustomersModel(services, tasks, self)
        self.model.loaded.connect(self._loaded)
        self.model.counted.connect(self._counted)
        self.model.failed.connect(lambda exc: self.message.emit(str(exc)))
        self._first_page = True

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Find by name, phone, e-mail, card or tag (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        for status in STATUS_FILTERS:
            self.status_filter.addItem(tr("All statuses") if status is None else status.label)
        self.segment_filter = QComboBox()
        self.segment_filter.setToolTip(tr("RFM segment: how recently and how often they buy"))
        self.segment_filter.addItem(tr("All segments"), None)
        for segment in SEGMENTS:
            self.segment_filter.addItem(tr(segment), segment)
        self.tag_filter = QComboBox()
        self.tag_filter.addItem(tr("All tags"), None)
        self.tier_filter = QComboBox()
        self.tier_filter.setToolTip(tr("Loyalty tier (Settings → Loyalty tiers)"))
        self.tier_filter.addItem(tr("All tiers"), None)
        self.more = MoreFilters(services.settings.currency)
        self.more.hide()
        self.more_button = QPushButton(tr("More filters"))
        self.more_button.setCheckable(True)
        self.more_button.setToolTip(tr("When they last bought, what they spent, consent, city, "
                                       "source"))
        self.more_button.toggled.connect(self.more.setVisible)
        self.chips = SegmentChips(services, tasks)
        self.chips.chosen.connect(self.show_segment)
        self.chips.save_requested.connect(lambda: self.chips.ask_name(self.current_query()))
        self.message_button = QPushButton(tr("Message…"))
        self.message_button.setToolTip(tr("Write to the customers shown: a text for each, for "
                                          "your SMS or e-mail service"))
        self.message_button.clicked.connect(self.write_to_shown)
        self.trash = QCheckBox(tr("Trash"))
        self.trash.setToolTip(tr("Show customers moved to the trash, to restore them"))
        self.add_button = QPushButton(tr("New customer"))
        self.add_button.setToolTip(tr("Add a customer (Ctrl+N)"))
        self.add_button.clicked.connect(self.new_customer)
        self.restore_button = QPushButton(tr("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.search, 4)
        bar.addWidget(self.status_filter, 1)
        bar.addWidget(self.segment_filter, 1)
        bar.addWidget(self.tag_filter, 1)
        bar.addWidget(self.tier_filter, 1)
        bar.addWidget(self.more_button)
        bar.addWidget(self.trash)
        self.export_button = QPushButton(tr("Export list…"))
        self.export_button.setToolTip(tr("Save the customers shown, as filtered, to Excel"))
        self.export_button.clicked.connect(self.export_list_requested)
        # Under the filters: the saved segments, then what to do with the customers shown.
        actions = QHBoxLayout()
        actions.addWidget(self.chips, 1)
        for button in (self.message_button, self.export_button, self.restore_button,
                       self.add_button):
            actions.addWidget(button)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((COL_NAME, 220), (COL_PHONE, 150), (COL_STATUS, 90), (COL_LAST, 110),
                           (COL_COUNT, 80), (COL_TOTAL, 110), (COL_TIER, 90)):
            # Translations run longer than English: never cut a column's own title.
            header.resizeSection(col, max(width, header.sectionSizeFromContents(col).width() + 8))
        header.moveSection(COL_TIER, COL_TAGS)  # the tier before the tags, which stretch last
        # "activated" is a double-click and Enter both (a single click where the desktop says
        # so); listening to doubleClicked as well opened every card twice.
        self.view.activated.connect(self._activated)
        self.count_label = QLabel()
        set_role(self.count_label, "note")

        self.empty = EmptyState()
        self.empty.add_button.clicked.connect(self.new_customer)
        self.empty.demo_button.clicked.connect(self.open_demo)
        self.empty.import_button.clicked.connect(self.import_requested)
        self.empty.terms_button.clicked.connect(self.terms_requested)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.more)
        layout.addLayout(actions)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count_label)
        QShortcut(QKeySequence("Ctrl+P"), self.view, activated=self._purchase_for_current)
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.search, activated=self._into_list)
        self.search.returnPressed.connect(self._open_first)
        self.search.textChanged.connect(self._query_changed)
        self.status_filter.currentIndexChanged.connect(self._query_changed)
        self.segment_filter.currentIndexChanged.connect(self._query_changed)
        self.tag_filter.currentIndexChanged.connect(self._query_changed)
        self.tier_filter.currentIndexChanged.connect(self._query_changed)
        self.trash.toggled.connect(self._query_changed)
        self.more.changed.connect(self._query_changed)
        # The filters' choices (tags, places, tiers, saved segments) are read once the first
        # page is on screen and its count is in (or a search typed meanwhile has its rows and
        # count), on the background lane: the page and the searches come first.
        self.first_page_shown.connect(lambda: self.tasks.after_owners_reads(self, self.refresh_tags))
        # Enabling sorting asks the model to sort, which loads the first page.
        self.view.horizontalHeader().setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)

    @property
    def first_page_done(self) -> bool:
        return not self._first_page

    # Queries --------------------------------------------------------------------------------
    def current_query(self) -> CustomerQuery:
        return self.more.narrow(replace(
            self.model.query,
            text=self.search.text(),
            status=STATUS_FILTERS[max(0, self.status_filter.currentIndex())],
            tag=self.tag_filter.currentData(),
            segment=self.segment_filter.currentData(),
            tier_id=self.tier_filter.currentData(),
            trash=self.trash.isChecked(),
        ))

    def _query_changed(self, *_args) -> None:
        trash = self.trash.isChecked()
        if self.add_button.isHidden() != trash:  # only on a change: setVisible(True) on a
            self.restore_button.setVisible(trash)  # button never hidden lays the whole window
            self.add_button.setVisible(not trash)  # out again, and the list is repainted
        self.message_button.setEnabled(not trash)
        query = self.current_query()
        self.chips.mark(query)
        self.model.set_query(query)

    def show_only(self, status: Status | None = None, segment: str | None = None) -> None:
        """The list of exactly one status or RFM segment (from a chart): other filters off."""
        self.show_query(CustomerQuery(status=status, segment=segment))

    def show_segment(self, segment) -> None:
        """A saved segment's customers (its chip, or the Dashboard): its filters on screen."""
        self.show_query(segment.query)

    def show_query(self, query: CustomerQuery) -> None:
        """Put every filter as ``query`` has it (the sort order stays), then list once."""
        widgets = (self.search, self.status_filter, self.segment_filter, self.tag_filter,
                   self.tier_filter, self.trash)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.search.setText(query.text)
            for combo, value in ((self.tag_filter, query.tag), (self.tier_filter, query.tier_id),
                                 (self.segment_filter, query.segment)):
                if value is not None and combo.findData(value) < 0:
                    combo.addItem(str(value), value)  # not loaded yet, or gone since
                combo.setCurrentIndex(max(0, combo.findData(value)))
            self.trash.setChecked(query.trash)
            self.status_filter.setCurrentIndex(STATUS_FILTERS.index(query.status))
            self.more.show_query(query)
            if self.more.is_narrowed():
                self.more_button.setChecked(True)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._query_changed()

    def write_to_shown(self) -> None:
        """The outreach dialog for the customers shown, under their segment's name if saved."""
        from retainer.ui.outreach_dialog import OutreachDialog

        query = self.current_query()
        dialog = OutreachDialog(self.services, self.tasks, query, self.chips.named(query), self)
        dialog.sent.connect(self.message)
        dialog.open()

    def refresh(self) -> None:
        self.model.reload()

    def refresh_tags(self) -> None:
        def fill(tags: list[str]) -> None:
            current = self.tag_filter.currentData()
            self.tag_filter.blockSignals(True)
            while self.tag_filter.count() > 1:
                self.tag_filter.removeItem(1)
            for tag in tags:
                self.tag_filter.addItem(tag, tag)
            index = self.tag_filter.findData(current)
            self.tag_filter.setCurrentIndex(max(0, index))
            self.tag_filter.blockSignals(False)

        # On the background lane, at a lower priority: a search being typed comes first.
        lists = self.services.customer_list
        self.tasks.read(self, lists.tags, lane=BACKGROUND).success(fill).run()
        self.tasks.read(self, lists.places, lane=BACKGROUND).success(
            lambda places: self.more.set_places(*places)).run()
        self.chips.refresh(self.current_query())

        def fill_tiers(tiers) -> None:
            current = self.tier_filter.currentData()
            self.tier_filter.blockSignals(True)
            while self.tier_filter.count() > 1:
                self.tier_filter.removeItem(1)
            for stored in tiers:
                self.tier_filter.addItem(stored.tier.name, stored.id)
            self.tier_filter.setCurrentIndex(max(0, self.tier_filter.findData(current)))
            self.tier_filter.setVisible(bool(tiers))
            self.tier_filter.blockSignals(False)

        services = self.services
        self.tasks.read(self, lambda: services.loyalty.tiers(), lane=BACKGROUND).success(fill_tiers).run()

    def _loaded(self) -> None:
        query = self.model.query
        total = self.model.rowCount()
        filtered = is_filtered(query)
        if total == 0 and not filtered and not query.trash:
            self.empty.title.setText(tr("No customers yet"))
            self.empty.text.setText(tr(
                "Your customers will be listed here with their status, so you can see who "
                "is drifting away. Bring in the list you keep in Excel, start with an empty "
                "base, or look around a demo base first."))
            self.empty.terms.setText(terms_line(self.services))
            self.empty.show_doors(True)
            self.stack.setCurrentWidget(self.empty)
        elif total == 0:
            self.empty.title.setText(tr("Nobody found"))
            if query.trash:
                text = tr("The trash is empty. Customers you delete go here, and can be restored.")
            elif query.text.strip():
                text = tr("No customer matches “{text}”. Check the spelling, or type fewer "
                          "letters or digits.").format(text=query.text.strip())
            else:
                text = tr("No customer matches these filters right now. Clear a filter, or "
                          "choose another segment.")
            self.empty.text.setText(text)
            self.empty.show_doors(False)
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.view)
        self.count_label.setVisible(total > 0)
        if self.model.counted_total is None:
            self.count_label.setText(tr("Counting…"))
        if self._first_page:
            self._first_page = False
            self.first_page_shown.emit()

    def _counted(self, total: int) -> None:
        self.count_label.setText(tr("%Ln in the trash", "", total) if self.model.query.trash
                                 else tr("%Ln customers", "", total))

    # Actions --------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        return [self.model.customer_id(i.row()) for i in rows]

    def _activated(self, index) -> None:
        if index.isValid():
            self.open_customer.emit(self.model.customer_id(index.row()))

    def _open_first(self) -> None:
        if self.model.rowCount() == 1 or (self.model.rowCount() and self.search.text()):
            self.open_customer.emit(self.model.customer_id(0))

    def _into_list(self) -> None:
        if self.model.rowCount():
            self.view.setFocus()
            self.view.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def _purchase_for_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.window().open_card(self.model.customer_id(index.row()), focus_purchase=True)

    def trash_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.trash.isChecked():
            return

        def done(count: int) -> None:
            self.message.emit(tr("Moved %Ln to the trash. Ctrl+Z brings them back.", "", count))

        customers = self.services.customers
        self.tasks.write(self, lambda: customers.trash(ids)).success(done) \
            .failure(lambda exc: self.message.emit(str(exc))).run()

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        customers = self.services.customers
        self.tasks.write(self, lambda: customers.restore(ids)) \
            .success(lambda n: self.message.emit(tr("Restored %Ln.", "", n))) \
            .failure(lambda exc: self.message.emit(str(exc))).run()
