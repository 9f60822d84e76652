import sys

from retainer.cli import main

sys.exit(main())
