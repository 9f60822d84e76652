"""What the command-line tools share: the --db option, and opening the base with a plain
message on failure."""

from __future__ import annotations

import argparse
import sys

from retainer.i18n import tr


def add_db_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: `retainer --db X remind` keeps the X given before the command.
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help=tr("customer base: a file or a database address (default: "
                                "RETAINER_DB, then your data folder, as the window)"))


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
