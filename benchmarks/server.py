"""The figures on a PostgreSQL server, beside the same figures on the SQLite file: search,
the Today list and the Dashboard recompute on the 100k-customer / 1M-purchase base, which
``retainer move-to`` copies onto the server first (timed too).

    python benchmarks/server.py --server postgresql+psycopg://postgres@127.0.0.1:5432/postgres [--runs 7]

``--server`` is an address whose user may create databases; the base is copied into a
database of its own there (``retainer_bench_100000``), once, and reused by later runs.
Reminders are made on both before Today is timed, as on a first morning.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import BIG_CUSTOMERS, fresh_copy, summary  # noqa: E402 - once sys.path holds benchmarks/
from foundation import TYPED  # noqa: E402

PAGE = 200  # the Customers screen's page (ui/customers_model.py)


def server_copy(server: str, source: Path) -> tuple[str, float | None]:
    """The base on the server, moved there by ``retainer move-to`` unless it already is;
    returns its address and how long the move took (None when it was there already)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from retainer.db import move
    from retainer.db.engine import open_database

    name = f"retainer_bench_{BIG_CUSTOMERS}"
    address = make_url(server).set(database=name).render_as_string(hide_password=False)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        there = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
    if there:
        db = open_database(address)
        with db.engine.connect() as conn:
            held = conn.execute(text("SELECT count(*) FROM customers")).scalar()
        db.dispose()
        if held == BIG_CUSTOMERS:
            admin.dispose()
            return address, None
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
    started = time.perf_counter()
    src, target = open_database(str(source)), move.open_target(address)
    move.move(src, target)
    src.dispose()
    target.dispose()
    took = time.perf_counter() - started
    db = open_database(address)
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    db.dispose()
    return address, took


def measure(location: str, runs: int) -> dict[str, list[float]]:
    from retainer.services import CustomerQuery, open_retainer
    from retainer.services.metrics import dashboard

    services = open_retainer(location)
    services.reminders.generate()
    out: dict[str, list[float]] = {"search": [], "search count": [], "today": [], "dashboard": []}
    for _ in range(max(1, runs // 3)):
        for typed in TYPED:
            query = CustomerQuery(text=typed)
            started = time.perf_counter()
            services.customers.page(query, 0, PAGE)
            out["search"].append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            services.customers.count(query)
            out["search count"].append((time.perf_counter() - started) * 1000)
    for _ in range(runs):
        started = time.perf_counter()
        services.customers.status_counts()
        services.today.today()
        out["today"].append((time.perf_counter() - started) * 1000)
    start, end = date(2026, 10, 1), date(2026, 11, 1)
    for _ in range(runs):
        started = time.perf_counter()
        dashboard(services.metrics, services.customers, start, end)
        out["dashboard"].append((time.perf_counter() - started) * 1000)
    services.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sqlite_file = fresh_copy("server")
    address, took = server_copy(args.server, sqlite_file)
    if took is not None:
        print(f"retainer move-to, 100k customers and their rows:  {took:.1f} s")
    on_server = measure(address, args.runs)
    on_file = measure(str(sqlite_file), args.runs)
    targets = {"search": 50, "today": 300, "dashboard": 1000}
    labels = {"search": "search, first page of a keystroke", "search count": "search, the count after it",
              "today": "statuses + ranked Today list", "dashboard": "Dashboard recompute"}
    import statistics

    for key, label in labels.items():
        target = f"   target <= {targets[key]} ms" if key in targets else ""
        ratio = statistics.median(on_server[key]) / max(statistics.median(on_file[key]), 0.01)
        print(f"{label + ':':38} server {summary(on_server[key])}{target}")
        print(f"{'':38} file   {summary(on_file[key])}   server/file {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
