from datetime import timedelta

import pytest

from retainer.rules.status import Status
from retainer.rules.validation import CustomerForm, ValidationError
from retainer.services.calls import CallForm
from tests.conftest import NOW

TODAY = NOW.date()


def customer(services, **extra):
    cid = services.customers.create(CustomerForm(name="Anna", phones=["+37061234567"], **extra))
    services.purchases.record(cid, 1000, NOW - timedelta(days=10))
    return cid


def test_answers_are_kept_as_history(services):
    cid = customer(services)
    services.feedback.record(cid, 9, "Great coffee")
    services.feedback.record(cid, 10, "Even better")
    card = services.customers.card(cid)
    # Newest first on the card; the earlier answer is still there.
    assert [(f.nps_score, f.comment) for f in card.feedback] == [(10, "Even better"), (9, "Great coffee")]


@pytest.mark.parametrize("score,called_back", [(6, True), (7, False), (0, True), (None, False)])
def test_a_detractor_answer_books_a_call_back(services, score, called_back):
    cid = customer(services)
    saved = services.feedback.record(cid, score, "said something")
    assert (saved.reminder_id is not None) is called_back
    if called_back:
        (item,) = services.today.today(TODAY + timedelta(days=1)).items
        assert item.reason == "detractor" and f"Answered {score} of 10" in item.why


def test_one_waiting_call_back_per_customer_and_none_for_do_not_call(services):
    cid = customer(services)
    services.feedback.record(cid, 3)
    assert services.feedback.record(cid, 2).reminder_id is None
    quiet = services.customers.create(CustomerForm(name="Quiet", phones=["+37061234568"], do_not_call=True))
    assert services.feedback.record(quiet, 1).reminder_id is None


def test_a_detractor_answer_in_a_call_books_a_call_back_too(services):
    cid = customer(services)
    services.calls.log(cid, CallForm(outcome="reached", nps_score=4))
    reasons = [r.reason for r in services.customers.card(cid).reminders]
    assert reasons == ["detractor"]
    services.undo()
    assert services.customers.card(cid).reminders == []


def test_bad_feedback_is_refused(services):
    cid = customer(services)
    with pytest.raises(ValidationError) as err:
        services.feedback.record(cid, 11)
    assert "score" in err.value.errors
    with pytest.raises(ValidationError):
        services.feedback.record(cid, None, "   ")
    assert services.customers.card(cid).feedback == []


def test_complaint_resolved(services):
    cid = customer(services)
    saved = services.feedback.record(cid, 5, "Cold coffee", complaint=True)
    services.feedback.resolve(saved.feedback_id, "Free coffee next visit")
    (row,) = services.customers.card(cid).feedback
    assert row.is_complaint and row.resolution == "Free coffee next visit"
    services.undo()
    assert services.customers.card(cid).feedback[0].resolution is None


def test_mark_lost_and_win_back(services):
    cid = customer(services)
    services.reminders.add(cid, TODAY + timedelta(days=1), "call about the menu")
    services.feedback.mark_lost(cid, "moved_away", "moved to Kaunas")
    card = services.customers.card(cid)
    assert card.status is Status.LOST
    assert card.feedback[0].churn_reason == "moved_away"
    assert [r.state for r in card.reminders] == ["dismissed"]
    services.feedback.won_back(cid)
    assert services.customers.card(cid).status is Status.NEW
    assert services.customers.card(cid).feedback[0].churn_reason == "moved_away"  # history stays
    with pytest.raises(ValidationError):
        services.feedback.mark_lost(cid, "aliens")


def test_feedback_list_filters(services):
    from retainer.services.feedback import FeedbackQuery

    cid = customer(services)
    services.feedback.record(cid, 10, "love it", given_on=TODAY - timedelta(days=40))
    bad = services.feedback.record(cid, 3, "cold coffee", complaint=True)
    services.feedback.record(cid, 8, "ok")
    everything = services.feedback.page(FeedbackQuery())
    assert [r.score for r in everything] == [8, 3, 10]  # newest first
    assert [r.score for r in services.feedback.page(FeedbackQuery(group="detractors"))] == [3]
    assert [r.score for r in services.feedback.page(FeedbackQuery(unresolved=True))] == [3]
    recent = FeedbackQuery(start=TODAY - timedelta(days=30), end=TODAY + timedelta(days=1))
    assert services.feedback.count(recent) == 2
    services.feedback.resolve(bad.feedback_id, "refunded")
    assert services.feedback.page(FeedbackQuery(unresolved=True)) == []
