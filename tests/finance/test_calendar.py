"""The cross-loan calendar and the plan in force once an agreement starts."""

from __future__ import annotations

from datetime import date

from ashore.domain.money import Rate
from ashore.finance import (
    CalendarLoan,
    LoanTerms,
    Payment,
    ProposalTerms,
    Reamortize,
    Waivers,
    effective_plan,
    propose,
    repayment_calendar,
    schedule,
)

from .helpers import D, worked_payments, worked_terms


def agreement_loan(extra: list[Payment]) -> CalendarLoan:
    terms, payments = worked_terms(), worked_payments()
    plan = propose(
        terms,
        payments,
        ProposalTerms(date(2026, 12, 15), Reamortize(24), Waivers(D("1"), D("1"))),
    )
    return CalendarLoan("jb", "借呗", terms, (*payments, *extra), plan)


def small_loan() -> CalendarLoan:
    terms = LoanTerms(D("900.00"), Rate(D("0")), "equal_principal", 3, date(2027, 1, 5))
    payments = (Payment(date(2027, 1, 5), D("300.00")), Payment(date(2027, 2, 10), D("100.00")))
    return CalendarLoan("wl", "微粒贷", terms, payments)


def test_effective_plan_replaces_the_original_from_the_start() -> None:
    loan = agreement_loan([])
    assert loan.agreement is not None
    plan = effective_plan(schedule(loan.terms), loan.agreement)
    assert len(plan) == 10 + 24
    assert plan[9].source == "original"
    assert plan[9].due == date(2026, 11, 15)
    assert plan[10].source == "agreement"
    assert plan[10].due == date(2027, 1, 15)
    assert plan[10].amount == D("366.04")
    assert len(effective_plan(schedule(loan.terms), None)) == 12


def test_calendar_across_two_loans() -> None:
    loans = [agreement_loan([Payment(date(2027, 1, 15), D("366.04"))]), small_loan()]
    cal = repayment_calendar(loans, date(2027, 1, 1), 3, today=date(2027, 2, 20))
    seen = [
        (e.loan_id, e.due.isoformat(), str(e.amount), str(e.paid), e.status) for e in cal.entries
    ]
    assert seen == [
        ("wl", "2027-01-05", "300.00", "300.00", "paid"),
        ("jb", "2027-01-15", "366.04", "366.04", "paid"),
        ("wl", "2027-02-05", "300.00", "100.00", "overdue"),
        ("jb", "2027-02-15", "366.04", "0.00", "overdue"),
        ("wl", "2027-03-05", "300.00", "0.00", "due"),
        ("jb", "2027-03-15", "366.04", "0.00", "due"),
    ]
    assert cal.per_month == (
        ((2027, 1), D("666.04")),
        ((2027, 2), D("666.04")),
        ((2027, 3), D("666.04")),
    )
    assert cal.remaining_per_month == (
        ((2027, 1), D("0.00")),
        ((2027, 2), D("566.04")),
        ((2027, 3), D("666.04")),
    )
    assert cal.per_day[0] == (date(2027, 1, 5), D("300.00"))
    assert (cal.total, cal.remaining) == (D("1998.12"), D("1232.08"))


def test_unpaid_original_installments_show_as_replaced() -> None:
    cal = repayment_calendar([agreement_loan([])], date(2026, 10, 1), 2, today=date(2026, 12, 20))
    seen = [(e.due.isoformat(), e.source, e.status, str(e.remaining)) for e in cal.entries]
    # 2026-12-15 was the original's eleventh installment: the agreement starts that day.
    assert seen == [
        ("2026-10-15", "original", "replaced", "0.00"),
        ("2026-11-15", "original", "replaced", "0.00"),
    ]
    before = repayment_calendar(
        [agreement_loan([])], date(2026, 11, 1), 1, today=date(2026, 11, 28)
    )
    (entry,) = before.entries
    assert (entry.status, entry.remaining) == ("overdue", D("1157.31"))
