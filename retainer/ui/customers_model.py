"""The customer list as a Qt model: pages of rows fetched in SQL as the user scrolls."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from retainer.i18n import tr
from retainer.rules import phones
from retainer.rules.money import format_amount
from retainer.services import CustomerQuery, Retainer
from retainer.services.customer_list import SORT_KEYS, Stoppable
from retainer.services.records import CustomerRow
from retainer.ui.formatting import STATUS_COLORS, short_date
from retainer.ui.lanes import COUNT
from retainer.ui.tasks import Tasks

COL_NAME, COL_PHONE, COL_STATUS, COL_LAST, COL_COUNT, COL_TOTAL, COL_TAGS, COL_TIER = range(8)
COLUMN_COUNT = 8
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

PAGE = 200
# The roles as plain ints, as a cell's painting asks for them (compared once per role per cell).
DISPLAY, FOREGROUND, TOOLTIP, ALIGNMENT = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def headers() -> list[str]:
    return [tr("Name"), tr("Phone"), tr("Status"), tr("Last purchase"), tr("Purchases"),
            tr("Total spent"), tr("Tags"), tr("Tier", "a loyalty tier")]


def status_hint(row: CustomerRow, today) -> str:
    """The rule in words, and this customer's own figures behind it."""
    from retainer.rules.status import PurchaseRhythm, Status, status_reason

    rhythm = PurchaseRhythm(row.purchase_count, row.last_purchase_day, row.median_gap_days,
                            lost=row.status is Status.LOST)
    rule = {
        Status.AT_RISK: tr("Buying much less often than usual: worth a call."),
        Status.LAPSED: tr("No purchase for longer than the lapse period."),
        Status.NEW: tr("One purchase so far, recently."),
        Status.ACTIVE: tr("Buying at their usual pace."),
        Status.PROSPECT: tr("Has not bought anything yet."),
        Status.LOST: tr("Marked as lost."),
    }[row.status]
    reason = status_reason(rhythm, today, row.status)
    return rule if reason == rule else f"{rule}\n{reason}"


class CustomersModel(QAbstractTableModel):
    """Rows first, count second: the first page of a search walks the sort index and stops
    after a page of matches, while counting them all needs a full scan, so the count
    arrives a moment after the rows."""

    loaded = Signal()      # the first page of a new query is in
    counted = Signal(int)  # how many customers match it in all
    failed = Signal(object)

    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.query = CustomerQuery()
        self.rows: list[CustomerRow] = []
        self.total = 0
        self.counted_total: int | None = None
        self._generation = 0
        # The newest generation, where a worker can read it without touching this Qt object.
        self._newest = [0]
        self._counting: Stoppable | None = None  # the count under way, stopped when typed past
        self._fetching = False
        self._headers = headers()
        self._texts: dict[int, tuple[str, ...]] = {}  # a shown row's cells, made when first painted

    # Queries ----------------------------------------------------------------------------
    def set_query(self, query: CustomerQuery) -> None:
        self.query = query
        self.reload()

    def reload(self) -> None:
        """Fetch the first page and the count again; stale answers are dropped."""
        self._generation += 1
        generation = self._generation
        newest = self._newest
        newest[0] = generation
        if self._counting is not None:  # the count of the list typed past is not wanted
            self._counting.stop()
        stoppable = self._counting = Stoppable()
        query = self.query
        customers = self.services.customer_list
        limit = max(PAGE, len(self.rows)) if query == getattr(self, "_shown_query", None) else PAGE

        def rows_in(rows: list[CustomerRow] | None) -> None:
            if rows is None or generation != self._generation:
                return
            complete = len(rows) < limit
            self.beginResetModel()
            self.rows = rows
            self._texts = {}
            # Until the count arrives, a full page promises more.
            self.total = len(rows) if complete else len(rows) + 1
            self.counted_total = len(rows) if complete else None
            self._shown_query = query
            self._fetching = False
            self.endResetModel()
            if not complete:
                # On a lane of its own: the next keystroke's page never waits for this count.
                # Asked for before the rows are announced, so that what waits for the list's
                # reads (Tasks.after_owners_reads) sees it under way.
                self.tasks.read(
                    self, lambda: None if generation != newest[0] else customers.count(query, stoppable),
                    lane=COUNT).success(counted).failure(self.failed.emit).run()
            self.loaded.emit()
            if complete:
                self.counted.emit(len(rows))

        def counted(total: int | None) -> None:
            if total is None or generation != self._generation:
                return
            self.total = self.counted_total = total
            self.counted.emit(total)

        def page():
            # Typing fast queues several searches; only the newest is worth running.
            return None if generation != newest[0] else customers.page(query, 0, limit)

        self.tasks.read(self, page).success(rows_in).failure(self.failed.emit).run()

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self.rows) < self.total and not self._fetching

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._fetching:
            return
        self._fetching = True
        generation, offset, query = self._generation, len(self.rows), self.query

        def done(rows: list[CustomerRow]) -> None:
            if generation != self._generation:
                return
            self._fetching = False
            if rows:
                self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
                self.rows.extend(rows)
                self.endInsertRows()

        def failed(exc) -> None:
            self._fetching = False
            self.failed.emit(exc)

        customers = self.services.customer_list
        self.tasks.read(self, lambda: customers.page(query, offset, PAGE)).success(done) \
            .failure(failed).run()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        from dataclasses import replace

        descending = order == Qt.SortOrder.DescendingOrder
        query = replace(self.query, sort=SORT_KEYS[column], descending=descending)
        if query == self.query and self._generation:
            return  # the order shown or on its way already (the header's state restored)
        self.set_query(query)

    # Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def customer_id(self, row: int) -> int:
        return self.rows[row].id

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        return self._value(index.row(), index.column(), int(role))

    def multiData(self, index: QModelIndex | QPersistentModelIndex, roles: QModelRoleDataSpan) -> None:
        """Everything a cell's painting asks for (seven roles), in one call. Qt's delegate asks
        through this; answered by ``data`` it would be seven calls from C++ into Python per
        cell, and each such call costs more than its answer: the list paints in half the time."""
        valid = index.isValid() and index.row() < len(self.rows)
        r, col = index.row(), index.column()
        for i in range(roles.size()):
            item = roles[i]
            value = self._value(r, col, item.role()) if valid else None
            if value is None:
                item.clearData()  # the delegate's span may hold the cell before's answer
            else:
                item.setData(value)

    def _value(self, r: int, col: int, role: int):
        if role == DISPLAY:
            texts = self._texts.get(r)
            if texts is None:
                row = self.rows[r]
                texts = self._texts[r] = tuple(self._display(row, c) for c in range(COLUMN_COUNT))
            return texts[col]
        row = self.rows[r]
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return (row.name, row.phone, row.status.value, row.last_purchase_at,
                    row.purchase_count, row.total_spent_cents, row.tags)[col]
        if role == FOREGROUND and col == COL_STATUS:
            return STATUS_COLORS[row.status]
        if role == TOOLTIP and col == COL_STATUS:
            return status_hint(row, self.services.now().date())
        if role == ALIGNMENT and col in (COL_COUNT, COL_TOTAL):
            return RIGHT
        return None

    def _display(self, row: CustomerRow, col: int) -> str:
        if col == COL_NAME:
            return row.name
        if col == COL_PHONE:
            return phones.display(row.phone)
        if col == COL_STATUS:
            return row.status.label
        if col == COL_LAST:
            return short_date(row.last_purchase_at)
        if col == COL_COUNT:
            return str(row.purchase_count)
        if col == COL_TOTAL:
            return format_amount(row.total_spent_cents, self.services.settings.currency)
        if col == COL_TIER:
            return row.tier
        return row.tags
