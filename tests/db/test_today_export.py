from datetime import datetime, timedelta

from openpyxl import load_workbook

from retainer.excel.writer import Column, write_table
from retainer.rules.validation import CustomerForm
from tests.conftest import NOW


def test_call_list_exports_as_an_excel_table(services, tmp_path):
    cid = services.customers.create(CustomerForm(name="=HYPERLINK(\"x\")", phones=["+370 612 34567"]))
    services.purchases.record(cid, 2500, NOW - timedelta(days=120))
    services.reminders.generate()
    path = tmp_path / "calls.xlsx"
    report = services.today.export(path)
    assert report.rows == 1
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]][:5] == ["Name", "Phone", "Reason", "Why", "Last purchase"]
    name, phone, reason, why, last = (c for c in ws[2][:5])
    assert name.value == "=HYPERLINK(\"x\")" and name.data_type == "s"  # text, never a formula
    assert phone.value == "+370 612 34567" and phone.data_type == "s"
    assert reason.value == "Lapsed"
    assert "No purchase for 120 days" in why.value
    assert isinstance(last.value, datetime) and last.number_format == "dd/mm/yyyy"
    assert ws.freeze_panes == "A2" and "CallList" in ws.tables


def test_control_characters_are_removed_and_counted(tmp_path):
    path = tmp_path / "x.xlsx"
    report = write_table(path, "Sheet", "T", [Column("A")], [["bad\x00text\x07"], ["-1+1"], ["@me"]])
    assert report.removed_characters == 2
    ws = load_workbook(path).active
    assert [ws.cell(row=r, column=1).value for r in (2, 3, 4)] == ["badtext", "-1+1", "@me"]
    assert all(ws.cell(row=r, column=1).data_type == "s" for r in (2, 3, 4))


def test_a_failed_write_leaves_no_file(tmp_path, monkeypatch):
    import openpyxl.workbook.workbook as wb

    def explode(self, filename):
        raise OSError("disk full")

    monkeypatch.setattr(wb.Workbook, "save", explode)
    path = tmp_path / "x.xlsx"
    try:
        write_table(path, "Sheet", "T", [Column("A")], [["a"]])
    except OSError:
        pass
    assert list(tmp_path.iterdir()) == []
