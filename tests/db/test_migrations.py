import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

import retainer.db.engine as engine_module
from retainer.db.engine import HEAD_REVISION, KNOWN_REVISIONS, open_database
from retainer.db.models import Base

FIXTURES = Path(__file__).parent.parent / "fixtures"


def scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(Path(engine_module.__file__).parent / "migrations"))
    return ScriptDirectory.from_config(config)


def test_head_constant_matches_the_migration_scripts():
    script = scripts()
    assert script.get_current_head() == HEAD_REVISION
    assert set(KNOWN_REVISIONS) == {rev.revision for rev in script.walk_revisions()}


def test_migrations_build_exactly_the_models(db_path):
    db = open_database(str(db_path))
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.dispose()
    assert diff == [], "the models changed without a migration"


def test_sqlite_is_set_up_for_a_desktop_app(db_path):
    db = open_database(str(db_path))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    db.dispose()


@pytest.mark.parametrize("snapshot", sorted(FIXTURES.glob("schema-*.sqlite")), ids=lambda p: p.name)
def test_every_released_schema_opens_and_keeps_its_customers(snapshot, tmp_path):
    copy = tmp_path / snapshot.name
    shutil.copyfile(snapshot, copy)
    db = open_database(str(copy))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD_REVISION
        assert conn.exec_driver_sql("SELECT count(*) FROM customers").scalar() > 0
    db.dispose()


def test_the_released_snapshots_exist():
    assert ({p.name for p in FIXTURES.glob("schema-*.sqlite")}
            >= {f"schema-{r}.sqlite" for r in KNOWN_REVISIONS})


def test_an_upgrade_backs_the_file_up_first(db_path, monkeypatch):
    open_database(str(db_path)).dispose()
    # Pretend the file was written by an older release: its stamp is not our head.
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'older'")
    monkeypatch.setattr(engine_module, "KNOWN_REVISIONS", ("older", *KNOWN_REVISIONS))
    upgraded = []
    monkeypatch.setattr(engine_module, "upgrade", lambda engine: upgraded.append(engine))
    db = open_database(str(db_path))
    db.dispose()
    assert upgraded
    assert db.backup_path is not None and db.backup_path.exists()
    assert db.backup_path.parent == db_path.parent / "backups"
    assert db.backup_path.name.endswith("-upgrade.sqlite")
    with sqlite3.connect(db.backup_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "older"


def test_upgrade_from_0001_counts_purchase_days_and_keeps_a_backup(tmp_path):
    copy = tmp_path / "shop.sqlite"
    shutil.copyfile(FIXTURES / "schema-0001.sqlite", copy)
    db = open_database(str(copy))
    db.dispose()
    assert db.backup_path is not None and db.backup_path.exists()
    with sqlite3.connect(copy) as conn:
        wrong = conn.execute(
            "SELECT count(*) FROM customers WHERE purchase_days != "
            "(SELECT count(DISTINCT day) FROM purchases p WHERE p.customer_id = customers.id)"
        ).fetchone()[0]
        assert wrong == 0
        assert conn.execute("SELECT sum(purchase_days) FROM customers").fetchone()[0] > 0
