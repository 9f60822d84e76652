"""Starting the window: open the base off the GUI thread, then show the rooms; and ending it,
however it ends — Quit, a shutdown or logout (SIGTERM), the session manager's end of session."""

from __future__ import annotations

import logging
import signal
import socket
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from retainer import startup
from retainer.i18n import tr
from retainer.paths import data_dir
from retainer.preferences import database_location
from retainer.ui import qt_i18n, responsive
from retainer.ui.lanes import COUNT, READ
from retainer.ui.tasks import Tasks

log = logging.getLogger("retainer")
DEMO_CUSTOMERS = 2000
DEMO_YEARS = 3.0


def _setup_logging() -> Path | None:
    try:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "retainer.log"
        logging.basicConfig(filename=path, level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        return path
    except OSError:
        return None


class Launcher:
    """Owns the background lanes and the window of the open base, from start to quit."""

    def __init__(self, app: QApplication, quit_when_ready: bool, log_path: Path | None) -> None:
        self.app = app
        self.quit_when_ready = quit_when_ready
        self.log_path = log_path
        self.tasks = Tasks()
        self.tasks.on_unhandled_error = self.unexpected
        self.window = None
        self.services = None
        self.progress: QProgressDialog | None = None

    def open(self, location: str, demo: bool = False) -> None:
        startup.mark("Qt ready")
        from retainer.services import open_retainer

        startup.mark("services loaded")

        def work():
            if demo:
                self._ensure_demo(location)
            return open_retainer(location)

        if demo and not Path(location).exists():
            self.progress = QProgressDialog(tr("Making a demo base…"), "", 0, 0)
            self.progress.setCancelButton(None)
            self.progress.setMinimumDuration(500)
            self.progress.setWindowTitle(tr("Retainer"))
        # Opening writes too (the first settings, an upgrade of the file's layout).
        self.tasks.write(None, work).success(self._opened) \
            .failure(lambda exc: self._open_failed(exc, location)).run()
        # While the base opens, the window's code loads: opening is mostly waiting for files.
        import retainer.ui.main_window  # noqa: F401 - used by _opened

        # The code loaded so far (Qt's wrappers, SQLAlchemy, the models, the window's modules)
        # lives as long as the program: out of the collector's sight now, or its first passes
        # walk 100,000-odd objects (about 100 ms) before the first page is painted. Only at
        # the start: when another base opens, the window being replaced is still alive, and
        # its cycles would stay frozen after it is gone.
        if self.window is None:
            responsive.settle()


    def _ensure_demo(self, location: str) -> None:
        from retainer.demo import make_demo

        if Path(location).exists() and Path(location).stat().st_size > 0:
            return
        partial = Path(location + ".part")
        partial.unlink(missing_ok=True)
        make_demo(str(partial), DEMO_CUSTOMERS, DEMO_YEARS, seed=7)
        partial.replace(location)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None

    def _opened(self, services) -> None:
        startup.mark("base opened")
        from retainer.ui.main_window import MainWindow

        self._close_progress()
        old = self.window
        self.services = services
        self.tasks.watch_writes(services)
        self.window = MainWindow(services, self.tasks)
        self.window.demo_requested.connect(self.open_demo)
        self.window.restore_requested.connect(self.restore)
        self.window.closed.connect(self.app.quit)
        if old is None:  # the first window of this start: its steps go to the log
            self.window.customers.first_page_shown.connect(self._first_page)
        if self.quit_when_ready:
            self.window.customers.first_page_shown.connect(self._ready)
        self.window.show()
        startup.mark("window shown")
        if old is not None:
            old.closed.disconnect(self.app.quit)  # another base opened: not a quit
            old.cards.close_all()
            old.close()
            old.deleteLater()
            old.services.close()
        log.info("opened %s", services.ctx.db.location)
        if not self.quit_when_ready:
            QTimer.singleShot(0, self.window.offer_drafts)
            # Behind the first page, never blocking: the base's quick check, then the day's
            # first backup. A damage found is offered the newest sound backup.
            self.window.damage_found.connect(self._damage_found)
            if self.window.customers.first_page_done:
                QTimer.singleShot(0, self.window.check_base)
            else:
                self.window.customers.first_page_shown.connect(self.window.check_base)

    def _first_page(self) -> None:
        startup.mark("first page")
        log.info("start-up: %s", startup.timeline())

    def _ready(self) -> None:
        self.window.customers.view.viewport().repaint()
        print(f"{startup.process_age_ms():.0f}", flush=True)
        QTimer.singleShot(0, self.app.quit)

    def _damage_found(self, reason: str) -> None:
        from retainer.ui import recovery

        recovery.offer(self, self.services.backups.base_path, reason, at_start=False)

    def _open_failed(self, exc: Exception, location: str | None = None) -> None:
        from retainer.services import DamagedBase, DatabaseError, ServerUnreachable

        self._close_progress()
        if isinstance(exc, DamagedBase) and not self.quit_when_ready:
            from retainer.ui import recovery

            recovery.offer(self, exc.path, exc.reason, at_start=self.window is None)
            return
        if isinstance(exc, ServerUnreachable) and location and not self.quit_when_ready:
            from retainer.ui.questions import choose

            if choose(self.window, tr("The server cannot be reached"), str(exc),
                      [tr("Try again"), tr("Quit")]) == 0:
                self.open(location)
            elif self.window is None:
                self.app.exit(1)
            return
        text = str(exc) if isinstance(exc, DatabaseError) else tr(
            "The customer base could not be opened: {reason}").format(reason=exc)
        log.error("open failed: %s", text)
        if self.quit_when_ready:
            print(text, file=sys.stderr)
        else:
            QMessageBox.critical(self.window, tr("Retainer"), text)
        if self.window is None:
            self.app.exit(1)

    def restore(self, backup) -> None:
        """Put a backup in place of the open base, then open it again in a new window. The
        old window waits, greyed, behind a progress dialog; a refused restore leaves it (and
        the base) as they were."""
        from retainer.services import open_retainer
        from retainer.ui.formatting import date_time

        window, services = self.window, self.services
        location = services.ctx.db.location
        window.keep_drafts()  # a card being typed in is offered again after the restore
        window.cards.close_all()
        window.setEnabled(False)
        self.progress = QProgressDialog(tr("Restoring the backup…"), "", 0, 0, window)
        self.progress.setCancelButton(None)
        self.progress.setMinimumDuration(300)
        self.progress.setWindowTitle(tr("Retainer"))

        def work():
            before = services.backups.restore(backup.path)
            return open_retainer(location), before

        def restored(result) -> None:
            reopened, before = result
            self._opened(reopened)
            # Told in a box: the new window's own news would soon cover a status-bar line.
            QMessageBox.information(self.window, tr("Restore from a backup"), tr(
                "Restored the backup of {when}. The base as it was is kept in {before}.").format(
                    when=date_time(backup.taken_at), before=before.path.name))

        def refused(exc: Exception) -> None:
            self._close_progress()
            window.setEnabled(True)
            QMessageBox.warning(window, tr("Restore from a backup"), str(exc))

        self.tasks.write(None, work).success(restored).failure(refused).run()

    def bring_forward(self) -> None:
        """Another start on this base: this window, not a second one."""
        if self.window is not None:
            if self.window.isMinimized():
                self.window.showNormal()
            self.window.show()
            self.window.raise_()
            self.window.activateWindow()

    def open_demo(self) -> None:
        from retainer.demo import demo_database_path

        self.open(str(demo_database_path()), demo=True)

    def end_of_session(self, *_args) -> None:
        """Closed without a chance to ask: keep what the cards hold, then go."""
        if self.window is not None:
            kept = self.window.keep_drafts()
            log.info("closing at the end of the session; %d unsaved card(s) kept", kept)
            self.window.cards.close_all()

    def terminate(self) -> None:
        self.end_of_session()
        self.app.quit()

    def unexpected(self, exc: BaseException) -> None:
        log.error("unexpected error: %s", "".join(traceback.format_exception(exc)))
        where = tr(" Details were saved in {path}.").format(path=self.log_path) if self.log_path else ""
        QMessageBox.warning(self.window, tr("Retainer"),
                            tr("Something went wrong: {reason}.").format(reason=exc) + where)


def run_selftest() -> int:
    """``retainer --selftest`` (retainer.ui.selftest): the frozen app checks itself."""
    from retainer.ui.selftest import run_selftest as check

    return check()


def run_gui(db: str | None, demo: bool, quit_when_ready: bool) -> int:
    """Open the window and run it until the owner quits; returns the exit code."""
    log_path = _setup_logging()
    responsive.tune()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Retainer")
    # The app ends when the owner closes the main window (its closed signal) or opening fails,
    # never because the last window closed: at start a question about a damaged base may be
    # the only window, and the base is restored after it closes.
    app.setQuitOnLastWindowClosed(False)
    app.setOrganizationName("Retainer")
    qt_i18n.install()
    from retainer.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    launcher = Launcher(app, quit_when_ready, log_path)
    sys.excepthook = lambda kind, exc, tb: launcher.unexpected(exc)
    app.commitDataRequest.connect(launcher.end_of_session)
    stop_signals = _on_stop_signals(launcher.terminate)
    # The collector keeps out of the way of a search and its count (responsive.py).
    collector = responsive.collect_on_gui_thread(
        app, lambda: launcher.tasks.reads_under_way((READ, COUNT)))
    if demo:
        from retainer.demo import demo_database_path

        location = db or str(demo_database_path())
    else:
        location = database_location(db)
    from retainer.ui.one_window import OneWindow

    one = OneWindow(location)
    if not one.claim():
        print(tr("Retainer is already open on {location}: its window was brought forward.")
              .format(location=location))
        collector.stop()
        stop_signals.setEnabled(False)
        return 0
    one.forward_requested.connect(launcher.bring_forward)
    launcher.open(location, demo=demo)
    code = app.exec()
    one.release()
    closing = time.perf_counter()
    collector.stop()
    stop_signals.setEnabled(False)
    launcher.tasks.shutdown()
    if launcher.services is not None:
        launcher.services.close()
    log.info("closed in %.0f ms", (time.perf_counter() - closing) * 1000)
    return code


def _on_stop_signals(stop) -> QSocketNotifier:
    """SIGTERM (and SIGHUP where there is one) end the app through ``stop`` on the GUI thread.

    Python runs a signal handler only between bytecodes of the main thread, which sits in
    Qt's event loop; the handler's wake-up byte on a socket pair lets Qt notice at once."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)

    def woken() -> None:
        try:
            reader.recv(64)
        except OSError:
            pass

    notifier.activated.connect(woken)
    notifier._sockets = (reader, writer)  # kept open as long as the notifier lives
    stopping = []

    def handler(_number, _frame) -> None:
        if not stopping:  # a second signal while stopping changes nothing
            stopping.append(True)
            QTimer.singleShot(0, stop)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)
    return notifier
