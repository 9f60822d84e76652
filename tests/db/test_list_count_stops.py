"""The list's count of a query the owner has typed past is stopped midway, not left to take a
core: on SQLite (interrupt) and on a server (cancel) alike."""

import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from retainer.db import queries
from retainer.rules.validation import CustomerForm
from retainer.services import CustomerQuery
from retainer.services.customer_list import Stoppable

# Counts fifty million generated rows: many seconds on either database, unless stopped.
SLOW = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 50000000) "
        "SELECT count(*) FROM n")


def test_a_count_nobody_waits_for_is_stopped_midway(services, monkeypatch):
    services.customers.create(CustomerForm(name="Anna Petrova"))
    monkeypatch.setattr(queries, "count_statement", lambda flt, status: text(SLOW))
    stoppable = Stoppable()
    threading.Timer(0.3, stoppable.stop).start()
    started = time.perf_counter()
    assert services.customer_list.count(CustomerQuery(), stoppable) is None
    assert time.perf_counter() - started < 3
    monkeypatch.undo()
    # The stopped connection went back to the pool sound: the next count runs on it.
    assert services.customer_list.count(CustomerQuery(), Stoppable()) == 1


def test_a_count_stopped_before_it_began_does_not_run(services, monkeypatch):
    monkeypatch.setattr(queries, "count_statement", lambda flt, status: text(SLOW))
    stoppable = Stoppable()
    stoppable.stop()
    started = time.perf_counter()
    assert services.customer_list.count(CustomerQuery(), stoppable) is None
    assert time.perf_counter() - started < 3


def test_a_count_that_fails_for_another_reason_still_says_so(services, monkeypatch):
    monkeypatch.setattr(queries, "count_statement",
                        lambda flt, status: text("SELECT count(*) FROM no_such_table"))
    with pytest.raises(DBAPIError, match="no_such_table"):
        services.customer_list.count(CustomerQuery(), Stoppable())
