"""A customer's whole story on one card: details, purchases, calls, feedback, reminders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from retainer.i18n import decimal, percent, tr
from retainer.rules import labels
from retainer.rules.dates import format_date, parse_date
from retainer.rules.money import format_amount, parse_amount
from retainer.rules.validation import ValidationError
from retainer.services import EditConflict, Retainer
from retainer.services.records import ContactRow, CustomerCard, FeedbackRow, PurchaseRow, ReminderRow
from retainer.ui import edit_conflict
from retainer.ui.customer_form import CustomerFormWidget, FieldError, FormProblem
from retainer.ui.customer_picker import CustomerPicker
from retainer.ui.formatting import STATUS_COLORS, date_time, short_date
from retainer.ui.personal_data import PersonalDataButton
from retainer.ui.records_model import Column, RecordsModel, table_with_empty_text
from retainer.ui.style import set_role
from retainer.ui.tasks import Tasks
from retainer.ui.tier_log import tier_log_model


class CustomerCardDialog(QDialog):
    saved = Signal(int)

    def __init__(self, services: Retainer, tasks: Tasks, customer_id: int | None = None,
                 parent=None, focus_purchase: bool = False) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.customer_id = customer_id
        self.dirty = False
        self.loaded = customer_id is None
        self.card_shown: CustomerCard | None = None
        # The card the form was filled from: a save is checked against it, so that a change
        # saved meanwhile on another terminal is never silently undone by this form.
        self.form_read: CustomerCard | None = None
        self._focus_purchase = focus_purchase
        self._after_save: Callable[[], None] | None = None
        self.setWindowTitle(tr("New customer") if customer_id is None else tr("Customer"))
        self.resize(1000, 660)

        self.headline = QLabel()
        set_role(self.headline, "name")
        self.summary = QLabel(tr("Opening…") if customer_id else tr("Fill in at least the name."))
        self.summary.setWordWrap(True)
        self.referrer = CustomerPicker(services, tasks)
        self.referrer.exclude_id = customer_id
        self.form = CustomerFormWidget(self.referrer)
        self.form.edited.connect(self._mark_dirty)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(360)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._purchases_tab(), tr("Purchases"))
        cur = lambda: services.settings.currency  # noqa: E731 - read at each use: the setting can change
        self.contacts = RecordsModel[ContactRow]([
            Column(tr("When"), lambda r: date_time(r.contacted_at)),
            Column(tr("How"), lambda r: labels.channel(r.channel)),
            Column(tr("Outcome"), lambda r: labels.outcome(r.outcome)),
            Column(tr("Notes"), lambda r: r.notes or ""),
        ])
        self.feedback = RecordsModel[FeedbackRow]([
            Column(tr("Date"), lambda r: short_date(r.given_on)),
            Column(tr("Score"), lambda r: "" if r.nps_score is None else str(r.nps_score), True),
            Column(tr("Comment"), lambda r: r.comment or ""),
            Column(tr("Complaint"), lambda r: tr("yes") if r.is_complaint else ""),
            Column(tr("Resolution"), lambda r: r.resolution or labels.churn_reason(r.churn_reason)),
        ])
        self.tier_log = tier_log_model(self)
        self.reminders = RecordsModel[ReminderRow]([
            Column(tr("Due"), lambda r: short_date(r.due_on)),
            Column(tr("Why"), lambda r: labels.reminder_reason(r.reason)),
            Column(tr("State"), lambda r: labels.reminder_state(r.state)),
            Column(tr("Note"), lambda r: r.note or ""),
        ])
        self.call_button = QPushButton(tr("Log a call…"))
        self.call_button.clicked.connect(self.log_call)
        self.remind_button = QPushButton(tr("Remind me to call…"))
        self.remind_button.clicked.connect(self.remind_me)
        self.answer_button = QPushButton(tr("Add an answer or complaint…"))
        self.answer_button.clicked.connect(self.add_answer)
        self.feedback_view: QTableView | None = None
        for model, title, empty, button in (
            (self.contacts, tr("Calls"),
             tr("No calls yet. Calls logged from the Today list appear here."), self.call_button),
            (self.feedback, tr("Feedback"),
             tr("No feedback yet. Answers to “how likely are you to recommend us” and complaints "
                "appear here."), self.answer_button),
            (self.reminders, tr("Reminders"), tr("No reminders for this customer."), self.remind_button),
            (self.tier_log, tr("Loyalty"), tr("No moves between loyalty tiers yet."), None),
        ):
            box, view = table_with_empty_text(model, empty)
            if model is self.feedback:
                self.feedback_view = view
                view.doubleClicked.connect(self.resolve_selected)
            if button is not None:
                page = QWidget()
                page_layout = QVBoxLayout(page)
                row = QHBoxLayout()
                row.addWidget(button)
                row.addStretch(1)
                page_layout.addLayout(row)
                page_layout.addWidget(box, 1)
                box = page
            self.tabs.addTab(box, title)
        self._currency = cur

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(scroll)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([470, 530])

        self.lost_button = QPushButton(tr("Mark as lost…"))
        self.lost_button.setToolTip(tr("The customer has left: record why"))
        self.lost_button.clicked.connect(self.mark_lost)
        self.lost_button.setEnabled(customer_id is not None)
        buttons = QDialogButtonBox()
        buttons.addButton(self.lost_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.personal_data = PersonalDataButton(self)
        buttons.addButton(self.personal_data, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(tr("Save (Ctrl+S)"))
        close = buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(lambda: self.save())
        close.clicked.connect(self.reject)
        self.save_button.setAutoDefault(False)
        close.setAutoDefault(False)

        # What the card is waiting for, or what it holds unsaved: a save asked for while an
        # import holds the base waits its turn and says so; restored changes say they are.
        self.waiting = QLabel()
        set_role(self.waiting, "waiting")
        self.waiting.setWordWrap(True)
        self.waiting.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.waiting, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.focus_purchase)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo)
        self.tabs.setEnabled(customer_id is not None)
        if customer_id is None:
            self.headline.setText(tr("New customer"))
            self.purchase_empty.setText(tr("Save the customer first (Ctrl+S), then add purchases here."))
        else:
            self.reload()
        tasks.read(self, services.customers.tags).success(self.form.set_known_tags).run()

    def _purchases_tab(self) -> QWidget:
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(tr("Amount"))
        self.purchase_date = QLineEdit()
        self.purchase_date.setPlaceholderText(tr("today"))
        self.purchase_date.setMaximumWidth(140)
        metrics = self.purchase_date.fontMetrics()  # a whole date, and "today" in any language
        self.purchase_date.setMinimumWidth(16 + max(metrics.horizontalAdvance("00.00.0000"),
                                                    metrics.horizontalAdvance(tr("today"))))
        self.purchase_comment = QLineEdit()
        self.purchase_comment.setPlaceholderText(tr("What they bought (optional)"))
        add = QPushButton(tr("Add purchase"))
        add.setAutoDefault(False)
        add.clicked.connect(self.add_purchase)
        self.add_purchase_button = add
        self.cancel_edit_button = QPushButton(tr("Cancel"))
        self.cancel_edit_button.setAutoDefault(False)
        self.cancel_edit_button.clicked.connect(self.stop_editing_purchase)
        self.cancel_edit_button.hide()
        self.editing_purchase: PurchaseRow | None = None
        for edit in (self.amount, self.purchase_date, self.purchase_comment):
            edit.returnPressed.connect(self.add_purchase)
        self.purchase_error = FieldError()
        row = QHBoxLayout()
        row.addWidget(self.amount, 2)
        row.addWidget(self.purchase_date, 1)
        row.addWidget(self.purchase_comment, 3)
        row.addWidget(add)
        row.addWidget(self.cancel_edit_button)
        self.purchases = RecordsModel[PurchaseRow]([
            Column(tr("When"), lambda r: date_time(r.purchased_at)),
            Column(tr("Amount"), lambda r: format_amount(r.amount_cents, self._currency()), True),
            Column(tr("What"), lambda r: r.comment or r.items or ""),
        ])
        box, self.purchase_view = table_with_empty_text(
            self.purchases, tr("No purchases yet. Type an amount above and press Enter."))
        self.purchase_empty = box.findChild(QLabel)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.purchase_view)
        delete.activated.connect(self.delete_purchase)
        self.purchase_view.doubleClicked.connect(self.edit_purchase)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.purchase_error)
        hint = QLabel(tr("Ctrl+P: type an amount, Enter to save. Double-click a purchase to "
                         "correct it; Del removes it."))
        set_role(hint, "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(box, 1)
        return tab

    def _mark_dirty(self) -> None:
        self.dirty = True

    def reload(self) -> None:
        customers, cid = self.services.customers, self.customer_id
        self.tasks.read(self, lambda: customers.card(cid)).success(self.show_card) \
            .failure(self._failed).run()

    def show_card(self, card: CustomerCard) -> None:
        self.loaded = True
        self.card_shown = card
        self.customer_id = card.id
        self.setWindowTitle(card.form.name)
        self.headline.setText(card.form.name + (tr(" (in the trash)") if card.deleted else ""))
        currency = self.services.settings.currency
        parts = [f"<b style='color:{STATUS_COLORS[card.status].name()}'>{card.status.label}</b>",
                 card.status_reason]
        if card.purchase_count:
            parts.append(tr("%Ln purchases, {total} in all", "", card.purchase_count).format(
                total=format_amount(card.total_spent_cents, currency)))
        parts.append(tr("customer since {date}").format(date=short_date(card.created_at)))
        parts += [f"<b>{escape(card.tier)}</b>"] if card.tier else []
        self.summary.setText(" · ".join(parts))
        self._summary_parts = parts
        cid, radar = card.id, self.services.radar
        self.tasks.read(self, lambda: radar.outlook(cid), lane="model") \
            .success(self._show_outlook).run()
        if not self.dirty:
            self.form.set_form(card.form, card.referred_by_name)
            self.form_read = card
        self.lost_button.setEnabled(True)
        self.personal_data.setEnabled(True)
        self.form.show_consent_date(card.consent_date)
        self.lost_button.setText(tr("Won back") if card.status.value == "lost" else tr("Mark as lost…"))
        self.purchases.set_records(card.purchases)
        self.contacts.set_records(card.contacts)
        self.feedback.set_records(card.feedback)
        self.reminders.set_records(card.reminders)
        self.tier_log.set_records(list(card.tier_changes))
        self.tabs.setEnabled(True)
        self.purchase_empty.setText(tr("No purchases yet. Type an amount above and press Enter."))
        if self._focus_purchase:
            self._focus_purchase = False
            self.focus_purchase()

    def _show_outlook(self, outlook) -> None:
        if outlook is None:
            return
        alive, expected = outlook
        self.summary.setText(" · ".join(self._summary_parts + [tr(
            "{p} likely still a customer, {n} purchases expected in 90 days").format(
                p=percent(alive), n=decimal(expected))]))

    def log_call(self):
        """A call made outside the Today list (the customer rang, or you called anyway)."""
        from retainer.ui.call_dialog import CallDialog

        if self.customer_id is None:
            return None
        card = self.card_shown
        phone = card.form.phones[0] if card and card.form.phones else None
        dialog = CallDialog(self.services, self.tasks, self.customer_id,
                            card.form.name if card else "", phone,
                            card.status_reason if card else "", parent=self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        self.call_dialog = dialog
        return dialog

    def add_answer(self):
        from retainer.ui.feedback_dialogs import AnswerDialog

        return self._small(AnswerDialog(self.services, self.tasks, self.customer_id, self))

    def resolve_selected(self, index=None):
        from retainer.ui.feedback_dialogs import ResolveDialog

        rows = self.feedback_view.selectionModel().selectedRows() if index is None else [index]
        if not rows:
            return None
        row = self.feedback.records[rows[0].row()]
        if not row.is_complaint:
            return None
        return self._small(ResolveDialog(self.services, self.tasks, row.id, row.comment or "", self))

    def mark_lost(self):
        from retainer.ui.feedback_dialogs import LostDialog

        if self.card_shown is not None and self.card_shown.status.value == "lost":
            cid, feedback = self.customer_id, self.services.feedback
            self.tasks.write(self, lambda: feedback.won_back(cid)) \
                .success(lambda _: self.reload()).failure(self._failed).run()
            return None
        return self._small(LostDialog(self.services, self.tasks, self.customer_id, self))

    def _small(self, dialog):
        if self.customer_id is None:
            return None
        dialog.accepted.connect(self.reload)
        dialog.open()
        self.small_dialog = dialog
        return dialog

    def remind_me(self):
        from retainer.ui.reminder_dialog import ReminderDialog

        if self.customer_id is None:
            return None
        return self._small(ReminderDialog(self.services, self.tasks, self.customer_id, self))

    def focus_purchase(self) -> None:
        if self.customer_id is None:
            return
        self.tabs.setCurrentIndex(0)
        self.amount.setFocus()
        self.amount.selectAll()

    def display_name(self) -> str:
        typed = self.form.name.text().strip()
        if typed:
            return typed
        return self.card_shown.form.name if self.card_shown else tr("a new customer")

    def restore_draft(self, fields: dict) -> None:
        """Changes kept when Retainer closed, back in the form, unsaved."""
        self.form.set_typed(fields)
        self.dirty = True
        self.waiting.setText(tr("Your changes from before Retainer closed are back; they are "
                                "not saved yet."))
        self.waiting.show()

    def close_without_asking(self) -> None:
        self.dirty = False
        QDialog.reject(self)

    def save(self, then: Callable[[], None] | None = None,
             keep: tuple[int, str] | None = None) -> None:
        """Save the form; ``then`` runs after the save has landed (not if it fails). ``keep``
        answers a conflict with another terminal's save (ui/edit_conflict.py)."""
        try:
            form = self.form.form()
        except FormProblem as problem:
            self.form.show_errors(problem.errors)
            return
        self._after_save = then
        customers = self.services.customers
        if self.customer_id is None:
            work = lambda: customers.create(form)  # noqa: E731 - the work for the lane, chosen by branch
        else:
            cid, read = self.customer_id, self.form_read
            work = lambda: (customers.update(cid, form, read, keep=keep), cid)[1]  # noqa: E731 - the work for the lane, chosen by branch
        self.save_button.setEnabled(False)
        self.tasks.write(self, work).success(self._saved).failure(self._save_failed).run()
        waiting = self.tasks.writes_waiting()
        self.waiting.setText(waiting)
        self.waiting.setVisible(bool(waiting))

    def _saved(self, customer_id: int) -> None:
        self.waiting.hide()
        self.save_button.setEnabled(True)
        self.dirty = False
        self.customer_id = customer_id
        self.referrer.exclude_id = customer_id
        self.form.show_errors({})
        self.saved.emit(customer_id)
        then, self._after_save = self._after_save, None
        if then is not None:
            then()
        else:
            self.reload()

    def _save_failed(self, exc: Exception) -> None:
        self.waiting.hide()
        then, self._after_save = self._after_save, None
        self.save_button.setEnabled(True)
        if isinstance(exc, EditConflict):
            answer = edit_conflict.ask(self, exc)
            if answer is not None:
                self.save(then, keep=(exc.version, answer))
        elif isinstance(exc, ValidationError):
            self.form.show_errors(exc.errors)
        else:
            self._failed(exc)

    def edit_purchase(self, index) -> None:
        purchase = self.purchases.records[index.row()]
        self.editing_purchase = purchase
        self.amount.setText(format_amount(purchase.amount_cents).strip())
        self.purchase_date.setText(format_date(purchase.purchased_at.date()))
        self.purchase_comment.setText(purchase.comment or "")
        self.add_purchase_button.setText(tr("Save purchase"))
        self.cancel_edit_button.show()
        self.amount.setFocus()
        self.amount.selectAll()

    def stop_editing_purchase(self) -> None:
        self.editing_purchase = None
        self.add_purchase_button.setText(tr("Add purchase"))
        self.cancel_edit_button.hide()
        for edit in (self.amount, self.purchase_date, self.purchase_comment):
            edit.clear()
        self.purchase_error.show_message(None)

    def add_purchase(self) -> None:
        """Record the typed purchase, or save the correction of the one being edited."""
        if self.customer_id is None:
            return
        try:
            cents = parse_amount(self.amount.text())
            day = parse_date(self.purchase_date.text())
        except ValueError as exc:
            self.purchase_error.show_message(str(exc))
            return
        editing = self.editing_purchase
        base = editing.purchased_at if editing else self.services.now()
        when = datetime.combine(day, base.time()) if day else base
        cid, comment = self.customer_id, self.purchase_comment.text()
        purchases = self.services.purchases
        if editing:
            work = lambda: purchases.edit(editing.id, cents, when, comment)  # noqa: E731 - the work for the lane, chosen by branch
        else:
            work = lambda: purchases.record(cid, cents, when, comment)  # noqa: E731 - the work for the lane, chosen by branch

        def done(_result) -> None:
            self.stop_editing_purchase()
            self.reload()

        def failed(exc) -> None:
            if isinstance(exc, ValidationError):
                self.purchase_error.show_message(" ".join(exc.errors.values()))
            else:
                self._failed(exc)

        self.tasks.write(self, work).success(done).failure(failed).run()

    def delete_purchase(self) -> None:
        rows = self.purchase_view.selectionModel().selectedRows()
        if not rows:
            return
        purchase_id, purchases = self.purchases.records[rows[0].row()].id, self.services.purchases
        self.tasks.write(self, lambda: purchases.delete(purchase_id)) \
            .success(lambda _: self.reload()).failure(self._failed).run()

    def undo(self) -> None:
        self.tasks.write(self, self.services.undo).success(lambda _: self.reload()) \
            .failure(self._failed).run()

    def _failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, tr("Retainer"), str(exc) or tr("Something went wrong."))

    def reject(self) -> None:
        if self.dirty:
            answer = QMessageBox.question(
                self, tr("Unsaved changes"),
                tr("You changed this customer's details. Save the changes?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.save(then=lambda: QDialog.reject(self))
                return
        super().reject()


