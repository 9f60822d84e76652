"""The import wizard's first three steps, where the file is only looked at: file and sheet,
what each column holds, and a preview of the first rows as they will be saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from retainer.excel.columns import FIELDS, IGNORE, OPENING_FIELDS, field_label
from retainer.excel.values import text as cell_text
from retainer.i18n import QT_TR_NOOP, tr
from retainer.rules import phones
from retainer.rules.money import format_amount
from retainer.services.imports import Layout, plan_problem
from retainer.ui.formatting import date_time, short_date
from retainer.ui.import_models import PreviewModel
from retainer.ui.import_state import ImportChoices
from retainer.ui.records_model import Column
from retainer.ui.style import set_role


def read_only_table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class FilePage(QWizardPage):
    def __init__(self, choices: ImportChoices) -> None:
        super().__init__()
        self.choices = choices
        self.setTitle(tr("Which file?"))
        self.setSubTitle(tr("An Excel workbook (.xlsx, .xls), a LibreOffice sheet (.ods) or a "
                            ".csv file with your customers — and their purchases, if you have them."))
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(tr("no file chosen"))
        choose = QPushButton(tr("Choose a file…"))
        choose.clicked.connect(self.choose)
        self.sheet = QComboBox()
        self.sheet.currentTextChanged.connect(self._sheet_changed)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 60)
        self.header_row.valueChanged.connect(self._header_changed)
        self.purchases_sheet = QComboBox()
        self.purchases_sheet.setToolTip(tr("A sheet of purchases that names each customer by "
                                           "phone, e-mail or code"))
        self.purchases_sheet.currentIndexChanged.connect(self._purchases_changed)
        self.found = QLabel()
        self.found.setWordWrap(True)
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(QLabel(tr("Sheet")))
        sheet_row.addWidget(self.sheet, 1)
        sheet_row.addWidget(QLabel(tr("Column titles on row")))
        sheet_row.addWidget(self.header_row)
        purchases_row = QHBoxLayout()
        purchases_row.addWidget(QLabel(tr("Purchases from the sheet")))
        purchases_row.addWidget(self.purchases_sheet, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(sheet_row)
        layout.addLayout(purchases_row)
        layout.addWidget(self.found)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import customers"), str(Path.home()),
                                              tr("Spreadsheets (*.xlsx *.xls *.ods *.csv)"))
        if path:
            self.load(path)

    def load(self, path: str, sheet: str | None = None) -> None:
        self.path.setText(path)
        self.error.setText("")
        imports = self.choices.services.imports
        self.choices.tasks.read(self, lambda: imports.layout(path, sheet)).success(self.show_layout) \
            .failure(self.show_error).run()

    def show_layout(self, layout: Layout) -> None:
        self.choices.found(layout)
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(layout.sheets)
        self.sheet.setCurrentText(layout.sheet)
        self.sheet.setEnabled(layout.restore is None and len(layout.sheets) > 1)
        self.sheet.blockSignals(False)
        self.header_row.blockSignals(True)
        self.header_row.setValue(layout.header_row + 1)
        self.header_row.blockSignals(False)
        self.purchases_sheet.blockSignals(True)
        self.purchases_sheet.clear()
        self.purchases_sheet.addItem(tr("— none —"), None)
        for name in layout.sheets:
            if name != layout.sheet:
                self.purchases_sheet.addItem(name, name)
        if layout.purchases is not None:
            self.purchases_sheet.setCurrentIndex(self.purchases_sheet.findData(layout.purchases.sheet))
        self.purchases_sheet.setEnabled(layout.restore is None and self.purchases_sheet.count() > 1)
        self.purchases_sheet.blockSignals(False)
        if layout.restore:
            self.found.setText(tr("A workbook exported by Retainer: customers, purchases, calls "
                                  "and feedback will be imported together."))
        else:
            known = sum(1 for f in layout.mapping.values() if f)
            self.found.setText(tr("Column titles found on row {row}; {n} of %Ln columns "
                                  "recognised.", "", sum(1 for h in layout.headers if h)).format(
                                      row=layout.header_row + 1, n=known))
        self.completeChanged.emit()

    def show_error(self, exc: Exception) -> None:
        self.choices.found(None)
        self.found.setText("")
        self.error.setText(str(exc))
        self.completeChanged.emit()

    def _purchases_changed(self, _index: int) -> None:
        layout, name = self.choices.layout, self.purchases_sheet.currentData()
        if layout is None:
            return
        if name is None:
            self.choices.choose_purchases(None)
            return

        def found(linked) -> None:
            self.choices.choose_purchases(linked)
            if linked is None:
                self.error.setText(tr("The sheet “{sheet}” has no columns for the customer "
                                      "(phone, e-mail or code), the date and the amount.").format(sheet=name))
            else:
                self.error.setText("")

        imports, path = self.choices.services.imports, layout.path
        self.choices.tasks.read(self, lambda: imports.linked_sheet(path, name)).success(found) \
            .failure(self.show_error).run()

    def _sheet_changed(self, name: str) -> None:
        if name and self.path.text():
            self.load(self.path.text(), name)

    def _header_changed(self, value: int) -> None:
        layout = self.choices.layout
        if layout is None or value - 1 == layout.header_row:
            return
        imports, path, sheet = self.choices.services.imports, layout.path, layout.sheet
        self.choices.tasks.read(self, lambda: imports.layout(path, sheet, header_row=value - 1)) \
            .success(self.show_layout).failure(self.show_error).run()

    def isComplete(self) -> bool:
        return self.choices.layout is not None


class ColumnsPage(QWizardPage):
    def __init__(self, choices: ImportChoices) -> None:
        super().__init__()
        self.choices = choices
        self.setTitle(tr("What is in each column?"))
        self.setSubTitle(tr("Retainer guessed from the titles; change anything it got wrong. "
                            "Columns set to “do not import” are left out."))
        self.note = QLabel()
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.rows = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.rows)
        layout.addStretch(1)
        layout.addWidget(self.error)
        self.combos: dict[int, QComboBox] = {}

    def initializePage(self) -> None:
        layout = self.choices.layout
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.layout():
                while item.layout().count():
                    child = item.layout().takeAt(0)
                    if child.widget():
                        child.widget().deleteLater()
        self.combos.clear()
        self.note.setText(tr("Remembered from the last file with these columns.")
                          if layout.remembered and not layout.restore else "")
        for index, header in enumerate(layout.headers):
            if not header and all(index >= len(r) or cell_text(r[index]) == "" for r in layout.sample):
                continue
            combo = QComboBox()
            for field in (IGNORE, *FIELDS):
                combo.addItem(field_label(field), field)
            combo.setCurrentIndex(combo.findData(layout.mapping.get(index, IGNORE)))
            combo.currentIndexChanged.connect(self._changed)
            sample = ", ".join(cell_text(r[index]) for r in layout.sample[:3]
                               if index < len(r) and cell_text(r[index]))
            title = QLabel(f"<b>{header or tr('(no title)')}</b>")
            example = QLabel(sample[:60])
            set_role(example, "hint")
            line = QHBoxLayout()
            line.addWidget(title, 2)
            line.addWidget(example, 3)
            line.addWidget(combo, 2)
            self.rows.addLayout(line)
            self.combos[index] = combo
        self._changed()

    def mapping(self) -> dict[int, str]:
        return {i: c.currentData() for i, c in self.combos.items() if c.currentData()}

    def _changed(self, *_args) -> None:
        chosen = [c.currentData() for c in self.combos.values() if c.currentData()]
        twice = sorted({field_label(f) for f in chosen if chosen.count(f) > 1})
        problem = plan_problem(self.mapping())
        if twice:
            problem = tr("Each kind of value can come from one column only: {fields}.").format(
                fields=", ".join(twice))
        self.error.setText(problem or "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.combos) and not self.error.text()

    def validatePage(self) -> bool:
        self.choices.choose_columns(self.mapping())
        return True


PREVIEW_TITLES = {  # shorter than the column choices: the preview's columns stay readable
    "total_spent": QT_TR_NOOP("Spent before"), "purchase_count": QT_TR_NOOP("Purchases before"),
    "first_purchase": QT_TR_NOOP("First purchase"), "last_purchase": QT_TR_NOOP("Last purchase"),
}


def _shown(record, field: str) -> str:
    value = getattr(record, field, None)
    if field.startswith("opening_") and not record.has_opening:
        return ""  # no totals on this row: blank, not 0
    if field == "phones":
        return ", ".join(phones.display(p) for p in value)
    if field in ("birthday", "opening_first", "opening_last", "created_at") and value:
        return short_date(value)
    if field == "purchased_at" and value:
        return date_time(value)
    if field in ("amount_cents", "opening_spent_cents") and value is not None:
        return format_amount(value)
    if field == "tags":
        return ", ".join(value)
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    return "" if value is None else str(value)


def _note(text: str) -> QLabel:
    """A line that says what the preview's file will become; shown when it applies."""
    label = QLabel(text)
    label.setWordWrap(True)
    set_role(label, "note")
    label.hide()
    return label


class PreviewPage(QWizardPage):
    def __init__(self, choices: ImportChoices) -> None:
        super().__init__()
        self.choices = choices
        self.setTitle(tr("This is how the first rows will be saved"))
        self.setSubTitle(tr("Rows in red have a problem and will be left out; hover for why."))
        self.model = PreviewModel([])
        self.view = read_only_table(self.model)
        # Numbers written without + and a country code (8 916 …, 8 612 …) are read as this
        # country's: the setting of the whole base, changeable here where a wrong one shows.
        self.country = QComboBox()
        for code in phones.SUPPORTED_REGIONS:
            self.country.addItem(phones.region_name(code), code)  # as in Settings
        self.country.activated.connect(self._country_chosen)
        country_row = QHBoxLayout()
        country_label = QLabel(tr("Phone numbers without + and a country code are from:"))
        country_label.setBuddy(self.country)
        country_row.addWidget(country_label)
        country_row.addWidget(self.country)
        country_row.addStretch(1)
        # When the base's country rejects many numbers: a better one, in one sentence.
        self.country_hint = QLabel()
        self.country_hint.setWordWrap(True)
        set_role(self.country_hint, "waiting")
        self.country_button = QPushButton()
        self.country_button.clicked.connect(self._use_guess)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.country_hint, 1)
        hint_row.addWidget(self.country_button)
        self.guess = None
        self.code_note = _note(tr(
            "The file names its customers only by a code or a card number: each one becomes a "
            "customer, shown as “Customer 00123” until you import a list with their names "
            "(matched by the same code) or type a name on the card."))
        self.opening_note = _note(tr(
            "Totals instead of purchases: each customer's total, number of purchases and dates "
            "become their history before Retainer, so tomorrow's call list already shows who "
            "has drifted away. No purchase is made up from them."))
        layout = QVBoxLayout(self)
        layout.addLayout(country_row)
        layout.addLayout(hint_row)
        layout.addWidget(self.code_note)
        layout.addWidget(self.opening_note)
        layout.addWidget(self.view)
        self._show_guess(None)

    def _show_guess(self, guess) -> None:
        self.guess = guess
        self.country_hint.setVisible(guess is not None)
        self.country_button.setVisible(guess is not None)
        if guess is not None:
            self.country_hint.setText(guess.sentence())
            self.country_button.setText(tr("Read them as numbers from {country}").format(
                country=phones.region_name(guess.region)))

    def _use_guess(self) -> None:
        if self.guess is not None:
            self.country.setCurrentIndex(max(0, self.country.findData(self.guess.region)))
            self._country_chosen()

    def _country_chosen(self) -> None:
        code, services = self.country.currentData(), self.choices.services

        def changed(_settings) -> None:
            self.choices.settings_changed()
            self.initializePage()

        self.choices.tasks.write(self, lambda: services.change_settings(default_region=code)) \
            .success(changed).failure(self.choices.failed).run()

    def initializePage(self) -> None:
        self.country.setCurrentIndex(max(0, self.country.findData(
            self.choices.services.settings.default_region)))
        plan = self.choices.plan()
        fields = [("row", tr("Row")), ("name", tr("Name"))]
        chosen = set(plan.mapping.values())
        if chosen & {"phone", "phone2"}:
            fields.append(("phones", tr("Phones")))
        # Only what the file has: a register's log shows its card, date and amount at once.
        extra = [("email", "email"), ("birthday", "birthday"), ("customer_code", "customer_code"),
                 ("city", "city"), ("card_number", "card_number"), ("tags", "tags"),
                 ("purchased_at", "purchase_date"), ("amount_cents", "amount"), ("items", "items"),
                 ("created_at", "created_at"),
                 ("opening_spent_cents", "total_spent"), ("opening_count", "purchase_count"),
                 ("opening_first", "first_purchase"), ("opening_last", "last_purchase")]
        fields += [(attr, tr(PREVIEW_TITLES[f]) if f in PREVIEW_TITLES else field_label(f))
                   for attr, f in extra if f in chosen]
        fields.append(("problems", tr("Problems")))  # last: it takes the width that is left

        named = chosen & {"name", "first_name", "last_name", "phone", "phone2", "email"}
        self.code_note.setVisible(not named and bool(chosen & {"customer_code", "card_number"}))
        self.opening_note.setVisible(bool(chosen & set(OPENING_FIELDS)))

        def done(found) -> None:
            preview, guess = found
            self._show_guess(guess)
            rows = []
            for record, problems in preview:
                shown = {attr: _shown(record, attr) for attr, _ in fields} if record else {}
                if problems:  # left out: the row, why, and whose it is
                    shown = {"row": str(problems[0].row), "name": record.name if record else "",
                             "problems": "; ".join(f"{p.column}: {p.message}" for p in problems)}
                rows.append((shown, problems))
            self.model.columns = [Column(label, lambda r, a=attr: r[0].get(a, "")) for attr, label in fields]
            self.model.set_records(rows)
            header = self.view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            self.view.resizeColumnsToContents()  # titles and values whole, in any language
            for col, (attr, _) in enumerate(fields):
                limit = {"row": 60, "problems": 320}.get(attr, 220)
                self.view.setColumnWidth(col, max(44, min(self.view.columnWidth(col), limit)))
            header.setStretchLastSection(True)

        imports = self.choices.services.imports
        language = QLocale().name().partition("_")[2] or None  # ru_RU -> RU
        self.choices.tasks.read(self, lambda: (imports.preview(plan),
                                               imports.country_guess(plan, language))) \
            .success(done).failure(self.choices.failed).run()
