"""Import and export from the window: the wizard, one-click export, the current list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from retainer.i18n import tr


def documents_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def unique_name(folder: Path, stem: str) -> Path:
    candidate = folder / f"{stem}.xlsx"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem} ({n}).xlsx"
        n += 1
    return candidate


class Transfer:
    """Owned by the main window; keeps the folder of the last export between runs."""

    def __init__(self, window) -> None:
        self.window = window
        self.last_path: Path | None = None

    def _folder(self) -> Path:
        saved = self.window.window_state().value("export/folder")
        folder = Path(saved) if saved else documents_folder()
        return folder if folder.is_dir() else documents_folder()

    def export_everything(self, path: str | None = None) -> None:
        """One click: a dated workbook in the last export folder (Documents the first time)."""
        target = Path(path) if path else unique_name(
            self._folder(), tr("Retainer {date}").format(date=date.today().isoformat()))
        self._export(target)

    def export_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, tr("Export everything to Excel"),
            str(unique_name(self._folder(), tr("Retainer {date}").format(date=date.today().isoformat()))),
            tr("Excel workbook (*.xlsx)"))
        if path:
            self._export(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def _export(self, target: Path) -> None:
        services = self.window.services

        def done(report) -> None:
            self.last_path = target
            state = self.window.window_state()
            state.setValue("export/folder", str(target.parent))
            self.window.say(report.saved_line(target))

        def failed(exc: Exception) -> None:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.window.say(tr("Could not save {file}: {reason}").format(file=target, reason=reason))

        exports = services.exports
        self.window.tasks.long(self.window, tr("Exporting to Excel…"),
                               lambda: exports.export_all(str(target)), writes=False) \
            .success(done).failure(failed) \
            .cancelled(lambda: self.window.say(tr("Export cancelled; no file was written."))).run()

    def export_list(self, path: str | None = None) -> None:
        screen = self.window.customers
        query = screen.current_query()
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window, tr("Export this list"),
                str(unique_name(self._folder(),
                                tr("Customers {date}").format(date=date.today().isoformat()))),
                tr("Excel workbook (*.xlsx)"))
            if not path:
                return
        exports, customers = self.window.services.exports, self.window.services.customers
        self.window.tasks.read(self.window, lambda: exports.export_list(customers, query, path),
                               lane="long") \
            .success(lambda n: self.window.say(
                tr("Saved %Ln customers to {file}.", "", n).format(file=path))) \
            .failure(lambda exc: self.window.say(
                tr("Could not save {file}: {reason}").format(file=path, reason=exc))).run()

    def open_last(self) -> None:
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path)))

    def import_wizard(self, path: str | None = None):
        from retainer.ui.import_wizard import ImportWizard

        wizard = ImportWizard(self.window.services, self.window.tasks, self.window)
        wizard.open()
        if path:
            wizard.file_page.load(path)
        self.window.wizard = wizard
        return wizard

    def import_history(self):
        from retainer.ui.import_history import ImportHistoryDialog

        dialog = ImportHistoryDialog(self.window.services, self.window.tasks, self.window)
        dialog.open()
        self.window.history_dialog = dialog
        return dialog
