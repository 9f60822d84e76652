"""Files for the frozen app's self-test (retainer.ui.selftest), made and read here because the
window never touches a file itself: a shop's list in each language's words, and the sheet
names of a workbook Retainer exported."""

from __future__ import annotations

from pathlib import Path

# The same list in each language's words, as a shop's own file would have it.
HEADERS = {"en": ("Name", "Phone", "Purchase date", "Amount"),
           "ru": ("ФИО", "Телефон", "Дата покупки", "Сумма"),
           "lt": ("Vardas", "Telefonas", "Pirkimo data", "Suma")}
ROWS = (("Anna Petrova", "+7 916 123-45-67", "01.11.2026", "1 250,50"),
        ("Jonas Kazlauskas", "+370 612 34567", "15.11.2026", "45"),
        ("Jack Williams", "+44 7557 746789", "20.11.2026", "12,30"))


def sample_list(path: Path, language: str) -> Path:
    """A small customer list with purchases, its titles in ``language``."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS[language])
    for row in ROWS:
        sheet.append(row)
    book.save(path)
    return path


def sheet_names(path: Path) -> list[str]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def shared_server(address: str | None, language: str) -> str:
    """The self-test's look at the shared-server path: the PostgreSQL driver and its libpq
    load from the bundle; given a server's address (whose user may create databases), a new
    database on it gets the newest schema from the bundled migrations, and is dropped again."""
    import os

    import psycopg
    from sqlalchemy.engine import make_url

    from retainer.db import move

    found = f"psycopg {psycopg.__version__}, libpq {psycopg.pq.version()}"
    if not address:
        return found + " (no server named)"
    from retainer.services import CustomerQuery, open_retainer

    name = f"retainer_selftest_{language}_{os.getpid()}"
    target = make_url(address).set(database=name).render_as_string(hide_password=False)
    move.create_database(target)
    try:
        services = open_retainer(target)
        try:
            held = services.customers.count(CustomerQuery())
        finally:
            services.close()
    finally:
        move.drop_database(target)
    if held:
        raise RuntimeError(f"a new database on the server holds {held} customers")
    return found + ", a new database on the server at the newest schema"
