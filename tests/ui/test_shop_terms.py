"""The first start in the owner's own terms: language, phone numbers' country and currency
written out beside the three doors, changed in one dialog; the language in Settings, with a
restart offered."""

from PySide6.QtWidgets import QMessageBox

from retainer import preferences
from retainer.ui import shop_terms


def test_an_empty_base_shows_its_terms_beside_the_doors(window, services):
    services.change_settings(default_region="US", currency="USD")  # an English Windows
    screen = window.customers
    screen.refresh()
    terms = screen.empty.terms
    assert terms.isVisible() and screen.empty.terms_button.isVisible()
    assert terms.text() == ("Retainer speaks English, reads phone numbers without a country "
                            "code as numbers from the United States, and counts money in $ (USD).")


def test_the_terms_change_in_one_dialog(window, services, answers):
    services.change_settings(default_region="US", currency="USD")
    window.customers.empty.terms_button.click()
    dialog = window.shop_terms_dialog
    assert dialog.isVisible()
    assert dialog.language.currentData() == "en" and dialog.region.currentData() == "US"
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    dialog.region.setCurrentIndex(dialog.region.findData("RU"))
    dialog.currency.setCurrentIndex(dialog.currency.findData("RUB"))
    dialog.save()
    assert (services.settings.default_region, services.settings.currency) == ("RU", "RUB")
    assert preferences.load()["language"] == "ru"
    # Declined the restart: English until the next start, and the line says the new terms.
    assert answers[-1][0] == "question" and "Русский" in answers[-1][1]
    assert "numbers from Russia" in window.customers.empty.terms.text()
    assert "₽ (RUB)" in window.customers.empty.terms.text()


def test_the_terms_are_gone_once_the_base_has_customers(window, services):
    from retainer.rules.validation import CustomerForm

    services.customers.create(CustomerForm(name="Anna", phones=["8 916 123-45-67"]))
    window.customers.refresh()
    assert not window.customers.empty.terms.isVisible()


def test_settings_change_the_language_and_restart_in_it(window, services, monkeypatch):
    started = []
    monkeypatch.setattr(shop_terms.QProcess, "startDetached",
                        lambda program, arguments: started.append((program, arguments)) or True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    quit_called = []
    monkeypatch.setattr(shop_terms.QCoreApplication, "quit", lambda: quit_called.append(True))
    dialog = window.open_settings()
    assert dialog.language.currentData() == "en"
    dialog.language.setCurrentIndex(dialog.language.findData("lt"))
    dialog.save()
    assert preferences.load()["language"] == "lt"
    assert started and started[0][1][:2] == ["-m", "retainer"] and quit_called
    assert not window.isVisible()


def test_the_same_language_asks_nothing(window, answers):
    dialog = window.open_settings()
    dialog.save()
    assert not [a for a in answers if a[0] == "question"]
    assert "language" not in preferences.load()
