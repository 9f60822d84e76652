"""Import of a 100k-row Excel list and export of the 100k-customer / 1M-purchase base.

    python benchmarks/transfer.py [--runs 3]      (needs pandas: pip install -e ".[bench]")

Each measurement runs in a fresh process, so its peak memory is its own. Compared in the same
run: pandas.read_excel (its default engine) + DataFrame.to_sql on the same file, and
openpyxl's write-only writer alone writing the same cells as the export.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import DATA, fresh_copy, summary  # noqa: E402 - once sys.path holds benchmarks/

ROWS = 100_000


def sample_file() -> Path:
    """A 100k-row customer list as shops keep them: title rows, mixed phone and date formats."""
    path = DATA / f"customers-{ROWS}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    DATA.mkdir(exist_ok=True)
    rng = random.Random(5)
    book = Workbook(write_only=True)
    ws = book.create_sheet("Клиенты")
    ws.append(["Клиенты магазина на 01.11.2026"])
    ws.append([])
    ws.append(["ФИО", "Телефон", "E-mail", "Дата рождения", "Город", "Карта", "Примечание"])
    first = ["Анна", "Мария", "Иван", "Ольга", "Jonas", "Rūta", "Oliver", "Emily", "Сергей", "Eglė"]
    last = ["Петрова", "Смирнов", "Kazlauskas", "Smith", "Иванова", "Jankauskienė", "Brown", "Волков"]
    for i in range(ROWS):
        kind = i % 4
        digits = 1000000 + i
        if kind == 0:
            phone = f"8 (916) {digits // 10000:03d}-{digits // 100 % 100:02d}-{digits % 100:02d}"
        elif kind == 1:
            phone = float(f"7926{digits:07d}")
        elif kind == 2:
            phone = f"+370 6{digits % 10000000:07d}"
        else:
            phone = f"+44 7400 {digits % 1000000:06d}"
        born = date(1950 + rng.randrange(50), rng.randrange(1, 13), rng.randrange(1, 28))
        ws.append([f"{rng.choice(first)} {rng.choice(last)}", phone,
                   f"client{i}@example.com" if i % 3 else None,
                   born if i % 2 else born.strftime("%d.%m.%Y"),
                   rng.choice(["Москва", "Vilnius", "London", None]), f"C{100000 + i}",
                   "постоянный" if i % 10 == 0 else None])
    book.save(path)
    return path


CARDS = 20_000  # cards in the register's log: five purchases each on average


def card_log_file() -> Path:
    """A cash register's export: 100k sales keyed by a loyalty card number, nothing else."""
    path = DATA / f"card-log-{ROWS}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    DATA.mkdir(exist_ok=True)
    rng = random.Random(6)
    book = Workbook(write_only=True)
    ws = book.create_sheet("Продажи")
    ws.append(["Чек", "Дата", "Номер карты", "Сумма, руб."])
    start = date(2024, 1, 1).toordinal()
    for i in range(ROWS):
        day = date.fromordinal(start + rng.randrange(1000))
        amount = 0 if i % 25 == 0 else round(rng.uniform(90, 4000), 2)
        ws.append([500000 + i, day, f"{rng.randrange(CARDS):06d}", amount])
    book.save(path)
    return path


def totals_file() -> Path:
    """A customer list with totals instead of purchases: 100k customers, each with a total,
    a count, a first and a last date."""
    path = DATA / f"totals-{ROWS}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    DATA.mkdir(exist_ok=True)
    rng = random.Random(7)
    book = Workbook(write_only=True)
    ws = book.create_sheet("Клиенты")
    ws.append(["Клиенты салона на 01.12.2026"])
    ws.append(["ФИО", "Телефон", "Сумма покупок, ₽", "Кол-во покупок", "Клиент с", "Последняя покупка"])
    end = date(2026, 11, 30).toordinal()
    for i in range(ROWS):
        first = end - rng.randrange(30, 1500)
        last = rng.randrange(first, end)
        count = rng.randrange(1, 40)
        digits = 2000000 + i
        phone = f"8 (916) {digits // 10000:03d}-{digits // 100 % 100:02d}-{digits % 100:02d}"
        ws.append([f"Клиент {i}", phone,
                   f"{count * rng.randrange(500, 3000):,}".replace(",", " "), count,
                   date.fromordinal(first).strftime("%d.%m.%Y"), date.fromordinal(last)])
    book.save(path)
    return path


def one(kind: str, arg: str) -> None:
    """Runs one measurement in this process; prints seconds and peak RSS in MB."""
    started = time.perf_counter()
    if kind == "import":
        from retainer.services import open_retainer

        db = Path(tempfile.mkdtemp()) / "import.sqlite"
        services = open_retainer(str(db))
        services.change_settings(default_region="RU")
        started = time.perf_counter()
        report = services.imports.run_to_end(services.imports.layout(arg).plan())
        assert report.customers_added == ROWS, (report.customers_added, report.problems[:3])
    elif kind in ("import-log", "import-totals"):
        from retainer.services import open_retainer

        db = Path(tempfile.mkdtemp()) / "import.sqlite"
        services = open_retainer(str(db))
        services.change_settings(default_region="RU")
        started = time.perf_counter()
        report = services.imports.run_to_end(services.imports.layout(arg).plan())
        if kind == "import-log":
            # Two sales of the same card, day and amount count once, as a re-import would.
            assert report.purchases_added > ROWS * 0.999 and report.customers_added > CARDS * 0.99, \
                (report.purchases_added, report.customers_added, report.problems[:3])
        else:
            assert report.customers_added == ROWS and not report.problems, report.problems[:3]
    elif kind == "pandas":
        import sqlite3

        import pandas as pd

        frame = pd.read_excel(arg, header=2)
        with sqlite3.connect(Path(tempfile.mkdtemp()) / "pandas.sqlite") as conn:
            frame.to_sql("customers", conn, index=False)
    elif kind == "export":
        from retainer.services import open_retainer

        services = open_retainer(arg)
        started = time.perf_counter()
        services.exports.export_all_to_end(str(Path(tempfile.mkdtemp()) / "all.xlsx"))
    elif kind == "raw":
        raw_writer(arg)
        return
    seconds = time.perf_counter() - started
    print(f"{seconds:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")


def raw_writer(base: str) -> None:
    """openpyxl's write-only writer alone: the export's cells (every sheet but the Summary),
    read beforehand, then written and saved; only the writing and saving are timed."""
    import sqlite3

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    conn = sqlite3.connect(base)
    customers = conn.execute(
        "SELECT id, name, primary_phone, '', email, birthday, city, address, card_number, tag_list,"
        " source, referred_by_id, 'no', 'no', notes, created_at, 'Active', purchase_count,"
        " total_spent_cents / 100.0, first_purchase_at, last_purchase_at, churn_reason"
        " FROM customers").fetchall()
    purchases = conn.execute(
        "SELECT p.customer_id, c.name, c.primary_phone, p.purchased_at, p.amount_cents / 100.0,"
        " p.items, p.comment FROM purchases p JOIN customers c ON c.id = p.customer_id"
        " ORDER BY p.customer_id, p.purchased_at").fetchall()
    from datetime import datetime

    parse = datetime.fromisoformat
    customers = [list(r[:5]) + [date.fromisoformat(r[5]) if r[5] else None] + list(r[6:15])
                 + [parse(r[15]).date()] + list(r[16:19])
                 + [parse(r[19]).date() if r[19] else None, parse(r[20]).date() if r[20] else None, r[21]]
                 for r in customers]
    purchases = [[r[0], r[1], r[2], parse(r[3]), r[4], r[5], r[6]] for r in purchases]
    contacts = [[r[0], r[1], r[2], parse(r[3])] + list(r[4:]) for r in conn.execute(
        "SELECT t.customer_id, c.name, c.primary_phone, t.contacted_at, t.channel, t.outcome,"
        " t.satisfied, t.satisfaction_comment, t.wished_offer, t.referral_note, t.notes"
        " FROM contacts t JOIN customers c ON c.id = t.customer_id ORDER BY t.contacted_at")]
    feedback = [[r[0], r[1], r[2], date.fromisoformat(r[3])] + list(r[4:]) for r in conn.execute(
        "SELECT f.customer_id, c.name, c.primary_phone, f.given_on, f.nps_score, f.comment,"
        " f.is_complaint, f.resolution, f.churn_reason"
        " FROM feedback f JOIN customers c ON c.id = f.customer_id ORDER BY f.given_on")]
    reminders = [[r[0], r[1], r[2], date.fromisoformat(r[3])] + list(r[4:]) for r in conn.execute(
        "SELECT m.customer_id, c.name, c.primary_phone, m.due_on, m.reason, m.state,"
        " m.snoozed_until, m.note FROM reminders m JOIN customers c ON c.id = m.customer_id")]
    started = time.perf_counter()
    book = Workbook(write_only=True)
    for title, rows, formats in (("Customers", customers, {5: "dd.mm.yyyy", 15: "dd.mm.yyyy", 18: "#,##0.00",
                                                           19: "dd.mm.yyyy", 20: "dd.mm.yyyy"}),
                                 ("Purchases", purchases, {3: "dd.mm.yyyy hh:mm", 4: "#,##0.00"}),
                                 ("Calls", contacts, {3: "dd.mm.yyyy hh:mm"}),
                                 ("Feedback", feedback, {3: "dd.mm.yyyy", 4: "0"}),
                                 ("Reminders", reminders, {3: "dd.mm.yyyy"})):
        ws = book.create_sheet(title)
        for row in rows:
            out = []
            for i, value in enumerate(row):
                if i in formats and value is not None:
                    cell = WriteOnlyCell(ws, value=value)
                    cell.number_format = formats[i]
                    out.append(cell)
                else:
                    out.append(value)
            ws.append(out)
    book.save(str(Path(tempfile.mkdtemp()) / "raw.xlsx"))
    seconds = time.perf_counter() - started
    print(f"{seconds:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")


def measure(kind: str, arg: str, runs: int) -> tuple[list[float], list[float]]:
    times, rss = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, __file__, "--one", kind, arg], capture_output=True,
                             text=True, check=True).stdout.split()
        times.append(float(out[-2]) * 1000)
        rss.append(float(out[-1]))
    return times, rss


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", nargs=2, metavar=("KIND", "ARG"))
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    if args.one:
        one(*args.one)
        return 0
    path = sample_file()
    print(f"file: {path.name}, {ROWS:,} rows, {path.stat().st_size / 2**20:.1f} MiB; {os.cpu_count()} cores")
    if not args.skip_import:
        compare_import(path, args.runs)
        shop_files(args.runs)
    if not args.skip_export:
        compare_export(args.runs)
    return 0


def compare_import(path: Path, runs: int) -> None:
    ours, ours_rss = measure("import", str(path), runs)
    theirs, theirs_rss = measure("pandas", str(path), runs)
    print(f"import, end to end (read, check, normalise, insert): {summary(ours)}   target <= 8000 ms")
    print(f"pandas.read_excel + DataFrame.to_sql:               {summary(theirs)}")
    ratio = sorted(theirs)[len(theirs) // 2] / sorted(ours)[len(ours) // 2]
    print(f"  Retainer is {ratio:.1f}x faster (target >= 1.7x)")
    print(f"peak RSS, import:{' ' * 36}{summary(ours_rss, 'MB')}   target <= 400 MB")
    print(f"peak RSS, pandas:                                    {summary(theirs_rss, 'MB')}")


def shop_files(runs: int) -> None:
    log, totals = card_log_file(), totals_file()
    times, rss = measure("import-log", str(log), runs)
    print(f"import of {ROWS:,} sales keyed by a card number ({CARDS:,} cards), end to end: "
          f"{summary(times)}   target <= 8000 ms; peak RSS {summary(rss, 'MB')}")
    times, rss = measure("import-totals", str(totals), runs)
    print(f"import of {ROWS:,} customers with totals (opening histories), end to end: "
          f"{summary(times)}   target <= 8000 ms; peak RSS {summary(rss, 'MB')}")


def compare_export(runs: int) -> None:
    base = fresh_copy("export")
    export, export_rss = measure("export", str(base), runs)
    raw, raw_rss = measure("raw", str(base), runs)
    print(f"export of the whole base:                            {summary(export)}")
    print(f"openpyxl write-only alone, same cells:               {summary(raw)}")
    ratio = sorted(export)[len(export) // 2] / sorted(raw)[len(raw) // 2]
    print(f"  export / raw writer: {ratio:.2f}x (target <= 1.3x)")
    print(f"peak RSS, export:{' ' * 36}{summary(export_rss, 'MB')}   target <= 400 MB")


if __name__ == "__main__":
    sys.exit(main())
