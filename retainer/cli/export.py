"""``retainer export``: the whole base to one Excel workbook, as the window's File → Export."""

from __future__ import annotations

import argparse
import sys

from retainer.cli.common import add_db_option, open_base
from retainer.i18n import tr


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser("export", help=tr("export the whole base to Excel"),
                                 description=tr("Export the whole base to one Excel workbook."))
    parser.add_argument("file")
    add_db_option(parser)
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    services = open_base(args.db)
    if services is None:
        return 1
    try:
        report = services.exports.export_all_to_end(args.file)
    except OSError as exc:
        print(tr("Could not write {file}: {reason}").format(file=args.file, reason=exc.strerror or exc),
              file=sys.stderr)
        return 1
    finally:
        services.close()
    print(report.saved_line(args.file))
    if report.removed_characters:
        print(tr("%Ln control characters that Excel does not accept were removed.", "",
                 report.removed_characters))
    return 0
