"""Customers: more filters, saved segments one click away, and a message to the customers shown."""

import csv
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from retainer.rules.validation import CustomerForm
from retainer.services import CustomerQuery
from retainer.services.calls import CallForm
from retainer.ui import outreach_dialog
from retainer.ui.outreach_dialog import LEFT_OUT, TEXT, OutreachDialog
from tests.conftest import NOW


@pytest.fixture
def shop(services):
    def add(name, phone, consent=True, city="Vilnius", days_ago=None):
        cid = services.customers.create(CustomerForm(
            name=name, phones=[phone] if phone else [], consent_to_messages=consent, city=city))
        if days_ago is not None:
            services.purchases.record(cid, 5000, NOW - timedelta(days=days_ago))
        return cid

    services.ids = {
        "anna": add("Anna Petrova", "+370 612 34567", days_ago=45),
        "boris": add("Boris Orlov", "+370 612 00000", consent=False, days_ago=50),
        "chloe": add("Chloe Dubois", "", days_ago=60),
        "dan": add("Dan Brown", "+370 699 11111", city="Kaunas", days_ago=3),
    }
    return services


def names(screen):
    model = screen.model
    return sorted(model.data(model.index(r, 0)) for r in range(model.rowCount()))


def customers_screen(qtbot, window):
    screen = window.customers
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    return screen


def test_more_filters_narrow_the_list_and_save_as_a_segment_one_click_away(qtbot, window, shop):
    screen = customers_screen(qtbot, window)
    screen.more_button.click()
    assert screen.more.isVisible()
    qtbot.waitUntil(lambda: screen.more.city.findData("Kaunas") > 0)
    screen.more.city.setCurrentIndex(screen.more.city.findData("Vilnius"))
    screen.more.last_from.setValue(40)
    qtbot.waitUntil(lambda: names(screen) == ["Anna Petrova", "Boris Orlov", "Chloe Dubois"])
    screen.more.consent.setCurrentIndex(screen.more.consent.findData(True))
    qtbot.waitUntil(lambda: names(screen) == ["Anna Petrova", "Chloe Dubois"])

    dialog = screen.chips.ask_name(screen.current_query())
    qtbot.waitUntil(lambda: dialog.count.text() == "2 customers match them today.")
    qtbot.keyClicks(dialog.name, "Lapsed in Vilnius")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(screen.chips._buttons) == 1)
    chip = screen.chips._buttons[0]
    assert chip.text() == "Lapsed in Vilnius  2"
    assert chip.isChecked()  # the filters on screen are this segment's

    screen.more.clear()
    qtbot.waitUntil(lambda: len(names(screen)) == 4)
    assert not chip.isChecked()
    chip.click()
    qtbot.waitUntil(lambda: names(screen) == ["Anna Petrova", "Chloe Dubois"])
    assert screen.more.city.currentData() == "Vilnius"
    assert screen.more.last_from.value() == 40
    assert chip.isChecked()


def test_a_segment_without_a_name_is_said_under_the_field_and_a_name_taken_replaces_it(
        qtbot, window, shop):
    shop.segments.save("Vilnius", CustomerQuery(city="Vilnius"))
    screen = customers_screen(qtbot, window)
    dialog = screen.chips.ask_name(CustomerQuery(city="Kaunas"))
    qtbot.keyClicks(dialog.name, "   ")
    dialog.save_button.click()
    qtbot.waitUntil(dialog.problem.isVisible)
    assert dialog.problem.text() == "Give the segment a name."
    assert dialog.isVisible()
    dialog.name.setText("vilnius")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [(s.name, s.query.city) for s in shop.segments.all()] == [("vilnius", "Kaunas")]


def opened(qtbot, window, query, name=None):
    dialog = OutreachDialog(window.services, window.tasks, query, name, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None)
    return dialog


def test_the_preview_shows_each_text_and_who_is_left_out_and_why(qtbot, window, shop):
    dialog = opened(qtbot, window, CustomerQuery(city="Vilnius"), "Lapsed")
    assert dialog.windowTitle() == "Message to “Lapsed”"
    dialog.template.setPlainText("Hi {first_name}, {days_since_last_purchase}!")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3
                    and dialog.model.index(0, TEXT).data() == "Hi Anna, 45 days!")
    model = dialog.model
    rows = {model.index(r, 0).data(): r for r in range(3)}
    assert model.index(rows["Boris Orlov"], LEFT_OUT).data() == "did not agree to messages"
    assert model.index(rows["Chloe Dubois"], LEFT_OUT).data() == "no phone number"
    assert model.index(rows["Boris Orlov"], 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(rows["Anna Petrova"], 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert dialog.summary.text().startswith("Goes to 1 customer. Left out: 2 (")
    assert dialog.full.text() == "Anna Petrova gets: Hi Anna, 45 days!"  # the first recipient
    dialog.table.setCurrentIndex(model.index(rows["Chloe Dubois"], 0))
    assert dialog.full.text() == "Chloe Dubois gets nothing: no phone number."
    assert dialog.save_button.isEnabled()


def test_an_unknown_placeholder_is_named_and_nothing_can_be_saved(qtbot, window, shop):
    dialog = opened(qtbot, window, CustomerQuery())
    dialog.template.setPlainText("Hi {firstname}")
    qtbot.waitUntil(dialog.problem.isVisible)
    assert "“{firstname}” is not a placeholder" in dialog.problem.text()
    assert not dialog.save_button.isEnabled()
    dialog.template.moveCursor(QTextCursor.MoveOperation.End)
    dialog.insert("first_name")  # the button inserts where the cursor is
    assert dialog.template.toPlainText() == "Hi {firstname}{first_name}"


def test_a_segment_of_nobody_says_so_plainly(qtbot, window, shop):
    dialog = OutreachDialog(window.services, window.tasks, CustomerQuery(city="Riga"), None, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "nobody to write to" in dialog.summary.text())
    assert not dialog.save_button.isEnabled()


def test_saving_writes_the_file_logs_the_contacts_and_ctrl_z_takes_them_back(
        qtbot, window, shop, tmp_path):
    dialog = opened(qtbot, window, CustomerQuery())
    dialog.template.setPlainText("Hello {first_name}")
    qtbot.waitUntil(lambda: dialog.model.index(0, TEXT).data() == "Hello Anna")
    path = tmp_path / "out.csv"
    with qtbot.waitSignal(dialog.sent) as sent:
        dialog.save(str(path))
    assert "Saved 2 recipients" in sent.args[0]
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=","))
    assert [r[1] for r in rows[1:]] == ["Anna Petrova", "Dan Brown"]
    assert [c.outcome for c in shop.customers.card(shop.ids["anna"]).contacts] == ["sent"]
    window.undo()
    assert shop.customers.card(shop.ids["anna"]).contacts == []


def test_the_last_message_is_offered_next_time(qtbot, window, shop, tmp_path):
    dialog = opened(qtbot, window, CustomerQuery())
    dialog.email.setChecked(True)
    dialog.template.setPlainText("See you, {first_name}")
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.plan.channel == "email"
                    and dialog.plan.template == "See you, {first_name}")
    # Nobody has an e-mail: nothing to save, the plain words say why.
    assert not dialog.save_button.isEnabled()
    dialog.sms.setChecked(True)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    dialog.save(str(tmp_path / "x.csv"))
    again = opened(qtbot, window, CustomerQuery())
    assert again.template.toPlainText() == "See you, {first_name}"
    assert again.sms.isChecked()


@pytest.mark.parametrize(("answer", "written"), [(0, ["Dan Brown"]), (1, ["Anna Petrova", "Dan Brown"]),
                                                 (2, None)])
def test_a_customer_written_to_lately_is_asked_about_first(
        qtbot, window, shop, tmp_path, monkeypatch, answer, written):
    shop.calls.log(shop.ids["anna"], CallForm(outcome="no_answer"))
    asked = []
    monkeypatch.setattr(outreach_dialog, "choose",
                        lambda parent, title, text, choices: asked.append(text) or answer)
    dialog = opened(qtbot, window, CustomerQuery())
    dialog.template.setPlainText("Hello {first_name}")
    qtbot.waitUntil(lambda: "contacted within the quiet time" in dialog.summary.text())
    path = tmp_path / "x.csv"
    dialog.save(str(path))
    assert asked and asked[0].startswith("1 of these customers")
    if written is None:
        assert not path.exists()
        return
    qtbot.waitUntil(path.exists)
    with path.open(encoding="utf-8-sig", newline="") as f:
        assert [r[1] for r in list(csv.reader(f, delimiter=","))[1:]] == written


def test_a_folder_that_cannot_be_written_is_said_in_the_dialog_and_nothing_is_logged(
        qtbot, window, shop, tmp_path):
    dialog = opened(qtbot, window, CustomerQuery())
    dialog.save(str(tmp_path / "no such folder" / "x.csv"))
    qtbot.waitUntil(dialog.problem.isVisible)
    assert "Nothing was logged as sent" in dialog.problem.text()
    assert dialog.isVisible()
    assert shop.customers.card(shop.ids["anna"]).contacts == []


def test_message_button_opens_the_dialog_for_the_customers_shown(qtbot, window, shop, tmp_path):
    screen = customers_screen(qtbot, window)
    screen.more_button.click()
    qtbot.waitUntil(lambda: screen.more.city.findData("Kaunas") > 0)
    screen.more.city.setCurrentIndex(screen.more.city.findData("Kaunas"))
    qtbot.waitUntil(lambda: names(screen) == ["Dan Brown"])
    screen.message_button.click()
    dialog = screen.findChild(OutreachDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.index(0, 0).data() == "Dan Brown"
    with qtbot.waitSignal(dialog.sent):
        dialog.save(str(tmp_path / "x.csv"))
    assert "Saved 1 recipient " in window.statusBar().currentMessage()
