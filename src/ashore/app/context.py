"""What each command and the window run with: data dir, the clock and the day it calls today,
language."""

from __future__ import annotations

from datetime import date

from ashore.app.clock import Clock
from ashore.app.frozen import Frozen
from ashore.app.paths import DataDir

LANGUAGES: tuple[str, ...] = ("en", "zh_CN")


class Context(Frozen):
    """``today`` is the clock's day when the context was made; ``clock.now()`` stamps every time.

    Built from a bare ``today`` (tests, the self-test) the clock is pinned at noon that day; the
    command line passes the machine's clock, or ``Clock.on(day)`` for ``--today``."""

    FIELDS = ("data", "today", "lang", "clock")
    data: DataDir
    today: date
    lang: str
    clock: Clock

    def __init__(
        self,
        data: DataDir,
        today: date | None = None,
        lang: str = "en",
        clock: Clock | None = None,
    ) -> None:
        if clock is None:
            if today is None:
                raise TypeError("Context needs today or a clock")
            clock = Clock.noon(today)
        day = clock.today() if today is None else today
        self._set(data, day, lang, clock)
