"""Writing a workbook that Excel opens cleanly and that can never run a formula from data.

A text starting with =, +, -, @, a tab or a carriage return is stored as text, never as a
formula; control characters Excel rejects are removed. The file is written beside its target
and renamed into place, so a failure never leaves a broken file under the chosen name.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from retainer.rules.dates import excel_date_format
from retainer.rules.money import excel_money_format

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

TEXT, DATE, DATETIME, MONEY, NUMBER, PERCENT = "text", "date", "datetime", "money", "number", "percent"


def sheet_title(text: str) -> str:
    """A sheet's name as Excel takes it: at most 31 characters, none of : \\ / ? * [ ]."""
    return re.sub(r"[:\\/?*\[\]]", "-", text)[:31]


def number_formats(currency: str = "") -> dict[str, str]:
    """The Excel number format of each kind of column, in the language spoken now: dates as
    01.12.2026 / 2026-12-01 / 01/12/2026, money with the currency where the language puts it."""
    return {DATE: excel_date_format(), DATETIME: excel_date_format(with_time=True),
            MONEY: excel_money_format(currency), NUMBER: "0", PERCENT: "0%"}


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT
    width: int = 14


@dataclass
class WriteReport:
    rows: int = 0
    removed_characters: int = 0


def clean_text(text: str, report: WriteReport) -> str:
    if text.isprintable():  # the usual case, and much cheaper than the search below
        return text
    cleaned, count = _ILLEGAL.subn("", text)
    report.removed_characters += count
    return cleaned


def write_table(path: Path, sheet: str, table_name: str, columns: Sequence[Column],
                rows: Iterable[Sequence[Any]], currency: str = "") -> WriteReport:
    """One sheet holding one Excel table: banded, filterable, frozen header, typed cells."""
    formats = number_formats(currency)
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    report = WriteReport()
    book = Workbook()
    ws = book.active
    ws.title = sheet_title(sheet)
    ws.append([c.header for c in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for values in rows:
        ws.append([None] * len(columns))
        r = ws.max_row
        for i, (column, value) in enumerate(zip(columns, values, strict=False), start=1):
            cell = ws.cell(row=r, column=i)
            if value is None or value == "":
                continue
            if column.kind == TEXT or isinstance(value, str):
                text = clean_text(str(value), report)
                cell.value = text
                cell.data_type = "s"  # never a formula, whatever it starts with
            else:
                if column.kind == DATE and isinstance(value, datetime):
                    value = value.date()
                cell.value = value
                cell.number_format = formats.get(column.kind, "General")
        report.rows += 1
    for i, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = column.width
    ws.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    table = Table(displayName=table_name, ref=f"A1:{last}{max(ws.max_row, 2)}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    save_atomically(book, path)
    return report


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[str]],
              as_is: Sequence[int] = ()) -> WriteReport:
    """A comma-separated UTF-8 file (with the mark Excel looks for), renamed into place.

    A text starting like a formula gets an apostrophe in front, so a spreadsheet opening the
    file shows it as text; the columns in ``as_is`` (phone numbers in E.164, which start with
    "+") are written untouched, as a messaging service expects them."""
    import csv

    report = WriteReport()
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=".retainer-", suffix=".csv", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(headers)
            for values in rows:
                cells = []
                for i, value in enumerate(values):
                    text = clean_text("" if value is None else str(value), report)
                    if i not in as_is and text.startswith(FORMULA_STARTS):
                        text = "'" + text
                    cells.append(text)
                writer.writerow(cells)
                report.rows += 1
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return report


def save_atomically(book, path: Path) -> None:
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=".retainer-", suffix=".xlsx", dir=path.parent)
    os.close(handle)
    try:
        book.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
