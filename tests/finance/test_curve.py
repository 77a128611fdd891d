"""The "if nothing is paid" curve from its breakpoints equals the day-by-day one, to the cent."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta

from ashore.domain.money import Rate
from ashore.finance import (
    LoanTerms,
    OverdueRules,
    Payment,
    projection,
    schedule,
    status_quo_segments,
    status_quo_totals,
)

from .helpers import D, worked_payments, worked_terms

TODAY = date(2026, 11, 28)


def day_by_day(terms: LoanTerms, payments: list[Payment], start: date, end: date) -> list[Decimal]:
    return [owed.total for owed in projection(terms, payments, start, end)]


def test_worked_example_every_day_of_a_year() -> None:
    terms, payments = worked_terms(), worked_payments()
    end = date(2027, 11, 28)
    totals = status_quo_totals(terms, payments, TODAY, end)
    assert len(totals) == 366
    # DOMAIN.md's figures: owed today, on the next due date, and a year on.
    assert totals[0] == D("9348.71")
    assert totals[17] == D("9437.09")
    assert totals[-1] == D("11067.74")
    assert totals == day_by_day(terms, payments, TODAY, end)


def test_worked_example_has_few_segments() -> None:
    """Only due dates and ends of grace change the account: a year has 2 + 2 × 2 such days here
    (two installments still to fall due: each its due date and the day after its grace)."""
    terms, payments = worked_terms(), worked_payments()
    segments = status_quo_segments(terms, payments, TODAY, date(2027, 11, 28))
    assert segments is not None
    assert [s.first for s in segments] == [
        TODAY,
        date(2026, 12, 15),
        date(2026, 12, 16),
        date(2027, 1, 15),
        date(2027, 1, 16),
    ]
    assert segments[-1].last == date(2027, 11, 28)
    # from 16 January on all 8 unpaid installments are missed: 8 straight penalty lines
    assert len(segments[-1].lines) == 8


@pytest.mark.parametrize(
    "rules",
    [
        {},
        {"grace_days": 3},
        {"accelerates_after_days": 90},
        {"accelerates_after_days": 400, "grace_days": 2},
        {"penalty_base": "overdue_principal"},
        {"penalty_times_contract": D("1.5")},
        {"penalty_rate": None},
        {"penalty_rate": Rate(D("0.24"), "year")},
        # not straight lines: these take the day-by-day path, and still agree
        {"charges_cap": Rate(D("0.24"), "year")},
        {"contract_interest_continues": True},
    ],
)
def test_worked_example_under_other_rules(rules: dict[str, object]) -> None:
    base = worked_terms()
    terms = replace(base, overdue=replace(base.overdue, **rules))  # type: ignore[arg-type]
    rows = schedule(terms)
    # a partial payment in June moves the penalty's base
    payments = [*worked_payments(), Payment(date(2026, 6, 20), D("333.33"))]
    for start in (date(2026, 3, 1), date(2026, 6, 30), TODAY):
        end = start + timedelta(days=500)
        assert status_quo_totals(terms, payments, start, end, rows) == day_by_day(
            terms, payments, start, end
        )


def _generated(rng: random.Random, k: int) -> tuple[LoanTerms, list[Payment]]:
    """A loan as the heavy benchmark makes them, with rules varied."""
    months = rng.choice((6, 12, 24, 36))
    method = ("equal_installment", "equal_principal", "interest_first")[k % 3]
    rules = OverdueRules(
        penalty_rate=Rate(D("0.0005"), "day") if k % 5 else Rate(D("0.365"), "year"),
        penalty_base="overdue_principal" if k % 7 == 0 else "overdue_amount",
        late_fee=D(rng.choice(("0.00", "30.00", "12.34"))),
        grace_days=k % 4,
        accelerates_after_days=(None, 60, 180)[k % 3],
    )
    first_due = date(2025, 1 + k % 12, 1 + k % 28)
    terms = LoanTerms(
        D(1000 + rng.randrange(0, 49_000)) + D(rng.randrange(0, 100)) / 100,
        Rate(D(f"0.{rng.randrange(8, 36):02d}")),
        method,
        months,
        first_due,
        overdue=rules,
    )
    paid = rng.randrange(0, months // 2 + 1)
    payments = [
        Payment(first_due + relativedelta(months=m), D(rng.choice(("50.00", "77.77", "1500.00"))))
        for m in range(paid)
    ]
    return terms, payments


def test_generated_loans_every_day() -> None:
    rng = random.Random(15)
    for k in range(40):
        terms, payments = _generated(rng, k)
        end = TODAY + timedelta(days=730)
        assert status_quo_totals(terms, payments, TODAY, end) == day_by_day(
            terms, payments, TODAY, end
        ), f"loan {k}"


def test_one_day_and_bad_ranges() -> None:
    terms, payments = worked_terms(), worked_payments()
    assert status_quo_totals(terms, payments, TODAY, TODAY) == [D("9348.71")]
    from ashore.finance import FinanceError

    with pytest.raises(FinanceError, match="until"):
        status_quo_totals(terms, payments, TODAY, TODAY - timedelta(days=1))
