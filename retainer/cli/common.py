"""What the command-line tools share: the --db option, and opening the base with a plain
message on failure."""

from __future__ import annotations

import argparse
import sys

from retainer.i18n import QT_TR_NOOP, tr

# argparse's own words (usage, errors, the help option), in the catalogs like every other
# string of the command line.
ARGPARSE_WORDS = (
    QT_TR_NOOP("usage: "), QT_TR_NOOP("positional arguments"), QT_TR_NOOP("options"),
    QT_TR_NOOP("show this help message and exit"), QT_TR_NOOP("%(prog)s: error: %(message)s\n"),
    QT_TR_NOOP("the following arguments are required: %s"),
    QT_TR_NOOP("unrecognized arguments: %s"),
    QT_TR_NOOP("invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TR_NOOP("argument %(argument_name)s: %(message)s"), QT_TR_NOOP("expected one argument"),
    QT_TR_NOOP("expected at least one argument"), QT_TR_NOOP("expected at most one argument"),
    QT_TR_NOOP("invalid %(type)s value: %(value)r"),
    QT_TR_NOOP("ambiguous option: %(option)s could match %(matches)s"),
    QT_TR_NOOP("not allowed with argument %s"), QT_TR_NOOP("one of the arguments %s is required"),
    QT_TR_NOOP("can't open '%(filename)s': %(error)s"),
)


def argparse_speaks_the_language() -> None:
    """argparse looks each of its words up through its module's ``_`` when it prints them;
    pointing that at ``tr`` puts usage lines and errors in the user's language."""
    argparse._ = tr


def add_db_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: `retainer --db X remind` keeps the X given before the command.
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help=tr("customer base: a file or a database address (default: "
                                "RETAINER_DB, then your data folder, as the window)"))


def open_base(db: str | None):
    """The customer base named by --db (or RETAINER_DB, or the default), or None after
    printing why it cannot be opened."""
    from retainer.db.engine import DatabaseError
    from retainer.preferences import database_location
    from retainer.services import open_retainer

    try:
        return open_retainer(database_location(db))
    except DatabaseError as exc:
        print(str(exc), file=sys.stderr)
        return None
