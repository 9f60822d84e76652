"""``retainer move-to URL``: the SQLite base onto a PostgreSQL server, for several tills; and
``retainer use BASE``: which base this computer opens."""

from __future__ import annotations

import argparse
import sys

from retainer.cli.common import add_db_option
from retainer.i18n import tr


def add_parser(commands) -> argparse.ArgumentParser:
    move = commands.add_parser("move-to", help=tr("move the customer base onto a PostgreSQL server"),
                               description=tr(
        "Copy the customer base into a new database on a PostgreSQL server, check that every "
        "table arrived whole, and open the server from now on on this computer. The file is "
        "only read and stays as it is. Close the window first."))
    move.add_argument("url", metavar="URL",
                      help=tr("the database on the server, e.g. "
                              "postgresql+psycopg://retainer:password@192.168.1.10/retainer"))
    add_db_option(move)
    move.set_defaults(run=run_move)
    use = commands.add_parser("use", help=tr("choose the customer base this computer opens"),
                              description=tr(
        "Check that the customer base opens, then open it from now on on this computer: a "
        "file, or a database address on the shop's server (each till runs this once)."))
    use.add_argument("base", metavar="BASE", help=tr("a file, or a database address"))
    use.set_defaults(run=run_use)
    return move


def _say_progress(table: str, done: int, total: int) -> None:
    if done == total or done % 50_000 == 0:
        print(tr("  {table}: {done} of {total}").format(table=table, done=done, total=total),
              file=sys.stderr)


def run_move(args: argparse.Namespace) -> int:
    from retainer import preferences
    from retainer.db import move
    from retainer.db.engine import DatabaseError, open_database

    location = preferences.database_location(getattr(args, "db", None))
    if "://" in location and not location.startswith("sqlite:///"):
        print(tr("{location} is not a SQLite file; only a SQLite base is moved to a server.")
              .format(location=location), file=sys.stderr)
        return 1
    try:
        source = open_database(location)
    except DatabaseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        target = move.open_target(args.url)
    except DatabaseError as exc:
        source.dispose()
        print(str(exc), file=sys.stderr)
        return 1
    try:
        moved = move.move(source, target, _say_progress)
    except DatabaseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        source.dispose()
        target.dispose()
    preferences.save(base=args.url)
    print(tr("Moved {customers} to {server}; every table was checked: {rows} rows in all.").format(
        customers=tr("%Ln customers", "moved …", moved.customers), server=target.location,
        rows=sum(moved.counts.values())))
    print(tr("This computer opens the server from now on. On each other till, install "
             "Retainer and run once:\n    retainer use \"{url}\"\n(or set RETAINER_DB to that "
             "address). The file {file} was left as it was: keep it as a copy, but do not work "
             "in it any more.").format(url=args.url, file=location))
    return 0


def run_use(args: argparse.Namespace) -> int:
    from retainer import preferences
    from retainer.db.engine import DatabaseError, open_database

    try:
        opened = open_database(args.base)
    except DatabaseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    opened.dispose()
    preferences.save(base=args.base)
    print(tr("This computer opens {base} from now on.").format(base=opened.location))
    return 0
