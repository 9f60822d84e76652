"""Logging a call in three clicks: how it went, the three questions, what happens next."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from retainer.i18n import tr
from retainer.rules import labels, phones
from retainer.rules.dates import format_date, parse_date
from retainer.rules.validation import ValidationError
from retainer.services import Retainer
from retainer.services.calls import OUTCOMES, TRY_AGAIN, CallForm
from retainer.ui.customer_form import FieldError
from retainer.ui.style import set_role
from retainer.ui.tasks import Tasks


class CallDialog(QDialog):
    def __init__(self, services: Retainer, tasks: Tasks, customer_id: int, name: str,
                 phone: str | None, why: str = "", reminder_id: int | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.customer_id, self.reminder_id = customer_id, reminder_id
        self.logged = None
        self.setWindowTitle(tr("Call {name}").format(name=name))
        self.resize(600, 600)

        heading = QLabel(name)
        set_role(heading, "name")
        number = QLabel(phones.display(phone) or tr("no phone number"))
        set_role(number, "phone")
        copy = QPushButton(tr("Copy number"))
        copy.setEnabled(bool(phone))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(phones.display(phone)))
        top = QHBoxLayout()
        top.addWidget(number)
        top.addStretch(1)
        top.addWidget(copy)
        reason = QLabel(why)
        reason.setWordWrap(True)
        set_role(reason, "note")

        outcome_box = QGroupBox(tr("How did it go?"))
        outcome_row = QGridLayout(outcome_box)
        self.outcomes = QButtonGroup(self)
        for i, code in enumerate(OUTCOMES):
            button = QRadioButton(labels.outcome(code))
            button.setChecked(code == "reached")
            self.outcomes.addButton(button, i)
            outcome_row.addWidget(button, i // 3, i % 3)
        self.outcomes.idClicked.connect(self._outcome_changed)

        self.questions = QGroupBox(tr("The three questions"))
        form = QFormLayout(self.questions)
        # Questions above their answers: they are long, and longer still in Russian.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.satisfied = QComboBox()
        self.satisfied.addItems([tr("didn't say"), tr("yes, fully"), tr("no")])
        self.why_not = QLineEdit()
        self.why_not.setPlaceholderText(tr("what went wrong"))
        self.offer = QLineEdit()
        self.offer.setPlaceholderText(tr("a product or service that would help them"))
        self.referral_name = QLineEdit()
        self.referral_name.setPlaceholderText(tr("name"))
        self.referral_phone = QLineEdit()
        self.referral_phone.setPlaceholderText(tr("phone (optional)"))
        self.errors = {key: FieldError() for key in
                       ("referral_name", "referral_phone", "nps_score", "next_call_on", "outcome")}
        satisfied = QHBoxLayout()
        satisfied.addWidget(self.satisfied, 1)
        satisfied.addWidget(self.why_not, 2)
        form.addRow(tr("1. Are you 100 % satisfied with us? If not, why?"), satisfied)
        form.addRow(tr("2. Anything else we could offer you?"), self.offer)
        referral = QHBoxLayout()
        referral.addWidget(self.referral_name, 3)
        referral.addWidget(self.referral_phone, 2)
        form.addRow(tr("3. Someone who might be interested in us?"), referral)
        form.addRow("", self.errors["referral_name"])
        form.addRow("", self.errors["referral_phone"])

        more = QFormLayout()
        self.nps = QComboBox()
        self.nps.addItem(tr("not asked"), None)
        for score in range(10, -1, -1):
            self.nps.addItem(str(score), score)
        self.nps.setToolTip(tr("“How likely are you to recommend us to a friend, from 0 to 10?”"))
        self.notes = QLineEdit()
        self.next_call = QLineEdit()
        self.next_call.setPlaceholderText(tr("dd.mm.yyyy, optional"))
        self.stop = QCheckBox(tr("Don't call this customer again"))
        more.addRow(tr("Would recommend us (0–10)"), self.nps)
        more.addRow(tr("Notes"), self.notes)
        more.addRow(tr("Call again on"), self.next_call)
        more.addRow("", self.errors["next_call_on"])
        more.addRow("", self.stop)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(tr("Save call"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(reason)
        layout.addWidget(outcome_box)
        layout.addWidget(self.questions)
        layout.addLayout(more)
        layout.addWidget(self.errors["outcome"])
        layout.addStretch(1)
        layout.addWidget(buttons)

    def outcome(self) -> str:
        return OUTCOMES[max(0, self.outcomes.checkedId())]

    def set_outcome(self, code: str) -> None:
        self.outcomes.button(OUTCOMES.index(code)).setChecked(True)
        self._outcome_changed(OUTCOMES.index(code))

    def _outcome_changed(self, index: int) -> None:
        code = OUTCOMES[index]
        self.questions.setEnabled(code == "reached")
        if code in TRY_AGAIN and not self.next_call.text().strip():
            self.next_call.setText(format_date(self.services.now().date() + timedelta(days=1)))

    def form(self) -> CallForm:
        reached = self.outcome() == "reached"
        try:
            next_call = parse_date(self.next_call.text())
        except ValueError as exc:
            raise ValidationError({"next_call_on": str(exc)}) from exc
        return CallForm(
            outcome=self.outcome(),
            satisfied={0: None, 1: True, 2: False}[self.satisfied.currentIndex()] if reached else None,
            satisfaction_comment=self.why_not.text() if reached else "",
            wished_offer=self.offer.text() if reached else "",
            referral_name=self.referral_name.text() if reached else "",
            referral_phone=self.referral_phone.text() if reached else "",
            nps_score=self.nps.currentData() if reached else None,
            notes=self.notes.text(),
            next_call_on=next_call,
            stop_calling=self.stop.isChecked(),
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.show_message(errors.get(key))

    def save(self) -> None:
        try:
            form = self.form()
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        cid, rid = self.customer_id, self.reminder_id

        def done(logged) -> None:
            self.logged = logged
            self.accept()

        def failed(exc) -> None:
            self.save_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                self.show_errors(exc.errors)
            else:
                self.show_errors({"outcome": str(exc)})

        self.save_button.setEnabled(False)
        calls = self.services.calls
        self.tasks.write(self, lambda: calls.log(cid, form, rid)).success(done).failure(failed).run()
