"""Starting the window: open the base off the GUI thread, then show the rooms."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from retainer import startup
from retainer.i18n import tr
from retainer.paths import data_dir, database_location
from retainer.ui import qt_i18n, responsive
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
    """Owns the application's one worker thread and the window of the open base."""

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
        from retainer.services import open_retainer

        def work():
            if demo:
                self._ensure_demo(location)
            return open_retainer(location)

        if demo and not Path(location).exists():
            self.progress = QProgressDialog(tr("Making a demo base…"), "", 0, 0)
            self.progress.setCancelButton(None)
            self.progress.setMinimumDuration(500)
            self.progress.setWindowTitle(tr("Retainer"))
        self.tasks.run(work, self._opened, self._open_failed)

    def _ensure_demo(self, location: str) -> None:
        from retainer.cli import make_demo

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
        from retainer.ui.main_window import MainWindow

        self._close_progress()
        old = self.window
        self.services = services
        self.window = MainWindow(services, self.tasks)
        self.window.demo_requested.connect(self.open_demo)
        if self.quit_when_ready:
            self.window.customers.first_page_shown.connect(self._ready)
        self.window.show()
        if old is not None:
            old.services.close()
            old.close()
        log.info("opened %s", services.ctx.db.location)

    def _ready(self) -> None:
        self.window.customers.view.viewport().repaint()
        print(f"{startup.process_age_ms():.0f}", flush=True)
        QTimer.singleShot(0, self.app.quit)

    def _open_failed(self, exc: Exception) -> None:
        self._close_progress()
        from retainer.db.engine import DatabaseError

        text = str(exc) if isinstance(exc, DatabaseError) else tr(
            "The customer base could not be opened: {reason}").format(reason=exc)
        log.error("open failed: %s", text)
        if self.quit_when_ready:
            print(text, file=sys.stderr)
        else:
            QMessageBox.critical(self.window, tr("Retainer"), text)
        if self.window is None:
            self.app.exit(1)

    def open_demo(self) -> None:
        from retainer.cli import demo_database_path

        self.open(str(demo_database_path()), demo=True)

    def unexpected(self, exc: BaseException) -> None:
        log.error("unexpected error: %s", "".join(traceback.format_exception(exc)))
        where = tr(" Details were saved in {path}.").format(path=self.log_path) if self.log_path else ""
        QMessageBox.warning(self.window, tr("Retainer"),
                            tr("Something went wrong: {reason}.").format(reason=exc) + where)


def run_gui(db: str | None, demo: bool, quit_when_ready: bool) -> int:
    log_path = _setup_logging()
    responsive.tune()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Retainer")
    app.setOrganizationName("Retainer")
    qt_i18n.install()
    from retainer.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    launcher = Launcher(app, quit_when_ready, log_path)
    sys.excepthook = lambda kind, exc, tb: launcher.unexpected(exc)
    if demo:
        from retainer.cli import demo_database_path

        location = db or str(demo_database_path())
    else:
        location = database_location(db)
    launcher.open(location, demo=demo)
    code = app.exec()
    launcher.tasks.shutdown()
    if launcher.services is not None:
        launcher.services.close()
    return code
