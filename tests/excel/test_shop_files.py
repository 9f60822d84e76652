"""The files shops really have, imported on the first try: visits paid with points, logs keyed
by a card number, lists with totals instead of purchases, CSV as Excel writes it."""

from datetime import date, datetime

import pytest

from retainer.excel.reader import open_file
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


# CSV as Excel writes it -------------------------------------------------------------------
RUSSIAN_EXCEL = ("Код;ФИО;Телефон;Сумма покупок, руб.;Комментарий\r\n"
                 "100;Кузнецов Иван;+7 916 123-45-67;1 500,50;\"звонить после 18:00; не в выходные\"\r\n"
                 "101;Петрова Анна;8 (903) 555-12-34;700,00;\"любит капучино, без сахара\"\r\n"
                 "102;\"Смирнов \"\"Старший\"\"\";89261112233;0;\r\n")
ENGLISH_EXCEL = ("Name,Phone,Total spent,Notes\r\n"
                 "Anna Smith,+44 7400 123456,\"1,500.50\",\"calls after 6pm; weekdays\"\r\n"
                 "Bob Jones,+44 7400 654321,700.00,\"tab\tinside\"\r\n")
TABS = "Vardas\tTelefonas\tSuma\nOna, Kaunas\t+370 612 34567\t12,50\nJonas; VIP\t861234567\t3\n"


@pytest.mark.parametrize("encoding", ["cp1251", "utf-8", "utf-8-sig"])
def test_a_semicolon_csv_with_commas_in_its_header_and_values(tmp_path, encoding):
    path = ugly.csv_file(tmp_path / "клиенты.csv", RUSSIAN_EXCEL, encoding)
    source = open_file(path)
    assert source.delimiter == ";"
    rows = list(source.rows())
    assert rows[0] == ["Код", "ФИО", "Телефон", "Сумма покупок, руб.", "Комментарий"]
    assert rows[1][4] == "звонить после 18:00; не в выходные"
    assert rows[2][3:] == ["700,00", "любит капучино, без сахара"]
    assert rows[3][1] == 'Смирнов "Старший"'


@pytest.mark.parametrize("text,delimiter,width", [(ENGLISH_EXCEL, ",", 4), (TABS, "\t", 3)])
def test_comma_and_tab_files_with_the_other_separators_inside(tmp_path, text, delimiter, width):
    path = ugly.csv_file(tmp_path / "list.csv", text)
    source = open_file(path)
    assert source.delimiter == delimiter
    assert {len(r) for r in source.rows()} == {width}


def test_a_russian_csv_imports_its_columns(services, tmp_path):
    path = ugly.csv_file(tmp_path / "клиенты.csv", RUSSIAN_EXCEL, "cp1251")
    layout = services.imports.layout(str(path))
    assert layout.mapping[1] == "name" and layout.mapping[2] == "phone"
    report = services.imports.run_to_end(layout.plan())
    assert report.customers_added == 3 and not report.problems


# Purchase logs keyed by a code or a card number ------------------------------------------
CARD_LOG = ("Чек;Дата;Номер карты;Сумма, руб.\r\n"
            "5001;01.03.2026 10:15;00123;350,00\r\n"
            "5002;01.03.2026 11:40;00456;0,00\r\n"
            "5003;15.03.2026 09:05;00123;420,50\r\n"
            "5004;02.04.2026 18:30;00789;1 200,00\r\n")


def test_a_cash_register_log_keyed_by_card_makes_a_customer_per_card(services, tmp_path):
    path = ugly.csv_file(tmp_path / "касса.csv", CARD_LOG, "cp1251")
    layout = services.imports.layout(str(path))
    assert set(layout.mapping.values()) >= {"purchase_date", "card_number", "amount"}
    report = services.imports.run_to_end(layout.plan())
    assert (report.customers_added, report.purchases_added) == (3, 4) and not report.problems
    card = customer_named(services, "00123")
    assert card.form.name == "Customer 00123" and card.form.card_number == "00123"
    assert (card.purchase_count, card.total_spent_cents) == (2, 77050)
    # The same export again, a week later with one more sale: nothing is doubled.
    again = ugly.csv_file(tmp_path / "касса.csv", CARD_LOG + "5005;09.04.2026 12:00;00456;99\r\n",
                          "cp1251")
    report = services.imports.run_to_end(services.imports.layout(str(again)).plan())
    assert (report.customers_added, report.purchases_added) == (0, 1)
    assert customer_named(services, "00456").purchase_count == 2


def test_a_log_keyed_by_a_code_then_a_list_with_the_names(services, tmp_path):
    log = ugly.xlsx(tmp_path / "sales.xlsx", [
        ["Код клиента", "Дата", "Сумма"],
        ["A-17", date(2026, 2, 1), 25.5], ["A-17", date(2026, 3, 1), 30],
        ["B-02", date(2026, 3, 5), 12]])
    report = services.imports.run_to_end(services.imports.layout(str(log)).plan())
    assert report.customers_added == 2
    assert customer_named(services, "a-17").form.name == "Customer A-17"
    # The loyalty system's list names them: matched by the code, whatever the duplicates choice.
    names = ugly.xlsx(tmp_path / "names.xlsx", [
        ["Код клиента", "ФИО", "Телефон"], ["A-17", "Анна Петрова", "8 916 123-45-67"],
        ["C-99", "Вера Ким", "8 926 777-00-11"]])
    report = services.imports.run_to_end(services.imports.layout(str(names)).plan())
    assert (report.customers_added, report.customers_updated) == (1, 1)
    anna = customer_named(services, "анна")
    assert anna.purchase_count == 2 and anna.form.phones == ["+7 916 123-45-67"]
    # The same log again still finds Anna by her code.
    report = services.imports.run_to_end(services.imports.layout(str(log)).plan())
    assert (report.customers_added, report.purchases_added) == (0, 0)


def test_an_edit_names_a_customer_known_by_a_code(services, tmp_path):
    log = ugly.xlsx(tmp_path / "sales.xlsx", [["Карта", "Дата", "Сумма"], ["777", "01.05.2026", 10]])
    services.imports.run_to_end(services.imports.layout(str(log)).plan())
    card = customer_named(services, "777")
    form = card.form
    form.name = "Ona Jonaitienė"
    services.customers.update(card.id, form)
    assert customer_named(services, "ona").form.name == "Ona Jonaitienė"
    # A later import with a name for the card no longer replaces the owner's own.
    names = ugly.xlsx(tmp_path / "n.xlsx", [["Карта", "ФИО"], ["777", "Ona J."]])
    services.imports.run_to_end(services.imports.layout(str(names)).plan())
    assert customer_named(services, "ona").form.name == "Ona Jonaitienė"


# A customer list with totals instead of a purchase log --------------------------------------
TOTALS = [
    ["Клиенты салона «Лотос» на 15.06.2026", None, None, None, None, None],
    ["ФИО", "Телефон", "Сумма покупок, ₽", "Кол-во покупок", "Клиент с", "Последняя покупка"],
    ["Анна Петрова", "8 916 123-45-67", "45 000", 30, "01.02.2024", "10.06.2026"],
    ["Борис Орлов", "8 903 555-12-34", "12 000,00", 8, "15.03.2025", "01.02.2026"],
    ["Вера Ким", "8 926 777-00-11", 3000, 1, "20.05.2026", "20.05.2026"],
    ["Глеб Сомов", "8 925 100-20-30", "9 000", 20, date(2025, 1, 1), date(2026, 4, 1)],
    ["Дина Лис", "8 917 000-11-22", None, None, "01.06.2026", None],
]


def imported_totals(services, tmp_path):
    path = ugly.xlsx(tmp_path / "клиенты.xlsx", TOTALS, merge="A1:F1")
    layout = services.imports.layout(str(path))
    assert layout.mapping == {0: "name", 1: "phone", 2: "total_spent", 3: "purchase_count",
                              4: "created_at", 5: "last_purchase"}
    report = services.imports.run_to_end(layout.plan())
    assert report.customers_added == 5 and not report.problems
    return {name: customer_named(services, name) for name in ("анна", "борис", "вера", "глеб", "дина")}


def test_totals_become_the_opening_history_and_the_first_morning_has_calls(services, tmp_path):
    from retainer.rules.status import Status

    cards = imported_totals(services, tmp_path)
    anna, boris, gleb = cards["анна"], cards["борис"], cards["глеб"]
    # The total for money, the count for purchases, the dates for the first and last purchase.
    assert (anna.total_spent_cents, anna.purchase_count) == (4_500_000, 30)
    assert anna.first_purchase_at.date() == date(2024, 2, 1)
    assert anna.last_purchase_at.date() == date(2026, 6, 10)
    assert anna.created_at.date() == date(2024, 2, 1)  # customer since: "Клиент с"
    assert cards["дина"].created_at.date() == date(2026, 6, 1)
    # The last date for the status: Boris has been silent 134 days; Gleb, who came about every
    # 24 days, 75; Vera bought once, recently; Dina has nothing yet.
    statuses = {name: card.status for name, card in cards.items()}
    assert statuses == {name: services.customers.status_as_of(card.id, date(2026, 6, 15))
                        for name, card in cards.items()}
    assert statuses == {"анна": Status.ACTIVE, "борис": Status.LAPSED, "вера": Status.NEW,
                        "глеб": Status.AT_RISK, "дина": Status.PROSPECT}
    assert services.reminders.generate().drifting == 2
    tomorrow = date(2026, 6, 16)
    assert [i.name for i in services.today.today(tomorrow).items] == ["Борис Орлов", "Глеб Сомов"]
    assert boris.purchases == [] and gleb.purchases == []  # no purchase is made up


def test_the_opening_history_in_each_figure(services, tmp_path):
    cards = imported_totals(services, tmp_path)
    metrics = services.metrics
    # RFM reads the summary figures: recency from the last date, frequency from the count,
    # money from the total (checked on the cards above); four buyers are too few to score.
    assert metrics.rfm(date(2026, 6, 15)) == {}
    from retainer.rules.metrics import segment_counts

    last_days = [date(2026, 6, 15).toordinal() - c.last_purchase_at.date().toordinal()
                 for c in cards.values() if c.last_purchase_at]
    counts = [c.purchase_count for c in cards.values() if c.last_purchase_at]
    assert sum(segment_counts(last_days, counts).values()) == 4 and counts == [30, 8, 1, 20]
    # Cohorts: by the first date; the months after it from the purchases spread evenly
    # between the first and the last date (Gleb: 20 purchases, 1 January 2025 to 1 April 2026).
    cohorts = metrics.cohorts(24, date(2026, 6, 15))
    assert cohorts[date(2025, 1, 1)][:4] == [1.0, 1.0, 1.0, 1.0]
    assert cohorts[date(2026, 5, 1)] == [1.0, 0.0]  # Vera
    # Active at 1 May 2026: Anna (buying all along) and Gleb (last on 1 April); Boris's last
    # purchase was in February, 89 days before, so he still counts; on 1 June he no longer does.
    may = metrics.retention(date(2026, 5, 1), date(2026, 6, 1))
    assert (may.start_active, may.new, may.end_active, may.churned) == (3, 1, 3, 1)
    # The totals are money spent, but not revenue of any month: no purchase is dated.
    headline = metrics.headline(date(2026, 6, 15))
    assert headline.revenue_365_cents == 0 and headline.buying_customers == 4
    assert cards["вера"].total_spent_cents == 300_000


def test_a_row_left_out_still_shows_whose_it_is_in_the_preview(services, tmp_path):
    path = ugly.xlsx(tmp_path / "list.xlsx", [["ФИО", "Телефон", "Дата рождения"],
                                              ["Анна Петрова", "12", "17.05.1990"],
                                              ["Борис Орлов", "8 903 555-12-34", "31.02.1985"]])
    preview = services.imports.preview(services.imports.layout(str(path)).plan())
    assert [(record.name, bool(problems)) for record, problems in preview] == [
        ("Анна Петрова", True), ("Борис Орлов", True)]
    report = services.imports.run_to_end(services.imports.layout(str(path)).plan(), dry_run=True)
    assert report.customers_added == 0 and len(report.problems) == 2


def test_codes_and_opening_histories_survive_an_export_and_import(services, tmp_path):
    from sqlalchemy import select

    from retainer.db.models import Customer
    from retainer.services import open_retainer
    from tests.conftest import NOW

    imported_totals(services, tmp_path)
    log = ugly.xlsx(tmp_path / "sales.xlsx", [["Код клиента", "Дата", "Сумма"],
                                              ["A-17", date(2026, 2, 1), 25.5]])
    services.imports.run_to_end(services.imports.layout(str(log)).plan())
    workbook = tmp_path / "all.xlsx"
    services.exports.export_all_to_end(str(workbook))
    target = open_retainer(str(tmp_path / "copy.sqlite"), clock=lambda: NOW)
    try:
        report = target.imports.run_to_end(target.imports.layout(str(workbook)).plan())
        assert report.problems == []

        def kept(base):
            with base.ctx.read() as session:
                return sorted((c.name, c.code, c.name_from_code, c.opening_count, c.opening_spent_cents,
                               c.opening_first_day, c.opening_last_day, c.purchase_count,
                               c.total_spent_cents, c.last_purchase_day, c.median_gap_days)
                              for c in session.scalars(select(Customer)))

        assert kept(target) == kept(services)
    finally:
        target.close()


# The phone country guessed from the file ----------------------------------------------------
def russian_list(tmp_path, n=40):
    rows = [["ФИО", "Телефон"]]
    for k in range(n):
        rows.append([f"Клиент {k}", f"8 (916) {100 + k:03d}-45-67"])
    rows.append(["Jonas", "+370 612 34567"])
    rows.append(["Ольга", "+7 903 555-12-34"])
    return ugly.xlsx(tmp_path / "list.xlsx", rows)


def test_the_country_of_the_numbers_is_proposed_with_the_counts(services, tmp_path):
    services.change_settings(default_region="US")
    plan = services.imports.layout(str(russian_list(tmp_path))).plan()
    guess = services.imports.country_guess(plan, language_region="LT")
    assert (guess.region, guess.valid, guess.total, guess.current_valid) == ("RU", 40, 40, 0)
    assert guess.sentence() == ("40 of 40 phone numbers written without a country code are not "
                                "valid for the United States; read as numbers from Russia, 40 of "
                                "them are.")
    plan.region = guess.region
    assert services.imports.run_to_end(plan).customers_added == 42
    services.change_settings(default_region="RU")  # the base's country fits: nothing to propose
    assert services.imports.country_guess(services.imports.layout(str(russian_list(tmp_path))).plan()) is None


def test_retainer_import_proposes_the_country_and_takes_it(services, base, tmp_path, capsys):
    from retainer.cli import main

    services.change_settings(default_region="US")
    services.close()
    path = str(russian_list(tmp_path))
    assert main(["import", path, "--db", base, "--dry-run"]) == 0
    err = capsys.readouterr().err
    assert "read as numbers from Russia, 40 of them are" in err and "--country RU" in err
    assert main(["import", path, "--db", base, "--country", "ru"]) == 0
    out = capsys.readouterr().out
    assert "42 customers added" in out
    assert main(["import", path, "--db", base, "--country", "XX"]) == 2


def test_a_list_never_split_into_columns_is_named_before_anything_is_saved(services, tmp_path):
    from retainer.excel.reader import FileProblem

    rows = [["Код;ФИО;Телефон;Сумма"], ["100;Кузнецов Иван;+7 916 123-45-67;1500"],
            ["101;Петрова Анна;8 903 555-12-34;700"], ["102;Смирнов;89261112233;0"]]
    path = ugly.xlsx(tmp_path / "одна колонка.xlsx", rows)
    with pytest.raises(FileProblem, match="all the columns are in one, their values joined by “;”"):
        services.imports.layout(str(path))
    with services.ctx.read() as session:
        from sqlalchemy import func, select

        from retainer.db.models import Customer

        assert session.execute(select(func.count(Customer.id))).scalar_one() == 0
