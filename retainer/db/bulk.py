"""Inserting many rows at once with as little per-row work as the driver allows.

SQLAlchemy's executemany path builds and processes a parameter dict per row, which costs more
than SQLite's own insert for a 100k-row import. Here each column's bind processor (the same
one SQLAlchemy would use, so stored values are identical) is applied in one pass and the
rows go to the driver's executemany as plain tuples or dicts, per its parameter style.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table, bindparam, insert
from sqlalchemy.engine import Connection


def bulk_insert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0].keys())
    dialect = connection.dialect
    statement = insert(table).values({c: bindparam(c) for c in columns})
    compiled = statement.compile(dialect=dialect)
    values = {c: _processed([row[c] for row in rows], table.c[c].type._cached_bind_processor(dialect))
              for c in columns}
    prepared: list[Any]
    if compiled.positional:
        prepared = list(zip(*(values[name] for name in compiled.positiontup), strict=True))
    else:
        prepared = [dict(zip(columns, row, strict=True))
                    for row in zip(*(values[c] for c in columns), strict=True)]
    connection.exec_driver_sql(str(compiled), prepared)


def _processed(column: list[Any], processor) -> list[Any]:
    """One column's values through its bind processor, column by column (several times
    cheaper than row by row). Repeated values, such as the moment every row of an import
    shares, are processed once."""
    if processor is None:
        return column
    done: dict[Any, Any] = {None: None}
    out = []
    for value in column:
        try:
            out.append(done[value])
        except KeyError:
            done[value] = processed = processor(value)
            out.append(processed)
        except TypeError:  # an unhashable value
            out.append(processor(value))
    return out


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
