"""The editable part of a customer card: fields with their problems shown beside them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from retainer.i18n import tr
from retainer.rules.dates import format_date, parse_date
from retainer.rules.validation import CustomerForm
from retainer.ui.style import set_role


class FieldError(QLabel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        set_role(self, "error")
        self.setWordWrap(True)
        # A long message wraps; it must never widen the form.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(50)
        self.hide()

    def show_message(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


class CustomerFormWidget(QWidget):
    edited = Signal()

    def __init__(self, referred_by: QWidget, parent=None) -> None:
        """``referred_by`` is a CustomerPicker: it searches, so the card hands it in."""
        super().__init__(parent)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(tr("e.g. +370 612 34567 or 8 916 123-45-67"))
        self.phone2 = QLineEdit()
        self.email = QLineEdit()
        self.email.setPlaceholderText("name@example.com")
        self.birthday = QLineEdit()
        self.birthday.setPlaceholderText(tr("dd.mm.yyyy"))
        self.city = QLineEdit()
        self.address = QLineEdit()
        self.card_number = QLineEdit()
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(tr("comma-separated, e.g. VIP, coffee"))
        self.source = QLineEdit()
        self.source.setPlaceholderText(tr("how they found you"))
        self.referred_by = referred_by
        self.consent = QCheckBox(tr("Agreed to receive messages"))
        self.do_not_call = QCheckBox(tr("Do not call"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.errors: dict[str, FieldError] = {}

        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [
            ("name", tr("Name"), self.name),
            ("phones", tr("Phone"), self.phone),
            (None, tr("Second phone"), self.phone2),
            ("email", tr("E-mail"), self.email),
            ("birthday", tr("Birthday"), self.birthday),
            (None, tr("City"), self.city),
            (None, tr("Address"), self.address),
            ("card_number", tr("Card number"), self.card_number),
            ("tags", tr("Tags"), self.tags),
            (None, tr("Came from"), self.source),
            ("referred_by_id", tr("Referred by"), self.referred_by),
        ]
        for key, label, widget in rows:
            if key is None:
                layout.addRow(label, widget)
                continue
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            error = FieldError()
            box.addWidget(error)
            self.errors[key] = error
            layout.addRow(label, box)
        layout.addRow("", self.consent)
        layout.addRow("", self.do_not_call)
        layout.addRow(tr("Notes"), self.notes)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(layout)
        outer.addStretch(1)

        for edit in (self.name, self.phone, self.phone2, self.email, self.birthday, self.city,
                     self.address, self.card_number, self.tags, self.source):
            edit.textEdited.connect(self.edited)
        self.notes.textChanged.connect(self.edited)
        self.consent.toggled.connect(self.edited)
        self.do_not_call.toggled.connect(self.edited)
        self.referred_by.changed.connect(self.edited)

    def set_known_tags(self, tags: list[str]) -> None:
        completer = QCompleter(tags, self.tags)
        completer.setCaseSensitivity(completer.caseSensitivity().CaseInsensitive)
        self.tags.setCompleter(completer)

    def show_consent_date(self, given_on) -> None:
        """The consent's date beside its box, as recorded in the base."""
        self.consent.setText(tr("Agreed to receive messages (on {date})").format(
            date=format_date(given_on)) if given_on else tr("Agreed to receive messages"))

    def set_form(self, form: CustomerForm, referred_by_name: str | None = None) -> None:
        self.blockSignals(True)
        self.notes.blockSignals(True)
        self.name.setText(form.name)
        self.phone.setText(form.phones[0] if form.phones else "")
        self.phone2.setText(", ".join(form.phones[1:]))
        self.email.setText(form.email)
        self.birthday.setText(format_date(form.birthday))
        self.city.setText(form.city)
        self.address.setText(form.address)
        self.card_number.setText(form.card_number)
        self.tags.setText(", ".join(form.tags))
        self.source.setText(form.source)
        self.referred_by.blockSignals(True)
        self.referred_by.set_customer(form.referred_by_id, referred_by_name)
        self.referred_by.blockSignals(False)
        self.consent.setChecked(form.consent_to_messages)
        self.do_not_call.setChecked(form.do_not_call)
        self.notes.setPlainText(form.notes)
        self.notes.blockSignals(False)
        self.blockSignals(False)
        self.show_errors({})

    def form(self) -> CustomerForm:
        """The form as typed; raises ValueError naming the field if a date cannot be read."""
        problems: dict[str, str] = {}
        birthday = None
        try:
            birthday = parse_date(self.birthday.text())
        except ValueError as exc:
            problems["birthday"] = str(exc)
        referrer_problem = self.referred_by.problem_text()
        if referrer_problem:
            problems["referred_by_id"] = referrer_problem
        if problems:
            raise FormProblem(problems)
        return CustomerForm(
            name=self.name.text(),
            phones=[self.phone.text(), *self.phone2.text().split(",")],
            email=self.email.text(),
            birthday=birthday,
            city=self.city.text(),
            address=self.address.text(),
            card_number=self.card_number.text(),
            tags=self.tags.text().split(","),
            source=self.source.text(),
            referred_by_id=self.referred_by.customer_id,
            consent_to_messages=self.consent.isChecked(),
            do_not_call=self.do_not_call.isChecked(),
            notes=self.notes.toPlainText(),
        )

    def _text_fields(self) -> dict[str, QLineEdit]:
        return {"name": self.name, "phone": self.phone, "phone2": self.phone2, "email": self.email,
                "birthday": self.birthday, "city": self.city, "address": self.address,
                "card_number": self.card_number, "tags": self.tags, "source": self.source}

    def typed(self) -> dict[str, object]:
        """Every field exactly as it stands, checked or not: what a draft keeps."""
        values: dict[str, object] = {k: e.text() for k, e in self._text_fields().items()}
        values.update(notes=self.notes.toPlainText(), consent=self.consent.isChecked(),
                      do_not_call=self.do_not_call.isChecked(),
                      referred_by_id=self.referred_by.customer_id,
                      referred_by_name=self.referred_by.edit.text())
        return values

    def set_typed(self, values: dict[str, object]) -> None:
        """Put a draft back; the form counts as edited."""
        for key, edit in self._text_fields().items():
            if key in values:
                edit.setText(str(values[key]))
        if "notes" in values:
            self.notes.setPlainText(str(values["notes"]))
        self.consent.setChecked(bool(values.get("consent", self.consent.isChecked())))
        self.do_not_call.setChecked(bool(values.get("do_not_call", self.do_not_call.isChecked())))
        if "referred_by_id" in values:
            referrer = values["referred_by_id"]
            self.referred_by.set_customer(referrer if isinstance(referrer, int) else None,
                                          str(values.get("referred_by_name") or ""))
        self.edited.emit()

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.show_message(errors.get(key))
        first = next((k for k in self.errors if k in errors), None)
        focus = {"name": self.name, "phones": self.phone, "email": self.email,
                 "birthday": self.birthday, "card_number": self.card_number, "tags": self.tags,
                 "referred_by_id": self.referred_by.edit}
        if first in focus:
            focus[first].setFocus()


class FormProblem(ValueError):
    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors
