"""The Today room: whom to call this morning, why, the number, and the call log in a click."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from retainer.i18n import tr
from retainer.rules import phones
from retainer.rules.status import Status
from retainer.services import Retainer
from retainer.services.today import TodayList, empty_reason, queue_line
from retainer.ui.call_dialog import CallDialog
from retainer.ui.customers_screen import EmptyState
from retainer.ui.formatting import short_date
from retainer.ui.style import set_role
from retainer.ui.tasks import Tasks
from retainer.ui.today_model import COL_WHY, TodayModel


def pick_date(parent, title: str, earliest: date) -> date | None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    calendar = QCalendarWidget()
    calendar.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(calendar)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return calendar.selectedDate().toPython()


class TodayScreen(QWidget):
    due_changed = Signal(int)
    message = Signal(str)
    open_customer = Signal(int)

    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.listing: TodayList | None = None
        self.model = TodayModel(self)
        self.heading = QLabel(tr("Today"))
        set_role(self.heading, "heading")
        self.model_note = QLabel()
        self.model_note.setWordWrap(True)
        set_role(self.model_note, "note")
        self.queue_note = QLabel()  # the drifting customers beyond the day's number of calls
        self.queue_note.setWordWrap(True)
        set_role(self.queue_note, "note")

        self.call_button = QPushButton(tr("Call…"))
        self.call_button.setToolTip(tr("Log a call with the selected customer (Enter)"))
        self.call_button.clicked.connect(self.call_selected)
        self.copy_button = QPushButton(tr("Copy number"))
        self.copy_button.setToolTip(tr("Copy the phone number (Ctrl+C)"))
        self.copy_button.clicked.connect(self.copy_number)
        self.dial_button = QPushButton(tr("Dial"))
        self.dial_button.setToolTip(tr("Open the number in your phone app (a tel: link)"))
        self.dial_button.clicked.connect(self.dial)
        self.snooze_button = QToolButton()
        self.snooze_button.setText(tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.snooze_button)
        menu.addAction(tr("Until tomorrow"), lambda: self.snooze_selected(1))
        menu.addAction(tr("For a week"), lambda: self.snooze_selected(7))
        menu.addAction(tr("Until a date…"), self.snooze_until)
        self.snooze_button.setMenu(menu)
        self.dismiss_button = QPushButton(tr("Dismiss"))
        self.dismiss_button.setToolTip(tr("No call needed (Del); Ctrl+Z brings it back"))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.export_button = QPushButton(tr("Export list…"))
        self.export_button.setToolTip(tr("Save today's calls as an Excel file"))
        self.export_button.clicked.connect(self.export)
        bar = QHBoxLayout()
        for w in (self.call_button, self.copy_button, self.dial_button, self.snooze_button,
                  self.dismiss_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.export_button)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        # The status column fits the longest status of the language ("Под угрозой").
        status_width = max(self.view.fontMetrics().horizontalAdvance(s.label) for s in Status) + 16
        for col, width in enumerate((180, 135, 300, 100, status_width, 90, 110)):
            # The reason keeps its width; with longer translated titles the list scrolls sideways.
            contents = header.sectionSizeFromContents(col).width() + 8
            header.resizeSection(col, width if col == COL_WHY else max(width, contents))
        self.view.activated.connect(lambda _: self.call_selected())
        QShortcut(QKeySequence.StandardKey.Copy, self.view, activated=self.copy_number)
        QShortcut(QKeySequence.StandardKey.Delete, self.view, activated=self.dismiss_selected)

        self.empty = EmptyState(doors=False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.model_note)
        layout.addWidget(self.queue_note)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self._update_buttons()
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    # Loading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.tasks.read(self, self.services.today.today, lane="today").success(self.show_listing) \
            .failure(lambda exc: self.message.emit(str(exc))).run()

    def show_listing(self, listing: TodayList) -> None:
        self.listing = listing
        selected = set(self.selected_reminders())
        self.model.set_items(listing.items, self.services.settings.currency, listing.model.fitted)
        count = len(listing.items)
        self.heading.setText(tr("Today: %Ln to call", "", count) if count else tr("Today"))
        model = listing.model
        if model.fitted:
            self.model_note.setText(tr(
                "Most worth calling first: promised calls, birthdays, then customers drifting away, "
                "by what they spend, how likely they still buy from you and how overdue they are. "
                "Hover over a row for its reasons."))
        else:
            self.model_note.setText(tr(
                "Ranked by spend and delay. Once %Ln or more customers have bought twice, "
                "Retainer also estimates how likely each one still buys from you (now: {have}).", "",
                50).format(have=model.repeat_customers))
        if count:
            self.stack.setCurrentWidget(self.view)
            for row, item in enumerate(listing.items):
                if item.reminder_id in selected:
                    self.view.selectRow(row)
            if not self.selected_rows():
                # The top of the list is the next call: Enter opens it.
                self.view.selectRow(0)
        else:
            done = listing.waiting and not listing.places_left
            self.empty.title.setText(tr("Done for today") if done else tr("Nobody to call today"))
            what = tr("Here you will find customers who buy less often than usual or have "
                      "stopped coming, birthdays a few days ahead, and calls you promised.")
            settings = self.services.settings
            why = empty_reason(listing, settings.cooldown_days, settings.winback_days)
            self.empty.text.setText(why if done else what + " " + why)
            self.stack.setCurrentWidget(self.empty)
        self.model_note.setVisible(bool(count))
        waiting = queue_line(listing) if count else ""
        self.queue_note.setText(waiting)
        self.queue_note.setVisible(bool(waiting))
        self._update_buttons()
        self.due_changed.emit(count)

    def _update_buttons(self, *_args) -> None:
        rows = self.selected_rows()
        one = len(rows) == 1
        has_phone = one and bool(self.model.items[rows[0]].phone)
        self.call_button.setEnabled(one)
        self.copy_button.setEnabled(has_phone)
        self.dial_button.setEnabled(has_phone)
        self.snooze_button.setEnabled(bool(rows))
        self.dismiss_button.setEnabled(bool(rows))
        self.export_button.setEnabled(bool(self.model.items))

    # Selection --------------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.view.selectionModel().selectedRows())

    def selected_reminders(self) -> list[int]:
        return [self.model.items[r].reminder_id for r in self.selected_rows()
                if r < len(self.model.items)]

    def current_item(self):
        rows = self.selected_rows()
        return self.model.items[rows[0]] if rows else None

    # Actions ----------------------------------------------------------------------------------
    def call_selected(self) -> CallDialog | None:
        item = self.current_item()
        if item is None:
            return None
        dialog = CallDialog(self.services, self.tasks, item.customer_id, item.name, item.phone,
                            item.why, item.reminder_id, self)
        dialog.accepted.connect(lambda: self.message.emit(
            tr("Call with {name} saved. Ctrl+Z undoes it.").format(name=item.name)))
        dialog.open()
        self.dialog = dialog
        return dialog

    def copy_number(self) -> None:
        item = self.current_item()
        if item and item.phone:
            QGuiApplication.clipboard().setText(phones.display(item.phone))
            self.message.emit(tr("Copied {phone}.").format(phone=phones.display(item.phone)))

    def dial(self) -> None:
        item = self.current_item()
        if item and item.phone:
            QDesktopServices.openUrl(QUrl(f"tel:{item.phone}"))

    def snooze_selected(self, days: int) -> None:
        self._snooze(self.services.now().date() + timedelta(days=days))

    def snooze_until(self) -> None:
        chosen = pick_date(self, tr("Snooze until"), self.services.now().date() + timedelta(days=1))
        if chosen:
            self._snooze(chosen)

    def _snooze(self, until: date) -> None:
        ids = self.selected_reminders()
        if not ids:
            return
        reminders = self.services.reminders
        self.tasks.write(self, lambda: reminders.snooze(ids, until)) \
            .success(lambda n: self.message.emit(tr("Snoozed %Ln until {date}.", "", n).format(
                date=short_date(until)))) \
            .failure(lambda exc: self.message.emit(str(exc))).run()

    def dismiss_selected(self) -> None:
        ids = self.selected_reminders()
        if not ids:
            return
        reminders = self.services.reminders
        self.tasks.write(self, lambda: reminders.dismiss(ids)) \
            .success(lambda n: self.message.emit(
                tr("Dismissed %Ln. Ctrl+Z brings them back.", "", n))) \
            .failure(lambda exc: self.message.emit(str(exc))).run()

    def export(self, path: str | None = None) -> None:
        if path is None:
            suggested = str(Path.home() / tr("calls-{date}.xlsx").format(
                date=self.services.now().date().isoformat()))
            path, _ = QFileDialog.getSaveFileName(self, tr("Save today's calls"), suggested,
                                                  tr("Excel workbook (*.xlsx)"))
            if not path:
                return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        today = self.services.today
        self.tasks.read(self, lambda: today.export(path), lane="long") \
            .success(lambda report: self.message.emit(tr(
                "Saved %Ln calls to {path}.", "", report.rows).format(path=path))) \
            .failure(lambda exc: self.message.emit(tr("Could not save {path}: {reason}").format(
                path=path, reason=exc))).run()


