"""Two terminals importing at once: the second waits its turn, then finds the first's
customers as duplicates, so nobody is in the base twice and neither import is lost."""

import threading

import pytest
from sqlalchemy import func, select

from retainer.db.models import Customer, CustomerPhone
from retainer.services import open_retainer
from tests.conftest import NOW
from tests.excel import ugly


def listed(tmp_path, name, numbers):
    rows = [["Name", "Phone"]] + [[f"Customer {n}", f"+370 612 {10000 + n}"] for n in numbers]
    return ugly.xlsx(tmp_path / name, rows)


def test_two_imports_at_once_leave_each_customer_once(base, services, tmp_path):
    services.change_settings(default_region="LT")
    other = open_retainer(base, clock=lambda: NOW)
    first = listed(tmp_path, "till-1.xlsx", range(0, 3000))
    second = listed(tmp_path, "till-2.xlsx", range(2000, 4000))  # 1000 in both files
    start, reports, failures = threading.Barrier(2), {}, []

    def run(retainer, path):
        plan = retainer.imports.layout(str(path)).plan()
        start.wait()
        try:
            reports[path.name] = retainer.imports.run_to_end(plan)
        except Exception as exc:  # noqa: BLE001 - collected and checked below
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(services, first)),
               threading.Thread(target=run, args=(other, second))]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        other.close()
    assert failures == []
    added = sum(r.customers_added for r in reports.values())
    assert added == 4000
    assert sum(r.skipped + r.customers_updated for r in reports.values()) == 1000
    with services.ctx.read() as s:
        assert s.execute(select(func.count()).select_from(Customer)).scalar() == 4000
        assert s.execute(select(func.count(func.distinct(CustomerPhone.number)))).scalar() == 4000


@pytest.mark.sqlite_only
def test_on_sqlite_an_import_waits_for_another_writer_longer_than_a_save_would(
        services, db_path, tmp_path, monkeypatch):
    """Another program holds the base's write lock for a second: a plain save gives up after
    the usual wait (shortened here to a fifth of a second), an import waits its turn."""
    import sqlite3
    import time

    from retainer.db import engine
    from retainer.rules.validation import CustomerForm

    monkeypatch.setattr(engine, "BUSY_MS", 200)
    services.close()
    services = open_retainer(str(db_path), clock=lambda: NOW)
    services.change_settings(default_region="LT")
    plan = services.imports.layout(str(listed(tmp_path, "list.xlsx", range(50)))).plan()
    holder = sqlite3.connect(db_path, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(1.0, holder.commit).start()
    try:
        with pytest.raises(Exception, match="locked"):
            services.customers.create(CustomerForm(name="Anna Petrova"))
        started = time.monotonic()
        report = services.imports.run_to_end(plan)
        assert time.monotonic() - started > 0.4 and report.customers_added == 50
    finally:
        holder.close()
        services.close()
