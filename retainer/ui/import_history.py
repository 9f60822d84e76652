"""Every import, with what it added; any of them can be undone."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from retainer.i18n import tr
from retainer.services import Retainer
from retainer.services.imports import ImportRecord
from retainer.ui.formatting import date_time
from retainer.ui.records_model import Column, RecordsModel
from retainer.ui.tasks import Tasks


class ImportHistoryDialog(QDialog):
    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.setWindowTitle(tr("Import history"))
        self.resize(820, 420)
        self.model = RecordsModel[ImportRecord]([
            Column(tr("When"), lambda r: date_time(r.imported_at)),
            Column(tr("File"), lambda r: r.file_name.replace("\\\\", "/").rsplit("/", 1)[-1]),
            Column(tr("Rows"), lambda r: str(r.rows), True),
            Column(tr("Added"), lambda r: str(r.customers_added), True),
            Column(tr("Updated"), lambda r: str(r.customers_updated), True),
            Column(tr("Purchases"), lambda r: str(r.purchases_added), True),
            Column(tr("Undone"), lambda r: date_time(r.undone_at)),
        ])
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(tr("Nothing imported yet. Files you import with File → Import from "
                               "Excel are listed here, and each can be undone."))
        self.empty.setWordWrap(True)
        self.undo_button = QPushButton(tr("Undo the selected import"))
        self.undo_button.clicked.connect(self.undo_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        def show(records) -> None:
            self.model.set_records(records)
            self.empty.setVisible(not records)
            self.view.setVisible(bool(records))
            self.undo_button.setEnabled(bool(records))

        self.tasks.read(self, self.services.imports.history).success(show).failure(self._failed).run()

    def undo_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        record = self.model.records[rows[0].row()]
        answer = QMessageBox.question(self, tr("Undo import"), tr(
            "Remove the {customers} and {purchases} this import added, and put back the "
            "{updated} it changed?").format(
                customers=tr("%Ln customers", "remove the …", record.customers_added),
                purchases=tr("%Ln purchases", "remove the …", record.purchases_added),
                updated=tr("%Ln customers", "put back the …", record.customers_updated)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        imports, import_id = self.services.imports, record.id
        self.tasks.write(self, lambda: imports.undo(import_id)) \
            .success(lambda _: self.refresh()).failure(self._failed).run()

    def _failed(self, exc: Exception) -> None:
        message = " ".join(getattr(exc, "errors", {}).values()) or str(exc)
        QMessageBox.warning(self, tr("Import history"), message)
