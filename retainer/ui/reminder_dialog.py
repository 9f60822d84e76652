"""A reminder by hand: "call back on Friday", with a note."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from retainer.i18n import tr
from retainer.services import Retainer
from retainer.ui.customer_form import FieldError
from retainer.ui.tasks import Tasks


class ReminderDialog(QDialog):
    def __init__(self, services: Retainer, tasks: Tasks, customer_id: int, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.customer_id = services, tasks, customer_id
        self.setWindowTitle(tr("Remind me to call"))
        today = services.now().date()
        self.calendar = QCalendarWidget()
        self.calendar.setMinimumDate(QDate(today.year, today.month, today.day))
        tomorrow = today + timedelta(days=1)
        self.calendar.setSelectedDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("what the call is about, e.g. the new menu"))
        self.error = FieldError()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("On which day?")))
        layout.addWidget(self.calendar)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        due = self.calendar.selectedDate().toPython()
        note, cid = self.note.text(), self.customer_id
        reminders = self.services.reminders
        self.tasks.write(self, lambda: reminders.add(cid, due, note)) \
            .success(lambda _: self.accept()) \
            .failure(lambda exc: self.error.show_message(
                " ".join(getattr(exc, "errors", {}).values()) or str(exc))).run()
