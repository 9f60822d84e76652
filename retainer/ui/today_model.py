"""The Today list as a Qt model over ranked TodayItem rows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from retainer.i18n import percent, tr
from retainer.rules import labels, phones
from retainer.services.today import TodayItem
from retainer.ui.formatting import STATUS_COLORS, short_date

COL_NAME, COL_PHONE, COL_WHY, COL_LAST, COL_STATUS, COL_ALIVE, COL_CALL = range(7)


class TodayModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[TodayItem] = []
        self.currency = ""
        self.model_fitted = False
        self._headers = [tr("Name"), tr("Phone"), tr("Why call"), tr("Last purchase"),
                         tr("Status"), tr("Still buying"), tr("Last call")]

    def set_items(self, items: list[TodayItem], currency: str = "", model_fitted: bool = False) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.currency, self.model_fitted = currency, model_fitted
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole \
                and section == COL_ALIVE:
            return tr("How likely the customer still buys from you, from their own purchase "
                      "history and the whole base's (the BG/NBD model).")
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            hint = item.rank_hint(self.currency, self.model_fitted)
            return f"{labels.reminder_reason(item.reason)}: {item.why}\n{hint}"
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            return STATUS_COLORS[item.status]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_ALIVE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, item: TodayItem, col: int) -> str:
        if col == COL_NAME:
            return item.name
        if col == COL_PHONE:
            return phones.display(item.phone)
        if col == COL_WHY:
            return item.why
        if col == COL_LAST:
            return short_date(item.last_purchase_at)
        if col == COL_STATUS:
            return item.status.label
        if col == COL_ALIVE:
            return "" if item.p_alive is None else percent(item.p_alive)
        return item.last_call
