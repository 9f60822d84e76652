"""Choosing another customer by typing part of a name or phone (for "referred by")."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from retainer.i18n import tr
from retainer.rules import phones
from retainer.services import CustomerQuery, Retainer
from retainer.ui.tasks import Tasks

SUGGESTIONS = 12


class CustomerPicker(QWidget):
    changed = Signal()

    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.customer_id: int | None = None
        self.exclude_id: int | None = None
        self._ids: list[int] = []
        self._chosen_text = ""
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("type a name or phone"))
        self.suggestions = QStringListModel(self)
        self.completer = QCompleter(self.suggestions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.activated[str].connect(self._chosen)
        self.edit.setCompleter(self.completer)
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setToolTip(tr("Nobody referred this customer"))
        self.clear_button.clicked.connect(lambda: self.set_customer(None, ""))
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._search)
        self.edit.textEdited.connect(lambda _: self._timer.start())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)

    def set_customer(self, customer_id: int | None, name: str | None) -> None:
        changed = customer_id != self.customer_id
        self.customer_id = customer_id
        self._chosen_text = name or ""
        self.edit.setText(self._chosen_text)
        if changed:
            self.changed.emit()

    def _search(self) -> None:
        text = self.edit.text().strip()
        if not text:
            self.set_customer(None, "")
            return
        query = CustomerQuery(text=text)

        def show(rows) -> None:
            rows = [r for r in rows if r.id != self.exclude_id]
            self._ids = [r.id for r in rows]
            self.suggestions.setStringList(
                [f"{r.name} — {phones.display(r.phone)}" if r.phone else r.name for r in rows])
            if rows:
                self.completer.complete()

        customers = self.services.customers
        self.tasks.read(self, lambda: customers.page(query, 0, SUGGESTIONS)).success(show).run()

    def _chosen(self, text: str) -> None:
        row = self.suggestions.stringList().index(text) if text in self.suggestions.stringList() else -1
        if row < 0:
            return
        name = text.split(" — ")[0]
        self.set_customer(self._ids[row], name)

    def problem_text(self) -> str | None:
        """A typed name that was never picked from the list is a mistake worth naming."""
        text = self.edit.text().strip()
        if text and text != self._chosen_text:
            return tr("Pick the customer from the list that opens as you type, or clear the field.")
        return None
