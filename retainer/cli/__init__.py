"""The ``retainer`` command: the window by default, and tools for scripts and benchmarks.

One module per command; each adds its own sub-parser with :func:`add_parser` and runs with
``run(args)``. With no command, ``retainer`` opens the window (:mod:`retainer.cli.window`).
"""

from __future__ import annotations

import argparse
import os
import sys

from retainer import (
    i18n,
    startup,  # imported first: the start-up clock begins here
)
from retainer.cli import window
from retainer.cli.common import argparse_speaks_the_language
from retainer.i18n import tr

# The words that start a command (each module's sub-parsers); anything else opens the window.
COMMAND_WORDS = {"demo", "import", "export", "metrics", "remind", "backup", "restore", "move-to",
                 "use"}


def commands() -> tuple:
    from retainer.cli import backup, demo, export, import_file, metrics, move_to, remind

    return (demo, import_file, export, metrics, remind, backup, move_to)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="retainer",
                                  description=tr("Retainer keeps the customers you already have."),
                                  epilog=tr("Run 'retainer COMMAND --help' for what each command "
                                            "takes. With no command, the window opens."))
    window.add_options(top)
    subparsers = top.add_subparsers(title=tr("commands"), dest="command", metavar="COMMAND")
    for command in commands():
        command.add_parser(subparsers)
    top.set_defaults(run=window.run)
    return top


def _window_only(argv: list[str]) -> argparse.Namespace | None:
    """The usual start, the window with its options: parsed without loading the commands or
    the command line's catalog (the window installs its own). None when anything else was
    asked, or the options need telling off in the user's language."""
    if COMMAND_WORDS.intersection(argv) or {"-h", "--help"}.intersection(argv):
        return None
    quick = argparse.ArgumentParser(prog="retainer", add_help=False, exit_on_error=False)
    window.add_options(quick)
    try:
        args, rest = quick.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.run = window.run
    return args


def main(argv: list[str] | None = None) -> int:
    startup.mark("interpreter ready")
    argv = sys.argv[1:] if argv is None else argv
    args = _window_only(argv)
    if args is None:
        i18n.speak()  # the user's language, for the help and the output
        argparse_speaks_the_language()
        args = parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        # Piped into `head` and the reader left: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
