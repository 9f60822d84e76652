from datetime import datetime

from PySide6.QtCore import Qt

from retainer.rules.status import Status
from retainer.rules.validation import CustomerForm
from retainer.services import CustomerQuery
from retainer.ui.customers_model import COL_NAME, COL_PHONE, COL_STATUS, COL_TOTAL, CustomersModel


def cell(window, row, col):
    model = window.customers.model
    return model.data(model.index(row, col))


def add(services, name, phone, **extra):
    return services.customers.create(CustomerForm(name=name, phones=[phone], **extra))


def test_empty_base_says_what_to_do(window):
    screen = window.customers
    assert screen.stack.currentWidget() is screen.empty
    assert screen.empty.title.text() == "No customers yet"
    assert screen.empty.add_button.isVisible() and screen.empty.demo_button.isVisible()


def test_create_a_customer_through_the_card(qtbot, window, services):
    card = window.open_card(None)
    qtbot.keyClicks(card.form.name, "Anna Petrova")
    qtbot.keyClicks(card.form.phone, "8 916 123-45-67")
    qtbot.keyClicks(card.form.tags, "VIP")
    card.save_button.click()
    assert card.customer_id is not None
    assert card.headline.text() == "Anna Petrova"
    assert window.customers.model.rowCount() == 1
    assert cell(window, 0, COL_NAME) == "Anna Petrova"
    assert cell(window, 0, COL_PHONE) == "+7 916 123-45-67"
    assert cell(window, 0, COL_STATUS) == "Prospect"
    assert window.customers.count_label.text() == "1 customer"


def test_bad_fields_show_messages_beside_them_and_save_nothing(qtbot, window, services):
    card = window.open_card(None)
    qtbot.keyClicks(card.form.phone, "12")
    qtbot.keyClicks(card.form.email, "anna@")
    card.save_button.click()
    assert card.form.errors["name"].text() == "Enter the customer's name."
    assert "“12”" in card.form.errors["phones"].text()
    assert card.form.errors["email"].isVisibleTo(card)
    assert services.is_empty()
    card.form.birthday.setText("31.02.1990")
    card.save_button.click()
    assert "not a real date" in card.form.errors["birthday"].text()


def test_search_as_you_type(qtbot, window, services):
    add(services, "Anna Petrova", "8 916 123-45-67")
    add(services, "Jonas Kazlauskas", "+370 612 34567")
    window.customers.refresh()
    assert window.customers.model.rowCount() == 2
    qtbot.keyClicks(window.customers.search, "916 123")
    assert window.customers.model.rowCount() == 1
    assert cell(window, 0, COL_NAME) == "Anna Petrova"
    window.customers.search.clear()
    qtbot.keyClicks(window.customers.search, "nobody here")
    assert window.customers.stack.currentWidget() is window.customers.empty
    assert "nobody here" in window.customers.empty.text.text()


def test_edit_a_customer(qtbot, window, services):
    cid = add(services, "Anna Petrova", "8 916 123-45-67")
    card = window.open_card(cid)
    assert card.form.name.text() == "Anna Petrova"
    card.form.name.selectAll()
    qtbot.keyClicks(card.form.name, "Anna Sidorova")
    assert card.dirty
    card.save_button.click()
    assert not card.dirty
    assert services.customers.card(cid).form.name == "Anna Sidorova"
    assert cell(window, 0, COL_NAME) == "Anna Sidorova"


def test_closing_with_unsaved_changes_asks(qtbot, window, services, answers):
    cid = add(services, "Anna Petrova", "8 916 123-45-67")
    card = window.open_card(cid)
    qtbot.keyClicks(card.form.city, "Vilnius")
    card.reject()
    assert answers and answers[-1][0] == "question"
    assert services.customers.card(cid).form.city == ""  # the fake answer was Discard


def test_trash_with_delete_and_undo_with_ctrl_z(qtbot, window, services):
    add(services, "Anna Petrova", "8 916 123-45-67")
    add(services, "Jonas Kazlauskas", "+370 612 34567")
    window.customers.refresh()
    view = window.customers.view
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.customers.model.rowCount() == 1
    assert cell(window, 0, COL_NAME) == "Jonas Kazlauskas"
    assert "trash" in window.statusBar().currentMessage()
    assert window.undo_action.text() == "Undo delete of Anna Petrova"
    window.undo_action.trigger()
    assert window.customers.model.rowCount() == 2
    assert window.statusBar().currentMessage() == "Done: Undo delete of Anna Petrova."


def test_trash_view_restores(qtbot, window, services):
    cid = add(services, "Anna Petrova", "8 916 123-45-67")
    services.customers.trash([cid])
    window.customers.trash.setChecked(True)
    assert window.customers.restore_button.isVisible()
    window.customers.view.selectRow(0)
    window.customers.restore_button.click()
    window.customers.trash.setChecked(False)
    assert cell(window, 0, COL_NAME) == "Anna Petrova"
    assert window.customers.add_button.isVisible() and not window.customers.restore_button.isVisible()


def test_the_first_letter_typed_leaves_the_buttons_as_they_are(qtbot, window, services):
    """Showing a button that is shown already lays the whole window out again, and the list
    is repainted before its new rows come: the first keystroke of a search must not."""
    from PySide6.QtCore import QEvent, QObject

    add(services, "Anna Petrova", "8 916 123-45-67")
    window.customers.refresh()
    seen = []

    class Watch(QObject):
        def eventFilter(self, watched, event):
            if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
                seen.append((watched.text(), event.type()))
            return False

    watch = Watch()
    for button in (window.customers.add_button, window.customers.restore_button):
        button.installEventFilter(watch)
    qtbot.keyClicks(window.customers.search, "an")
    assert cell(window, 0, COL_NAME) == "Anna Petrova"
    assert seen == []


def test_purchase_in_two_keystrokes(qtbot, window, services):
    cid = add(services, "Anna Petrova", "8 916 123-45-67")
    card = window.open_card(cid, focus_purchase=True)
    assert card.amount.hasFocus() or card.focusWidget() is card.amount
    qtbot.keyClicks(card.amount, "12,50")
    qtbot.keyClick(card.amount, Qt.Key.Key_Return)
    assert card.purchases.rowCount() == 1
    assert services.customers.card(cid).total_spent_cents == 1250
    assert cell(window, 0, COL_TOTAL) == "€12.50"
    assert cell(window, 0, COL_STATUS) == "New"
    qtbot.keyClicks(card.amount, "-5")
    qtbot.keyClick(card.amount, Qt.Key.Key_Return)
    assert "below zero" in card.purchase_error.text()
    assert services.customers.card(cid).purchase_count == 1


def test_filter_by_status(qtbot, window, services):
    anna = add(services, "Anna Petrova", "8 916 123-45-67")
    services.purchases.record(anna, 1000, datetime(2026, 6, 1))
    add(services, "Jonas Kazlauskas", "+370 612 34567")
    window.customers.show_only(status=Status.NEW)
    assert window.customers.model.rowCount() == 1
    assert cell(window, 0, COL_NAME) == "Anna Petrova"


def test_model_pages_and_sorts_without_a_view(services, tasks):
    for i in range(450):
        services.customers.create(CustomerForm(name=f"Customer {i:03d}"))
    model = CustomersModel(services, tasks)
    model.set_query(CustomerQuery())
    assert (model.rowCount(), model.total) == (200, 450)
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450 and not model.canFetchMore()
    model.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, COL_NAME)) == "Customer 449"


def test_a_cells_painting_gets_in_one_call_what_each_role_would_answer(services, tasks):
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    anna = add(services, "Anna Petrova", "8 916 123-45-67")
    services.purchases.record(anna, 123456, datetime(2026, 6, 1, 10, 30))
    add(services, "Jonas Kazlauskas", "+370 612 34567", tags=["VIP"])
    model = CustomersModel(services, tasks)
    model.set_query(CustomerQuery())
    painted = [Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
               Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.CheckStateRole,
               Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.DisplayRole,
               Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole]
    answered = set()
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            for role in painted:
                item = QModelRoleData(int(role))
                item.setData("what the cell before answered")
                model.multiData(index, QModelRoleDataSpan(item))
                assert item.data() == model.data(index, role), (row, col, role)
                if item.data() is not None:
                    answered.add(role)
    assert answered == {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
                        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole}
    assert model.data(model.index(0, COL_TOTAL)) == "€1,234.56"

    services.customers.update(anna, CustomerForm(name="Anna Sidorova", phones=["8 916 123-45-67"]))
    model.reload()  # the cells shown are made again from the new rows
    names = [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]
    assert "Anna Sidorova" in names and "Anna Petrova" not in names


def test_correct_a_purchase_and_pick_who_referred(qtbot, window, services):
    jonas = add(services, "Jonas Kazlauskas", "+370 612 34567")
    anna = add(services, "Anna Petrova", "8 916 123-45-67")
    services.purchases.record(anna, 1000, datetime(2026, 6, 1, 10, 30))
    card = window.open_card(anna)
    card.edit_purchase(card.purchases.index(0, 0))
    assert card.amount.text() == "10.00" and card.purchase_date.text() == "01/06/2026"
    card.amount.setText("15")
    card.purchase_date.setText("02.06.2026")
    qtbot.keyClick(card.amount, Qt.Key.Key_Return)
    row = services.customers.card(anna).purchases[0]
    assert (row.amount_cents, row.purchased_at) == (1500, datetime(2026, 6, 2, 10, 30))
    assert card.add_purchase_button.text() == "Add purchase"

    picker = card.referrer
    qtbot.keyClicks(picker.edit, "kazl")
    picker._search()  # what the typing pause triggers
    assert picker.suggestions.stringList() == ["Jonas Kazlauskas — +370 612 34567"]
    picker.completer.activated[str].emit("Jonas Kazlauskas — +370 612 34567")
    card.save_button.click()
    saved = services.customers.card(anna)
    assert (saved.form.referred_by_id, saved.referred_by_name) == (jonas, "Jonas Kazlauskas")


def test_a_referrer_typed_but_not_picked_is_named(qtbot, window, services):
    anna = add(services, "Anna Petrova", "8 916 123-45-67")
    card = window.open_card(anna)
    qtbot.keyClicks(card.referrer.edit, "somebody")
    card.save_button.click()
    assert "Pick the customer from the list" in card.form.errors["referred_by_id"].text()
    assert services.customers.card(anna).form.referred_by_id is None


def test_window_size_and_columns_are_remembered(qtbot, services, tasks, answers):
    from retainer.ui.main_window import MainWindow

    first = MainWindow(services, tasks)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)  # the offscreen screen is 800 x 600
    first.customers.view.horizontalHeader().resizeSection(COL_NAME, 333)
    first.close()
    second = MainWindow(services, tasks)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (760, 560)
    assert second.customers.view.horizontalHeader().sectionSize(COL_NAME) == 333


def test_the_end_of_the_session_keeps_unsaved_cards_for_the_next_start(qtbot, window, services, answers,
                                                                         monkeypatch):
    # What Qt's commitDataRequest (logout, shutdown) and SIGTERM both call.
    from PySide6.QtWidgets import QApplication, QMessageBox

    from retainer.paths import data_dir
    from retainer.services.drafts import DraftStore
    from retainer.ui.app import Launcher

    cid = services.customers.create(CustomerForm(name="Anna Petrova", phones=["+79161234567"]))
    card = window.open_card(cid)
    card.form.city.setText("Kazan")
    card.form.edited.emit()
    launcher = Launcher(QApplication.instance(), False, None)
    launcher.window = window
    launcher.end_of_session(None)
    drafts = DraftStore(data_dir(), services.ctx.db.location).load()
    assert [(d.customer_id, d.name, d.fields["city"]) for d in drafts] == [(cid, "Anna Petrova", "Kazan")]
    assert not card.isVisible()  # closed without asking: the session is ending
    assert services.customers.card(cid).form.city == ""
    # The next start offers them back; "No" forgets them.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.offer_drafts()
    assert DraftStore(data_dir(), services.ctx.db.location).load() == []


def test_the_count_is_under_way_when_the_rows_are_announced(qtbot, services):
    """What waits for the list's own reads (the filters' choices, the call list) must see
    the count of a full page as under way once the rows are in."""
    from retainer.ui.lanes import COUNT
    from retainer.ui.tasks import Tasks

    for i in range(250):
        services.customers.create(CustomerForm(name=f"Customer {i:03d}"))
    tasks = Tasks()
    try:
        model = CustomersModel(services, tasks)
        seen, counted = [], []
        model.loaded.connect(lambda: seen.append(tasks.reads_under_way((COUNT,))))
        model.counted.connect(counted.append)
        model.set_query(CustomerQuery())
        qtbot.waitUntil(lambda: bool(counted), timeout=10_000)
        assert seen == [True] and counted == [250]
    finally:
        tasks.shutdown()
