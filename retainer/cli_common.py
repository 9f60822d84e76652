"""What the command-line tools share: opening the base with a plain message on failure."""

from __future__ import annotations

import sys


def open_base(db: str | None):
    """The customer base named by --db (or RETAINER_DB, or the default), or None after
    printing why it cannot be opened."""
    from retainer.db.engine import DatabaseError
    from retainer.paths import database_location
    from retainer.services import open_retainer

    try:
        return open_retainer(database_location(db))
    except DatabaseError as exc:
        print(str(exc), file=sys.stderr)
        return None
