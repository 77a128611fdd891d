"""How many months the window's calendar export opens on: from today's month to the last
installment of the plans in force, both counted, at most five years."""

from __future__ import annotations

from datetime import date

from ashore.services.calendars import COVER_MAX_MONTHS, last_due, months_covering
from ashore.services.ledger import Ledger


def test_months_covering_counts_both_ends_within_the_cap() -> None:
    today = date(2026, 11, 28)
    assert months_covering(today, date(2028, 11, 20)) == 25  # Nov 2026 to Nov 2028
    assert months_covering(today, date(2026, 11, 30)) == 1
    assert months_covering(today, date(2026, 6, 15)) == 1  # all of it before this month
    assert months_covering(today, None) == 1
    assert months_covering(today, date(2040, 1, 1)) == COVER_MAX_MONTHS == 60


def test_the_last_due_of_the_sample_book(ledger: Ledger) -> None:  # the sample loaded
    # the worked example's last installment (DOMAIN.md); the other two loans are due in full
    assert last_due(ledger.loans(), date(2026, 11, 28)) == date(2027, 1, 15)
    assert last_due([], date(2026, 11, 28)) is None
