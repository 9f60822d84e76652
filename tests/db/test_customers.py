from datetime import date, datetime

import pytest
from sqlalchemy import select

from retainer.db.models import Customer
from retainer.rules.status import Status
from retainer.rules.validation import CustomerForm, ValidationError
from retainer.services import CustomerQuery


def add(services, name="Anna Petrova", phone="8 916 123-45-67", **extra) -> int:
    return services.customers.create(CustomerForm(name=name, phones=[phone] if phone else [], **extra))


def names(services, **query) -> list[str]:
    return [r.name for r in services.customers.page(CustomerQuery(**query), 0, 100)]


def test_create_and_open_the_card(services):
    cid = add(services, email="Anna@Example.com", tags=["VIP", "coffee"], card_number="R100")
    card = services.customers.card(cid)
    assert card.form.name == "Anna Petrova"
    assert card.form.phones == ["+7 916 123-45-67"]
    assert card.form.email == "anna@example.com"
    assert card.form.tags == ["coffee", "VIP"]
    assert card.status is Status.PROSPECT


def test_nothing_is_saved_when_a_field_is_wrong(services):
    with pytest.raises(ValidationError) as err:
        add(services, name="", phone="12")
    assert set(err.value.errors) == {"name", "phones"}
    assert services.is_empty()


def test_a_card_number_belongs_to_one_customer(services):
    add(services, card_number="R100")
    with pytest.raises(ValidationError) as err:
        add(services, name="Jonas", phone="+370 612 34567", card_number="R100")
    assert "Anna Petrova" in err.value.errors["card_number"]
    assert names(services) == ["Anna Petrova"]


@pytest.mark.parametrize("typed", ["89161234567", "916 123", "+7 916 123-45-67", "9161234567",
                                   "anna", "PETROVA", "petrova anna", "anna@example", "r100", "vip"])
def test_search_finds_by_name_phone_email_card_or_tag(services, typed):
    add(services, email="anna@example.com", card_number="R100", tags=["VIP"])
    add(services, name="Jonas Kazlauskas", phone="+370 612 34567")
    assert names(services, text=typed) == ["Anna Petrova"]


def test_search_that_finds_nobody(services):
    add(services)
    assert names(services, text="zzz") == []
    assert services.customers.count(CustomerQuery(text="zzz")) == 0


def test_search_treats_like_wildcards_as_letters(services):
    add(services)
    assert names(services, text="%") == []
    assert names(services, text="_") == []


def test_edit_then_undo_restores_every_field(services):
    cid = add(services, email="anna@example.com", tags=["VIP"])
    services.customers.update(cid, CustomerForm(name="Anna Sidorova", phones=["+370 612 34567"],
                                                tags=["coffee"], do_not_call=True))
    card = services.customers.card(cid)
    assert (card.form.name, card.form.phones, card.form.tags, card.form.do_not_call) == (
        "Anna Sidorova", ["+370 612 34567"], ["coffee"], True)
    assert names(services, text="sidorova") == ["Anna Sidorova"]
    assert services.undo() == "Undo changes to Anna Petrova"
    card = services.customers.card(cid)
    assert (card.form.name, card.form.phones, card.form.email, card.form.tags, card.form.do_not_call) == (
        "Anna Petrova", ["+7 916 123-45-67"], "anna@example.com", ["VIP"], False)
    assert names(services, text="sidorova") == []


def test_trash_restore_and_undo(services):
    anna = add(services)
    add(services, name="Jonas Kazlauskas", phone="+370 612 34567")
    assert services.customers.trash([anna]) == 1
    assert names(services) == ["Jonas Kazlauskas"]
    assert names(services, trash=True) == ["Anna Petrova"]
    assert services.undo() == "Undo delete of Anna Petrova"
    assert names(services) == ["Anna Petrova", "Jonas Kazlauskas"]
    services.customers.trash([anna])
    services.customers.restore([anna])
    assert names(services, trash=True) == []


def test_undo_of_adding_removes_the_customer(services):
    add(services)
    services.undo()
    assert services.is_empty()
    assert services.undo() is None


def test_purchases_keep_the_summary_right(services):
    cid = add(services)
    first = services.purchases.record(cid, 1000, datetime(2026, 1, 10, 10))
    services.purchases.record(cid, 2500, datetime(2026, 2, 9, 10))
    third = services.purchases.record(cid, 500, datetime(2026, 3, 11, 10))
    card = services.customers.card(cid)
    assert (card.purchase_count, card.total_spent_cents) == (3, 4000)
    assert card.first_purchase_at == datetime(2026, 1, 10, 10)
    assert card.last_purchase_at == datetime(2026, 3, 11, 10)
    services.purchases.edit(first, 3000, datetime(2026, 1, 20, 9))
    services.purchases.delete(third)
    card = services.customers.card(cid)
    assert (card.purchase_count, card.total_spent_cents) == (2, 5500)
    assert card.last_purchase_at == datetime(2026, 2, 9, 10)
    services.undo()  # the delete
    services.undo()  # the edit
    card = services.customers.card(cid)
    assert (card.purchase_count, card.total_spent_cents) == (3, 4000)
    with services.ctx.read() as session:
        c = session.get(Customer, cid)
        assert c.median_gap_days == 30.0


@pytest.mark.parametrize("cents,when", [(-100, datetime(2026, 6, 1)), (-1, datetime(2026, 6, 1)),
                                        (10**9, datetime(2026, 6, 1)), (100, datetime(2026, 6, 20))])
def test_bad_purchases_save_nothing(services, cents, when):
    cid = add(services)
    with pytest.raises(ValidationError):
        services.purchases.record(cid, cents, when)
    assert services.customers.card(cid).purchase_count == 0


def test_status_in_the_list_matches_the_rules(services):
    # NOW is 2026-06-15; lapse 90 days, risk factor 2.
    regular = add(services, name="Regular", phone="+370 612 00001")
    for d in (date(2026, 5, 1), date(2026, 5, 11), date(2026, 5, 21), date(2026, 6, 10)):
        services.purchases.record(regular, 1000, datetime.combine(d, datetime.min.time()))
    drifting = add(services, name="Drifting", phone="+370 612 00002")
    for d in (date(2026, 4, 1), date(2026, 4, 11), date(2026, 4, 21)):
        services.purchases.record(drifting, 1000, datetime.combine(d, datetime.min.time()))
    gone = add(services, name="Gone", phone="+370 612 00003")
    services.purchases.record(gone, 1000, datetime(2026, 3, 16))  # 91 days before 15 June
    just_new = add(services, name="Just new", phone="+370 612 00004")
    services.purchases.record(just_new, 1000, datetime(2026, 3, 17))  # 90 days before
    add(services, name="Prospect", phone="+370 612 00005")
    expected = {"Regular": Status.ACTIVE, "Drifting": Status.AT_RISK, "Gone": Status.LAPSED,
                "Just new": Status.NEW, "Prospect": Status.PROSPECT}
    rows = services.customers.page(CustomerQuery(), 0, 100)
    assert {r.name: r.status for r in rows} == expected
    for status in set(expected.values()):
        assert names(services, status=status) == [n for n, s in sorted(expected.items()) if s is status]
    # And the exact as-of computation from raw purchases agrees for the day after.
    assert services.customers.status_as_of(gone, date(2026, 6, 15)) is Status.LAPSED
    assert services.customers.status_as_of(just_new, date(2026, 6, 15)) is Status.NEW


def test_sorting_and_paging(services):
    for i in range(30):
        cid = add(services, name=f"Customer {i:02d}", phone=f"+370 612 {10000 + i}")
        services.purchases.record(cid, 100 * (i + 1), datetime(2026, 6, 1))
    q = CustomerQuery(sort="total_spent", descending=True)
    first = services.customers.page(q, 0, 10)
    second = services.customers.page(q, 10, 10)
    assert [r.name for r in first][:2] == ["Customer 29", "Customer 28"]
    assert second[0].name == "Customer 19"
    assert services.customers.count(q) == 30
    assert {r.id for r in first}.isdisjoint({r.id for r in second})


def test_filter_by_tag(services):
    add(services, tags=["VIP"])
    add(services, name="Jonas", phone="+370 612 34567", tags=["coffee"])
    assert names(services, tag="VIP") == ["Anna Petrova"]
    assert services.customers.tags() == ["coffee", "VIP"]


def test_tags_differing_only_in_case_are_one_tag(services):
    add(services, tags=["VIP"])
    add(services, name="Jonas", phone="+370 612 34567", tags=["vip"])
    assert services.customers.tags() == ["VIP"]
    assert names(services, tag="VIP") == ["Anna Petrova", "Jonas"]


def test_settings_are_typed_and_checked(services):
    assert services.settings.lapse_days == 90
    services.change_settings(lapse_days=30)
    assert services.settings.lapse_days == 30
    with pytest.raises(ValueError):
        services.change_settings(lapse_days=-5)
    with pytest.raises(ValueError):
        services.change_settings(default_region="XX")


def test_every_write_is_announced(services):
    seen = []
    services.changes.subscribe(seen.append)
    cid = add(services)
    services.purchases.record(cid, 100, datetime(2026, 6, 1))
    assert [sorted(c.kinds) for c in seen] == [["customers"], ["customers", "purchases"]]
    assert all(c.customer_ids == {cid} for c in seen)


def test_the_summary_never_drifts_from_the_purchases(services):
    from sqlalchemy import func

    from retainer.db.models import Purchase

    cid = add(services)
    for day in (1, 5, 9):
        services.purchases.record(cid, 100 * day, datetime(2026, 5, day))
    with services.ctx.read() as session:
        count, total = session.execute(
            select(func.count(), func.sum(Purchase.amount_cents)).where(Purchase.customer_id == cid)
        ).one()
        c = session.get(Customer, cid)
        assert (c.purchase_count, c.total_spent_cents) == (count, total)


def test_status_counts_cover_every_customer_once(services):
    a = add(services, name="A", phone="+370 612 00001")
    services.purchases.record(a, 100, datetime(2026, 6, 1))
    add(services, name="B", phone="+370 612 00002")
    c = add(services, name="C", phone="+370 612 00003")
    services.purchases.record(c, 100, datetime(2025, 1, 1))
    counts = services.customers.status_counts()
    assert counts[Status.NEW] == 1 and counts[Status.PROSPECT] == 1 and counts[Status.LAPSED] == 1
    assert sum(counts.values()) == 3


def test_monthly_retention_matches_the_per_period_figures(services):
    from datetime import date as d

    from retainer.services.metrics import month_start

    for i, days in enumerate([(10, 40, 70), (200, 100), (5,), (300, 31, 29)]):
        cid = add(services, name=f"C{i}", phone=f"+370 612 0000{i}")
        for n in days:
            day = d.fromordinal(d(2026, 6, 15).toordinal() - n)
            services.purchases.record(cid, 100, datetime.combine(day, datetime.min.time()))
    months = services.metrics.monthly_retention(6)
    ends = [end for _, end in services.metrics.month_periods(6)]
    for (start, figures), end in zip(months, ends, strict=True):
        assert figures == services.metrics.retention(start, end)
    assert [end for _, end in services.metrics.month_periods(6)][:-1] == [
        month_start(start, 1) for start, _ in months[:-1]]  # full months, then this one so far
    assert ends[-1] == d(2026, 6, 16)


def test_cohorts_and_rfm_from_the_base(services):
    from datetime import date as d

    for i, months in enumerate([(1, 2), (1,), (2, 4), (3, 4, 5)]):
        cid = add(services, name=f"C{i}", phone=f"+370 612 0001{i}")
        for m in months:
            services.purchases.record(cid, 1000 * (i + 1), datetime(2026, m, 10))
    cohorts = services.metrics.cohorts(6)
    assert cohorts[d(2026, 1, 1)][:3] == [1.0, 0.5, 0.0]  # Jan: C0 came back in Feb, C1 never
    assert cohorts[d(2026, 2, 1)][:3] == [1.0, 0.0, 1.0]  # Feb: C2 came back in April
    assert cohorts[d(2026, 3, 1)] == [1.0, 1.0, 1.0, 0.0]  # March to June (today), no further
    assert services.metrics.rfm() == {}  # four buyers: too few to score against each other
    for i in range(21):
        cid = add(services, name=f"D{i}", phone=f"+370 612 002{i:02d}")
        services.purchases.record(cid, 500, datetime(2026, 1 + i % 5, 3))
    segments = services.metrics.rfm()
    assert sum(segments.values()) == 25
