"""A PostgreSQL server for the tests: each test that runs on it gets a database of its own.

The server's address comes from ``RETAINER_TEST_PG`` (``postgresql+psycopg://user@host:port/db``,
any database the user may connect to). ``.ci/run`` starts a server on loopback and sets it; on
a machine without one the PostgreSQL half of the suite is skipped, except under ``CI=true``,
where a missing server fails the run instead.

The schema is migrated once, into a template database; each test's database is copied from it
(``CREATE DATABASE … TEMPLATE``), which takes a few tens of milliseconds instead of running the
migrations again.
"""

from __future__ import annotations

import itertools
import os

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

TEMPLATE = "retainer_test_template"
_names = itertools.count(1)
_template_ready = False


def server_url() -> str | None:
    return os.environ.get("RETAINER_TEST_PG") or None


def require_server() -> str:
    url = server_url()
    if url is None:
        if os.environ.get("CI"):
            pytest.fail("RETAINER_TEST_PG is not set: CI runs every database test on PostgreSQL")
        pytest.skip("no PostgreSQL server (set RETAINER_TEST_PG to run these on one)")
    return url


def _admin(url: str):
    return create_engine(url, isolation_level="AUTOCOMMIT", pool_size=1)


def _with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _ensure_template(url: str) -> None:
    global _template_ready
    if _template_ready:
        return
    from retainer.db.engine import open_database

    admin = _admin(url)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{TEMPLATE}"'))
    finally:
        admin.dispose()
    open_database(_with_database(url, TEMPLATE)).dispose()
    _template_ready = True


def new_database(url: str, *, migrated: bool = True) -> str:
    """A new, empty database on the server (with the newest schema unless ``migrated`` is
    False); returns its address."""
    if migrated:
        _ensure_template(url)
    name = f"retainer_test_{os.getpid()}_{next(_names)}"
    admin = _admin(url)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            template = f' TEMPLATE "{TEMPLATE}"' if migrated else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{template}'))
    finally:
        admin.dispose()
    return _with_database(url, name)


def drop_database(url: str, address: str) -> None:
    name = make_url(address).database
    admin = _admin(url)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
