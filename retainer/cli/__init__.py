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
from retainer.cli import backup, demo, export, import_file, metrics, move_to, remind, window
from retainer.cli.common import argparse_speaks_the_language
from retainer.i18n import tr

COMMANDS = (demo, import_file, export, metrics, remind, backup, move_to)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="retainer",
                                  description=tr("Retainer keeps the customers you already have."),
                                  epilog=tr("Run 'retainer COMMAND --help' for what each command "
                                            "takes. With no command, the window opens."))
    window.add_options(top)
    commands = top.add_subparsers(title=tr("commands"), dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(commands)
    top.set_defaults(run=window.run)
    return top


def main(argv: list[str] | None = None) -> int:
    startup.mark("interpreter ready")
    i18n.speak()  # the user's language, for the help and the output (the window sets its own)
    argparse_speaks_the_language()
    args = parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        # Piped into `head` and the reader left: not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
