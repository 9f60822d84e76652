"""Loyalty tiers in the base: customers placed and moved, the log, reminders, undo."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from retainer.db.models import Customer, Reminder
from retainer.rules.loyalty import Tier
from retainer.rules.validation import CustomerForm
from retainer.services.loyalty import TierProblems
from tests.conftest import NOW

SILVER = Tier("Silver", 5, min_purchases=3)
GOLD = Tier("Gold", 10, min_spent_cents=5_000, min_purchases=5)


@pytest.fixture
def shop(services):
    services.loyalty.save([SILVER, GOLD])
    return services


def buy(services, cid, n, cents=1000, start=NOW - timedelta(days=60)):
    for i in range(n):
        services.purchases.record(cid, cents, start + timedelta(days=i))


def tier_of(services, cid):
    with services.ctx.read() as s:
        tier_id = s.execute(select(Customer.tier_id).where(Customer.id == cid)).scalar()
    names = {t.id: t.tier.name for t in services.loyalty.tiers()}
    return names.get(tier_id)


def tier_reminders(services, cid):
    with services.ctx.read() as s:
        return s.scalars(select(Reminder.note).where(Reminder.customer_id == cid,
                                                     Reminder.reason == "tier")).all()


def test_buying_moves_a_customer_up_logs_it_and_reminds_to_tell_them(shop):
    anna = shop.customers.create(CustomerForm(name="Anna Petrova"))
    buy(shop, anna, 2)
    assert tier_of(shop, anna) is None
    buy(shop, anna, 1)
    assert tier_of(shop, anna) == "Silver"
    assert tier_reminders(shop, anna) == ["Tell Anna Petrova: now Silver, 5\u00a0% off"]
    buy(shop, anna, 2)  # 5 purchases, 50.00 spent
    assert tier_of(shop, anna) == "Gold"
    assert tier_reminders(shop, anna)[-1] == "Tell Anna Petrova: now Gold, 10\u00a0% off"
    assert [(c.from_tier, c.to_tier) for c in shop.loyalty.changes(anna)] == [
        ("Silver", "Gold"), (None, "Silver")]


def test_undoing_the_purchase_takes_the_move_its_log_line_and_its_reminder_back(shop):
    anna = shop.customers.create(CustomerForm(name="Anna Petrova"))
    buy(shop, anna, 3)
    assert tier_of(shop, anna) == "Silver"
    shop.undo()
    assert tier_of(shop, anna) is None
    assert shop.loyalty.changes(anna) == [] and tier_reminders(shop, anna) == []


def test_deleting_a_purchase_moves_the_customer_down_without_a_reminder(shop):
    anna = shop.customers.create(CustomerForm(name="Anna Petrova"))
    buy(shop, anna, 3)
    card = shop.customers.card(anna)
    shop.purchases.delete(card.purchases[0].id)
    assert tier_of(shop, anna) is None
    assert len(tier_reminders(shop, anna)) == 1  # only the one for moving up
    assert shop.loyalty.changes(anna)[0].to_tier is None


def test_new_tiers_place_everyone_again_without_reminders_and_can_be_undone(shop):
    anna = shop.customers.create(CustomerForm(name="Anna Petrova"))
    boris = shop.customers.create(CustomerForm(name="Boris Orlov"))
    buy(shop, anna, 3)
    buy(shop, boris, 1)
    before = tier_reminders(shop, anna) + tier_reminders(shop, boris)
    found, counts = shop.loyalty.preview([Tier("Regular", 3, min_purchases=1), SILVER])
    assert found == {} and counts == [1, 1]
    assert shop.loyalty.save([Tier("Regular", 3, min_purchases=1), SILVER]) == 1  # Boris
    assert (tier_of(shop, anna), tier_of(shop, boris)) == ("Silver", "Regular")
    assert tier_reminders(shop, anna) + tier_reminders(shop, boris) == before
    shop.undo()
    assert (tier_of(shop, anna), tier_of(shop, boris)) == ("Silver", None)
    assert [t.tier.name for t in shop.loyalty.tiers()] == ["Silver", "Gold"]


def test_contradicting_tiers_are_refused_and_nothing_changes(shop):
    with pytest.raises(TierProblems) as refused:
        shop.loyalty.save([GOLD, Tier("Platinum", 15, min_purchases=2)])
    assert 1 in refused.value.found
    assert [t.tier.name for t in shop.loyalty.tiers()] == ["Silver", "Gold"]
    found, counts = shop.loyalty.preview([GOLD, Tier("Platinum", 15, min_purchases=2)])
    assert 1 in found and counts == []


def test_a_new_base_gets_the_default_tiers_on_its_first_morning_once(services):
    assert services.loyalty.tiers() == []
    services.reminders.generate()
    assert [t.tier.name for t in services.loyalty.tiers()] == ["Silver", "Gold"]
    services.loyalty.save([])  # the owner wants no tiers
    services.reminders.generate()
    assert services.loyalty.tiers() == []


def test_an_imported_history_places_customers_without_reminding(shop, tmp_path):
    from tests.excel import ugly

    rows = [["Name", "Phone", "Purchases", "Total spent"],
            ["Ieva", "+37061234567", "12", "800"], ["Jonas", "+37061234568", "1", "20"]]
    path = ugly.xlsx(tmp_path / "totals.xlsx", rows)
    shop.change_settings(default_region="LT")
    shop.imports.run_to_end(shop.imports.layout(str(path)).plan())
    with shop.ctx.read() as s:
        placed = dict(s.execute(select(Customer.name, Customer.tier_id)).all())
    names = {t.id: t.tier.name for t in shop.loyalty.tiers()}
    assert names[placed["Ieva"]] == "Gold" and placed["Jonas"] is None
    with shop.ctx.read() as s:
        assert s.scalars(select(Reminder).where(Reminder.reason == "tier")).all() == []


def birthday_note(services):
    with services.ctx.read() as s:
        (note,) = s.scalars(select(Reminder.note).where(Reminder.reason == "birthday")).all()
    return note


def test_a_birthday_greets_with_the_tiers_offer(shop):
    anna = shop.customers.create(CustomerForm(name="Anna Petrova",
                                              birthday=date(1990, NOW.month, NOW.day + 3)))
    buy(shop, anna, 3, start=NOW - timedelta(days=30))
    shop.reminders.generate()
    assert birthday_note(shop).endswith(" — Silver: 5\u00a0% off")


def test_a_birthday_on_the_bases_first_morning_greets_with_the_default_tiers_offer(services):
    anna = services.customers.create(CustomerForm(name="Anna Petrova",
                                                  birthday=date(1990, NOW.month, NOW.day + 3)))
    buy(services, anna, 5, start=NOW - timedelta(days=30))  # Silver by the default rules
    assert tier_of(services, anna) is None  # no tiers before the first morning
    services.reminders.generate()
    assert tier_of(services, anna) == "Silver"
    assert birthday_note(services).endswith(" — Silver: 5\u00a0% off")


def test_tenure_reached_overnight_moves_up_with_a_reminder(shop):
    shop.loyalty.save([SILVER, Tier("Loyal", 8, min_purchases=3, min_tenure_days=365)])
    anna = shop.customers.create(CustomerForm(name="Anna Petrova"))
    buy(shop, anna, 3, start=datetime.combine(NOW.date() - timedelta(days=364), NOW.time()))
    assert tier_of(shop, anna) == "Silver"
    shop.ctx.clock = lambda: NOW + timedelta(days=2)
    shop.reminders.generate()
    assert tier_of(shop, anna) == "Loyal"
    assert tier_reminders(shop, anna)[-1] == "Tell Anna Petrova: now Loyal, 8\u00a0% off"


def test_the_list_sorts_and_filters_by_tier_and_the_card_and_the_export_show_it(shop, tmp_path):
    from openpyxl import load_workbook

    from retainer.services import CustomerQuery

    anna = shop.customers.create(CustomerForm(name="Anna Petrova"))
    boris = shop.customers.create(CustomerForm(name="Boris Orlov"))
    shop.customers.create(CustomerForm(name="Clara Nobody"))
    buy(shop, anna, 5, cents=1000)  # Gold
    buy(shop, boris, 3)             # Silver
    gold = next(t.id for t in shop.loyalty.tiers() if t.tier.name == "Gold")
    assert [r.name for r in shop.customers.page(CustomerQuery(tier_id=gold), 0, 10)] == ["Anna Petrova"]
    up = shop.customers.page(CustomerQuery(sort="tier"), 0, 10)
    assert [(r.name, r.tier) for r in up] == [("Clara Nobody", ""), ("Boris Orlov", "Silver"),
                                              ("Anna Petrova", "Gold")]
    down = shop.customers.page(CustomerQuery(sort="tier", descending=True), 0, 10)
    assert [r.name for r in down] == ["Anna Petrova", "Boris Orlov", "Clara Nobody"]
    assert shop.customers.card(anna).tier == "Gold, 10\u00a0% off"
    path = tmp_path / "all.xlsx"
    shop.exports.export_all_to_end(str(path))
    sheet = load_workbook(path, read_only=True)["Customers"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    column = header.index("Tier")
    shown = {r[1]: (r[column] if len(r) > column else None) for r in rows[1:]}
    assert shown == {"Anna Petrova": "Gold", "Boris Orlov": "Silver", "Clara Nobody": None}


def test_a_customer_who_asked_not_to_be_called_moves_up_without_a_reminder(shop):
    anna = shop.customers.create(CustomerForm(name="Anna Petrova", do_not_call=True))
    buy(shop, anna, 3)
    assert tier_of(shop, anna) == "Silver" and tier_reminders(shop, anna) == []


def test_the_first_morning_places_everyone_a_few_at_a_time_giving_way_between(services,
                                                                               monkeypatch):
    import retainer.services.loyalty as module

    regulars = [services.customers.create(CustomerForm(name=f"Regular {i}")) for i in range(5)]
    newcomer = services.customers.create(CustomerForm(name="Newcomer"))
    for cid in regulars:
        buy(services, cid, 5)
    buy(services, newcomer, 1)
    monkeypatch.setattr(module, "MOVES_AT_ONCE", 2)
    turns = []
    assert services.loyalty.settle_all(give_way=lambda: turns.append(1)) == 5
    assert len(turns) == 2  # five moves, two at a time: a turn for the window between steps
    assert [tier_of(services, cid) for cid in regulars] == ["Silver"] * 5
    assert tier_of(services, newcomer) is None
    assert all([(c.from_tier, c.to_tier) for c in services.loyalty.changes(cid)]
               == [(None, "Silver")] for cid in regulars)
    assert all(tier_reminders(services, cid) == [] for cid in regulars)  # the first day: no news
    assert services.loyalty.settle_all(give_way=lambda: turns.append(1)) == 0
    assert len(turns) == 2  # nobody's tier changed: nothing written, no turns


def test_a_stop_asked_while_placing_takes_the_whole_placing_back(services, monkeypatch):
    import retainer.services.loyalty as module

    class Closing(Exception):
        """What the window's give_way raises when the app closes."""

    regulars = [services.customers.create(CustomerForm(name=f"Regular {i}")) for i in range(3)]
    for cid in regulars:
        buy(services, cid, 5)
    monkeypatch.setattr(module, "MOVES_AT_ONCE", 1)

    def stop():
        raise Closing()

    with pytest.raises(Closing):
        services.loyalty.settle_all(give_way=stop)
    assert services.loyalty.tiers() == []  # nothing of that morning was kept
    assert [tier_of(services, cid) for cid in regulars] == [None] * 3
    assert services.loyalty.settle_all() == 3  # the next morning does it all
