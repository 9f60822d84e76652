"""``retainer`` with no command: open the window on the base the options name."""

from __future__ import annotations

import argparse
import gc

from retainer.i18n import tr


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH",
                        help=tr("customer base to open: a file or a database address "
                                "(default: RETAINER_DB, then your data folder)"))
    parser.add_argument("--demo", action="store_true",
                        help=tr("open a demo base with made-up customers, to look around"))
    parser.add_argument("--quit-when-ready", action="store_true",
                        help=tr("open, wait for the first page of customers, print the "
                                "milliseconds since start and quit (for tests)"))
    parser.add_argument("--selftest", action="store_true",
                        help=tr("check this installation offscreen, in every language, in a "
                                "temporary folder: a new base, an import, an export, every "
                                "room and the dashboard; exit 0 only if all of it works"))


def run(args: argparse.Namespace) -> int:
    # The window collects cycles on its own schedule (ui/responsive.py); until it starts, the
    # collector would only walk the modules being loaded again and again.
    gc.disable()
    # The one place the command line reaches the window; Qt is loaded only on this path.
    from retainer.ui.app import run_gui, run_selftest

    if args.selftest:
        return run_selftest()
    return run_gui(db=args.db, demo=args.demo, quit_when_ready=args.quit_when_ready)
