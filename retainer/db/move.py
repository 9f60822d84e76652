"""Moving a SQLite customer base onto a PostgreSQL server, for a shop with several tills.

The server's database gets the newest schema from the migrations, then every table is copied
in the order its foreign keys need, a few thousand rows at a time, in one transaction: a move
that fails part-way leaves the server's database as empty as it was, and the SQLite file is
only read. The row counts of every table are compared before the commit; the ids stay the
same, and the server's id sequences continue after them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

from retainer.db.engine import Database, DatabaseError, open_database
from retainer.db.models import Base
from retainer.i18n import tr

CHUNK = 5000


@dataclass(frozen=True)
class Moved:
    counts: dict[str, int]   # rows copied, by table

    @property
    def customers(self) -> int:
        return self.counts.get("customers", 0)


def _on_server(url: str, statement: str) -> None:
    """A statement about a whole database, run from the server's own ``postgres`` database
    (the user must be allowed to create databases)."""
    from sqlalchemy import create_engine

    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(statement))
    finally:
        admin.dispose()


def create_database(url: str) -> None:
    """Create the (empty) database the address names."""
    _on_server(url, 'CREATE DATABASE "{}"'.format(make_url(url).database.replace('"', '""')))


def drop_database(url: str) -> None:
    """Drop the database the address names, with whoever is still connected to it."""
    name = make_url(url).database.replace('"', '""')
    _on_server(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def open_target(url: str) -> Database:
    """The server's database at the newest schema, created when the server has none of that
    name yet. Refused unless it is a PostgreSQL address and holds no customers."""
    parsed = make_url(url) if "://" in url else None
    if parsed is None or parsed.get_backend_name() != "postgresql" or not parsed.database:
        raise DatabaseError(tr(
            "“{url}” is not the address of a database on a PostgreSQL server. It looks like "
            "postgresql+psycopg://user:password@server/retainer").format(url=url))
    try:
        target = open_database(url)
    except DatabaseError as first:
        if "does not exist" not in str(first.__cause__ or first):
            raise
        try:
            create_database(url)
        except (OperationalError, ProgrammingError) as exc:
            raise DatabaseError(tr(
                "The server has no database “{name}”, and it could not be created: {reason}")
                .format(name=parsed.database, reason=getattr(exc, "orig", exc))) from exc
        target = open_database(url)
    with target.sessions() as session:
        held = session.execute(text("SELECT count(*) FROM customers")).scalar()
    if held:
        target.dispose()
        raise DatabaseError(tr(
            "The database {location} already holds customers ({count}). Move the base to a "
            "new, empty database; nothing was copied.").format(location=target.location,
                                                                count=held))
    return target


def _rows(source: Database, table) -> Iterator[list[dict]]:
    with source.engine.connect() as conn:
        result = conn.execution_options(yield_per=CHUNK).execute(
            select(table).order_by(*table.primary_key.columns))
        for part in result.mappings().partitions(CHUNK):
            yield [dict(row) for row in part]


def move(source: Database, target: Database,
         progress: Callable[[str, int, int], None] | None = None) -> Moved:
    """Copy every row of ``source`` into the (empty, migrated) ``target``; one transaction."""
    tables = list(Base.metadata.sorted_tables)
    with source.engine.connect() as conn:
        expected = {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                    for t in tables}
    with target.engine.begin() as conn:
        for table in tables:
            # A column naming a row of the same table (who referred a customer) may point
            # forward: it is filled in once every row is there.
            later = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
            done, pointers = 0, []
            for rows in _rows(source, table):
                if later:
                    pointers += [{"row": row["id"], **{"to_" + c: row[c] for c in later}}
                                 for row in rows if any(row[c] is not None for c in later)]
                    rows = [{**row, **dict.fromkeys(later)} for row in rows]
                conn.execute(insert(table), rows)
                done += len(rows)
                if progress is not None:
                    progress(table.name, done, expected[table.name])
            if pointers:
                conn.execute(update(table).where(table.c.id == bindparam("row"))
                             .values({c: bindparam("to_" + c) for c in later}), pointers)
        copied = {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                  for t in tables}
        wrong = [name for name in expected if copied[name] != expected[name]]
        if wrong:
            raise DatabaseError(tr(
                "The copy of {table} holds {copied} rows instead of {expected}; nothing was "
                "kept on the server.").format(table=wrong[0], copied=copied[wrong[0]],
                                              expected=expected[wrong[0]]))
        for table in tables:
            if "id" in table.c and table.c.id.autoincrement in (True, "auto"):
                conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"))
    return Moved(copied)
