"""The import wizard, the export and a Dashboard refresh, 30 times in a row, on a real display.

A deadlock between a worker and the GUI thread shows up on the third run, not the first, and
never offscreen. Each run must end with every dialog closed within RUN_LIMIT_S; if the window
hangs, faulthandler writes every thread's stack to RETAINER_HANG_LOG (the wrapper test prints
it) and ends the process, so the run fails with the stacks that show where.
"""

import faulthandler
import os
import random
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QApplication, QProgressDialog, QWizard

from tests.display.conftest import thread_warnings, watched_window

RUNS = 30
RUN_LIMIT_S = 90
ROWS = 2500  # enough for the progress dialogs to appear (after half a second)


def cafe_list(path: Path, rows: int) -> Path:
    """A café's list as owners keep it: a title row, a blank one, phones in several spellings."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Клиенты"
    sheet.append(["Список клиентов кофейни «Зерно»"])
    sheet.append([])
    sheet.append(["ФИО", "Телефон", "Дата рождения", "Город", "Карта"])
    rnd = random.Random(7)
    spellings = ["8 (916) {a}-{b}-{c}", "+7 916 {a} {b} {c}", "8916{a}{b}{c}", "7916{a}{b}{c}"]
    for i in range(rows):
        a, b, c = f"{rnd.randint(100, 999)}", f"{rnd.randint(10, 99)}", f"{i % 100:02d}"
        phone = rnd.choice(spellings).format(a=a, b=b, c=c)
        sheet.append([f"Гость {i} Петрова", phone, f"{rnd.randint(1, 28):02d}.05.1990", "Москва",
                      5000 + i])
    book.save(path)
    return path


def no_progress_shown() -> bool:
    return not any(isinstance(w, QProgressDialog) and w.isVisible()
                   for w in QApplication.topLevelWidgets())


@pytest.fixture
def window(qtbot, tmp_path, answers):
    from retainer.demo import make_demo
    from retainer.services import open_retainer
    from retainer.ui import responsive

    responsive.tune()
    location = str(tmp_path / "shop.sqlite")
    make_demo(location, 300, 2.0, seed=3)
    services = open_retainer(location)
    services.change_settings(default_region="RU")
    yield from watched_window(qtbot, services)


def click(wizard: QWizard, which) -> None:
    button = wizard.button(which)
    assert button.isEnabled(), f"{which} is greyed out on {wizard.currentPage().title()}"
    button.click()


def test_import_export_and_dashboard_thirty_times(qtbot, window, tmp_path, qtlog):
    path = cafe_list(tmp_path / "кофейня.xlsx", ROWS)
    # Not stderr: pytest holds it, and a process that faulthandler ends never gives it back.
    hang_log = open(os.environ.get("RETAINER_HANG_LOG") or tmp_path / "hang.txt", "w")
    for run in range(RUNS):
        print(f"run {run + 1} of {RUNS}", file=hang_log, flush=True)
        faulthandler.dump_traceback_later(RUN_LIMIT_S, exit=True, file=hang_log)
        try:
            wizard = window.transfer.import_wizard(str(path))
            qtbot.waitUntil(wizard.file_page.isComplete, timeout=30_000)
            click(wizard, QWizard.WizardButton.NextButton)  # to the columns
            click(wizard, QWizard.WizardButton.NextButton)  # to the preview
            qtbot.waitUntil(lambda: wizard.preview_page.model.rowCount() > 0, timeout=30_000)
            click(wizard, QWizard.WizardButton.NextButton)  # to the test run
            check = wizard.check_page
            qtbot.wait(50)
            if getattr(check, "report", None) is None and not getattr(check, "running", False):
                check.run_button.click()
            qtbot.waitUntil(lambda: check.report is not None and no_progress_shown(), timeout=60_000)
            assert f"{ROWS:,} rows read" in check.summary.text()
            qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.NextButton).isEnabled(),
                            timeout=10_000)
            click(wizard, QWizard.WizardButton.NextButton)  # Import
            done = wizard.done_page
            qtbot.waitUntil(lambda: done.finished_import and no_progress_shown(), timeout=60_000)
            assert "customers added" in done.result.text(), done.result.text()
            done.undo_button.click()  # so that every run imports the whole list again
            qtbot.waitUntil(lambda: "undone" in done.result.text(), timeout=30_000)
            click(wizard, QWizard.WizardButton.FinishButton)
            qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10_000)

            target = tmp_path / f"export-{run}.xlsx"
            window.transfer.export_everything(str(target))
            qtbot.waitUntil(lambda: target.exists() and no_progress_shown()
                            and "Saved" in window.statusBar().currentMessage(), timeout=60_000)

            window.nav.setCurrentRow(3)
            board = window.dashboard
            qtbot.waitUntil(lambda: board.data is not None, timeout=60_000)
            before = board.data
            board.refresh()
            qtbot.waitUntil(lambda: board.data is not before and window.tasks.idle(), timeout=60_000)
            window.nav.setCurrentRow(1)
        finally:
            faulthandler.cancel_dump_traceback_later()
    hang_log.close()
    assert window.errors == []
    assert thread_warnings(qtlog.records) == []
