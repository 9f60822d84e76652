"""The shop's own files through the wizard on a real display, with the real background lanes:
a Russian list in a base set to the United States (the country proposed and taken in a
click), a register's log keyed by cards, and a list with totals that fills the next morning."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from tests.display.conftest import thread_warnings, watched_window
from tests.display.test_stress import click, no_progress_shown
from tests.excel import ugly
from tests.excel.test_shop_files import CARD_LOG, TOTALS


@pytest.fixture
def window(qtbot, tmp_path, answers):
    from retainer.services import open_retainer

    services = open_retainer(str(tmp_path / "shop.sqlite"))
    services.change_settings(default_region="US")
    yield from watched_window(qtbot, services)


def import_through(qtbot, window, path, on_preview=None) -> str:
    wizard = window.transfer.import_wizard(str(path))
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=30_000)
    click(wizard, QWizard.WizardButton.NextButton)  # to the columns
    click(wizard, QWizard.WizardButton.NextButton)  # to the preview
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=30_000)
    if on_preview:
        on_preview(page)
    click(wizard, QWizard.WizardButton.NextButton)  # to the test run
    check = wizard.check_page
    qtbot.waitUntil(lambda: check.report is not None and no_progress_shown(), timeout=60_000)
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.NextButton).isEnabled(), timeout=10_000)
    click(wizard, QWizard.WizardButton.NextButton)  # Import
    done = wizard.done_page
    qtbot.waitUntil(lambda: done.finished_import and no_progress_shown(), timeout=60_000)
    text = done.result.text()
    click(wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10_000)
    return text


def test_the_shops_own_files_on_a_real_display(qtbot, window, tmp_path, qtlog):
    guests = ugly.xlsx(tmp_path / "гости.xlsx", [["ФИО", "Телефон"]] + [
        [f"Гость {k}", f"8 (916) {200 + k:03d}-45-67"] for k in range(40)])

    def take_the_country(page) -> None:
        qtbot.waitUntil(lambda: page.country_button.isVisible(), timeout=30_000)
        assert "40 of 40" in page.country_hint.text()
        QTest.mouseClick(page.country_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not page.country_hint.isVisible()
                        and page.model.data(page.model.index(0, 2)) == "+7 916 200-45-67", timeout=30_000)

    assert "40 customers added" in import_through(qtbot, window, guests, take_the_country)
    assert window.services.settings.default_region == "RU"

    log = ugly.csv_file(tmp_path / "касса.csv", CARD_LOG, "cp1251")

    def code_note_shown(page) -> None:
        assert page.code_note.isVisible()
        assert page.model.data(page.model.index(0, 1)) == "Customer 00123"

    assert "3 customers added" in import_through(qtbot, window, log, code_note_shown)

    totals = ugly.xlsx(tmp_path / "итоги.xlsx", TOTALS, merge="A1:F1")

    def opening_note_shown(page) -> None:
        assert page.opening_note.isVisible()

    assert "5 customers added" in import_through(qtbot, window, totals, opening_note_shown)
    window.make_reminders()
    window.nav.setCurrentRow(0)
    qtbot.waitUntil(lambda: window.tasks.idle(), timeout=30_000)
    assert window.errors == []
    assert thread_warnings(qtlog.records) == []
