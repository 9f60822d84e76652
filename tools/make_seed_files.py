"""Write the seed files that tests/excel/test_any_file.py damages in every way it can.

    pip install xlwt odfpy   # only for this script; the app and the tests never import them
    python tools/make_seed_files.py

Each seed holds the same small customer list with purchases, as a shop keeps it: a title row,
a header, Cyrillic names, phones in several spellings, dates and amounts. .xlsx and .csv seeds
are made by the tests themselves; .xls and .ods need writers Retainer does not otherwise use,
so they are written once here and kept in tests/fixtures/.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

ROWS = [
    ["Клиенты кофейни «Зерно»", None, None, None, None],
    ["ФИО", "Телефон", "Дата покупки", "Сумма", "Карта"],
    ["Анна Петрова", "8 (916) 123-45-67", date(2026, 3, 1), 350.5, "00123"],
    ["Jonas Kazlauskas", "+370 612 34567", "15.03.2026", "1 200,00", "00456"],
    ["Борис Орлов", "89035551234", date(2026, 4, 2), 0, None],
    ["Анна Петрова", "8 (916) 123-45-67", date(2026, 4, 10), 99, "00123"],
]
FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def write_xls(path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Клиенты")
    dates = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            if isinstance(value, date):
                sheet.write(r, c, value, dates)
            elif value is not None:
                sheet.write(r, c, value)
    book.save(str(path))


def write_ods(path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Клиенты")
    for row in ROWS:
        line = TableRow()
        for value in row:
            if isinstance(value, date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
                cell.addElement(P(text=value.strftime("%d.%m.%Y")))
            elif isinstance(value, (int, float)):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                if value is not None:
                    cell.addElement(P(text=value))
            line.addElement(cell)
        table.addElement(line)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


if __name__ == "__main__":
    write_xls(FIXTURES / "seed.xls")
    write_ods(FIXTURES / "seed.ods")
    print("wrote", FIXTURES / "seed.xls", FIXTURES / "seed.ods")
