"""``python -m ashore``: the same as the ``ashore`` command."""

import sys

from ashore.commands.cli import main

if __name__ == "__main__":
    sys.exit(main())
