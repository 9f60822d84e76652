"""Edit → Find duplicates: pairs listed, reviewed field by field, merged, and undone."""

from datetime import date, timedelta

from retainer.rules.dates import format_date
from retainer.rules.validation import CustomerForm
from retainer.services import CustomerQuery
from tests.conftest import NOW


def pair(services):
    anna = services.customers.create(CustomerForm(name="Anna Petrova", phones=["8 916 123-45-67"],
                                                  city="Moscow"))
    copy = services.customers.create(CustomerForm(name="Anna P.", phones=["+7 916 1234567"],
                                                  birthday=date(1990, 5, 1), city="Tver"))
    services.purchases.record(anna, 1000, NOW - timedelta(days=5))
    services.purchases.record(anna, 1000, NOW - timedelta(days=15))
    services.purchases.record(copy, 500, NOW - timedelta(days=2))
    return anna, copy


def opened(qtbot, window):
    (action,) = [a for a in window.menuBar().actions()[1].menu().actions()
                 if a.text() == "Find &duplicates…"]
    action.trigger()
    dialog = window.duplicates_dialog
    qtbot.waitUntil(lambda: dialog.pair is not None)
    return dialog


def test_review_side_by_side_choose_a_field_merge_and_undo(qtbot, window, services):
    anna, copy = pair(services)
    dialog = opened(qtbot, window)
    assert dialog.model.rowCount() == 1
    assert [dialog.model.index(0, c).data() for c in range(3)] == [
        "Anna Petrova", "Anna P.", "the same phone number"]
    # The card with more purchases is kept; where they differ both values are offered.
    assert set(dialog.choices) == {"name", "birthday", "city"}
    assert dialog.choices["name"].checkedButton().text() == "Anna Petrova"
    # An empty field never wins over a filled one: the birthday the copy knows is chosen.
    assert dialog.choices["birthday"].checkedButton().text() == format_date(date(1990, 5, 1))
    dialog.choose("city", from_other=True)
    assert dialog.taken() == {"birthday", "city"}
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert window.statusBar().currentMessage() == \
        "Merged Anna P. into Anna Petrova. Ctrl+Z undoes it."
    form = services.customers.card(anna).form
    assert (form.city, form.birthday) == ("Tver", date(1990, 5, 1))
    (row,) = services.customers.page(CustomerQuery(text="Anna"), 0, 5)
    assert (row.id, row.purchase_count, row.total_spent_cents) == (anna, 3, 2500)
    assert not dialog.merge_button.isEnabled()
    window.undo()
    assert window.statusBar().currentMessage() == \
        "Done: Undo merging Anna P. into Anna Petrova."
    assert {r.id for r in services.customers.page(CustomerQuery(text="Anna"), 0, 5)} == {anna, copy}


def test_swap_keeps_the_other_card_and_skip_leaves_the_pair(qtbot, window, services):
    anna, copy = pair(services)
    dialog = opened(qtbot, window)
    dialog.swap_button.click()
    assert dialog.sides()[0].id == copy
    assert dialog.choices["name"].checkedButton().text() == "Anna P."
    dialog.skip_button.click()
    assert dialog.model.rowCount() == 0 and not dialog.merge_button.isEnabled()
    assert {r.id for r in services.customers.page(CustomerQuery(text="Anna"), 0, 5)} == {anna, copy}


def test_a_card_moved_to_the_trash_meanwhile_is_refused_in_plain_words(qtbot, window, services):
    anna, copy = pair(services)
    dialog = opened(qtbot, window)
    services.customers.trash([copy])  # another till, or the list, while the dialog is open
    dialog.merge_button.click()
    qtbot.waitUntil(dialog.problem.isVisible)
    assert dialog.problem.text() == "Anna P. is in the trash: restore them first, then merge."
    assert services.customers.card(anna).form.city == "Moscow"


def test_with_no_duplicates_it_says_so(qtbot, window, services):
    services.customers.create(CustomerForm(name="Anna"))
    (action,) = [a for a in window.menuBar().actions()[1].menu().actions()
                 if a.text() == "Find &duplicates…"]
    action.trigger()
    dialog = window.duplicates_dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    from PySide6.QtWidgets import QLabel

    (empty,) = [w for w in dialog.findChildren(QLabel) if w.text().startswith("No likely duplicates")]
    assert empty.isVisible() and not dialog.view.isVisible()
    assert not dialog.merge_button.isEnabled()
