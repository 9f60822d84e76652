"""Where Retainer keeps its files. Every location has an environment override."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Retainer"


def data_dir() -> Path:
    override = os.environ.get("RETAINER_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "retainer.sqlite"


def database_location(cli_value: str | None = None) -> str:
    """The database to open: ``--db`` first, then ``RETAINER_DB``, then the user data dir.

    The value is a file path or an SQLAlchemy URL (``postgresql+psycopg://...``).
    """
    return cli_value or os.environ.get("RETAINER_DB") or str(default_database_path())
