"""Ways a base file gets damaged, for the tests of what Retainer does about it."""

import hashlib
import sqlite3
from pathlib import Path


def digest(path: Path) -> str:
    """The file's bytes, in short: equal digests, an unchanged file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def settle(path: Path) -> None:
    """Everything written into the main file, with no journal beside it."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()


def truncate(path: Path) -> None:
    """Cut off half the file, as a failed copy or a full disk leaves it."""
    settle(path)
    size = path.stat().st_size
    with open(path, "rb+") as fh:
        fh.truncate(size // 2)


def scramble_table(path: Path, table: str = "customers") -> None:
    """Garbage over the root page of ``table``: the file still opens, its rows are lost."""
    settle(path)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    with open(path, "rb+") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(bytes((n * 37 + 11) % 256 for n in range(page_size)))


def scramble_schema(path: Path) -> None:
    """Garbage over the schema on the first page, past the file header."""
    settle(path)
    with open(path, "rb+") as fh:
        fh.seek(100)
        fh.write(bytes((n * 53 + 7) % 256 for n in range(3000)))
