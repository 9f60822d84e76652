from datetime import date

import pytest
from sqlalchemy import func, select

from retainer.db.models import Customer, Purchase
from retainer.excel.reader import FileProblem
from retainer.rules.validation import CustomerForm
from retainer.services import CustomerQuery
from retainer.services.imports import MERGE, SKIP, UPDATE
from tests.excel import ugly


def counts(services):
    with services.ctx.read() as s:
        return (s.execute(select(func.count(Customer.id))).scalar_one(),
                s.execute(select(func.count(Purchase.id))).scalar_one())


def plan_for(services, path, **choices):
    return services.imports.layout(str(path)).plan(**choices)


def test_layout_finds_the_header_below_title_rows(services, tmp_path):
    layout = services.imports.layout(str(ugly.xlsx(tmp_path / "list.xlsx", ugly.CUSTOMERS, merge="A1:E1")))
    assert layout.header_row == 2
    assert layout.headers == ["ФИО", "Телефон", "E-mail", "Дата рождения", "Карта"]
    assert layout.mapping == {0: "name", 1: "phone", 2: "email", 3: "birthday", 4: "card_number"}
    assert not layout.remembered


def test_merged_header_cells_take_the_merged_title(services, tmp_path):
    rows = [["Клиент", None, "Контакты", None], ["ФИО", None, "Телефон", "E-mail"],
            ["Анна", None, "+79161234567", "a@example.com"]]
    path = ugly.xlsx(tmp_path / "m.xlsx", rows, merge="A2:B2")
    layout = services.imports.layout(str(path))
    assert layout.header_row == 1
    assert layout.mapping[2] == "phone" and layout.mapping[3] == "email"


def test_preview_shows_rows_as_they_will_be_saved(services, tmp_path):
    path = ugly.xlsx(tmp_path / "list.xlsx", ugly.CUSTOMERS)
    preview = services.imports.preview(plan_for(services, path))
    (anna, p1), (jonas, p2), (oliver, p3) = preview
    assert (anna.name, anna.phones, anna.birthday, anna.card_number) == (
        "Анна Петрова", ["+79161234567"], date(1990, 5, 17), "1001")
    assert (jonas.phones, jonas.birthday) == (["+37061234567"], date(1985, 12, 31))
    assert oliver.phones == ["+447400123456"] and oliver.birthday == date(1990, 1, 1)  # serial 32874
    assert (anna.row, jonas.row, oliver.row) == (4, 5, 7)  # the blank row 6 is skipped
    assert not (p1 or p2 or p3)


def test_test_run_lists_problems_and_saves_nothing(services, tmp_path):
    rows = [["Имя", "Телефон", "E-mail", "Дата рождения"],
            ["Анна", "12", "anna@", "31.02.1990"],
            ["Jonas", "+370 612 34567", "", "2030-01-01"],
            ["Oliver", "+44 7400 123456", "o@example.com", "1.1.1990"]]
    path = ugly.xlsx(tmp_path / "bad.xlsx", rows)
    report = services.imports.run_to_end(plan_for(services, path), dry_run=True)
    found = {(p.row, p.column, p.value) for p in report.problems}
    assert found == {(2, "Телефон", "12"), (2, "E-mail", "anna@"), (2, "Дата рождения", "31.02.1990"),
                     (3, "Дата рождения", "2030-01-01")}
    assert report.customers_added == 1  # Oliver: what the real import would add
    assert counts(services) == (0, 0)


def test_import_then_again_adds_nothing(services, tmp_path):
    path = ugly.xlsx(tmp_path / "list.xlsx", ugly.CUSTOMERS)
    first = services.imports.run_to_end(plan_for(services, path))
    assert (first.customers_added, first.rows) == (3, 3)
    second = services.imports.run_to_end(plan_for(services, path))
    assert (second.customers_added, second.skipped) == (0, 3)
    assert counts(services) == (3, 0)
    card = services.customers.card(services.customers.page(CustomerQuery(text="анна"), 0, 1)[0].id)
    assert card.form.email == "anna@example.com" and card.form.card_number == "1001"


def indexes_of(services, *tables) -> list[str]:
    """The indexes of the tables, as the database lists them (SQLite or PostgreSQL)."""
    from sqlalchemy import inspect

    with services.ctx.read() as s:
        found = inspect(s.connection())
        return sorted(ix["name"] for table in tables for ix in found.get_indexes(table))


@pytest.mark.sqlite_only  # a backup is a copy of the SQLite file; a server keeps its own
def test_an_import_backs_the_base_up_first_and_a_test_run_does_not(services, tmp_path, db_path):
    from retainer.db import backups

    services.customers.create(CustomerForm(name="Boris Orlov"))
    path = ugly.xlsx(tmp_path / "list.xlsx", ugly.CUSTOMERS)
    services.imports.run_to_end(plan_for(services, path), dry_run=True)
    assert backups.listed(db_path.parent / "backups") == []
    services.imports.run_to_end(plan_for(services, path))
    (before,) = backups.listed(db_path.parent / "backups")
    assert before.reason == "import" and backups.customer_count(before.path) == 1
    assert counts(services)[0] == 4


@pytest.mark.sqlite_only
def test_an_import_that_cannot_back_up_first_imports_nothing(services, tmp_path, db_path):
    (db_path.parent / "backups").write_text("a file where the backups folder would be")
    path = ugly.xlsx(tmp_path / "list.xlsx", ugly.CUSTOMERS)
    from retainer.services.backups import BackupProblem

    with pytest.raises(BackupProblem, match="Could not write a backup"):
        services.imports.run_to_end(plan_for(services, path))
    assert counts(services) == (0, 0)


@pytest.mark.parametrize("policy,email,city", [(SKIP, "old@example.com", "Vilnius"),
                                               (UPDATE, "anna@example.com", "Kaunas"),
                                               (MERGE, "old@example.com", "Vilnius")])
def test_duplicates_against_the_base(services, tmp_path, policy, email, city):
    cid = services.customers.create(CustomerForm(name="Anna P.", phones=["+79161234567"],
                                                 email="old@example.com", city="Vilnius"))
    rows = [["ФИО", "Телефон", "E-mail", "Город", "Теги"],
            ["Анна Петрова", "89161234567", "anna@example.com", "Kaunas", "VIP"]]
    path = ugly.xlsx(tmp_path / "dup.xlsx", rows)
    report = services.imports.run_to_end(plan_for(services, path, duplicates=policy))
    assert [d.in_base for d in report.duplicates] == [True]
    card = services.customers.card(cid)
    assert (card.form.email, card.form.city) == (email, city)
    assert ("VIP" in card.form.tags) is (policy != SKIP)
    assert counts(services)[0] == 1


def test_duplicates_within_the_file_row_by_row(services, tmp_path):
    rows = [["Name", "Phone", "City"], ["Anna", "+37061234567", "Vilnius"],
            ["Anna P.", "+370 612 34567", "Kaunas"], ["Anna Petrova", "8 612 34567", "Klaipėda"]]
    path = ugly.xlsx(tmp_path / "dup.xlsx", rows)
    services.change_settings(default_region="LT")
    plan = plan_for(services, path, duplicates=SKIP, row_choices={4: UPDATE})
    report = services.imports.run_to_end(plan)
    assert [(d.row, d.in_base) for d in report.duplicates] == [(3, False), (4, False)]
    assert report.customers_added == 1 and report.skipped == 1
    (row,) = services.customers.page(CustomerQuery(), 0, 10)
    assert row.name == "Anna Petrova"
    assert services.customers.card(row.id).form.city == "Klaipėda"


def test_flat_file_one_row_per_purchase(services, tmp_path):
    path = ugly.purchases_log(tmp_path / "sales.xlsx", n=3)
    layout = services.imports.layout(str(path))
    assert set(layout.mapping.values()) == {"purchase_date", "name", "phone", "amount", "items"}
    report = services.imports.run_to_end(layout.plan())
    assert (report.customers_added, report.purchases_added) == (2, 4)
    anna = services.customers.page(CustomerQuery(text="анна"), 0, 1)[0]
    assert (anna.purchase_count, anna.total_spent_cents) == (3, 370350)
    again = services.imports.run_to_end(services.imports.layout(str(path)).plan())
    assert again.purchases_added == 0 and counts(services) == (2, 4)


def test_purchases_sheet_linked_by_phone(services, tmp_path):
    from retainer.services.imports import LinkedSheet

    path = ugly.xlsx(tmp_path / "two.xlsx", [["Name", "Phone"], ["Anna", "+79161234567"]],
                     title="Customers", extra_sheets={"Sales": [
                         ["Phone", "Date", "Amount"], ["+7 916 123-45-67", "01.05.2026", "10,50"],
                         ["+7 999 000-00-00", "02.05.2026", "5"]]})
    layout = services.imports.layout(str(path))
    plan = layout.plan()
    plan.purchases = LinkedSheet("Sales", 0, {0: "phone", 1: "purchase_date", 2: "amount"})
    report = services.imports.run_to_end(plan)
    assert (report.customers_added, report.purchases_added) == (1, 1)
    assert [p.message for p in report.problems] == [
        "No customer with this code, card number, phone or e-mail."]


def test_cancel_midway_changes_nothing(services, tmp_path):
    path = ugly.purchases_log(tmp_path / "sales.xlsx", n=20)
    steps = services.imports.run(services.imports.layout(str(path)).plan())
    progress = next(steps)
    while progress.done <= progress.total // 2:  # until the writing has begun
        progress = next(steps)
    steps.close()  # what Cancel does
    assert counts(services) == (0, 0)
    assert services.imports.history() == []


def test_cancel_while_customers_are_inserted_changes_nothing(services, tmp_path, monkeypatch):
    from retainer.services.imports import apply

    def index_names():
        return indexes_of(services, "customers")

    before = index_names()
    monkeypatch.setattr(apply, "DEFER_INDEXES_FROM", 2)  # the large-load path, indexes set aside
    monkeypatch.setattr(apply, "INSERT_CHUNK", 10)
    inserted = []
    real = apply.bulk_insert
    monkeypatch.setattr(apply, "bulk_insert", lambda c, table, rows: (
        inserted.append(len(rows)) if table.name == "customers" else None, real(c, table, rows)))
    lines = [["Name", "Phone"]] + [[f"Customer {i}", f"+370 612 {10000 + i}"] for i in range(40)]
    path = ugly.xlsx(tmp_path / "many.xlsx", lines)
    steps = services.imports.run(plan_for(services, path))
    while not inserted:
        next(steps)  # stops at the progress report after the first chunk of ten
    assert inserted == [10]
    steps.close()  # Cancel, with 30 customers still to insert
    assert counts(services) == (0, 0) and services.imports.history() == []
    assert index_names() == before


def test_a_failure_midway_changes_nothing(services, tmp_path, monkeypatch):
    from retainer.services.imports import apply

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(apply, "close_automatic_on_purchase", broken)
    services.customers.create(CustomerForm(name="Anna", phones=["+79161234567"]))
    path = ugly.purchases_log(tmp_path / "sales.xlsx")
    with pytest.raises(OSError):
        services.imports.run_to_end(services.imports.layout(str(path)).plan())
    assert counts(services) == (1, 0)


def test_undo_an_import_from_the_history(services, tmp_path):
    anna = services.customers.create(CustomerForm(name="Anna", phones=["+79161234567"], city="Vilnius"))
    path = ugly.purchases_log(tmp_path / "sales.xlsx")
    plan = services.imports.layout(str(path)).plan(duplicates=UPDATE)
    report = services.imports.run_to_end(plan)
    assert services.customers.card(anna).form.name == "Анна Петрова"
    (record,) = services.imports.history()
    assert (record.customers_added, record.customers_updated, record.purchases_added) == (1, 1, 4)
    services.imports.undo(report.import_id)
    card = services.customers.card(anna)
    assert (card.form.name, card.form.city, card.purchase_count) == ("Anna", "Vilnius", 0)
    assert counts(services) == (1, 0)
    assert services.imports.history()[0].undone_at is not None


def test_the_mapping_is_remembered_for_the_same_headers(services, tmp_path):
    rows = [["Клиент", "Моб."], ["Анна", "+79161234567"]]
    path = ugly.xlsx(tmp_path / "a.xlsx", rows)
    layout = services.imports.layout(str(path))
    assert layout.mapping == {0: "name"}  # "Моб." is not a known header
    plan = layout.plan()
    plan.mapping[1] = "phone"
    services.imports.run_to_end(plan)
    again = services.imports.layout(str(ugly.xlsx(tmp_path / "b.xlsx", rows)))
    assert again.remembered and again.mapping == {0: "name", 1: "phone"}


def test_purchases_without_a_date_column_are_refused(services, tmp_path):
    path = ugly.xlsx(tmp_path / "a.xlsx", [["Имя", "Сумма"], ["Анна", 100]])
    layout = services.imports.layout(str(path))
    assert layout.mapping == {0: "first_name", 1: "total_spent"}  # no date: an amount is a total
    plan = layout.plan()
    plan.mapping[1] = "amount"  # the owner insists it is a purchase amount
    with pytest.raises(FileProblem, match="need a date"):
        services.imports.run_to_end(plan)


def test_problem_list_saved_as_xlsx(services, tmp_path):
    from openpyxl import load_workbook

    path = ugly.xlsx(tmp_path / "bad.xlsx", [["Имя", "Телефон"], ["Анна", "12"]])
    report = services.imports.run_to_end(plan_for(services, path), dry_run=True)
    out = tmp_path / "problems.xlsx"
    services.imports.save_problems(report, str(out))
    ws = load_workbook(out).active
    assert [c.value for c in ws[2]][:3] == [2, "Телефон", "12"]


@pytest.mark.parametrize("exported_in,imported_in", [("en", "en"), ("ru", "en"), ("lt", "ru"),
                                                     ("ru", "ru")])
def test_round_trip_export_then_import_into_an_empty_base(tmp_path, exported_in, imported_in):
    """An export in any of the languages imports back whole, whatever the importing
    computer speaks: its titles, words (call outcomes, channels, yes and no) and formats."""
    from retainer import i18n
    from retainer.demo import make_demo
    from retainer.services import open_retainer

    source_path, target_path = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    make_demo(str(source_path), 300, 2.0, seed=4)
    source = open_retainer(str(source_path))
    workbook = tmp_path / "all.xlsx"
    try:
        i18n.speak(exported_in)
        source.exports.export_all_to_end(str(workbook))
        i18n.speak(imported_in)
        target = open_retainer(str(target_path))
        report = target.imports.run_to_end(target.imports.layout(str(workbook)).plan())
    finally:
        i18n.speak("en")
    assert report.problems == []

    def snapshot(services):
        with services.ctx.read() as s:
            customers = sorted((
                (c.name, c.email, c.birthday, c.city, c.card_number, c.tag_list, c.purchase_count,
                 c.total_spent_cents, c.first_purchase_at, c.last_purchase_at, c.do_not_call,
                 c.consent_to_messages, tuple(p.number for p in c.phones),
                 c.referred_by_id is not None)
                for c in s.scalars(select(Customer))), key=repr)
            from retainer.db.models import Contact, Feedback

            contacts = sorted(((c.contacted_at, c.outcome, c.channel, c.notes)
                               for c in s.scalars(select(Contact))), key=repr)
            feedback = sorted(((f.given_on, f.nps_score, f.comment, f.is_complaint)
                               for f in s.scalars(select(Feedback))), key=repr)
            purchases = sorted((p.purchased_at, p.amount_cents) for p in s.scalars(select(Purchase)))
        return customers, contacts, feedback, purchases

    assert snapshot(target) == snapshot(source)
    source.close()
    target.close()


def test_a_sheet_of_purchases_is_found_beside_the_customers(services, tmp_path):
    path = ugly.xlsx(tmp_path / "two.xlsx", [["Name", "Phone"], ["Anna", "+79161234567"]],
                     title="Customers", extra_sheets={"Sales": [
                         ["Phone", "Date", "Amount"], ["+7 916 123-45-67", "01.05.2026", "10,50"]]})
    layout = services.imports.layout(str(path))
    assert layout.purchases is not None and layout.purchases.sheet == "Sales"
    report = services.imports.run_to_end(layout.plan())
    assert (report.customers_added, report.purchases_added) == (1, 1)


def test_a_file_cleaned_in_slices_gives_the_same_result(services, tmp_path, monkeypatch):
    import retainer.excel.rows as rows

    lines = [["Name", "Phone", "Birthday"]] + [
        [f"Customer {i}", f"+370 612 {10000 + i}", f"{1 + i % 28}.0{1 + i % 9}.1990"] for i in range(40)]
    lines.append(["Broken", "12", "31.02.1990"])
    path = ugly.xlsx(tmp_path / "many.xlsx", lines)
    serial = services.imports.run_to_end(plan_for(services, path), dry_run=True)
    monkeypatch.setattr(rows, "SLICE", 12)
    sliced = services.imports.run_to_end(plan_for(services, path))
    assert sliced.customers_added == serial.customers_added == 40
    assert [(p.row, p.column, p.message) for p in sliced.problems] == \
        [(p.row, p.column, p.message) for p in serial.problems]
    names = [r.name for r in services.customers.page(CustomerQuery(sort="name"), 0, 100)]
    assert len(names) == 40 and "Customer 0" in names


def test_a_large_load_rebuilds_the_indexes_it_set_aside(services, tmp_path, monkeypatch):
    from retainer.services.imports import apply

    def index_names():
        return indexes_of(services, "customers", "customer_phones")

    before = index_names()
    monkeypatch.setattr(apply, "DEFER_INDEXES_FROM", 2)
    path = ugly.xlsx(tmp_path / "list.xlsx", ugly.CUSTOMERS)
    services.imports.run_to_end(plan_for(services, path), dry_run=True)
    assert index_names() == before  # the rollback brought them back
    services.imports.run_to_end(plan_for(services, path))
    assert index_names() == before and "ix_customers_list" in before
    assert [r.name for r in services.customers.page(CustomerQuery(text="анна"), 0, 5)] == ["Анна Петрова"]


def test_the_file_is_read_once_for_all_steps_and_again_when_it_changes(services, tmp_path, monkeypatch):
    import os

    from retainer.services.imports import service as imports

    opened = []
    real = imports.open_file
    monkeypatch.setattr(imports, "open_file", lambda path, *a: (opened.append(path), real(path, *a))[1])
    path = ugly.xlsx(tmp_path / "list.xlsx", [["Name", "Phone"], ["Anna", "+370 612 34567"]])
    plan = plan_for(services, path)
    services.imports.preview(plan)
    services.imports.run_to_end(plan, dry_run=True)
    assert len(opened) == 1  # looking, preview and test run share one read
    # The owner fixes the file in Excel before importing: the import reads it again.
    ugly.xlsx(path, [["Name", "Phone"], ["Anna", "+370 612 34567"], ["Jonas", "+370 612 34568"]])
    os.utime(path, ns=(os.stat(path).st_atime_ns, os.stat(path).st_mtime_ns + 10**9))
    report = services.imports.run_to_end(plan)
    assert len(opened) == 2 and report.customers_added == 2
