"""Builders of the files shop owners really bring, good and bad, one per case."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook


def xlsx(path: Path, rows: list[list], title: str = "Клиенты", merge: str | None = None,
         extra_sheets: dict[str, list[list]] | None = None) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    for name, sheet_rows in (extra_sheets or {}).items():
        extra = book.create_sheet(name)
        for row in sheet_rows:
            extra.append(row)
    book.save(path)
    return path


def csv_file(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


CUSTOMERS = [
    ["Список клиентов кофейни «Зерно»", None, None, None, None],
    [None, None, None, None, None],
    ["ФИО", "Телефон", "E-mail", "Дата рождения", "Карта"],
    ["Анна Петрова", "8 (916) 123-45-67", "anna@example.com", date(1990, 5, 17), 1001],
    ["Jonas Kazlauskas", "+370 612 34567", None, "31.12.1985", 1002],
    [None, None, None, None, None],
    ["Oliver Smith", 447400123456, "oliver@example.co.uk", 32874, None],
]


def encrypted(path: Path) -> Path:
    # The start of an OLE2 container holding an "EncryptedPackage" stream, as Excel writes
    # for a workbook protected with a password.
    body = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    body += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 2048
    path.write_bytes(bytes(body))
    return path


def with_entities(path: Path, good: Path) -> Path:
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/workbook.xml":
                bomb = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><workbook'
                data = data.replace(b"<workbook", bomb, 1)
            dst.writestr(item, data)
    return path


def bomb(path: Path, good: Path) -> Path:
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/media/padding.bin", b"\x00" * (60 * 1024 * 1024))
    return path


def only_chart(path: Path) -> Path:
    book = Workbook()
    book.create_chartsheet("Chart")
    book.remove(book.active)
    book.save(path)
    return path


def purchases_log(path: Path, n: int = 3) -> Path:
    rows = [["Дата", "Клиент", "Телефон", "Сумма", "Товар"]]
    rows += [[datetime(2026, 5, d, 10, 0), "Анна Петрова", "89161234567", "1 234,50", "капучино"]
             for d in range(1, n + 1)]
    rows += [["02.05.2026 12:30", "Jonas Kazlauskas", "+37061234567", 15.5, "latte"]]
    return xlsx(path, rows, title="Продажи")
