"""How long work (an export, ``verify``, the PDF calendar) says how far it is, and is stopped.

A ``Progress`` is called with (done, total) after each step; it returns False to cancel, and the
work then raises ``Cancelled`` at a point where stopping leaves nothing half written.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], bool]


class Cancelled(Exception):
    """The user stopped the work through its progress callback; nothing was written."""


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell ``progress`` that ``done`` of ``total`` steps are done; Cancelled if it says stop."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled
