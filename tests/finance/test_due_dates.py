"""``due_dates`` works the months out by hand (an import works out hundreds of schedules): each
date must be ``first_due + relativedelta(months=k)``, the day clipped to a shorter month's end and
kept again after it (Jan 31 → Feb 28/29 → Mar 31), across leap years and year ends."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta

from ashore.finance.schedule import due_dates


@pytest.mark.parametrize("year", [1999, 2000, 2024, 2026, 2100])
def test_due_dates_are_first_due_plus_k_calendar_months(year: int) -> None:
    day = date(year, 1, 1)
    while day.year == year:
        assert due_dates(day, 61) == [day + relativedelta(months=k) for k in range(61)]
        day += timedelta(days=1)


def test_the_day_is_clipped_then_kept() -> None:
    assert due_dates(date(2026, 1, 31), 4) == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
    ]
    assert due_dates(date(2027, 12, 30), 3) == [
        date(2027, 12, 30),
        date(2028, 1, 30),
        date(2028, 2, 29),
    ]
    assert due_dates(date(2026, 5, 1), 0) == []
