"""Every released schema, on the PostgreSQL server: a base at that schema, with rows in every
table, upgraded by the app to the newest one keeps every row."""

import shutil

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData, create_engine, select, text

import retainer.db.engine as engine_module
from retainer.db.engine import HEAD_REVISION, open_database
from tests import pg
from tests.db.test_migration_safety import SNAPSHOTS, fill_every_table


def rows(engine, metadata: MetaData, columns_of: dict[str, list[str]]) -> dict[str, list]:
    with engine.connect() as conn:
        return {name: sorted((tuple(r) for r in conn.execute(select(
            *(metadata.tables[name].c[c] for c in columns)))), key=repr)
            for name, columns in columns_of.items()}


@pytest.mark.parametrize("snapshot", [s for s in SNAPSHOTS if HEAD_REVISION not in s.name],
                         ids=lambda p: p.name)
def test_every_released_schema_upgrades_on_the_server_with_every_row_kept(snapshot, tmp_path):
    server = pg.require_server()
    address = pg.new_database(server, migrated=False)
    copy = tmp_path / "shop.sqlite"
    shutil.copyfile(snapshot, copy)
    fill_every_table(copy)
    revision = snapshot.stem.removeprefix("schema-")
    target = create_engine(address)
    try:
        config = Config()
        config.set_main_option("script_location", str(engine_module.MIGRATIONS))
        with target.begin() as conn:  # the server's base at that release's schema
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
        source = create_engine(f"sqlite:///{copy}")
        old, new = MetaData(), MetaData()
        old.reflect(source)
        new.reflect(target)
        columns_of = {name: [c.name for c in table.c] for name, table in old.tables.items()
                      if name != "alembic_version"}
        with source.connect() as read, target.begin() as write:
            write.execute(text("SET session_replication_role = replica"))  # keys checked below
            for name in columns_of:
                found = [dict(r._mapping) for r in read.execute(select(old.tables[name]))]
                if found:
                    write.execute(new.tables[name].insert(), found)
        before = rows(source, old, columns_of)
        source.dispose()
        assert all(before.values())  # rows in every table

        opened = open_database(address)  # as a till would: the app upgrades it
        with opened.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD_REVISION
        opened.dispose()
        after = MetaData()
        after.reflect(target)
        assert rows(target, after, columns_of) == before
        with target.connect() as conn:  # every child row still has its parent
            for table in after.sorted_tables:
                for fk in table.foreign_keys:
                    orphans = conn.execute(text(
                        f"SELECT count(*) FROM {table.name} c WHERE c.{fk.parent.name} IS NOT NULL "
                        f"AND NOT EXISTS (SELECT 1 FROM {fk.column.table.name} p "
                        f"WHERE p.{fk.column.name} = c.{fk.parent.name})")).scalar()
                    assert orphans == 0, f"{table.name}.{fk.parent.name}"
    finally:
        target.dispose()
        pg.drop_database(server, address)
