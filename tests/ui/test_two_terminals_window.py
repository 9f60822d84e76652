"""The window when another terminal works on the same base."""

from dataclasses import replace

import pytest

from retainer.rules.validation import CustomerForm
from retainer.services import open_retainer
from retainer.ui import edit_conflict
from tests.conftest import NOW


@pytest.fixture
def other_till(base, services):
    other = open_retainer(base, clock=lambda: NOW)
    yield other
    other.close()


@pytest.fixture
def asked(monkeypatch):
    """The conflict question, answered by the test: each question's text is recorded."""
    questions, replies = [], []

    def choose(_parent, _title, text, choices):
        questions.append((text, choices))
        return replies.pop(0)

    monkeypatch.setattr(edit_conflict, "choose", choose)
    return questions, replies


def saved_elsewhere(other, cid, **changes):
    card = other.customers.card(cid)
    other.customers.update(cid, replace(card.form, **changes), card)


@pytest.mark.parametrize("reply,city", [(0, "Klaipeda"), (1, "Kaunas")])
def test_a_card_saved_over_another_terminals_change_asks_whose_values_stay(
        qtbot, window, services, other_till, asked, reply, city):
    questions, replies = asked
    cid = services.customers.create(CustomerForm(name="Anna Petrova", city="Vilnius"))
    card = window.open_card(cid)
    saved_elsewhere(other_till, cid, city="Kaunas", notes="Called on Monday")
    card.form.city.clear()
    qtbot.keyClicks(card.form.city, "Klaipeda")
    replies.append(reply)
    card.save_button.click()
    (text, choices), = questions
    assert "Anna Petrova" in text and "Kaunas" in text and "Klaipeda" in text
    assert choices == ["Keep mine", "Keep theirs", "Go on editing"]
    qtbot.waitUntil(lambda: not card.dirty)
    saved = other_till.customers.card(cid).form
    assert saved.city == city and saved.notes == "Called on Monday"
    assert card.form.city.text() == city  # the card shows what is saved now


def test_going_on_editing_saves_nothing_and_keeps_what_was_typed(qtbot, window, services,
                                                                other_till, asked):
    questions, replies = asked
    cid = services.customers.create(CustomerForm(name="Anna Petrova", city="Vilnius"))
    card = window.open_card(cid)
    saved_elsewhere(other_till, cid, city="Kaunas")
    card.form.city.clear()
    qtbot.keyClicks(card.form.city, "Klaipeda")
    replies.append(2)
    card.save_button.click()
    assert len(questions) == 1
    assert card.dirty and card.form.city.text() == "Klaipeda"
    assert other_till.customers.card(cid).form.city == "Kaunas"


@pytest.fixture
def on_server(qapp):
    """A base on the PostgreSQL server, opened by this window's terminal and by another."""
    from tests import pg

    server = pg.require_server()
    address = pg.new_database(server)
    here, there = (open_retainer(address, clock=lambda: NOW) for _ in range(2))
    here.change_settings(default_region="LT")
    yield here, there
    here.close()
    there.close()
    pg.drop_database(server, address)


def test_another_terminals_changes_show_in_the_list_and_an_open_card(qtbot, tasks, answers, on_server):
    from retainer.ui.main_window import MainWindow

    here, there = on_server
    cid = here.customers.create(CustomerForm(name="Anna Petrova", city="Vilnius"))
    window = MainWindow(here, tasks)
    qtbot.addWidget(window)
    window.show()
    window.check_base()  # behind the first page: from now on the other terminals are heard
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 1)
    card = window.open_card(cid)
    qtbot.keyClicks(card.form.city, " centre")  # typed here, not saved yet
    there.customers.create(CustomerForm(name="Boris Orlov"))
    saved_elsewhere(there, cid, notes="Called on Monday")
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 2, timeout=5000)
    qtbot.waitUntil(lambda: card.card_shown.form.notes == "Called on Monday", timeout=5000)
    assert card.dirty and card.form.city.text() == "Vilnius centre"  # nothing typed is lost
    card.save_button.click()
    qtbot.waitUntil(lambda: not card.dirty)
    saved = there.customers.card(cid).form
    assert (saved.city, saved.notes) == ("Vilnius centre", "Called on Monday")
    assert card.form.notes.toPlainText() == "Called on Monday"
