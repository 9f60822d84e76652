"""The ``retainer`` command: the window by default, and tools for scripts and benchmarks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from retainer import startup  # noqa: F401  (starts the clock as early as possible)
from retainer.i18n import tr


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="retainer",
        description=tr("Retainer keeps the customers you already have."),
        epilog=tr("Other commands: 'retainer demo --help' makes a demo base; "
                  "'retainer remind --help' prints whom to call today; 'retainer import "
                  "--help' and 'retainer export --help' move data to and from Excel."),
    )
    parser.add_argument("--db", metavar="PATH",
                        help=tr("customer base to open: a file or a database address "
                                "(default: RETAINER_DB, then your data folder)"))
    parser.add_argument("--demo", action="store_true",
                        help=tr("open a demo base with made-up customers, to look around"))
    parser.add_argument("--quit-when-ready", action="store_true",
                        help=tr("open, wait for the first page of customers, print the "
                                "milliseconds since start and quit (for tests)"))
    return parser


def _demo_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="retainer demo",
                                     description=tr("Make a demo customer base."))
    parser.add_argument("--customers", type=int, default=2000, metavar="N")
    parser.add_argument("--years", type=float, default=3.0, metavar="Y")
    parser.add_argument("--seed", type=int, default=7, metavar="S")
    parser.add_argument("--db", metavar="PATH", required=True,
                        help=tr("file to create; it must not exist yet"))
    return parser


def demo_database_path() -> Path:
    from retainer.paths import data_dir

    return data_dir() / "demo.sqlite"


def make_demo(location: str, customers: int, years: float, seed: int, progress=None) -> None:
    from retainer.db.engine import open_database
    from retainer.demo import DemoPlan, generate
    from retainer.services import Retainer

    db = open_database(location)
    try:
        services = Retainer(db)
        if not services.is_empty():
            raise SystemExit(tr("{location} already holds customers; the demo needs an empty "
                                "base.").format(location=db.location))
        for done, total in generate(db, DemoPlan(customers=customers, years=years, seed=seed)):
            if progress:
                progress(done, total)
    finally:
        db.dispose()


def _run_demo(argv: list[str]) -> int:
    args = _demo_parser().parse_args(argv)
    if args.customers < 1 or args.years <= 0:
        print(tr("--customers and --years must be more than zero."), file=sys.stderr)
        return 2
    from retainer.db.engine import DatabaseError

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    try:
        make_demo(args.db, args.customers, args.years, args.seed, progress)
    except DatabaseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(file=sys.stderr)
    print(tr("Demo base ready: {path}").format(path=args.db))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "demo":
        return _run_demo(argv[1:])
    if argv and argv[0] in ("import", "export"):
        from retainer.transfer_cli import run_export, run_import

        return (run_import if argv[0] == "import" else run_export)(argv[1:])
    if argv and argv[0] == "metrics":
        from retainer.metrics_cli import run as run_metrics

        return run_metrics(argv[1:])
    if argv and argv[0] == "remind":
        from retainer.remind_cli import run

        try:
            return run(argv[1:])
        except BrokenPipeError:
            # Piped into `head` and the reader left: not an error worth a traceback.
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    args = _gui_parser().parse_args(argv)
    from retainer.ui.app import run_gui

    return run_gui(db=args.db, demo=args.demo, quit_when_ready=args.quit_when_ready)


if __name__ == "__main__":
    sys.exit(main())
