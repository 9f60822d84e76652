"""The files shops really have, imported on the first try: visits paid with points, logs keyed
by a card number, lists with totals instead of purchases, CSV as Excel writes it."""

from datetime import date, datetime

from retainer.services import CustomerQuery
from tests.excel import ugly


def customer_named(services, text):
    (row,) = services.customers.page(CustomerQuery(text=text), 0, 2)
    return services.customers.card(row.id)


def test_a_visit_of_zero_is_kept_and_a_return_is_reported(services, tmp_path):
    # A salon's visit log: a first visit free, a customer who only came on bonus points.
    rows = [["Клиент", "Телефон", "Дата визита", "Сумма"],
            ["Анна Петрова", "8 916 123-45-67", "10.01.2026", 0],
            ["Анна Петрова", "8 916 123-45-67", "10.02.2026", "1 500,00"],
            ["Борис Орлов", "8 903 555-12-34", "05.03.2026", "0,00"],
            ["Борис Орлов", "8 903 555-12-34", "05.04.2026", 0],
            ["Вера Ким", "8 926 777-00-11", "06.04.2026", -500]]
    path = ugly.xlsx(tmp_path / "visits.xlsx", rows)
    report = services.imports.run_to_end(services.imports.layout(str(path)).plan())
    assert (report.customers_added, report.purchases_added) == (2, 4)  # the return row is left out
    anna = customer_named(services, "анна")
    assert anna.first_purchase_at.date() == date(2026, 1, 10)  # the free visit counts as her start
    assert (anna.purchase_count, anna.total_spent_cents) == (2, 150000)
    boris = customer_named(services, "борис")
    assert (boris.purchase_count, boris.total_spent_cents) == (2, 0)
    assert boris.last_purchase_at == datetime(2026, 4, 5, 12)
    (problem,) = report.problems
    assert (problem.row, problem.column, problem.value) == (6, "Сумма", "-500")
    assert "below zero" in problem.message


def test_a_visit_of_zero_is_recorded_by_hand(services):
    from retainer.rules.validation import CustomerForm, ValidationError

    cid = services.customers.create(CustomerForm(name="Anna", phones=["+37061234567"]))
    services.purchases.record(cid, 0, datetime(2026, 6, 1, 10))
    assert services.customers.card(cid).purchase_count == 1
    try:
        services.purchases.record(cid, -100, datetime(2026, 6, 2, 10))
    except ValidationError as exc:
        assert "below zero" in str(exc)
    else:
        raise AssertionError("a negative amount was recorded")
