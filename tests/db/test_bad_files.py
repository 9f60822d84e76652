import os
import sqlite3

import pytest

from retainer.db.engine import DatabaseError, open_database


def fingerprint(path):
    return path.read_bytes()


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "customers.xlsx"
    path.write_bytes(b"PK\x03\x04 this is a spreadsheet")
    before = fingerprint(path)
    with pytest.raises(DatabaseError) as err:
        open_database(str(path))
    assert str(path) in str(err.value) and "not a Retainer customer base" in str(err.value)
    assert fingerprint(path) == before


def test_another_programs_sqlite_database(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
    before = fingerprint(path)
    with pytest.raises(DatabaseError, match="not a Retainer customer base"):
        open_database(str(path))
    assert fingerprint(path) == before
    assert not (tmp_path / "other.db-wal").exists()


def test_a_base_from_a_newer_retainer(db_path):
    open_database(str(db_path)).dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = fingerprint(db_path)
    with pytest.raises(DatabaseError) as err:
        open_database(str(db_path))
    assert "newer version of Retainer" in str(err.value) and str(db_path) in str(err.value)
    assert fingerprint(db_path) == before


def test_a_read_only_base(db_path, monkeypatch):
    """os.access decides (tests may run as root, who may write anywhere)."""
    open_database(str(db_path)).dispose()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK and str(p) == str(db_path)
                        else real_access(p, mode))
    with pytest.raises(DatabaseError) as err:
        open_database(str(db_path))
    assert "read-only" in str(err.value) and str(db_path) in str(err.value)


def test_a_folder(tmp_path):
    with pytest.raises(DatabaseError, match="folder"):
        open_database(str(tmp_path))


def test_an_empty_file_becomes_a_new_base(tmp_path):
    path = tmp_path / "new.sqlite"
    path.touch()
    open_database(str(path)).dispose()
    assert path.stat().st_size > 0


def test_a_garbled_address():
    with pytest.raises(DatabaseError):
        open_database("nosuchdriver://x/y")
