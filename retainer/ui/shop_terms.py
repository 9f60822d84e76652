"""The shop's own terms, shown on the first start beside the three doors: the language the
window speaks, the country whose phone numbers are typed without a code, and the currency.

All three are taken from the computer at first; a Russian shop on an English Windows sees
"English · United States · $" written out before it imports a single number, and changes it
in one dialog. The language is this computer's choice (``retainer.preferences``); the country
and the currency are the shop's settings, kept in the base.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from retainer import i18n, preferences
from retainer.i18n import tr
from retainer.rules import settings as keys
from retainer.rules.money import SYMBOLS
from retainer.rules.phones import SUPPORTED_REGIONS, region_name
from retainer.services import Retainer
from retainer.ui.style import set_role
from retainer.ui.tasks import Tasks


def currency_name(code: str) -> str:
    """"₽ (RUB)": the symbol the owner knows, with the code beside it."""
    symbol = SYMBOLS.get(code, "")
    return f"{symbol} ({code})" if symbol and symbol != code else code


def terms_line(services: Retainer) -> str:
    """One sentence with the three terms, as the empty base shows them."""
    s = services.settings
    return tr("Retainer speaks {language}, reads phone numbers without a country code as "
              "numbers from {country}, and counts money in {currency}.").format(
        language=i18n.LANGUAGE_NAMES[i18n.spoken()], country=region_name(s.default_region),
        currency=currency_name(s.currency))


def language_box(current: str) -> QComboBox:
    box = QComboBox()
    for code in i18n.LANGUAGES:
        box.addItem(i18n.LANGUAGE_NAMES[code], code)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.setToolTip(tr("The language of the window and the command line on this computer."))
    return box


def region_box(current: str) -> QComboBox:
    box = QComboBox()
    for code in SUPPORTED_REGIONS:
        box.addItem(region_name(code), code)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.setToolTip(tr("Phone numbers typed without + and a country code are read as numbers of "
                      "this country."))
    return box


def currency_box(current: str) -> QComboBox:
    box = QComboBox()
    for code in keys.CURRENCIES:
        box.addItem(currency_name(code), code)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def choose_language(parent: QWidget, language: str) -> bool:
    """Keep ``language`` for this computer; when it is not the one spoken now, offer to
    restart in it. True when Retainer is restarting."""
    if language == i18n.spoken():
        return False
    preferences.save(language=language)
    answer = QMessageBox.question(
        parent, tr("Language"),
        tr("Retainer will speak {language} from its next start. Restart now?").format(
            language=i18n.LANGUAGE_NAMES[language]),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    return restart(parent)


def restart(parent: QWidget) -> bool:
    """Start Retainer again, the same way it was started, and close this window (which keeps
    any unsaved card as a draft, as on every quit)."""
    frozen = getattr(sys, "frozen", False)
    arguments = sys.argv[1:] if frozen else ["-m", "retainer", *sys.argv[1:]]
    if not QProcess.startDetached(sys.executable, arguments):
        return False
    window = parent.window()
    window.close()
    QCoreApplication.quit()
    return True


class ShopTermsDialog(QDialog):
    """Language, phone numbers' country and currency, in one place, for the first start."""

    def __init__(self, services: Retainer, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.setWindowTitle(tr("Your shop"))
        current = services.settings
        self.language = language_box(i18n.spoken())
        self.region = region_box(current.default_region)
        self.currency = currency_box(current.currency)
        form = QFormLayout()
        form.addRow(tr("Language"), self.language)
        form.addRow(tr("Phone numbers from"), self.region)
        form.addRow(tr("Currency"), self.currency)
        self.error = QLabel()
        set_role(self.error, "error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        values = {keys.DEFAULT_REGION.name: self.region.currentData(),
                  keys.CURRENCY.name: self.currency.currentData()}
        language = self.language.currentData()

        def saved(_) -> None:
            self.accept()
            choose_language(self.parent() or self, language)

        def failed(exc) -> None:
            self.error.setText(str(exc))
            self.error.show()

        services = self.services
        self.tasks.write(self, lambda: services.change_settings(**values)) \
            .success(saved).failure(failed).run()
