from datetime import datetime, timedelta

from openpyxl import load_workbook

from retainer.rules.validation import CustomerForm
from tests.conftest import NOW


def test_export_writes_every_sheet_as_a_table_with_typed_cells(services, tmp_path):
    cid = services.customers.create(CustomerForm(name="=SUM(A1:A9)", phones=["+370 612 34567"],
                                                 notes="@risky\x07", tags=["VIP"]))
    services.purchases.record(cid, 123450, NOW - timedelta(days=3))
    path = tmp_path / "all.xlsx"
    report = services.exports.export_all_to_end(str(path))
    assert (report.customers, report.purchases, report.removed_characters) == (1, 1, 1)
    book = load_workbook(path)
    assert book.sheetnames == ["Summary", "Customers", "Purchases", "Calls", "Feedback", "Reminders"]
    customers = book["Customers"]
    assert customers.freeze_panes == "A2" and "Customers" in customers.tables
    header = [c.value for c in customers[1]]
    assert header[:3] == ["Code", "Name", "Phone"]
    row = {h: c for h, c in zip(header, customers[2], strict=False)}
    assert row["Name"].value == "=SUM(A1:A9)" and row["Name"].data_type == "s"
    assert row["Notes"].value == "@risky" and row["Notes"].data_type == "s"
    assert row["Phone"].value == "+370 612 34567"
    assert row["Total spent"].value == 1234.5 and row["Total spent"].number_format == '"€"#,##0.00'
    purchases = book["Purchases"]
    when = purchases.cell(row=2, column=4)
    assert isinstance(when.value, datetime) and when.number_format == "dd/mm/yyyy hh:mm"
    table = purchases.tables["Purchases"]
    assert [c.name for c in table.tableColumns][:4] == ["Customer code", "Customer", "Phone", "Date"]
    assert len(book["Summary"]._charts) == 2


def test_a_failed_export_leaves_no_file(services, tmp_path, monkeypatch):
    import openpyxl.workbook.workbook as wb

    def broken(self, filename):
        raise OSError("disk full")

    monkeypatch.setattr(wb.Workbook, "save", broken)
    folder = tmp_path / "out"
    folder.mkdir()
    try:
        services.exports.export_all_to_end(str(folder / "all.xlsx"))
    except OSError:
        pass
    assert list(folder.iterdir()) == []
