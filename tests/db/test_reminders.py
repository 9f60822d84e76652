from datetime import date, datetime, timedelta

import pytest

from retainer.db.models import Contact, Reminder
from retainer.rules.validation import CustomerForm, ValidationError
from retainer.services import CustomerQuery
from retainer.services.calls import CallForm
from tests.conftest import NOW

TODAY = NOW.date()


def customer(services, name, *days_ago, phone=None, **extra) -> int:
    """A customer with purchases the given numbers of days before today."""
    number = phone or f"+370 612 {10000 + len(name) * 37 + sum(map(ord, name)) % 9000}"
    cid = services.customers.create(CustomerForm(name=name, phones=[number], **extra))
    for n in sorted(days_ago, reverse=True):
        services.purchases.record(cid, 2000, datetime.combine(TODAY - timedelta(days=n),
                                                              datetime.min.time()) + timedelta(hours=10))
    return cid


def reminders(services, customer_id=None):
    from sqlalchemy import select

    with services.ctx.read() as session:
        stmt = select(Reminder).order_by(Reminder.id)
        if customer_id:
            stmt = stmt.where(Reminder.customer_id == customer_id)
        return session.scalars(stmt).all()


def add_contact(services, customer_id, days_ago):
    with services.ctx.write() as session:
        session.add(Contact(customer_id=customer_id, channel="call", outcome="reached",
                            contacted_at=NOW - timedelta(days=days_ago)))


def test_day_90_is_still_new_day_91_is_lapsed_and_reminded(services):
    day90 = customer(services, "Ninety", 90)
    day91 = customer(services, "Ninety-one", 91)
    made = services.reminders.generate()
    assert made.drifting == 1
    assert [r.customer_id for r in reminders(services)] == [day91]
    assert reminders(services, day91)[0].reason == "lapsed"
    assert reminders(services, day90) == []


def test_at_risk_regular_is_reminded(services):
    cid = customer(services, "Regular", 31, 41, 51)  # gaps of 10 days, silent for 31
    services.reminders.generate()
    assert [r.reason for r in reminders(services, cid)] == ["at_risk"]


def test_generating_twice_creates_nothing_new(services):
    customer(services, "Gone", 120)
    assert services.reminders.generate().total == 1
    assert services.reminders.generate().total == 0
    assert len(reminders(services)) == 1


def test_do_not_call_lost_and_long_gone_are_never_reminded(services):
    customer(services, "Do not call", 120, do_not_call=True)
    customer(services, "Long gone", 181)  # beyond the 180-day win-back window
    lost = customer(services, "Lost", 120)
    with services.ctx.write() as session:
        from retainer.db.models import Customer

        session.get(Customer, lost).lost_at = TODAY
    assert services.reminders.generate().total == 0


@pytest.mark.parametrize("called_days_ago,reminded", [(1, False), (14, False), (15, True)])
def test_cool_down_after_a_contact(services, called_days_ago, reminded):
    cid = customer(services, "Gone", 120)
    add_contact(services, cid, called_days_ago)
    assert (services.reminders.generate().total == 1) is reminded


def test_a_purchase_closes_the_automatic_reminder_and_undo_reopens_it(services):
    cid = customer(services, "Gone", 120)
    services.reminders.generate()
    services.purchases.record(cid, 1500, NOW)
    (r,) = reminders(services, cid)
    assert (r.state, r.closed_by) == ("done", "purchase")
    assert services.today.due_count() == 0
    services.undo()
    assert reminders(services, cid)[0].state == "open"


def test_dismissed_reminder_restarts_the_cadence(services):
    cid = customer(services, "Gone", 120)
    services.reminders.generate()
    services.reminders.dismiss([reminders(services, cid)[0].id])
    assert services.reminders.generate().total == 0
    later = TODAY + timedelta(days=15)
    assert services.reminders.generate(as_of=later).total == 1


def test_snooze_hides_until_the_day_comes(services):
    cid = customer(services, "Gone", 120)
    services.reminders.generate()
    rid = reminders(services, cid)[0].id
    services.reminders.snooze([rid], TODAY + timedelta(days=1))
    assert services.today.due_count() == 0
    assert services.today.due_count(as_of=TODAY + timedelta(days=1)) == 1
    assert [i.reminder_id for i in services.today.today(TODAY + timedelta(days=1)).items] == [rid]
    with pytest.raises(ValidationError):
        services.reminders.snooze([rid], TODAY)
    services.undo()
    assert services.today.due_count() == 1


@pytest.mark.parametrize("born,expected_due", [
    (date(1990, 6, 18), TODAY),                      # in 3 days: remind today
    (date(1990, 6, 19), None),                       # in 4 days: not yet
    (date(1985, 6, 15), TODAY),                      # today
    (date(1985, 6, 14), None),                       # yesterday: passed
])
def test_birthday_reminders_three_days_ahead(services, born, expected_due):
    customer(services, "Birthday", 5, birthday=born)
    services.reminders.generate()
    services.reminders.generate()
    found = [r for r in reminders(services) if r.reason == "birthday"]
    assert [r.due_on for r in found] == ([expected_due] if expected_due else [])


def test_birthday_on_29_february_in_a_common_year(services):
    customer(services, "Leap", 5, birthday=date(1992, 2, 29))
    assert services.reminders.generate(as_of=date(2027, 2, 26)).birthdays == 1
    (r,) = [r for r in reminders(services) if r.reason == "birthday"]
    assert r.note == "Birthday on 28/02"


def test_today_puts_promised_calls_first_then_the_most_valuable(services):
    small = customer(services, "Small spender", 31, 41, 51)
    big = customer(services, "Big spender", 32, 42, 52)
    services.purchases.record(big, 90000, datetime.combine(TODAY - timedelta(days=60), datetime.min.time()))
    promised = customer(services, "Promised", 3)
    services.reminders.generate()
    services.reminders.add(promised, TODAY, "asked to call about the new menu")
    items = services.today.today().items
    assert [i.customer_id for i in items] == [promised, big, small]
    assert items[0].why == "asked to call about the new menu"
    assert "a year" in items[1].rank_hint("EUR", model_fitted=False)
    assert items[1].yearly_spend_cents > items[2].yearly_spend_cents


def test_empty_today(services):
    customer(services, "Happy", 3)
    services.reminders.generate()
    assert services.today.today().items == []


def test_log_a_reached_call_closes_the_reminder_with_its_answers(services):
    cid = customer(services, "Gone", 120)
    services.reminders.generate()
    rid = reminders(services, cid)[0].id
    logged = services.calls.log(cid, CallForm(
        outcome="reached", satisfied=False, satisfaction_comment="Coffee got cold",
        wished_offer="oat milk", referral_name="Ieva", referral_phone="+370 612 99999",
        nps_score=6, notes="will come on Friday"), reminder_id=rid)
    r, call_back = reminders(services, cid)
    assert (r.state, r.closed_by, r.contact_id) == ("done", "contact", logged.contact_id)
    assert (call_back.reason, call_back.state) == ("detractor", "open")  # 6 of 10: call back
    card = services.customers.card(cid)
    assert card.contacts[0].outcome == "reached"
    assert card.feedback[0].nps_score == 6 and card.feedback[0].is_complaint
    referral = services.customers.card(logged.referral_id)
    assert referral.form.name == "Ieva" and referral.form.referred_by_id == cid
    assert referral.form.phones == ["+370 612 99999"]


def test_no_answer_tries_again_tomorrow(services):
    cid = customer(services, "Gone", 120)
    services.reminders.generate()
    rid = reminders(services, cid)[0].id
    services.calls.log(cid, CallForm(outcome="no_answer"), reminder_id=rid)
    (r,) = reminders(services, cid)
    assert (r.state, r.snoozed_until) == ("snoozed", TODAY + timedelta(days=1))
    assert services.today.due_count(as_of=TODAY + timedelta(days=1)) == 1


def test_call_back_needs_a_date(services):
    cid = customer(services, "Gone", 120)
    with pytest.raises(ValidationError) as err:
        services.calls.log(cid, CallForm(outcome="call_back"))
    assert "next_call_on" in err.value.errors
    services.calls.log(cid, CallForm(outcome="reached", next_call_on=TODAY + timedelta(days=7)))
    (r,) = reminders(services, cid)
    assert (r.reason, r.due_on, r.state) == ("manual", TODAY + timedelta(days=7), "open")


def test_stop_calling_and_undo_the_whole_call(services):
    cid = customer(services, "Gone", 120)
    services.reminders.generate()
    rid = reminders(services, cid)[0].id
    services.calls.log(cid, CallForm(outcome="refused", stop_calling=True, referral_name="Jonas"),
                       reminder_id=rid)
    assert services.customers.card(cid).form.do_not_call
    assert reminders(services, cid)[0].state == "done"
    assert services.undo() == "Undo call with Gone"
    card = services.customers.card(cid)
    assert not card.form.do_not_call and card.contacts == []
    assert reminders(services, cid)[0].state == "open"
    assert services.customers.count(CustomerQuery(text="jonas")) == 0


def test_bad_call_answers_are_named(services):
    cid = customer(services, "Gone", 120)
    with pytest.raises(ValidationError) as err:
        services.calls.log(cid, CallForm(outcome="maybe", nps_score=11, referral_phone="12"))
    assert {"outcome", "nps_score", "referral_phone", "referral_name"} <= set(err.value.errors)
    assert services.customers.card(cid).contacts == []


def test_radar_falls_back_without_enough_repeat_customers(services):
    customer(services, "One", 10, 20)
    state = services.radar.refresh()
    assert not state.fitted and state.repeat_customers == 1
    assert services.today.today().model.params is None


def test_radar_fits_a_demo_base_and_caches_until_purchases_change(tmp_path):
    from retainer.demo import make_demo
    from retainer.services import open_retainer

    path = tmp_path / "demo.sqlite"
    make_demo(str(path), 600, 2.0, seed=5)
    services = open_retainer(str(path))
    state = services.radar.refresh()
    assert state.fitted and state.repeat_customers >= 50
    assert services.radar.state().current
    cid = services.customers.page(CustomerQuery(), 0, 1)[0].id
    services.purchases.record(cid, 1000)
    assert not services.radar.state().current
    assert services.radar.refresh().current
    services.close()


def test_drifting_customers_are_reminded_a_slice_of_ids_at_a_time(services, monkeypatch):
    import retainer.services.reminders as module

    gone = [customer(services, f"Gone {i}", 100 + i) for i in range(5)]
    kept = customer(services, "Recent", 5)
    monkeypatch.setattr(module, "ID_SLICE", 2)
    turns = []
    made = services.reminders.generate(give_way=lambda: turns.append(1))
    assert made.drifting == 5
    assert sorted(r.customer_id for r in reminders(services)) == sorted(gone)
    assert reminders(services, kept) == []
    assert len(turns) == 3  # six customers, two ids a slice: a turn for the window after each
    assert services.reminders.generate(give_way=lambda: None).total == 0
