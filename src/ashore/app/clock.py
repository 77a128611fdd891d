"""The one clock: what Ashore takes as *now* and *today*.

Every date and time the app stores, shows or compares comes from a ``Clock`` carried by the
command's ``Context`` (and by the ``Database`` it opens). This module is the only place that reads
the machine's clock; a test fails if any other module does.

- ``Clock()``: the machine's clock.
- ``Clock.on(day)``: ``--today``: that day, at the machine's time of day (so two notes written a
  minute apart still come in order).
- ``Clock.pinned(moment)``: a fixed moment, for tests and for the self-test.
"""

from __future__ import annotations

from datetime import date, datetime, time

from ashore.app.frozen import Frozen


class Clock(Frozen):
    """Now and today as the app sees them. ``day`` replaces the date, ``fixed`` the whole moment."""

    FIELDS = ("day", "fixed")
    day: date | None
    fixed: datetime | None

    def __init__(self, day: date | None = None, fixed: datetime | None = None) -> None:
        self._set(day, fixed)

    @classmethod
    def on(cls, day: date) -> Clock:
        """The day ``day`` at the machine's time of day (``--today``)."""
        return cls(day=day)

    @classmethod
    def pinned(cls, moment: datetime) -> Clock:
        """Always ``moment`` (an aware datetime; a naive one is taken as local time)."""
        return cls(fixed=moment if moment.tzinfo is not None else moment.astimezone())

    @classmethod
    def noon(cls, day: date) -> Clock:
        """Pinned at 12:00 local time on ``day``: what a context built from a bare date uses."""
        return cls.pinned(datetime.combine(day, time(12, 0)).astimezone())

    def now(self) -> datetime:
        """The current moment, local time with its UTC offset (how every time is stored)."""
        if self.fixed is not None:
            return self.fixed
        real = datetime.now().astimezone()
        if self.day is None:
            return real
        return datetime.combine(self.day, real.timetz())

    def today(self) -> date:
        """The day taken as today."""
        if self.fixed is not None:
            return self.fixed.date()
        if self.day is not None:
            return self.day
        return datetime.now().astimezone().date()

    def stamp(self) -> str:
        """``now()`` as a file-name-safe stamp, e.g. ``20261128-101500-000123``."""
        return self.now().strftime("%Y%m%d-%H%M%S-%f")
