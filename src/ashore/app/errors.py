"""The errors a user may see: input that is wrong, and a world that went wrong (disk, lock, data).

Anything else that escapes is a bug: the command line and the window log its traceback under the
data dir and show one line, never the traceback itself.
"""

from __future__ import annotations


class AshoreError(Exception):
    """A problem the user can understand and act on; ``str(error)`` is the whole message."""


class InputError(AshoreError):
    """The input is wrong: a field, a file, an option. Nothing was changed."""


class DataError(AshoreError):
    """The stored data cannot be used as it is (newer version, corrupt, locked, disk full)."""
