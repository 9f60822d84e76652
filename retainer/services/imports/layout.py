"""Finding the layout of a file: which sheet, which row holds the column titles, what each
column holds, and a sheet of purchases beside the customers.

A workbook exported by Retainer is recognised by its tables and read by their column order,
whatever language its headers are in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from retainer.excel.columns import find_header
from retainer.excel.reader import FileProblem, Source
from retainer.i18n import tr
from retainer.services.imports.plan import RESTORE_CUSTOMERS, Layout, LinkedSheet

HEAD_ROWS = 60     # rows read to find the header
SAMPLE_ROWS = 20   # rows after the header shown by the wizard

Remembered = Callable[[list[str]], "dict[int, str] | None"]


def find_layout(source: Source, path: str, sheet: str | None, header_row: int | None,
                remembered: Remembered) -> Layout:
    """The layout of ``sheet`` (default: the first), with the header on ``header_row``
    (0-based; default: the row that names the most known columns)."""
    name = sheet or source.sheet_names[0]
    head = _head(source, name, HEAD_ROWS if header_row is None else header_row + 1 + SAMPLE_ROWS)
    if not any(any(not _blank(c) for c in row) for row in head):
        raise FileProblem(tr("The sheet “{sheet}” of {file} is empty.").format(
            sheet=name, file=Path(path).name))
    tables = source.tables()
    restored = tables.get("Customers")
    if {"Customers", "Purchases"} <= set(tables) and sheet is None and header_row is None \
            and restored[0] in source.sheet_names \
            and restored[1] < len(restore_head := _head(source, restored[0], HEAD_ROWS)):
        name, row = restored
        head = restore_head
        return Layout(str(path), source.sheet_names, name, row, [str(c) for c in head[row]],
                      dict(RESTORE_CUSTOMERS), True, head[row + 1:row + 1 + SAMPLE_ROWS],
                      restore=tables)
    guess = find_header(head, source.merged_ranges(name), row=header_row)
    _refuse_one_wide_column(head[guess.row:], path)
    mapping = remembered(guess.headers)
    return Layout(str(path), source.sheet_names, name, guess.row, guess.headers,
                  mapping if mapping is not None else guess.mapping, mapping is not None,
                  head[guess.row + 1:guess.row + 1 + SAMPLE_ROWS],
                  purchases=purchases_sheet(source, name))


def purchases_sheet(source: Source, customers_sheet: str) -> LinkedSheet | None:
    """Another sheet whose columns say whose purchase, when and how much."""
    for name in source.sheet_names:
        if name != customers_sheet:
            found = linked_sheet(source, name)
            if found is not None:
                return found
    return None


def linked_sheet(source: Source, name: str) -> LinkedSheet | None:
    """The purchases on sheet ``name``, if its columns name a customer, a date and an amount."""
    guess = find_header(_head(source, name, 30), ())
    fields = set(guess.mapping.values())
    if {"purchase_date", "amount"} <= fields and fields & {"phone", "email", "customer_code"}:
        keep = {"phone", "phone2", "email", "customer_code", "purchase_date", "amount", "items"}
        return LinkedSheet(name, guess.row, {i: f for i, f in guess.mapping.items() if f in keep})
    return None


def _refuse_one_wide_column(rows: list[list[Any]], path: str) -> None:
    """A list whose columns were never split — all in the first column, "100;Кузнецов;…" —
    is named before anything is saved, instead of coming in as customers called "100;Кузнецов"."""
    filled = [[c for c in row if not _blank(c)] for row in rows]
    filled = [cells for cells in filled if cells]
    if len(filled) < 2 or any(len(cells) > 1 for cells in filled):
        return
    for separator in (";", "\t", ",", "|"):
        split = sum(str(cells[0]).count(separator) >= 2 for cells in filled)
        if split >= max(2, len(filled) * 0.8):
            shown = "Tab" if separator == "\t" else separator
            example = str(filled[min(1, len(filled) - 1)][0])[:40]
            raise FileProblem(tr(
                "{file}: all the columns are in one, their values joined by “{separator}” (for "
                "example “{example}…”), so nothing can be told apart. In Excel, select the column "
                "and use Data → Text to Columns with “{separator}” as the separator, save, and "
                "import again.").format(file=Path(path).name, separator=shown, example=example))


def _head(source: Source, sheet: str, count: int) -> list[list[Any]]:
    return [list(r) for _, r in zip(range(count), source.rows(sheet), strict=False)]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
