"""The card's Personal data button: a copy of everything held, erasure, the log."""

import json

import pytest

from retainer.rules.validation import CustomerForm
from retainer.services import CustomerQuery
from retainer.ui import personal_data


@pytest.fixture
def anna(services):
    return services.customers.create(CustomerForm(name="Anna Petrova", phones=["+37061234567"],
                                                  consent_to_messages=True))


def test_the_card_shows_when_consent_was_given(window, anna):
    card = window.open_card(anna)
    assert card.form.consent.text() == "Agreed to receive messages (on 15/06/2026)"


def test_everything_held_is_saved_to_the_chosen_folder(window, anna, answers, tmp_path):
    card = window.open_card(anna)
    card.personal_data.export(str(tmp_path))
    kind, text = answers[-1]
    assert kind == "information" and "Anna Petrova" in text
    data = json.loads((tmp_path / f"customer-{anna}-personal-data.json").read_text(encoding="utf-8"))
    assert data["customer"]["name"] == "Anna Petrova"
    assert (tmp_path / f"customer-{anna}-personal-data.xlsx").is_file()
    card.personal_data.show_log()
    assert "Everything held exported" in answers[-1][1]
    assert "Consent to messages given" in answers[-1][1]


@pytest.mark.parametrize("reply", [0, 1])
def test_erasing_asks_first_then_closes_the_card_and_leaves_the_list(
        qtbot, window, services, anna, monkeypatch, reply):
    asked = []
    monkeypatch.setattr(personal_data, "choose",
                        lambda _p, title, text, choices: asked.append((title, text, choices)) or reply)
    card = window.open_card(anna)
    card.personal_data.erase()
    (title, text, choices), = asked
    assert title == "Erase Anna Petrova?" and "no undo" in text and "amounts" in text
    assert choices == ["Erase for good", "Cancel"]
    if reply == 1:  # Cancel
        assert card.isVisible() and services.customers.count(CustomerQuery()) == 1
        return
    qtbot.waitUntil(lambda: not card.isVisible())
    assert services.customers.count(CustomerQuery()) == 0
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 0)
    assert "erased on request" in window.statusBar().currentMessage()
