"""Settings → Loyalty tiers: edited in a table, counted as typed, contradictions named."""

from datetime import timedelta

from PySide6.QtWidgets import QDialogButtonBox

from retainer.rules.loyalty import Tier
from retainer.rules.validation import CustomerForm
from retainer.ui.tiers_dialog import DAYS, NAME, PLACED, PURCHASES
from tests.conftest import NOW


def buyers(services):
    for name, n in (("Anna", 6), ("Boris", 3), ("Clara", 1)):
        cid = services.customers.create(CustomerForm(name=name))
        for i in range(n):
            services.purchases.record(cid, 1000, NOW - timedelta(days=40 - i))


def opened(qtbot, window, services, tasks):
    services.loyalty.save([Tier("Silver", 5, min_purchases=3), Tier("Gold", 10, min_purchases=6)])
    settings = window.open_settings()
    dialog = settings.open_tiers()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    return dialog


def cell(dialog, row, column):
    return dialog.table.item(row, column).text()


def test_the_tiers_are_shown_highest_first_with_how_many_customers_each_holds(
        qtbot, window, services, tasks):
    buyers(services)
    dialog = opened(qtbot, window, services, tasks)
    assert [cell(dialog, r, NAME) for r in range(2)] == ["Gold", "Silver"]
    qtbot.waitUntil(lambda: cell(dialog, 0, PLACED) == "1" and cell(dialog, 1, PLACED) == "1")
    dialog.table.item(1, PURCHASES).setText("1")  # Silver from the first purchase: Boris, Clara
    qtbot.waitUntil(lambda: cell(dialog, 1, PLACED) == "2")
    assert services.loyalty.tiers()[0].tier.min_purchases == 3  # nothing saved yet


def test_a_contradiction_is_named_in_its_row_and_saving_waits(qtbot, window, services, tasks):
    dialog = opened(qtbot, window, services, tasks)
    dialog.table.item(0, PURCHASES).setText("2")  # Gold below Silver
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.waitUntil(lambda: not save.isEnabled())
    assert "Gold is above Silver but asks for less (purchases)" in dialog.problem.text()
    assert dialog.table.item(0, NAME).toolTip() == dialog.problem.text()
    dialog.table.item(0, DAYS).setText("soon")
    qtbot.waitUntil(lambda: "“soon” is not a whole number of days" in dialog.problem.text())


def test_saving_places_everyone_says_how_many_moved_and_ctrl_z_undoes_it(
        qtbot, window, services, tasks):
    buyers(services)
    dialog = opened(qtbot, window, services, tasks)
    dialog.add_row(Tier("Regular", 2, min_purchases=1), at=2)
    qtbot.waitUntil(lambda: cell(dialog, 2, PLACED) == "1")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [t.tier.name for t in services.loyalty.tiers()] == ["Regular", "Silver", "Gold"]
    assert "1 customer changed tier" in window.statusBar().currentMessage()
    services.undo()
    assert [t.tier.name for t in services.loyalty.tiers()] == ["Silver", "Gold"]


def test_the_card_shows_the_tier_and_its_moves(qtbot, window, services):
    services.loyalty.save([Tier("Silver", 5, min_purchases=3), Tier("Gold", 10, min_purchases=6)])
    cid = services.customers.create(CustomerForm(name="Anna Petrova"))
    for i in range(6):
        services.purchases.record(cid, 1000, NOW - timedelta(days=30 - i))
    card = window.open_card(cid)
    assert "Gold, 10\u00a0% off" in card.summary.text()
    log = card.tier_log
    rows = [[log.data(log.index(r, c)) for c in (1, 2)] for r in range(log.rowCount())]
    assert rows == [["Silver", "Gold"], ["no tier", "Silver"]]
    assert [card.tabs.tabText(i) for i in range(card.tabs.count())][-1] == "Loyalty"
