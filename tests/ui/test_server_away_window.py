"""The window when the PostgreSQL server is out of reach: at start, and while a card is being
typed in. Nothing typed is lost."""

from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication

from retainer.rules.validation import CustomerForm
from retainer.services import open_retainer
from retainer.ui import questions
from retainer.ui.app import Launcher
from tests import pg
from tests.conftest import NOW


@pytest.fixture
def cable(qapp):
    server = pg.require_server()
    address = pg.new_database(server)
    through = pg.Cable(address)
    yield through
    through.close()
    pg.drop_database(server, address)


@pytest.fixture
def launcher(qapp, tasks, answers):
    made = Launcher(QApplication.instance(), False, None)
    made.tasks = tasks
    made.app = SimpleNamespace(exit=lambda code: made.exits.append(code), quit=lambda: None)
    made.exits = []
    yield made
    if made.window is not None:
        made.window.close()
        made.services.close()


def test_at_start_the_owner_can_try_again_once_the_server_is_back(launcher, cable, monkeypatch):
    asked = []

    def choose(_parent, title, text, choices):
        asked.append((title, text, choices))
        if len(asked) == 1:
            cable.mend()  # the server computer was switched on meanwhile
            return 0      # Try again
        return 1

    monkeypatch.setattr(questions, "choose", choose)
    cable.cut()
    launcher.open(cable.address)
    (title, text, choices), = asked
    assert title == "The server cannot be reached" and choices == ["Try again", "Quit"]
    assert "127.0.0.1" in text and "sqlalche" not in text
    assert launcher.window is not None and launcher.exits == []


def test_at_start_quitting_ends_the_app(launcher, cable, monkeypatch):
    monkeypatch.setattr(questions, "choose", lambda *_: 1)
    cable.cut()
    launcher.open(cable.address)
    assert launcher.window is None and launcher.exits == [1]


def test_a_card_saved_while_the_server_is_away_keeps_what_was_typed(qtbot, tasks, answers, cable):
    from retainer.ui.main_window import MainWindow

    services = open_retainer(cable.address, clock=lambda: NOW)
    cid = services.customers.create(CustomerForm(name="Anna Petrova"))
    window = MainWindow(services, tasks)
    qtbot.addWidget(window)
    window.show()
    try:
        card = window.open_card(cid)
        qtbot.keyClicks(card.form.city, "Kaunas")
        cable.cut()
        card.save_button.click()
        kind, text = answers[-1]
        assert kind == "warning" and "nothing was saved" in text and "sqlalche" not in text
        assert card.dirty and card.form.city.text() == "Kaunas"
        cable.mend()
        card.save_button.click()
        qtbot.waitUntil(lambda: not card.dirty)
        assert services.customers.card(cid).form.city == "Kaunas"
    finally:
        window.close()
        services.close()
