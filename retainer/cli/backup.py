"""``retainer backup`` and ``retainer restore``: the base's backups from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from retainer.cli.common import add_db_option
from retainer.i18n import tr


def add_parser(commands) -> argparse.ArgumentParser:
    backup = commands.add_parser("backup", help=tr("back up the customer base"), description=tr(
        "Back up the customer base: a checked copy in the backups folder beside it (or --to), "
        "kept in rotation: 7 daily, 4 weekly and 12 monthly unless Settings say otherwise."))
    add_db_option(backup)
    backup.add_argument("--to", metavar="DIR", help=tr("the folder for the backup (default: "
                                                       "the backups folder beside the base)"))
    backup.set_defaults(run=run_backup)
    restore = commands.add_parser("restore", help=tr("put a backup in place of the customer base"),
                                  description=tr(
        "Put a backup in place of the customer base. The base as it is now is backed up first; "
        "a damaged or foreign file is refused and the base left as it was. Close the window "
        "first."))
    restore.add_argument("file")
    add_db_option(restore)
    restore.set_defaults(run=run_restore)
    return backup


def _base(args) -> Path | None:
    """The SQLite file of --db (or RETAINER_DB, or the default), or None after saying why."""
    from retainer.preferences import database_location

    location = database_location(getattr(args, "db", None))
    if "://" in location and not location.startswith("sqlite:///"):
        print(tr("{location} is not a SQLite file; back up a database server with its own tools.")
              .format(location=location), file=sys.stderr)
        return None
    path = Path(location.removeprefix("sqlite:///")).expanduser()
    if not path.is_file():
        print(tr("There is no customer base at {path}.").format(path=path), file=sys.stderr)
        return None
    return path


def run_backup(args: argparse.Namespace) -> int:
    from retainer.db import backups

    base = _base(args)
    if base is None:
        return 1
    try:
        taken = backups.take(base, Path(args.to) if args.to else None, "manual")
    except backups.BackupProblem as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if not args.to:
        backups.rotate(taken.path.parent, *backups.rotation_of(base), newest=taken.path,
                       of=base.stem)
    print(tr("Backed up to {path} ({size} MB, {customers}).").format(
        path=taken.path, size=f"{taken.size / 1e6:.1f}",
        customers=tr("%Ln customers", "backed up …", backups.customer_count(taken.path) or 0)))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from retainer.db import backups

    base = _base(args)
    if base is None:
        return 1
    source = Path(args.file)
    try:
        before = backups.replace_base(source, base)
    except backups.BackupProblem as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(tr("Restored {file} ({customers}). The base as it was is kept in {before}.").format(
        file=source.name, before=before.path,
        customers=tr("%Ln customers", "restored …", backups.customer_count(base) or 0)))
    return 0

