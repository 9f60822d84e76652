"""The main window: rooms on the left (Today, Customers, Feedback, Dashboard), menus, undo."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from retainer.events import CONTACTS, CUSTOMERS, FEEDBACK, PURCHASES, REMINDERS, SEGMENTS, SETTINGS, Change
from retainer.i18n import tr
from retainer.services import Retainer
from retainer.ui import menus, responsive
from retainer.ui.about import AboutDialog
from retainer.ui.cards import OpenCards

if TYPE_CHECKING:
    from retainer.ui.customer_card import CustomerCardDialog
    from retainer.ui.today_screen import TodayScreen
from retainer.ui.customers_screen import COLUMNS_KEY, CustomersScreen
from retainer.ui.lanes import BACKGROUND, COUNT, READ, CancelledByUser
from retainer.ui.notifier import Notifier
from retainer.ui.style import set_role
from retainer.ui.tasks import Tasks

HOUR_MS = 60 * 60 * 1000
ROOM_TODAY, ROOM_CUSTOMERS, ROOM_FEEDBACK, ROOM_DASHBOARD = range(4)


class MainWindow(QMainWindow):
    demo_requested = Signal()
    restore_requested = Signal(object)  # the Backup the owner chose and confirmed
    damage_found = Signal(str)  # what the check behind the first page found wrong with the base
    closed = Signal()  # the owner quit: the app ends, whatever other window is still open

    def __init__(self, services: Retainer, tasks: Tasks) -> None:
        super().__init__()
        self.services, self.tasks = services, tasks
        self.setWindowTitle(tr("Retainer"))
        self.resize(1200, 760)
        tasks.changed.connect(self._on_change)
        # Writes made outside this window's operations (the command line, a test, another
        # till's change read back) are announced by the core itself, from whichever thread
        # made them; the signal brings them here.
        services.changes.subscribe(tasks.announced_by_core.emit)
        self.cards = OpenCards(self)

        self.customers = CustomersScreen(services, tasks)
        self.customers.open_customer.connect(self.open_card)
        self.customers.new_customer.connect(self.new_customer)
        self.customers.open_demo.connect(self.demo_requested)
        self.customers.message.connect(self.say)
        from retainer.ui.transfer import Transfer

        self.transfer = Transfer(self)
        self.customers.import_requested.connect(lambda: self.transfer.import_wizard())
        self.customers.terms_requested.connect(self.open_shop_terms)
        self.customers.export_list_requested.connect(lambda: self.transfer.export_list())
        self.notifier = Notifier(self)
        self.rooms = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setMaximumWidth(260)
        self.nav.setIconSize(QSize(0, 0))
        set_role(self.nav, "rooms")
        # Only the Customers room is built before the first page: the others are made when
        # first needed (Today when the day's reminders are made, Feedback then too, the
        # Dashboard when it is opened), each in the place kept for it.
        self._built: dict[int, QWidget] = {ROOM_CUSTOMERS: self.customers}
        self._started_up = False  # the first reminders are made; a room built now loads at once
        for index, title in enumerate((tr("Today"), tr("Customers"), tr("Feedback"), tr("Dashboard"))):
            QListWidgetItem(title, self.nav)
            self.rooms.addWidget(self.customers if index == ROOM_CUSTOMERS else QWidget())
        self.nav.currentRowChanged.connect(self._show_room)
        self.rooms.currentChanged.connect(self._room_shown)
        self._stale: set[QWidget] = set()
        split = QSplitter()
        split.addWidget(self.nav)
        split.addWidget(self.rooms)
        split.setStretchFactor(1, 1)
        split.setSizes([170, 1030])
        self.setCentralWidget(split)
        self.nav.setCurrentRow(1)
        menus.build(self)
        self.location = QLabel(services.ctx.db.location)
        set_role(self.location, "hint")
        self.waiting = QLabel()
        set_role(self.waiting, "waiting")
        self.waiting.hide()
        self.statusBar().addPermanentWidget(self.waiting)
        self.statusBar().addPermanentWidget(self.location)
        tasks.write_waiting.connect(self._write_waiting)
        self._restore_window_state()
        self._due: int | None = None
        self._settled = False
        self.hourly = QTimer(self, interval=HOUR_MS)
        self.hourly.timeout.connect(self.make_reminders)
        self.customers.first_page_shown.connect(self.start_routines)
        if self.customers.first_page_done:
            QTimer.singleShot(0, self.start_routines)

    @property
    def today(self) -> TodayScreen:
        return self._room(ROOM_TODAY)

    @property
    def feedback(self):
        return self._room(ROOM_FEEDBACK)

    @property
    def dashboard(self):
        return self._room(ROOM_DASHBOARD)

    def _show_room(self, index: int) -> None:
        self._room(index)
        self.rooms.setCurrentIndex(index)

    def _room(self, index: int) -> QWidget:
        room = self._built.get(index)
        if room is None:
            room = self._built[index] = self._make_room(index)
            placeholder, current = self.rooms.widget(index), self.rooms.currentIndex()
            self.rooms.blockSignals(True)
            self.rooms.removeWidget(placeholder)
            self.rooms.insertWidget(index, room)
            self.rooms.setCurrentIndex(current)
            self.rooms.blockSignals(False)
            placeholder.deleteLater()
            if self._started_up and index != ROOM_DASHBOARD:  # the Dashboard loads when shown
                room.refresh()
        return room

    def _make_room(self, index: int) -> QWidget:
        services, tasks = self.services, self.tasks
        # Each room's code loads with it: none of it is needed for the first page.
        if index == ROOM_TODAY:
            from retainer.ui.today_screen import TodayScreen

            room = TodayScreen(services, tasks)
            room.message.connect(self.say)
            room.due_changed.connect(self._due_changed)
        elif index == ROOM_FEEDBACK:
            from retainer.ui.feedback_screen import FeedbackScreen

            room = FeedbackScreen(services, tasks)
            room.open_customer.connect(self.open_card)
        else:
            from retainer.ui.dashboard_screen import DashboardScreen

            room = DashboardScreen(services, tasks)
            room.show_status.connect(self.list_status)
            room.show_segment.connect(self.list_segment)
            room.show_saved.connect(lambda segment: self.list_segment(segment, saved=True))
            room.open_customer.connect(self.open_card)
        return room

    def _first_loads(self) -> None:
        """The start-up reminders are made (or could not be): the rooms built so far load."""
        if not self._started_up:
            self._started_up = True
            for index in (ROOM_TODAY, ROOM_FEEDBACK):
                if index in self._built:
                    self._built[index].refresh()

    def start_routines(self) -> None:
        """After the list is on screen: make due reminders now and every hour, fit the model."""
        if not self.hourly.isActive():
            # What the window holds now stays: the collector need not walk it again while
            # the start-up work runs (responsive.settle).
            responsive.settle()
            self.hourly.start()
            services = self.services
            # Their code, and the ORM under it, loads on the background lane: a close meanwhile
            # does not wait for it, as it would for the write lane's job.
            self.tasks.read(self, lambda: (services.reminders, services.radar), lane=BACKGROUND) \
                .in_background().success(lambda _made: self.make_reminders()) \
                .failure(self._routine_failed).run()

    def make_reminders(self) -> None:
        due_before = self._due
        services = self.services  # its services are made on the lanes: their code loads there

        def made(result) -> None:
            # The first count after start-up is announced as it is; later ones as news.
            if result.total and due_before is not None:
                self.notifier.announce_new(result.total, due_before)
            # Building the call list costs the interpreter a few hundred milliseconds, which a
            # search being typed should not wait for.
            self.tasks.after_owners_reads(self, show_and_fit)

        def show_and_fit() -> None:
            if self._started_up:
                self.today.refresh()
            else:
                self._room(ROOM_TODAY)  # now: its count goes on the tab, the title and the tray
                self._first_loads()
            self.tasks.read(self, lambda: services.radar.fit_if_due(), lane=BACKGROUND) \
                .in_background().success(fitted).failure(self._routine_failed).run()

        def fitted(found) -> None:
            if getattr(found, "current", False):  # nothing new since the last fit
                self._model_fitted(found)
                return
            self.tasks.write(self, lambda: services.radar.keep(found)).in_background() \
                .success(self._model_fitted).failure(self._routine_failed).run()

        give_way = partial(self.tasks.load.give_way, (READ, COUNT))
        self.tasks.write(self, lambda: services.reminders.generate(give_way=give_way)).in_background() \
            .success(made).failure(self._routine_failed).run()

    def _routine_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CancelledByUser):  # closing cancelled it: nothing to say
            self.say(str(exc))
            self._first_loads()

    def _model_fitted(self, _result) -> None:
        self.today.refresh()
        if not self._settled:  # start-up work is done: its objects stay for good
            self._settled = True
            responsive.settle()

    def _due_changed(self, count: int) -> None:
        first = self._due is None
        self._due = count
        item = self.nav.item(0)
        item.setText(tr("Today (%Ln)", "", count) if count else tr("Today"))
        self.setWindowTitle(tr("Retainer — %Ln to call today", "", count) if count
                            else tr("Retainer"))
        self.notifier.set_due(count, announce=first)

    @staticmethod
    def window_state() -> QSettings:
        """Window size and layout, kept apart from the shop's settings (which live in the base)."""
        from retainer.paths import data_dir

        return QSettings(str(data_dir() / "window.ini"), QSettings.Format.IniFormat)

    def _restore_window_state(self) -> None:
        state = self.window_state()
        geometry = state.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        columns = state.value(COLUMNS_KEY)
        if columns is not None:
            self.customers.view.horizontalHeader().restoreState(columns)

    def closeEvent(self, event) -> None:
        """Quitting: every open card with changes asks first; then the cards close too."""
        if not self.cards.ready_to_quit(lambda: QTimer.singleShot(0, self.close)):
            event.ignore()
            return
        if self.tasks.long_writes():
            answer = QMessageBox.question(
                self, tr("Retainer"),
                tr("An import is still running. Stop it and quit? Nothing of it will be saved."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.cards.close_all()
        state = self.window_state()
        state.setValue("main/geometry", self.saveGeometry())
        state.setValue(COLUMNS_KEY, self.customers.view.horizontalHeader().saveState())
        state.sync()
        super().closeEvent(event)
        self.closed.emit()

    # Actions ------------------------------------------------------------------------------
    def say(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def focus_search(self) -> None:
        self.nav.setCurrentRow(1)
        self.customers.search.setFocus()
        self.customers.search.selectAll()

    def new_customer(self) -> None:
        self.open_card(None)

    def open_card(self, customer_id: int | None, focus_purchase: bool = False) -> CustomerCardDialog:
        """One card per customer: a customer whose card is open has it brought forward."""
        card = self.cards.open(customer_id, focus_purchase)
        self.card = card
        return card

    def list_status(self, status) -> None:
        """From a chart to the customers behind it."""
        self.customers.show_only(status=status)
        self.nav.setCurrentRow(1)

    def list_segment(self, segment, saved: bool = False) -> None:
        """An RFM segment's customers (by name), or a saved segment's."""
        if saved:
            self.customers.show_segment(segment)
        else:
            self.customers.show_only(segment=segment)
        self.nav.setCurrentRow(1)

    def open_settings(self):
        from retainer.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self.tasks, self)
        dialog.accepted.connect(lambda: self.say(tr("Settings saved.")))
        dialog.open()
        self.settings_dialog = dialog
        return dialog

    def back_up(self) -> None:
        """File → Back up now, on the long lane (it only reads the base: the window goes on)."""
        self.tasks.read(self, self.services.backups.back_up, lane="long").success(
            lambda taken: taken and self.say(tr("Backed up to {path}.").format(path=taken.path))) \
            .failure(lambda exc: self.say(str(exc))).run()

    def check_base(self) -> None:
        """Behind the first page, on the long lane: is the base on a network drive, does it
        pass the quick check; then the day's first backup. On a shared server, the other
        terminals' changes are heard from now on."""
        services = self.services
        services.follow_other_terminals()

        def work() -> tuple[str | None, str | None]:
            return services.network_drive(), services.backups.check_then_daily()

        def checked(found: tuple[str | None, str | None]) -> None:
            network, problem = found
            if network:
                from retainer.ui.recovery import warn_network_drive

                warn_network_drive(self, self.services.ctx.db.location, network)
            if problem:
                self.damage_found.emit(problem)

        self.tasks.read(self, work, lane="long").success(checked) \
            .failure(lambda exc: self.say(str(exc))).run()

    def open_restore(self):
        from retainer.ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.services, self.tasks, self)
        dialog.restore_requested.connect(self.restore_requested)
        dialog.open()
        self.restore_dialog = dialog
        return dialog

    def open_about(self) -> AboutDialog:
        dialog = AboutDialog(self.services.ctx.db.location, self)
        dialog.open()
        self.about_dialog = dialog
        return dialog

    def open_shop_terms(self):
        from retainer.ui.shop_terms import ShopTermsDialog

        dialog = ShopTermsDialog(self.services, self.tasks, self)
        dialog.open()
        self.shop_terms_dialog = dialog
        return dialog

    def undo(self) -> None:
        def done(label: str | None) -> None:
            self.say(tr("Done: {what}.").format(what=label) if label else tr("Nothing to undo."))

        self.tasks.write(self, self.services.undo).success(done) \
            .failure(lambda exc: self.say(str(exc))).run()

    def _write_waiting(self, text: str) -> None:
        self.waiting.setText(text)
        self.waiting.setVisible(bool(text))

    def _on_change(self, change: Change, origin) -> None:
        """One announcement per write; each room it concerns is stale.

        A stale room on screen is refreshed at once. So are the lists out of sight — Today,
        Customers, Feedback — for one page each is cheap, and a list must never show an old
        page for a moment when its room is opened; Today's count is on its tab, the title and
        the tray besides. The Dashboard, whose figures cost up to a second, is recomputed
        when it is next shown. Open cards of the customers concerned show the change, unless
        they made it themselves."""
        label = self.services.undo_label()
        self.undo_action.setEnabled(label is not None)
        self.undo_action.setText(label or tr("&Undo"))
        built = self._built
        # A room not built yet loads when it is: nothing of it can be stale.
        for index, kinds in ((ROOM_TODAY, {REMINDERS, CONTACTS, PURCHASES, CUSTOMERS, SETTINGS}),
                             (ROOM_CUSTOMERS, {CUSTOMERS, SETTINGS, SEGMENTS}),
                             (ROOM_FEEDBACK, {FEEDBACK, CUSTOMERS}),
                             (ROOM_DASHBOARD, {FEEDBACK, CUSTOMERS, PURCHASES, SETTINGS, CONTACTS,
                                               SEGMENTS})):
            if index in built and change.kinds & kinds:
                self._stale.add(built[index])
        for index in (ROOM_TODAY, ROOM_CUSTOMERS, ROOM_FEEDBACK):
            if index in built:
                self._refresh_if_stale(built[index])
        self._room_shown()
        self.cards.changed(change, origin)

    def _refresh_if_stale(self, room) -> None:
        if room in self._stale:
            self._stale.discard(room)
            room.refresh()
            if room is self.customers:
                self.customers.refresh_tags()

    def _room_shown(self, *_args) -> None:
        self._refresh_if_stale(self.rooms.currentWidget())

    def keep_drafts(self) -> int:
        """The app is closing without a chance to ask (shutdown, logout): unsaved card changes
        are kept for the next start. Returns how many."""
        return self.cards.keep_drafts()

    def offer_drafts(self) -> None:
        self.cards.offer_drafts()
