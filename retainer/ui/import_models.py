"""Table models of the import wizard: the preview with its problems, and duplicates with a
choice for each."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from retainer.i18n import tr
from retainer.services.imports import MERGE, SKIP, UPDATE
from retainer.ui.records_model import RecordsModel
from retainer.ui.style import colour


class PreviewModel(RecordsModel):
    """Rows of (shown values, problems): a row with problems is red and says why on hover."""

    RED = QColor(colour("problem-row"))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid():
            problems = self.records[index.row()][1]
            if role == Qt.ItemDataRole.BackgroundRole and problems:
                return self.RED
            if role == Qt.ItemDataRole.ToolTipRole and problems:
                return "\n".join(f"{p.column} = “{p.value}”: {p.message}" for p in problems)
        return super().data(index, role)


def choice_label(code: str) -> str:
    return {"": tr("as chosen above"), SKIP: tr("skip"), UPDATE: tr("update"),
            MERGE: tr("fill in what is missing")}[code]


class DuplicatesModel(QAbstractTableModel):
    """Customers found twice, each with its own choice (or the one for all)."""

    CHOICE = 3

    def __init__(self) -> None:
        super().__init__()
        self.rows: list = []
        self.choices: dict[int, str] = {}
        self.headers = [tr("Row"), tr("In the file"), tr("Already there as"), tr("What to do")]

    def set_duplicates(self, duplicates, choices: dict[int, str]) -> None:
        self.beginResetModel()
        self.rows, self.choices = list(duplicates), choices
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.CHOICE else base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            where = tr("in the base") if d.in_base else tr("earlier in the file")
            return [str(d.row), d.name, f"{d.existing_name} ({where})",
                    choice_label(self.choices.get(d.row, ""))][index.column()]
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != self.CHOICE:
            return False
        row = self.rows[index.row()].row
        if value:
            self.choices[row] = value
        else:
            self.choices.pop(row, None)
        self.dataChanged.emit(index, index)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        editor = QComboBox(parent)
        for code in ("", SKIP, UPDATE, MERGE):
            editor.addItem(choice_label(code), code)
        return editor

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentData())
