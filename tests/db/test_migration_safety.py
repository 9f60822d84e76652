"""Upgrades that keep every row: each released schema, with child rows in every table, is
upgraded with foreign keys on; a table rebuilt by a batch migration keeps its children; a
migration that fails half-way leaves the file exactly as it was."""

import shutil
import sqlite3
from pathlib import Path

import pytest

import retainer.db.engine as engine_module
from retainer.db.engine import HEAD_REVISION, KNOWN_REVISIONS, DatabaseError, open_database

FIXTURES = Path(__file__).parent.parent / "fixtures"
SNAPSHOTS = sorted(FIXTURES.glob("schema-*.sqlite"))


def _value(kind: str, n: int):
    kind = kind.upper()
    if "INT" in kind or "BOOL" in kind:
        return n % 2 if "BOOL" in kind else n
    if "FLOAT" in kind or "NUMERIC" in kind or "REAL" in kind:
        return float(n)
    if "DATETIME" in kind:
        return f"2025-0{1 + n % 9}-1{n % 10} 10:00:00.000000"
    if "DATE" in kind:
        return f"2025-0{1 + n % 9}-1{n % 10}"
    return f"filled-{n}"


def _tables(conn) -> list[str]:
    """Tables parents first, so a child row can point at a parent already there."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    parents = {t: {r[2] for r in conn.execute(f"PRAGMA foreign_key_list({t})")} - {t} for t in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        for table in names:
            if table not in ordered and parents[table] <= set(ordered):
                ordered.append(table)
    return ordered


def fill_every_table(path: Path) -> None:
    """Two more rows in every table (but the version stamp), every foreign key set: to a
    customer, a tag, an import — so an upgrade that loses a child row is seen."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=ON")
    n = 1000
    for table in _tables(conn):
        if table == "alembic_version":
            continue
        columns = conn.execute(f"PRAGMA table_info({table})").fetchall()
        keys = {r[3]: (r[2], r[4]) for r in conn.execute(f"PRAGMA foreign_key_list({table})")}
        single_pk = [c for c in columns if c[5]]
        for _ in range(2):
            n += 1
            row = {}
            for _cid, name, kind, _notnull, _default, pk in columns:
                if pk and len(single_pk) == 1 and "INT" in kind.upper():
                    continue  # rowid: SQLite numbers it
                if name in keys:
                    parent, column = keys[name]
                    row[name] = conn.execute(
                        f"SELECT {column or 'rowid'} FROM {parent} ORDER BY random() LIMIT 1"
                    ).fetchone()[0]
                else:
                    row[name] = _value(kind, n)
            names = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            conn.execute(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})", list(row.values()))
    conn.commit()
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in _tables(conn):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    conn.close()


def rows_of(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    found = {}
    for table in _tables(conn):
        if table == "alembic_version":
            continue
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        found[table] = (columns, conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY {', '.join(columns)}").fetchall())
    conn.close()
    return found


def same_rows(before: dict, after_path: Path) -> None:
    """Every row of every table before the upgrade is there after it, in the old columns."""
    conn = sqlite3.connect(after_path)
    for table, (columns, rows) in before.items():
        now = conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY {', '.join(columns)}").fetchall()
        assert now == rows, f"{table}: rows changed in the upgrade"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


@pytest.mark.parametrize("snapshot", SNAPSHOTS, ids=lambda p: p.name)
def test_every_released_schema_upgrades_with_every_row_kept(snapshot, tmp_path):
    copy = tmp_path / "shop.sqlite"
    shutil.copyfile(snapshot, copy)
    fill_every_table(copy)
    before = rows_of(copy)
    db = open_database(str(copy))
    with db.engine.connect() as conn:  # the app's own connections have the keys on again
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()
    same_rows(before, copy)


# The newest released schema, and the number a next migration would take.
NEWEST = FIXTURES / f"schema-{HEAD_REVISION}.sqlite"
NEXT = f"{int(HEAD_REVISION) + 1:04d}"


def _migrations_with(tmp_path: Path, monkeypatch, body: str) -> None:
    """The package's migrations and one more, NEXT, whose upgrade is ``body``."""
    folder = tmp_path / "migrations"
    shutil.copytree(engine_module.MIGRATIONS, folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / f"{NEXT}_test_step.py").write_text(
        'import sqlalchemy as sa\nfrom alembic import op\n\n'
        f'revision = "{NEXT}"\ndown_revision = "{HEAD_REVISION}"\nbranch_labels = None\n'
        'depends_on = None\n\n'
        f'def upgrade():\n{body}\n\ndef downgrade():\n    pass\n')
    monkeypatch.setattr(engine_module, "MIGRATIONS", folder)
    monkeypatch.setattr(engine_module, "HEAD_REVISION", NEXT)
    monkeypatch.setattr(engine_module, "KNOWN_REVISIONS", (*KNOWN_REVISIONS, NEXT))


REBUILD = '''    with op.batch_alter_table("customers", recreate="always") as batch:
        batch.alter_column("notes", existing_type=sa.Text(), nullable=True)'''


def test_a_batch_rebuild_of_customers_keeps_their_purchases(tmp_path, monkeypatch):
    copy = tmp_path / "shop.sqlite"
    shutil.copyfile(NEWEST, copy)
    fill_every_table(copy)
    before = rows_of(copy)
    _migrations_with(tmp_path, monkeypatch, REBUILD)
    open_database(str(copy)).dispose()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == NEXT
    same_rows(before, copy)


def test_the_trap_is_real_with_foreign_keys_on(tmp_path, monkeypatch):
    """The same rebuild through a connection with foreign keys on loses the children: what
    the test above guards against."""
    copy = tmp_path / "shop.sqlite"
    shutil.copyfile(NEWEST, copy)
    fill_every_table(copy)
    _migrations_with(tmp_path, monkeypatch, REBUILD)
    plain = engine_module._migration_engine

    def keys_on(url):
        engine = plain(url)
        engine_module.event.listen(engine, "connect",
                                   lambda c, _r: c.execute("PRAGMA foreign_keys=ON"))
        return engine

    monkeypatch.setattr(engine_module, "_migration_engine", keys_on)
    with sqlite3.connect(copy) as conn:
        purchases = conn.execute("SELECT count(*) FROM purchases").fetchone()[0]
    open_database(str(copy)).dispose()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM purchases").fetchone()[0] < purchases


def test_a_migration_failing_half_way_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    copy = tmp_path / "shop.sqlite"
    shutil.copyfile(NEWEST, copy)
    fill_every_table(copy)
    with sqlite3.connect(copy) as conn:
        before = list(conn.iterdump())
    _migrations_with(tmp_path, monkeypatch, '''\
    op.add_column("customers", sa.Column("extra", sa.Integer()))
    op.create_table("halfway", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("UPDATE customers SET name = 'changed'")
    op.execute("DELETE FROM purchases")
    raise RuntimeError("the disk went away")''')
    with pytest.raises(DatabaseError) as error:
        open_database(str(copy))
    assert "Could not upgrade" in str(error.value) and "the disk went away" in str(error.value)
    with sqlite3.connect(copy) as conn:
        assert list(conn.iterdump()) == before  # schema, rows and the version stamp
    # and a checked backup was taken before the upgrade began
    kept = list((tmp_path / "backups").glob("shop-*-upgrade.sqlite"))
    assert len(kept) == 1


def test_a_migration_leaving_orphans_is_refused(tmp_path, monkeypatch):
    copy = tmp_path / "shop.sqlite"
    shutil.copyfile(NEWEST, copy)
    with sqlite3.connect(copy) as conn:
        before = list(conn.iterdump())
    _migrations_with(tmp_path, monkeypatch,
                     '    op.execute("DELETE FROM customers WHERE id IN '
                     '(SELECT customer_id FROM purchases)")')
    with pytest.raises(DatabaseError) as error:
        open_database(str(copy))
    assert "without their customer" in str(error.value)
    with sqlite3.connect(copy) as conn:
        assert list(conn.iterdump()) == before
