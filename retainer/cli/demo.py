"""``retainer demo``: make a demo customer base, to look around or to measure."""

from __future__ import annotations

import argparse
import sys

from retainer.i18n import tr


def add_parser(commands) -> argparse.ArgumentParser:
    parser = commands.add_parser("demo", help=tr("make a demo base with made-up customers"),
                                 description=tr("Make a demo customer base."))
    parser.add_argument("--customers", type=int, default=2000, metavar="N")
    parser.add_argument("--years", type=float, default=3.0, metavar="Y")
    parser.add_argument("--seed", type=int, default=7, metavar="S")
    parser.add_argument("--db", metavar="PATH", required=True,
                        help=tr("file to create; it must not exist yet"))
    parser.set_defaults(run=run)
    return parser


def run(args: argparse.Namespace) -> int:
    # Each command loads the database layers only when it runs, so that `retainer --help` and
    # the window's start do not pay for the commands they do not use.
    from retainer.db.engine import DatabaseError
    from retainer.demo import BaseNotEmpty, make_demo

    if args.customers < 1 or args.years <= 0:
        print(tr("--customers and --years must be more than zero."), file=sys.stderr)
        return 2

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        make_demo(args.db, args.customers, args.years, args.seed, progress)
    except (DatabaseError, BaseNotEmpty) as exc:
        print(file=sys.stderr)
        print(str(exc), file=sys.stderr)
        return 1
    print(file=sys.stderr)
    print(tr("Demo base ready: {path}").format(path=args.db))
    return 0
