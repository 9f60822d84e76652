"""Opening a customer base: engine set-up, checks and in-process migrations.

Every way a file can be wrong (not a Retainer base, read-only, from a newer Retainer) ends in
:class:`DatabaseError` with a plain message naming the file; nothing is written to such a file.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, InterfaceError, OperationalError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import DBAPIError as SADBAPIError

from retainer.db.backups import DAMAGE_WORDS
from retainer.i18n import tr

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

# The newest schema this version knows; tests/db/test_migrations.py checks it against the
# migration scripts, so start-up can skip importing Alembic when the base is current.
HEAD_REVISION = "0007"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")


class DatabaseError(Exception):
    """A customer base that cannot be opened; the message is for the shop owner."""


class DamagedBase(DatabaseError):
    """A SQLite base whose file is damaged: the window offers the newest sound backup."""

    def __init__(self, path: Path, reason: object) -> None:
        self.path, self.reason = path, str(reason)
        super().__init__(tr(
            "The customer base {path} is damaged ({reason}). Nothing was changed in it. A backup "
            "can be put in its place: File → Restore from a backup, or retainer restore."
        ).format(path=path, reason=reason))


class ServerUnreachable(DatabaseError):
    """The PostgreSQL server cannot be reached: at start, or in the middle of the work. Nothing
    of the failed step was saved (its transaction never committed)."""

    def __init__(self, server: str, reason: object, *, at_start: bool = False,
                 writing: bool = False) -> None:
        self.server, self.reason = server, str(reason).strip()
        if at_start:
            text = tr("The database server {server} cannot be reached ({reason}). Check that the "
                      "server computer is on and connected to the shop's network, then try again.")
        elif writing:
            text = tr("The database server {server} cannot be reached just now, so nothing was "
                      "saved; what you typed is still there. Try again in a moment. If it goes "
                      "on, check that the server computer is on and connected to the shop's "
                      "network.")
        else:
            text = tr("The database server {server} cannot be reached just now; try again in a "
                      "moment. If it goes on, check that the server computer is on and connected "
                      "to the shop's network.")
        super().__init__(text.format(server=server, reason=self.reason.splitlines()[0]
                                     if self.reason else ""))


def server_name(location: str) -> str:
    """A server's address as the owner may see it: host, port and database, no password."""
    try:
        url = make_url(location)
    except ArgumentError:
        return location
    host = url.host or "localhost"
    return f"{host}:{url.port}/{url.database}" if url.port else f"{host}/{url.database}"


# SQLSTATE classes of a lost connection: 08 (connection exception), 57P (the server shutting
# down or the connection terminated). Other operational errors (a deadlock) are not "away".
_AWAY_STATES = ("08", "57P")


def lost_connection(exc: BaseException) -> bool:
    """The error is the server being out of reach (not a fault of the statement)."""
    if not isinstance(exc, SADBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    state = getattr(exc.orig, "sqlstate", None)
    if state is None:
        return isinstance(exc, (OperationalError, InterfaceError)) and "psycopg" in type(
            exc.orig).__module__
    return state.startswith(_AWAY_STATES)


def _damage_in(exc: BaseException) -> bool:
    return any(word in str(getattr(exc, "orig", exc)).lower() for word in DAMAGE_WORDS)


def _truncated(path: Path, header: bytes) -> bool:
    """The file is shorter than its own (100-byte) header says: cut off by a failed copy, a
    full disk or a network drive. Read from the header alone, so it costs nothing at start-up."""
    if len(header) < 100:
        return True
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[24:28] != header[92:96] or pages == 0:  # the count is not kept up to date
        return False
    return path.stat().st_size < pages * page_size


SERVER_TIMEOUTS = {"connect_timeout": 10, "keepalives": 1, "keepalives_idle": 10,
                   "keepalives_interval": 5, "keepalives_count": 3, "tcp_user_timeout": 20000}


def stop_statement(dbapi_connection) -> None:
    """Stop the statement a DBAPI connection is running, from any thread: it fails, and its
    transaction rolls back. sqlite3 has interrupt(); psycopg has cancel()."""
    stop = getattr(dbapi_connection, "interrupt", None) or getattr(dbapi_connection, "cancel", None)
    if stop is not None:
        try:
            stop()
        except Exception:  # noqa: BLE001 - a connection closing meanwhile: nothing to stop
            pass


class Stoppable:
    """A read that may be stopped midway from another thread, because nobody waits for its
    answer any more: the count of a list the owner has already typed past."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection = None
        self.stopped = False

    def running_on(self, dbapi_connection) -> None:
        """The read is about to run on this connection: a stop from now on interrupts it
        (one asked before finds ``stopped`` set, and the read does not begin)."""
        with self._lock:
            self._connection = dbapi_connection

    def done(self) -> None:
        with self._lock:
            self._connection = None

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            if self._connection is not None:
                stop_statement(self._connection)


@dataclass
class Database:
    engine: Engine
    location: str
    backup_path: Path | None = None
    _in_use: set = field(default_factory=set, repr=False)  # DBAPI connections checked out
    _in_use_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _sessions: sessionmaker[Session] | None = field(default=None, repr=False)
    _sessions_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        event.listen(self.engine, "checkout", self._checked_out)
        event.listen(self.engine, "checkin", self._checked_in)

    @property
    def sessions(self) -> sessionmaker[Session]:
        """ORM sessions over this base. The ORM loads with the first of them, from whichever
        thread asks: the window's first page reads with Core alone and does not wait for it."""
        if self._sessions is None:
            with self._sessions_lock:
                if self._sessions is None:
                    from sqlalchemy.orm import sessionmaker

                    self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessions

    def _checked_out(self, dbapi_connection, _record, _proxy) -> None:
        with self._in_use_lock:
            self._in_use.add(dbapi_connection)

    def _checked_in(self, dbapi_connection, _record) -> None:
        with self._in_use_lock:
            self._in_use.discard(dbapi_connection)

    def interrupt(self) -> int:
        """Stop the statements running on this base now, from any thread: each fails, and its
        transaction rolls back. Closing the window uses it to end background work at once.
        Returns how many connections were in use."""
        with self._in_use_lock:
            connections = list(self._in_use)
        for connection in connections:
            stop_statement(connection)
        return len(connections)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()


def _url_for(location: str) -> tuple[str, Path | None]:
    if "://" in location:
        try:
            url = make_url(location)
        except ArgumentError as exc:
            raise DatabaseError(
                tr("“{location}” is neither a file nor a database address.").format(
                    location=location
                )
            ) from exc
        path = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
        return location, path
    path = Path(location).expanduser()
    return "sqlite:///" + str(path), path


# How long a write waits for another writer to finish before it fails (an import waits
# longer: services/imports/service.py).
BUSY_MS = 5000


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # 32 MB of page cache (the default is 2 MB): bulk inserts into the list index stay in
    # memory instead of re-reading pages, and big lists sort without spilling.
    cursor.execute("PRAGMA cache_size=-32768")
    cursor.close()


def _check_sqlite_file(path: Path) -> bool:
    """Refuse files we must not touch. Returns True when the base is new (no file yet)."""
    if path.is_dir():
        raise DatabaseError(tr("{path} is a folder, not a customer base file.").format(path=path))
    if not path.exists():
        parent = path.parent if str(path.parent) else Path(".")
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                tr("Cannot create the folder {folder} for the customer base: {reason}").format(
                    folder=parent, reason=exc.strerror or exc
                )
            ) from exc
        if not os.access(parent, os.W_OK):
            raise DatabaseError(
                tr("Cannot create {path}: the folder is read-only.").format(path=path)
            )
        return True
    if not os.access(path, os.R_OK):
        raise DatabaseError(tr("{path} cannot be read: permission denied.").format(path=path))
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseError(
            tr(
                "{path} is read-only. Retainer needs to save changes there: copy the file "
                "to a folder you can write to, or ask for write permission."
            ).format(path=path)
        )
    if path.stat().st_size == 0:
        return True
    with open(path, "rb") as fh:
        header = fh.read(100)
    if header[:16] != b"SQLite format 3\x00":
        raise DatabaseError(
            tr("{path} is not a Retainer customer base (it is some other kind of file).").format(
                path=path
            )
        )
    if _truncated(path, header):
        raise DamagedBase(path, tr("the file is shorter than its contents"))
    return False


def _current_revision(engine: Engine, location: str, path: Path | None = None) -> str | None:
    """The schema revision stored in the base, or None for an empty base."""
    try:
        with engine.connect() as conn:
            # The usual case first, without the (slow to load) schema inspector: a base with
            # its version stamp.
            try:
                with conn.begin():  # rolled back if it fails, so the inspector can follow
                    rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
            except SADatabaseError:
                rows = None
            if rows is not None and len(rows) == 1:
                return rows[0][0]
            names = set(inspect(conn).get_table_names())
            if not names:
                return None
            if "alembic_version" not in names:
                raise DatabaseError(
                    tr(
                        "{location} is a database, but not a Retainer customer base. "
                        "Nothing was changed in it."
                    ).format(location=location)
                )
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except SADatabaseError as exc:
        if path is not None and _damage_in(exc):
            raise DamagedBase(path, getattr(exc, "orig", exc)) from exc
        if path is None and lost_connection(exc):
            raise ServerUnreachable(server_name(location), getattr(exc, "orig", exc),
                                    at_start=True) from exc
        raise DatabaseError(
            tr("{location} cannot be opened as a customer base: {reason}").format(
                location=location, reason=getattr(exc, "orig", exc)
            )
        ) from exc
    if len(rows) != 1:
        raise DatabaseError(
            tr("{location} has a damaged version stamp; nothing was changed.").format(
                location=location
            )
        )
    return rows[0][0]


MIGRATIONS = Path(__file__).parent / "migrations"


def _backup_before_upgrade(path: Path, shown: str, engine: Engine) -> Path:
    """A checked backup in the backups folder (reason: upgrade) before the schema changes."""
    from retainer.db import backups

    try:
        return backups.take(path, reason="upgrade").path
    except backups.BackupProblem as exc:
        engine.dispose()
        raise DatabaseError(
            tr("{location} was not upgraded, because no backup could be made first: {reason}").format(
                location=shown, reason=exc)) from exc


def _migration_engine(url: str) -> Engine:
    """An engine for the upgrade alone, on SQLite set up so that the upgrade is one transaction
    that a failure undoes whole, and a table rebuilt by a batch migration takes no rows with it.

    pysqlite begins a transaction only before INSERT/UPDATE/DELETE, so its DDL would commit
    statement by statement; here the driver is left in autocommit and BEGIN is sent explicitly.
    ``foreign_keys`` can be switched only outside a transaction: it is off for the upgrade (a
    batch rebuild drops the old table, which with it on deletes every child row), and the
    foreign keys are checked before the commit instead."""
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        dbapi_connection.execute("PRAGMA busy_timeout=30000")

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class MigrationFailed(Exception):
    pass


def upgrade(engine: Engine) -> None:
    """Run the package's Alembic migrations up to head, in this process, in one transaction:
    a failure at any step leaves the schema, the rows and the version stamp as they were."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    sqlite = engine.dialect.name == "sqlite"
    runner = _migration_engine(engine.url.render_as_string(hide_password=False)) if sqlite else engine
    try:
        with runner.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            if sqlite:
                orphans = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if orphans:
                    raise MigrationFailed(
                        tr("the upgrade would leave rows of {table} without their customer").format(
                            table=orphans[0][0]))
    finally:
        if runner is not engine:
            runner.dispose()


def open_database(location: str, *, migrate: bool = True) -> Database:
    """Open (creating or upgrading when needed) the customer base at a path or URL."""
    url, path = _url_for(location)
    # A server's address is shown (the status bar, messages) without its password.
    shown = str(path) if path is not None else make_url(url).render_as_string(hide_password=True)
    if path is not None:
        _check_sqlite_file(path)
    try:
        if path is not None:
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 5})
            event.listen(engine, "connect", _set_sqlite_pragmas)
        else:
            # psycopg forgets an INSERT's row count once its cursor closes; the services
            # count what they made from it, so it is kept.
            # A server that vanished (a cable pulled, the server computer off) is noticed in
            # seconds, not after the operating system's minutes-long TCP time-outs: connecting
            # gives up after 10 s, an idle connection is probed, unacknowledged data fails.
            engine = create_engine(url, pool_pre_ping=True,
                                   execution_options={"preserve_rowcount": True},
                                   connect_args=SERVER_TIMEOUTS)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseError(
            tr("Cannot open {location}: {reason}").format(location=shown, reason=exc)
        ) from exc
    try:
        revision = _current_revision(engine, shown, path)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseError(
            tr("Cannot open {location}: {reason}").format(location=shown, reason=exc.orig)
        ) from exc
    except DatabaseError:
        engine.dispose()
        raise
    if revision is not None and revision not in KNOWN_REVISIONS:
        engine.dispose()
        raise DatabaseError(
            tr(
                "{location} was saved by a newer version of Retainer. Install the newer "
                "version to open it; nothing was changed."
            ).format(location=shown)
        )
    backup = None
    if revision != HEAD_REVISION:
        if not migrate:
            engine.dispose()
            raise DatabaseError(tr("{location} needs an upgrade first.").format(location=shown))
        if revision is not None and path is not None:
            backup = _backup_before_upgrade(path, shown, engine)
        if path is not None:
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        try:
            upgrade(engine)
        except Exception as exc:
            engine.dispose()
            raise DatabaseError(
                tr("Could not upgrade {location}: {reason}. A copy was kept at {backup}.").format(
                    location=shown, reason=exc, backup=backup or "-"
                )
            ) from exc
    elif path is not None:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
    return Database(engine=engine, location=shown, backup_path=backup)
