"""Shared loans for the finance tests: the worked example of DOMAIN.md and small hand-made ones."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ashore.domain.money import Rate
from ashore.finance import LoanTerms, OverdueRules, Payment, schedule

D = Decimal

WORKED_PENALTY = OverdueRules(penalty_rate=Rate(D("0.0005"), "day"), late_fee=D("50.00"))


def worked_terms(**overdue: object) -> LoanTerms:
    """12,000.00 at 18 % a year, 12 equal installments from 2026-02-15 (DOMAIN.md)."""
    rules = OverdueRules(
        penalty_rate=Rate(D("0.0005"), "day"),
        late_fee=D("50.00"),
        **overdue,  # type: ignore[arg-type]
    )
    return LoanTerms(
        D("12000.00"), Rate(D("0.18")), "equal_installment", 12, date(2026, 2, 15), overdue=rules
    )


def worked_payments() -> list[Payment]:
    """February to May paid on their due dates, then nothing."""
    rows = schedule(worked_terms())
    return [Payment(r.due, r.payment) for r in rows[:4]]
