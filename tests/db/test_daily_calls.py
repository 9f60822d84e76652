"""Today holds a day's number of calls: every planned call and birthday, the drifting customers
most worth calling up to the setting, and a count of those who wait their turn."""

import json
from datetime import date, timedelta

from retainer.db.models import Customer
from retainer.rules.status import Status
from retainer.services.calls import CallForm
from retainer.services.today import empty_reason, queue_line
from tests.conftest import NOW
from tests.db.test_reminders import TODAY, customer

AHEAD = TODAY + timedelta(days=1)  # the reminders made today are due from tomorrow on


def drifting_base(services, n: int) -> list[int]:
    """``n`` lapsed customers, customer k spending k times as much as the first (so the
    ranking by value is known), plus a promised call and a birthday."""
    ids = []
    for k in range(1, n + 1):
        cid = customer(services, f"Drifting {k:02}", 200 - k, 120, phone=f"+370 612 {20000 + k}")
        for _ in range(k - 1):
            services.purchases.record(cid, 2000, NOW - timedelta(days=120))
        ids.append(cid)
    services.reminders.generate()
    return ids


def test_today_shows_the_days_number_of_the_best_and_counts_the_rest(services):
    ids = drifting_base(services, 12)
    promised = customer(services, "Promised", 10, phone="+370 612 30001")
    services.reminders.add(promised, AHEAD, "Call about the order")
    services.change_settings(daily_calls=5)
    listing = services.today.today(AHEAD)
    names = [i.name for i in listing.items]
    assert names[0] == "Promised"  # a promised call is always shown, and first
    assert names[1:] == [f"Drifting {k:02}" for k in (12, 11, 10, 9, 8)]  # the five worth most
    assert listing.waiting == 7 and listing.daily_calls == 5
    assert "7 more wait their turn" in queue_line(listing)
    assert services.today.due_count(AHEAD) == 6
    assert len(ids) == 12


def test_promised_calls_and_birthdays_are_shown_beyond_the_number(services):
    services.change_settings(daily_calls=1, birthday_days_ahead=3)
    drifting_base(services, 3)
    for k in range(3):
        cid = customer(services, f"Promised {k}", 10, phone=f"+370 612 3100{k}")
        services.reminders.add(cid, AHEAD, "")
    born = TODAY + timedelta(days=3)
    customer(services, "Birthday", 10, phone="+370 612 32000", birthday=date(1990, born.month, born.day))
    services.reminders.generate()
    reasons = [i.reason for i in services.today.today(AHEAD).items]
    assert reasons.count("manual") == 3 and reasons.count("birthday") == 1
    assert reasons.count("lapsed") == 1


def test_a_call_logged_uses_a_place_a_dismissal_does_not(services):
    services.change_settings(daily_calls=3)
    drifting_base(services, 6)
    services.ctx.clock = lambda: NOW + timedelta(days=1)  # the next morning, the calls are due
    first = services.today.today()
    assert [i.name for i in first.items] == ["Drifting 06", "Drifting 05", "Drifting 04"]
    services.calls.log(first.items[0].customer_id, CallForm(outcome="reached"),
                       reminder_id=first.items[0].reminder_id)
    after_call = services.today.today()
    assert after_call.called_today == 1
    assert [i.name for i in after_call.items] == ["Drifting 05", "Drifting 04"]
    services.reminders.dismiss([after_call.items[0].reminder_id])
    after_dismiss = services.today.today()
    assert [i.name for i in after_dismiss.items] == ["Drifting 04", "Drifting 03"]
    for item in after_dismiss.items:
        services.calls.log(item.customer_id, CallForm(outcome="no_answer"), reminder_id=item.reminder_id)
    done = services.today.today()
    assert done.items == [] and done.called_today == 3 and done.waiting == 2
    assert "Done for today: 3 calls" in empty_reason(done, 14, 180)
    # The next day the places are free again: the two who did not answer are tried again,
    # then the best of those who waited; the one dismissed is gone.
    services.ctx.clock = lambda: NOW + timedelta(days=2)
    next_day = services.today.today()
    assert [i.name for i in next_day.items] == ["Drifting 04", "Drifting 03", "Drifting 02"]
    assert next_day.waiting == 1


def test_remind_prints_the_days_calls_and_how_many_wait(services, base, capsys):
    from retainer.cli import main

    drifting_base(services, 4)
    services.change_settings(daily_calls=2)
    services.close()
    assert main(["remind", "--db", base, "--as-of", AHEAD.isoformat(), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [c["name"] for c in out["calls"]] == ["Drifting 04", "Drifting 03"]
    assert out["waiting"] == 2 and out["daily_calls"] == 2 and out["called_today"] == 0
    assert main(["remind", "--db", base, "--as-of", AHEAD.isoformat()]) == 0
    text = capsys.readouterr().out
    assert "Drifting 04" in text and "Drifting 02" not in text and "2 more wait their turn" in text


def test_an_empty_today_says_what_the_base_really_holds(services):
    # A young base: 3 customers imported without purchases, one who bought today.
    for k in range(3):
        customer(services, f"Prospect {k}", phone=f"+370 612 4000{k}")
    customer(services, "Bought today", 0, phone="+370 612 40100")
    listing = services.today.today()
    assert listing.items == [] and listing.statuses[Status.PROSPECT] == 3
    why = empty_reason(listing, 14, 180)
    assert "3 of your 4 customers have no purchase recorded" in why
    assert "usual pace" in why and "called recently" not in why


def test_an_empty_today_names_drifting_customers_kept_off_the_list(services):
    cid = customer(services, "Do not call", 120, do_not_call=True)
    listing = services.today.today()
    assert listing.items == [] and listing.statuses[Status.LAPSED] == 1
    assert "1 customer is drifting away, but was called or dismissed in the last 14 days, " \
           "is marked do not call" in empty_reason(listing, 14, 180)
    with services.ctx.read() as session:
        assert session.get(Customer, cid).do_not_call
