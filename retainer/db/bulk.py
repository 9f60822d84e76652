"""Inserting many rows at once with as little per-row work as the driver allows.

SQLAlchemy's executemany path builds and processes a parameter dict per row, which costs more
than SQLite's own insert for a 100k-row import. Here each column's bind processor (the same
one SQLAlchemy would use, so stored values are identical) is applied in one pass and the
rows go to the driver's executemany as plain tuples or dicts, per its parameter style.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Sequence

from sqlalchemy import Table, bindparam, insert
from sqlalchemy.engine import Connection


def bulk_insert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0].keys())
    dialect = connection.dialect
    statement = insert(table).values({c: bindparam(c) for c in columns})
    compiled = statement.compile(dialect=dialect)
    processors = [table.c[c].type._cached_bind_processor(dialect) for c in columns]
    order = list(compiled.positiontup) if compiled.positional else None
    prepared: list[Any]
    if order is not None:
        index = [columns.index(name) for name in order]
        prepared = []
        for row in rows:
            values = [row[c] for c in columns]
            values = [p(v) if p is not None and v is not None else v for p, v in zip(processors, values)]
            prepared.append(tuple(values[i] for i in index))
    else:
        prepared = [{c: (p(row[c]) if p is not None and row[c] is not None else row[c])
                     for c, p in zip(columns, processors)} for row in rows]
    connection.exec_driver_sql(str(compiled), prepared)


@contextmanager
def indexes_deferred(connection: Connection, table: str, many: bool) -> Iterator[None]:
    """For a large load into SQLite: drop the table's indexes, rebuild them once at the end.

    Building an index over sorted keys once is several times cheaper than inserting a
    hundred thousand keys into it in random order. Inside the import's transaction, so a
    rollback brings the indexes back untouched. Other databases keep their indexes (dropping
    one would lock out the other terminals for the length of the import).
    """
    if not many or connection.dialect.name != "sqlite":
        yield
        return
    saved = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (table,)).all()
    for name, _ in saved:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        for _, sql in saved:
            connection.exec_driver_sql(sql)
