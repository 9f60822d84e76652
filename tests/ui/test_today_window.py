from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from retainer.rules.validation import CustomerForm
from retainer.ui.today_model import COL_ALIVE, COL_NAME, COL_PHONE, COL_WHY
from tests.conftest import NOW


def drifting(services, name, phone, days_ago=120, spend=2000):
    cid = services.customers.create(CustomerForm(name=name, phones=[phone]))
    services.purchases.record(cid, spend, NOW - timedelta(days=days_ago))
    return cid


def today_cell(window, row, col):
    model = window.today.model
    return model.data(model.index(row, col))


def test_empty_today_explains_itself(window):
    window.nav.setCurrentRow(0)
    screen = window.today
    assert screen.stack.currentWidget() is screen.empty
    assert screen.empty.title.text() == "Nobody to call today"
    assert "There are no customers yet" in screen.empty.text.text()
    assert window.nav.item(0).text() == "Today"


def test_due_calls_are_listed_and_counted(qtbot, window, services):
    drifting(services, "Anna Petrova", "8 916 123-45-67", spend=9000)
    drifting(services, "Jonas Kazlauskas", "+370 612 34567", spend=1000)
    window.make_reminders()
    assert window.today.model.rowCount() == 2
    assert today_cell(window, 0, COL_NAME) == "Anna Petrova"  # spends more: first
    assert today_cell(window, 0, COL_PHONE) == "+7 916 123-45-67"
    assert "No purchase for 120 days" in today_cell(window, 0, COL_WHY)
    assert today_cell(window, 0, COL_ALIVE) == ""  # too little history for the model
    assert window.nav.item(0).text() == "Today (2)"
    assert window.windowTitle() == "Retainer — 2 to call today"
    hint = window.today.model.data(window.today.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "a year" in hint
    assert window.today.selected_rows() == [0]  # Enter calls the top one


def test_log_a_call_in_three_clicks(qtbot, window, services):
    cid = drifting(services, "Anna Petrova", "8 916 123-45-67")
    window.make_reminders()
    dialog = window.today.call_selected()
    assert dialog.outcome() == "reached"
    dialog.nps.setCurrentIndex(dialog.nps.findData(9))
    qtbot.keyClicks(dialog.referral_name, "Ieva")
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    card = services.customers.card(cid)
    assert card.contacts[0].outcome == "reached" and card.feedback[0].nps_score == 9
    assert window.today.model.rowCount() == 0
    assert window.nav.item(0).text() == "Today"
    assert "Call with Anna Petrova saved" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert window.today.model.rowCount() == 1


def test_no_answer_fills_tomorrow_and_moves_the_call(qtbot, window, services):
    drifting(services, "Anna Petrova", "8 916 123-45-67")
    window.make_reminders()
    dialog = window.today.call_selected()
    dialog.set_outcome("no_answer")
    assert dialog.next_call.text() == (NOW.date() + timedelta(days=1)).strftime("%d/%m/%Y")
    assert not dialog.questions.isEnabled()
    dialog.save_button.click()
    assert window.today.model.rowCount() == 0
    assert services.today.due_count(as_of=NOW.date() + timedelta(days=1)) == 1


def test_bad_call_input_is_shown_in_the_dialog(qtbot, window, services):
    drifting(services, "Anna Petrova", "8 916 123-45-67")
    window.make_reminders()
    dialog = window.today.call_selected()
    qtbot.keyClicks(dialog.referral_phone, "12")
    dialog.next_call.setText("31.02.2026")
    dialog.save_button.click()
    assert "not a real date" in dialog.errors["next_call_on"].text()
    dialog.next_call.setText("")
    dialog.save_button.click()
    assert "“12”" in dialog.errors["referral_phone"].text()
    assert dialog.errors["referral_name"].text()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert services.customers.card(dialog.customer_id).contacts == []


def test_snooze_and_dismiss_many_at_once(qtbot, window, services):
    for i in range(3):
        drifting(services, f"Customer {i}", f"+370 612 3456{i}")
    window.make_reminders()
    view = window.today.view
    view.selectAll()
    window.today.snooze_selected(7)
    assert window.today.model.rowCount() == 0
    window.undo_action.trigger()
    assert window.today.model.rowCount() == 3
    window.nav.setCurrentRow(0)
    window.activateWindow()
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.today.model.rowCount() == 2
    assert "Dismissed 1" in window.statusBar().currentMessage()


def test_copy_number_and_export(qtbot, window, services, tmp_path):
    drifting(services, "Anna Petrova", "8 916 123-45-67")
    window.make_reminders()
    window.today.copy_number()
    assert QGuiApplication.clipboard().text() == "+7 916 123-45-67"
    path = tmp_path / "calls.xlsx"
    window.today.export(str(path))
    assert path.exists()
    assert f"Saved 1 call to {path}" in window.statusBar().currentMessage()


def test_no_tray_here_so_the_count_is_in_the_window(window, services):
    drifting(services, "Anna Petrova", "8 916 123-45-67")
    window.make_reminders()
    assert not window.notifier.has_tray  # offscreen: no system tray
    assert window.notifier.last_message == "1 customer to call today"


def test_a_purchase_takes_the_customer_off_today(qtbot, window, services):
    cid = drifting(services, "Anna Petrova", "8 916 123-45-67")
    window.make_reminders()
    services.purchases.record(cid, 500, NOW)
    assert window.today.model.rowCount() == 0


def test_from_the_card_log_a_call_and_set_a_reminder(qtbot, window, services):
    cid = drifting(services, "Anna Petrova", "8 916 123-45-67")
    card = window.open_card(cid)
    dialog = card.log_call()
    assert dialog.windowTitle() == "Call Anna Petrova"
    dialog.set_outcome("call_back")
    dialog.save_button.click()
    assert card.contacts.rowCount() == 1
    assert card.reminders.rowCount() == 1  # the call-back
    remind = card.remind_me()
    remind.note.setText("the new menu")
    remind.save()
    assert card.reminders.rowCount() == 2
    notes = {r.note for r in services.customers.card(cid).reminders}
    assert "the new menu" in notes


def test_settings_change_the_status_rules(qtbot, window, services):
    drifting(services, "Anna Petrova", "8 916 123-45-67", days_ago=60)
    from retainer.ui.customers_model import COL_STATUS

    model = window.customers.model
    assert model.data(model.index(0, COL_STATUS)) == "New"
    dialog = window.open_settings()
    assert dialog.lapse.value() == 90
    dialog.lapse.setValue(30)
    dialog.save()
    assert services.settings.lapse_days == 30
    assert model.data(model.index(0, COL_STATUS)) == "Lapsed"
    tip = model.data(model.index(0, COL_STATUS), Qt.ItemDataRole.ToolTipRole)
    assert "No purchase for 60 days" in tip


def test_feedback_from_the_card(qtbot, window, services):
    cid = drifting(services, "Anna Petrova", "8 916 123-45-67", days_ago=5)
    card = window.open_card(cid)
    answer = card.add_answer()
    answer.score.setCurrentIndex(answer.score.findData(4))
    answer.comment.setText("The coffee was cold")
    answer.complaint.setChecked(True)
    answer.save()
    assert card.feedback.rowCount() == 1
    assert card.feedback.data(card.feedback.index(0, 1)) == "4"
    reasons = [r.reason for r in services.customers.card(cid).reminders]
    assert reasons == ["detractor"]  # 4 of 10 books a call-back
    card.feedback_view.selectRow(0)
    resolve = card.resolve_selected()
    resolve.resolution.setText("Free coffee next time")
    resolve.save()
    assert services.customers.card(cid).feedback[0].resolution == "Free coffee next time"
    lost = card.mark_lost()
    lost.save()
    assert "Choose why" in lost.error.text()  # no reason chosen: nothing saved
    lost.reason.setCurrentIndex(lost.reason.findData("price"))
    lost.save()
    assert services.customers.card(cid).status.value == "lost"
    assert card.lost_button.text() == "Won back"
    card.mark_lost()  # "Won back"
    assert services.customers.card(cid).status.value == "new"


def test_feedback_room_lists_answers_with_filters(qtbot, window, services):
    cid = drifting(services, "Anna Petrova", "8 916 123-45-67", days_ago=5)
    room = window.feedback
    assert room.stack.currentWidget() is room.empty
    services.feedback.record(cid, 10, "love it")
    services.feedback.record(cid, 3, "cold coffee", complaint=True)
    assert room.model.rowCount() == 2
    # Each customer counts once, with their latest answer (3): one detractor.
    assert room.nps_line.text() == "NPS -100 — promoters: 0, passives: 0, detractors: 1"
    room.group.setCurrentIndex(room.group.findData("promoters"))
    assert room.model.rowCount() == 1 and room.model.records[0].score == 10
    room.group.setCurrentIndex(0)
    room.unresolved.setChecked(True)
    assert [r.comment for r in room.model.records] == ["cold coffee"]
    room.view.selectRow(0)
    room._open_selected()
    assert window.card.customer_id == cid
