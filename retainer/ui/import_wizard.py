"""The import wizard: file and sheet, columns, preview (import_pages), then the test run and
the import — nothing is saved before the last step, and the last step can be undone from the
import history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from retainer.i18n import tr
from retainer.services import Retainer
from retainer.services.imports import MERGE, SKIP, UPDATE, Layout, Plan, Report
from retainer.ui.import_models import ChoiceDelegate, DuplicatesModel
from retainer.ui.import_pages import ColumnsPage, FilePage, PreviewPage, read_only_table
from retainer.ui.import_state import ImportChoices
from retainer.ui.records_model import Column, RecordsModel
from retainer.ui.tasks import Tasks


class CheckPage(QWizardPage):
    def __init__(self, choices: ImportChoices) -> None:
        super().__init__()
        self.choices = choices
        self.report: Report | None = None
        self.tested: tuple | None = None  # what the shown report was made from
        self.running = False
        self.setButtonText(QWizard.WizardButton.NextButton, tr("Import"))
        self.setTitle(tr("Test run"))
        self.setSubTitle(tr("Reads the whole file and lists every problem and every customer "
                            "you already have, without saving anything."))
        self.policy = QButtonGroup(self)
        # One under the other: the choices are long, and longer still once translated.
        box = QGroupBox(tr("Customers already in the base (same phone or e-mail)"))
        policies = QVBoxLayout(box)
        for code, label in ((SKIP, tr("skip them")), (UPDATE, tr("update them from the file")),
                            (MERGE, tr("only fill in what is missing"))):
            button = QRadioButton(label)
            button.setProperty("policy", code)
            button.setChecked(code == SKIP)
            self.policy.addButton(button)
            policies.addWidget(button)
        self.policy.buttonToggled.connect(self._policy_changed)
        self.run_button = QPushButton(tr("Run the test"))
        self.run_button.clicked.connect(self.run_test)
        self.summary = QLabel(tr("Press “Run the test” to check the whole file."))
        self.summary.setWordWrap(True)
        self.problems = RecordsModel([
            Column(tr("Row"), lambda p: str(p.row)), Column(tr("Column"), lambda p: p.column),
            Column(tr("Value"), lambda p: p.value), Column(tr("Problem"), lambda p: p.message)])
        self.duplicates = DuplicatesModel()
        self.duplicates_view = read_only_table(self.duplicates)
        self.duplicates_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.duplicates_view.setItemDelegateForColumn(DuplicatesModel.CHOICE, ChoiceDelegate(self))
        self.duplicates_view.hide()
        self.save_button = QPushButton(tr("Save the problem list…"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_problems)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(read_only_table(self.problems), 1)
        layout.addWidget(self.duplicates_view, 1)

    def current(self) -> bool:
        """The report on screen was made from the file, columns, country and choices as they
        are now."""
        return self.report is not None and self.tested == self.choices.inputs()

    def forget(self) -> None:
        """Something the test run depends on changed: its result is no longer shown."""
        self.report = self.tested = None
        self.problems.set_records([])
        self.duplicates.set_duplicates([], {})
        self.duplicates_view.hide()
        self.save_button.setEnabled(False)
        self.summary.setText(tr("Press “Run the test” to check the whole file."))
        self.completeChanged.emit()

    def _policy_changed(self, button, checked: bool) -> None:
        if not checked:
            return
        had_report = self.report is not None
        self.choices.choose_duplicates(button.property("policy"))  # forgets the report
        if had_report and self.wizard() is not None and self.wizard().currentPage() is self:
            self.run_test()

    def initializePage(self) -> None:
        if not self.current():
            self.forget()
            self.run_test()

    def isComplete(self) -> bool:
        return self.current() and not self.running

    def run_test(self) -> None:
        plan, inputs = self.choices.plan(), self.choices.inputs()
        imports = self.choices.services.imports
        self.running = True
        self.completeChanged.emit()

        def finished() -> None:
            self.running = False
            self.completeChanged.emit()

        def failed(exc: BaseException) -> None:
            finished()
            self.choices.failed(exc)

        def done(report: Report) -> None:
            self.report, self.tested = report, inputs
            finished()
            self.problems.set_records(report.problems)
            self.save_button.setEnabled(bool(report.problems))
            self.duplicates.set_duplicates(report.duplicates, self.choices.row_choices)
            self.duplicates_view.setVisible(bool(report.duplicates))
            in_base = sum(1 for d in report.duplicates if d.in_base)
            in_file = sum(1 for d in report.duplicates if not d.in_base)
            self.summary.setText(" ".join((
                tr("%Ln rows read.", "", report.rows),
                tr("The import would add {customers} and {purchases}, and find {in_base} you "
                   "already have and {in_file}.").format(
                    customers=tr("%Ln customers", "the import would add …", report.customers_added),
                    purchases=tr("%Ln purchases", "the import would add …", report.purchases_added),
                    in_base=tr("%Ln customers", "find … you already have", in_base),
                    in_file=tr("%Ln repeated rows", "and find …", in_file)),
                tr("%Ln rows have problems and would be left out.", "", report.rows_with_problems))))

        # A test run writes everything and rolls it back: a write, in its turn with the others.
        self.choices.tasks.long(self, tr("Checking the file…"), lambda: imports.run(plan, dry_run=True),
                                writes=True, waits=tr("Saving when the test run finishes…")) \
            .success(done).failure(failed).cancelled(finished).run()

    def save_problems(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save the problem list"),
                                                  str(Path.home() / tr("import problems.xlsx")),
                                                  tr("Excel workbook (*.xlsx)"))
        if path:
            report, imports = self.report, self.choices.services.imports
            self.choices.tasks.read(self, lambda: imports.save_problems(report, path), lane="long") \
                .success(lambda _: self.summary.setText(
                    self.summary.text() + " " + tr("Saved to {path}.").format(path=path))) \
                .failure(self.choices.failed).run()


class DonePage(QWizardPage):
    def __init__(self, choices: ImportChoices) -> None:
        super().__init__()
        self.choices = choices
        self.setTitle(tr("Import"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.undo_button = QPushButton(tr("Undo this import"))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.result)
        layout.addLayout(row)
        layout.addStretch(1)
        self.finished_import = False

    def initializePage(self) -> None:
        self.finished_import = False
        self.result.setText(tr("Importing…"))
        plan = self.choices.plan()

        def done(report: Report) -> None:
            self.report = report
            self.finished_import = True
            self.result.setText(" ".join((
                tr("Done: {outcome}.").format(outcome=report.outcome()),
                tr("%Ln rows with problems were left out.", "", report.rows_with_problems),
                tr("You can undo this import later from File → Import history."))))
            self.undo_button.show()
            self.completeChanged.emit()

        def cancelled() -> None:
            self.result.setText(tr("Cancelled: nothing was imported."))
            self.finished_import = True
            self.completeChanged.emit()

        def failed(exc: BaseException) -> None:
            self.result.setText(tr("The import failed and nothing was saved: {reason}").format(
                reason=exc))
            self.finished_import = True
            self.completeChanged.emit()

        imports = self.choices.services.imports
        self.choices.tasks.long(self, tr("Importing…"), lambda: imports.run(plan), writes=True,
                                waits=tr("Saving when the import finishes…")) \
            .success(done).failure(failed).cancelled(cancelled).run()

    def undo(self) -> None:
        import_id, imports = self.report.import_id, self.choices.services.imports

        def undone(_result) -> None:
            self.result.setText(tr("The import was undone."))
            self.undo_button.hide()

        self.choices.tasks.write(self, lambda: imports.undo(import_id)).success(undone) \
            .failure(self.choices.failed).run()

    def isComplete(self) -> bool:
        return self.finished_import


class ImportWizard(QWizard):
    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.choices = ImportChoices(services, tasks, self)
        self.choices.changed.connect(self.inputs_changed)
        self.choices.problem.connect(self.say_error)
        self.setWindowTitle(tr("Import from Excel"))
        self.resize(900, 620)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        # Once imported there is no going back through the steps, only Undo and Close.
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.file_page, self.columns_page = FilePage(self.choices), ColumnsPage(self.choices)
        self.preview_page = PreviewPage(self.choices)
        self.check_page, self.done_page = CheckPage(self.choices), DonePage(self.choices)
        for page in (self.file_page, self.columns_page, self.preview_page, self.check_page, self.done_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("Close"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Cancel"))

    def done(self, result: int) -> None:  # noqa: A003 - Qt's name: closed, however it closed
        self.services.imports.forget_file()  # the sheet kept for the steps is not needed now
        super().done(result)

    @property
    def layout_(self) -> Layout | None:
        return self.choices.layout

    def inputs(self) -> tuple | None:
        return self.choices.inputs()

    def plan(self) -> Plan:
        return self.choices.plan()

    def inputs_changed(self) -> None:
        if self.check_page.report is not None and not self.check_page.current():
            self.check_page.forget()

    def say_error(self, text: str) -> None:
        page = self.currentPage()
        label = next((getattr(page, name) for name in ("error", "summary", "result")
                      if getattr(page, name, None) is not None), None)
        if label is not None:
            label.setText(text)
