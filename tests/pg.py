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


class Cable:
    """A TCP relay between the app and the server that a test can cut and mend, as a network
    cable pulled out of the till and pushed back: ``address`` is the database's address
    through it."""

    def __init__(self, address: str) -> None:
        import socket
        import threading

        url = make_url(address)
        self._to = (url.host or "127.0.0.1", url.port or 5432)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.address = url.set(port=self._listener.getsockname()[1]).render_as_string(
            hide_password=False)
        self._pairs: list = []
        self._lock = threading.Lock()
        self.connected = True
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import socket
        import threading

        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if not self.connected:
                client.close()
                continue
            try:
                server = socket.create_connection(self._to)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, server))
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.close()
                except OSError:
                    pass

    def cut(self) -> None:
        """Every open connection dropped, and new ones refused, until :meth:`mend`."""
        import socket

        self.connected = False
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            for end in pair:
                try:
                    end.shutdown(socket.SHUT_RDWR)
                    end.close()
                except OSError:
                    pass

    def mend(self) -> None:
        self.connected = True

    def close(self) -> None:
        self._closed = True
        self.cut()
        self._listener.close()
