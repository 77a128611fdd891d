"""After acceleration the calendar shows one demand on the acceleration day, not the old dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ashore.domain.money import Rate
from ashore.finance import (
    CalendarLoan,
    LoanTerms,
    OverdueRules,
    Payment,
    loan_calendar_entries,
    loan_state,
)


def test_accelerated_installments_are_one_entry_due_on_the_acceleration_day() -> None:
    # 12,000 over 12 months, equal principal (1,000 a month) at 0 %, first due 2026-01-10; nothing
    # paid; the whole balance is demanded once an installment is more than 30 days overdue
    # (2026-02-10).
    terms = LoanTerms(
        principal=Decimal("12000.00"),
        rate=Rate(Decimal("0")),
        method="equal_principal",
        term_count=12,
        first_due=date(2026, 1, 10),
        overdue=OverdueRules(accelerates_after_days=30),
    )
    today = date(2026, 3, 1)
    entries = loan_calendar_entries(CalendarLoan("l", "loan", terms, ()), today)
    state = loan_state(terms, (), today)
    assert state.accelerated_on == date(2026, 2, 10)
    # Jan 10 (overdue before acceleration), then one demand: the other 11 installments' principal
    assert [(e.number, e.due, e.amount, e.status) for e in entries] == [
        (1, date(2026, 1, 10), Decimal("1000.00"), "overdue"),
        (2, date(2026, 2, 10), Decimal("11000.00"), "overdue"),
    ]
    assert sum(e.remaining for e in entries) == state.owed.total == Decimal("12000.00")


def test_payments_count_toward_the_demand() -> None:
    terms = LoanTerms(
        principal=Decimal("3000.00"),
        rate=Rate(Decimal("0")),
        method="equal_principal",
        term_count=3,
        first_due=date(2026, 1, 10),
        overdue=OverdueRules(accelerates_after_days=10),
    )
    today = date(2026, 2, 1)
    paid = (Payment(date(2026, 1, 25), Decimal("1500.00")),)
    entries = loan_calendar_entries(CalendarLoan("l", "loan", terms, paid), today)
    assert sum(e.remaining for e in entries) == loan_state(terms, paid, today).owed.total
    assert sum(e.paid for e in entries) == Decimal("1500.00")
    assert len({e.due for e in entries}) == len(entries)  # no two entries on one day: unique UIDs
