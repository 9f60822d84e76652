"""What this computer's user chose for the program itself, kept beside the base in the data
folder (``preferences.json``): the language of the window and the command line, and the
customer base this computer opens (a shared server's address, once the shop has one).

The shop's own settings (the country of its phone numbers, its currency, the reminders) live
in the base, shared by every till; the language belongs to the person at this computer.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from retainer.paths import data_dir, default_database_path


def path() -> Path:
    return data_dir() / "preferences.json"


def load() -> dict[str, Any]:
    """The saved choices; nothing when there are none or the file cannot be read."""
    try:
        found = json.loads(path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def save(**changes: Any) -> None:
    """Keep ``changes`` (a value of None forgets the choice), written whole or not at all."""
    kept = {k: v for k, v in {**load(), **changes}.items() if v is not None}
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True)
    spare = target.with_suffix(".json.new")
    spare.write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(spare, target)


def database_location(cli_value: str | None = None) -> str:
    """The database to open: ``--db`` first, then ``RETAINER_DB``, then the base this computer
    was pointed at (``retainer use``, ``retainer move-to``), then the file in the data folder.

    The value is a file path or an SQLAlchemy URL (``postgresql+psycopg://...``).
    """
    return (cli_value or os.environ.get("RETAINER_DB") or load().get("base")
            or str(default_database_path()))
