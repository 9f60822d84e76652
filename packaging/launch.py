"""The frozen app's entry point: the same ``retainer`` command as the installed package."""

import sys

from retainer.cli import main

if __name__ == "__main__":
    sys.exit(main())
