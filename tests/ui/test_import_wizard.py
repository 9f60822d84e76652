import pytest
from PySide6.QtWidgets import QWizard

from retainer.services import CustomerQuery
from tests.excel import ugly


def test_wizard_imports_a_list_step_by_step(qtbot, window, services, tmp_path):
    path = ugly.xlsx(tmp_path / "list.xlsx", ugly.CUSTOMERS + [["Bad Row", "12", None, None, None]])
    wizard = window.transfer.import_wizard(str(path))
    qtbot.addWidget(wizard)
    assert "row 3" in wizard.file_page.found.text()
    assert wizard.file_page.isComplete()
    wizard.next()
    combos = wizard.columns_page.combos
    assert [c.currentData() for c in combos.values()] == ["name", "phone", "email", "birthday", "card_number"]
    wizard.next()
    preview = wizard.preview_page.model
    assert preview.rowCount() == 4
    assert preview.data(preview.index(0, 1)) == "Анна Петрова"
    assert preview.data(preview.index(0, 2)) == "+7 916 123-45-67"
    assert preview.data(preview.index(3, 1)) == "Bad Row"  # left out, and whose it is shows
    from PySide6.QtCore import Qt

    assert preview.data(preview.index(0, 0), Qt.ItemDataRole.ToolTipRole) is None  # a good row
    assert "“12”" in preview.data(preview.index(3, 0), Qt.ItemDataRole.ToolTipRole)
    assert preview.data(preview.index(3, 0), Qt.ItemDataRole.BackgroundRole) is not None
    wizard.next()
    wizard.check_page.run_test()
    assert "would add 3 customers" in wizard.check_page.summary.text()
    assert wizard.check_page.problems.rowCount() == 1
    assert services.is_empty()  # the test run saved nothing
    wizard.next()
    assert "3 customers added" in wizard.done_page.result.text()
    assert services.customers.count(CustomerQuery()) == 3
    assert window.customers.model.rowCount() == 3
    wizard.done_page.undo()
    assert services.customers.count(CustomerQuery()) == 0


def test_wizard_names_a_bad_file(qtbot, window, tmp_path):
    bad = ugly.encrypted(tmp_path / "secret.xlsx")
    wizard = window.transfer.import_wizard(str(bad))
    qtbot.addWidget(wizard)
    assert "password" in wizard.file_page.error.text()
    assert not wizard.file_page.isComplete()


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods", "csv"])
def test_wizard_names_a_file_cut_short(qtbot, window, tmp_path, kind):
    from tests.excel.test_any_file import seed

    whole = seed(kind, tmp_path)
    cut = tmp_path / f"cut.{kind}"
    cut.write_bytes(whole[:len(whole) // 3] if kind != "csv" else b"\x00" * 10 + whole)
    wizard = window.transfer.import_wizard(str(cut))
    qtbot.addWidget(wizard)
    assert f"cut.{kind}" in wizard.file_page.error.text()
    assert not wizard.file_page.isComplete()


def test_wizard_requires_a_name_phone_or_email_column(qtbot, window, tmp_path):
    path = ugly.xlsx(tmp_path / "odd.xlsx", [["Что-то", "Ещё"], ["a", "b"]])
    wizard = window.transfer.import_wizard(str(path))
    qtbot.addWidget(wizard)
    wizard.next()
    assert "the name, the phone, the e-mail, the customer's code or the card number" in \
        wizard.columns_page.error.text()
    assert not wizard.columns_page.isComplete()
    first = next(iter(wizard.columns_page.combos.values()))
    first.setCurrentIndex(first.findData("name"))
    assert wizard.columns_page.isComplete()


def test_one_click_export_and_the_filtered_list(qtbot, window, services, tmp_path):
    from openpyxl import load_workbook

    from retainer.rules.validation import CustomerForm

    services.customers.create(CustomerForm(name="Anna", phones=["+79161234567"], tags=["VIP"]))
    services.customers.create(CustomerForm(name="Jonas", phones=["+37061234567"]))
    target = tmp_path / "all.xlsx"
    window.transfer.export_everything(str(target))
    assert target.exists()
    assert "Saved" in window.statusBar().currentMessage()
    window.customers.search.setText("anna")
    listed = tmp_path / "list.xlsx"
    window.transfer.export_list(str(listed))
    ws = load_workbook(listed).active
    assert [r[0] for r in ws.iter_rows(min_row=2, values_only=True)] == ["Anna"]


def test_import_history_lists_and_undoes(qtbot, window, services, tmp_path, answers, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    path = ugly.xlsx(tmp_path / "list.xlsx", ugly.CUSTOMERS)
    services.imports.run_to_end(services.imports.layout(str(path)).plan())
    dialog = window.transfer.import_history()
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    dialog.view.selectRow(0)
    dialog.undo_selected()
    assert services.is_empty()
    assert dialog.model.data(dialog.model.index(0, 6)) != ""


def test_empty_base_offers_three_doors(window):
    empty = window.customers.empty
    assert [b.text() for b in (empty.import_button, empty.add_button, empty.demo_button)] == [
        "Import my Excel list", "Start empty: add a customer", "Look around a demo base"]
    empty.import_button.click()
    assert isinstance(window.wizard, QWizard) and window.wizard.isVisible()


def test_duplicates_are_chosen_row_by_row(qtbot, window, services, tmp_path):
    from retainer.rules.validation import CustomerForm

    anna = services.customers.create(CustomerForm(name="Anna", phones=["+79161234567"], city="Vilnius"))
    jonas = services.customers.create(CustomerForm(name="Jonas", phones=["+37061234567"], city="Kaunas"))
    path = ugly.xlsx(tmp_path / "dup.xlsx", [["Name", "Phone", "City"],
                                             ["Anna Petrova", "+79161234567", "Riga"],
                                             ["Jonas K.", "+37061234567", "Riga"]])
    wizard = window.transfer.import_wizard(str(path))
    qtbot.addWidget(wizard)
    wizard.next()
    wizard.next()
    wizard.next()
    wizard.check_page.run_test()
    model = wizard.check_page.duplicates
    assert model.rowCount() == 2 and wizard.check_page.duplicates_view.isVisibleTo(wizard)
    assert "Anna (in the base)" == model.data(model.index(0, 2))
    model.setData(model.index(1, model.CHOICE), "update")  # Jonas only; Anna: skip, as for all
    assert model.data(model.index(1, model.CHOICE)) == "update"
    wizard.next()
    assert services.customers.card(anna).form.city == "Vilnius"
    assert services.customers.card(jonas).form.city == "Riga"


def test_purchases_sheet_is_offered_in_the_wizard(qtbot, window, services, tmp_path):
    path = ugly.xlsx(tmp_path / "two.xlsx", [["Name", "Phone"], ["Anna", "+79161234567"]],
                     title="Customers", extra_sheets={"Sales": [
                         ["Phone", "Date", "Amount"], ["+7 916 123-45-67", "01.05.2026", "10,50"]]})
    wizard = window.transfer.import_wizard(str(path))
    qtbot.addWidget(wizard)
    assert wizard.file_page.purchases_sheet.currentText() == "Sales"
    wizard.file_page.purchases_sheet.setCurrentIndex(0)  # — none —
    assert wizard.layout_.purchases is None
    wizard.file_page.purchases_sheet.setCurrentIndex(1)
    assert wizard.layout_.purchases.sheet == "Sales"


def test_the_preview_page_sets_the_country_of_numbers_without_a_code(qtbot, window, services, tmp_path):
    from PySide6.QtCore import Qt

    services.change_settings(default_region="US")
    path = ugly.xlsx(tmp_path / "list.xlsx", [["ФИО", "Телефон"], ["Анна Петрова", "8 (916) 123-45-67"]])
    wizard = window.transfer.import_wizard(str(path))
    qtbot.addWidget(wizard)
    wizard.next()
    wizard.next()
    page = wizard.preview_page
    assert page.country.currentData() == "US"
    assert "the United States" in page.model.data(page.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    page.country.setCurrentIndex(page.country.findData("RU"))
    page.country.activated.emit(page.country.currentIndex())  # what choosing it does
    assert services.settings.default_region == "RU"
    assert page.model.data(page.model.index(0, 2)) == "+7 916 123-45-67"
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.ToolTipRole) is None


def test_the_preview_proposes_the_country_the_numbers_are_from(qtbot, window, services, tmp_path):
    services.change_settings(default_region="US")
    rows = [["ФИО", "Телефон"]] + [[f"Гость {i}", f"8 (916) 123-45-{i:02d}"] for i in range(12)]
    wizard = window.transfer.import_wizard(str(ugly.xlsx(tmp_path / "list.xlsx", rows)))
    qtbot.addWidget(wizard)
    wizard.next()
    wizard.next()
    page = wizard.preview_page
    assert not page.country_hint.isHidden()
    assert page.country_hint.text().startswith("12 of 12 phone numbers written without a country "
                                               "code are not valid for the United States")
    assert page.country_button.text() == "Read them as numbers from Russia"
    page.country_button.click()
    assert services.settings.default_region == "RU" and page.country.currentData() == "RU"
    assert page.country_hint.isHidden()
    assert page.model.data(page.model.index(0, 2)) == "+7 916 123-45-00"


def test_the_test_run_never_shows_a_result_for_other_choices(qtbot, window, services, tmp_path):
    # Seen on a real display: back from the test run, the phone country changed, and step 4
    # still said "82 rows have problems" with Import enabled.
    services.change_settings(default_region="US")
    rows = [["ФИО", "Телефон"]] + [[f"Гость {i}", f"8 (916) 123-45-{i:02d}"] for i in range(12)]
    path = ugly.xlsx(tmp_path / "list.xlsx", rows)
    wizard = window.transfer.import_wizard(str(path))
    qtbot.addWidget(wizard)
    wizard.next()
    wizard.next()
    wizard.next()
    check = wizard.check_page
    assert wizard.currentPage() is check
    assert "12 rows have problems" in check.summary.text()  # run on arriving, not stale
    assert check.isComplete()
    wizard.back()
    page = wizard.preview_page
    page.country.setCurrentIndex(page.country.findData("RU"))
    page.country.activated.emit(page.country.currentIndex())
    # The old result is gone at once, before anyone comes back to it.
    assert check.report is None and not check.isComplete()
    assert check.problems.rowCount() == 0
    assert "Run the test" in check.summary.text()
    wizard.next()
    assert "0 rows have problems" in check.summary.text()
    assert "would add 12 customers" in check.summary.text()
    assert check.isComplete()
    # Another choice about customers you already have is tested again as well.
    update = next(b for b in check.policy.buttons() if b.property("policy") == "update")
    update.setChecked(True)
    assert check.current() and check.tested[0].duplicates == "update"
    # Back to the columns: skipping the phone column changes what would be imported.
    wizard.back()
    wizard.back()
    columns = wizard.columns_page
    phone = next(c for c in columns.combos.values() if c.currentData() == "phone")
    phone.setCurrentIndex(phone.findData(""))
    wizard.next()
    assert check.report is None
    wizard.next()
    assert check.current()


def test_changing_the_header_row_asks_the_import_service(qtbot, window, services, tmp_path, monkeypatch):
    from retainer.services.imports import service as imports

    opened = []
    real = imports.open_file
    monkeypatch.setattr(imports, "open_file", lambda path, *a: (opened.append(path), real(path, *a))[1])
    # Titles on row 3 under a "Контакты" merged over the phone and e-mail columns on row 2.
    rows = [["Клиенты", None, None], [None, "Контакты", None], ["Имя", "Телефон", None],
            ["Анна", "+79161234567", "anna@example.com"]]
    path = ugly.xlsx(tmp_path / "list.xlsx", rows, merge="B2:C2")
    wizard = window.transfer.import_wizard(str(path))
    qtbot.addWidget(wizard)
    first = wizard.layout_
    assert first.header_row == 2
    # The empty title under the merged cell takes its text, as the service reads headers.
    assert first.headers == ["Имя", "Телефон", "Контакты"]
    wizard.file_page.header_row.setValue(4)  # the owner picks a wrong row…
    qtbot.waitUntil(lambda: wizard.layout_.header_row == 3)
    assert wizard.layout_.headers == ["Анна", "+79161234567", "anna@example.com"]
    assert "row 4" in wizard.file_page.found.text()
    wizard.file_page.header_row.setValue(3)  # …and the right one again
    qtbot.waitUntil(lambda: wizard.layout_.header_row == 2)
    assert wizard.layout_.headers == first.headers
    assert wizard.layout_.sample[0][0] == "Анна"
    assert first.header_row == 2  # the layout the service found first was not edited
    assert len(opened) == 1  # every re-read went through the service's copy of the file
