"""File → Restore…: the base's backups with when and why each was taken, its size and how
many customers it holds; the chosen one goes in place of the base after a backup of the base
as it is now, so a restore can itself be undone by restoring that one."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from retainer import i18n
from retainer.i18n import tr
from retainer.services import Retainer
from retainer.services.backups import Backup
from retainer.ui.formatting import date_time
from retainer.ui.records_model import Column, RecordsModel, table_with_empty_text
from retainer.ui.style import set_role
from retainer.ui.tasks import Tasks


def why_taken(reason: str) -> str:
    return {
        "daily": tr("First start of the day"),
        "manual": tr("Backed up by hand"),
        "import": tr("Before an import"),
        "restore": tr("Before a restore"),
        "upgrade": tr("Before an upgrade"),
    }.get(reason, reason)


def megabytes(size: int) -> str:
    return tr("{size} MB").format(size=i18n.decimal(size / 1e6, 1))


@dataclass(frozen=True)
class BackupRow:
    backup: Backup
    customers: int | None


class RestoreDialog(QDialog):
    restore_requested = Signal(object)  # the chosen Backup, confirmed

    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.setWindowTitle(tr("Restore from a backup"))
        self.resize(720, 420)
        self.model = RecordsModel[BackupRow]([
            Column(tr("Taken"), lambda r: date_time(r.backup.taken_at)),
            Column(tr("Why"), lambda r: why_taken(r.backup.reason)),
            Column(tr("Customers"), lambda r: "?" if r.customers is None
                   else i18n.grouped(r.customers), True),
            Column(tr("Size"), lambda r: megabytes(r.backup.size), True),
        ])
        box, self.view = table_with_empty_text(self.model, tr(
            "No backups yet. Retainer keeps one on the first start of each day, before every "
            "import and whenever you choose File → Back up now."))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.doubleClicked.connect(lambda _index: self.restore_selected())
        folder = services.backups.folder
        self.hint = QLabel(tr("The newest first. Restoring puts the chosen backup in place of "
                              "the base; the base as it is now is backed up first, so nothing "
                              "is lost."))
        self.hint.setWordWrap(True)
        set_role(self.hint, "hint")
        self.restore_button = QPushButton(tr("&Restore the selected backup…"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button = QPushButton(tr("Open the backups folder"))
        self.folder_button.setEnabled(folder is not None)
        self.folder_button.clicked.connect(self.open_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(box, 1)
        layout.addWidget(buttons)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.restore_button.setEnabled(self.selected() is not None))
        self.refresh()

    def refresh(self) -> None:
        backups = self.services.backups

        def read() -> list[BackupRow]:
            found = backups.listed()
            counts = backups.customer_counts(found)
            return [BackupRow(b, counts[b.path]) for b in found]

        def show(rows: list[BackupRow]) -> None:
            self.model.set_records(rows)
            self.hint.setVisible(bool(rows))
            if rows:
                self.view.selectRow(0)

        self.tasks.read(self, read, lane="long").success(show) \
            .failure(lambda exc: QMessageBox.warning(self, self.windowTitle(), str(exc))).run()

    def selected(self) -> BackupRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.records[rows[0].row()] if rows else None

    def restore_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        customers = (tr("%Ln customers", "a backup with …", row.customers)
                     if row.customers is not None else tr("an unknown number of customers"))
        answer = QMessageBox.question(self, tr("Restore from a backup"), tr(
            "Put the backup of {when} ({customers}) in place of the base? What was changed "
            "since then leaves the window; the base as it is now is backed up first, so you "
            "can come back to it.").format(when=date_time(row.backup.taken_at),
                                          customers=customers))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.accept()
        self.restore_requested.emit(row.backup)

    def open_folder(self) -> bool:
        folder = self.services.backups.folder
        if folder is None:
            return False
        folder.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
