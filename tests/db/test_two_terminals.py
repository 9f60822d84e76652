"""Two terminals on one base: each test opens the base twice, as two tills would, on SQLite
and on the PostgreSQL server."""

import threading

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from retainer.db.models import Customer
from retainer.rules.validation import CustomerForm
from retainer.services import EditConflict, open_retainer
from tests.conftest import NOW


@pytest.fixture
def second(base, services):
    other = open_retainer(base, clock=lambda: NOW)
    yield other
    other.close()


def anna(services) -> int:
    return services.customers.create(CustomerForm(name="Anna Petrova", phones=["+37061234567"],
                                                  city="Vilnius", email="anna@example.com"))


def edited(card, **changes) -> CustomerForm:
    from dataclasses import replace

    return replace(card.form, **changes)


def test_the_second_to_save_the_same_field_is_told_what_changed_and_nothing_is_lost(services, second):
    cid = anna(services)
    here, there = services.customers.card(cid), second.customers.card(cid)
    second.customers.update(cid, edited(there, city="Kaunas"), there)
    with pytest.raises(EditConflict) as conflict:
        services.customers.update(cid, edited(here, city="Klaipėda"), here)
    (clash,) = conflict.value.clashes
    assert (clash.label, clash.theirs, clash.mine) == ("City", "Kaunas", "Klaipėda")
    assert "Anna Petrova" in str(conflict.value) and "Kaunas" in str(conflict.value)
    assert services.customers.card(cid).form.city == "Kaunas"  # nothing was overwritten


def test_changes_to_different_fields_are_both_kept(services, second):
    cid = anna(services)
    here, there = services.customers.card(cid), second.customers.card(cid)
    second.customers.update(cid, edited(there, city="Kaunas"), there)
    services.customers.update(cid, edited(here, phones=["+370 600 00001"], notes="Likes oat milk"),
                              here)
    card = second.customers.card(cid)
    assert card.form.city == "Kaunas"
    assert card.form.phones == ["+370 600 00001"] and card.form.notes == "Likes oat milk"
    assert card.version > there.version


def test_the_same_change_on_both_is_no_conflict(services, second):
    cid = anna(services)
    here, there = services.customers.card(cid), second.customers.card(cid)
    second.customers.update(cid, edited(there, email="anna.p@example.com"), there)
    services.customers.update(cid, edited(here, email="anna.p@example.com"), here)
    assert services.customers.card(cid).form.email == "anna.p@example.com"


@pytest.mark.parametrize("keep,city", [("mine", "Klaipėda"), ("theirs", "Kaunas")])
def test_the_owner_chooses_whose_value_stays(services, second, keep, city):
    cid = anna(services)
    here, there = services.customers.card(cid), second.customers.card(cid)
    second.customers.update(cid, edited(there, city="Kaunas", notes="Called on Monday"), there)
    mine = edited(here, city="Klaipėda", email="anna.p@example.com")
    with pytest.raises(EditConflict) as conflict:
        services.customers.update(cid, mine, here)
    services.customers.update(cid, mine, here, keep=(conflict.value.version, keep))
    card = second.customers.card(cid)
    assert card.form.city == city
    # Either way, each side's change to a field the other left alone stays.
    assert card.form.notes == "Called on Monday" and card.form.email == "anna.p@example.com"


def test_an_answer_given_to_an_older_conflict_does_not_save_over_a_newer_change(services, second):
    cid = anna(services)
    here, there = services.customers.card(cid), second.customers.card(cid)
    second.customers.update(cid, edited(there, city="Kaunas"), there)
    mine = edited(here, city="Klaipėda")
    with pytest.raises(EditConflict) as conflict:
        services.customers.update(cid, mine, here)
    again = second.customers.card(cid)
    second.customers.update(cid, edited(again, city="Šiauliai"), again)
    with pytest.raises(EditConflict) as newer:
        services.customers.update(cid, mine, here, keep=(conflict.value.version, "mine"))
    assert newer.value.clashes[0].theirs == "Šiauliai"
    assert services.customers.card(cid).form.city == "Šiauliai"


def test_a_purchase_at_the_other_till_does_not_stop_a_card_being_saved(services, second):
    cid = anna(services)
    here = services.customers.card(cid)
    second.purchases.record(cid, 450, NOW)
    services.customers.update(cid, edited(here, city="Kaunas"), here)
    card = second.customers.card(cid)
    assert card.form.city == "Kaunas" and card.purchase_count == 1


def test_two_sessions_writing_the_same_row_the_second_is_refused(services, second):
    """Below the services: two sessions hold the customer read at the same version, and each
    writes it. The second write finds the version moved on and fails instead of overwriting."""
    cid = anna(services)
    first = services.ctx.db.sessions()
    other = second.ctx.db.sessions()
    try:
        a = first.get(Customer, cid)
        b = other.get(Customer, cid)
        other.commit()  # the read ends; b keeps what it read (SQLite's writer waits otherwise)
        assert a.version == b.version
        a.city = "Kaunas"
        first.commit()
        b.city = "Klaipėda"
        with pytest.raises(StaleDataError):
            other.commit()
        other.rollback()
    finally:
        first.close()
        other.close()
    assert services.customers.card(cid).form.city == "Kaunas"


def test_saving_from_two_threads_at_once_loses_neither_change(services, second):
    cid = anna(services)
    here, there = services.customers.card(cid), second.customers.card(cid)
    start = threading.Barrier(2)
    failed = []

    def save(retainer, card, **changes):
        start.wait()
        try:
            retainer.customers.update(cid, edited(card, **changes), card)
        except Exception as exc:  # noqa: BLE001 - collected and checked below
            failed.append(exc)

    threads = [threading.Thread(target=save, args=(services, here), kwargs={"city": "Kaunas"}),
               threading.Thread(target=save, args=(second, there), kwargs={"notes": "VIP"})]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert failed == []
    with services.ctx.read() as s:
        city, notes = s.execute(select(Customer.city, Customer.notes).where(Customer.id == cid)).one()
    assert (city, notes) == ("Kaunas", "VIP")


def heard_by(retainer) -> list:
    heard = []
    retainer.changes.subscribe(heard.append)
    return heard


def wait_for(condition, seconds=5.0):
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.postgresql_only
def test_another_terminals_change_is_heard_within_seconds(services, second):
    import time

    from retainer.events import CUSTOMERS, PURCHASES

    assert services.follow_other_terminals()
    heard = heard_by(services)
    own = heard_by(second)
    time.sleep(0.3)  # the listening connection is open
    cid = anna(second)
    started = time.monotonic()
    second.purchases.record(cid, 450, NOW)
    assert wait_for(lambda: any(PURCHASES in c.kinds and cid in c.customer_ids for c in heard))
    assert time.monotonic() - started < 3
    assert any(CUSTOMERS in c.kinds for c in heard)
    # Each terminal hears its own changes once, from itself, never back from the server.
    assert len(own) == 2 and services.ctx.feed.heard == 2


@pytest.mark.postgresql_only
def test_a_settings_change_elsewhere_is_taken_up(services, second):
    assert services.follow_other_terminals()
    wait_for(lambda: False, 0.3)
    second.change_settings(lapse_days=60)
    assert wait_for(lambda: services.settings.lapse_days == 60)


@pytest.mark.postgresql_only
def test_a_lost_connection_is_opened_again_and_everything_refreshed(services, second):
    from sqlalchemy import text

    from retainer.events import EVERY_KIND

    assert services.follow_other_terminals()
    heard = heard_by(services)
    wait_for(lambda: False, 0.3)
    with second.ctx.db.engine.connect() as conn:  # the server drops the listening connection
        dropped = conn.execute(text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' "
            "AND datname = current_database()")).all()
    assert dropped
    assert wait_for(lambda: any(c.kinds == frozenset(EVERY_KIND) for c in heard), 10)
    cid = anna(second)
    assert wait_for(lambda: any(cid in c.customer_ids for c in heard))


@pytest.mark.sqlite_only
def test_on_sqlite_there_is_no_feed(services):
    assert services.follow_other_terminals() is False and services.ctx.feed is None
