"""DOMAIN.md "What a lender's own app shows": start, daily interest, upfront fees, penalty as a
multiple of the contract rate, contract interest continuing, and payoff, figure by figure."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ashore.domain.money import Rate
from ashore.finance import (
    Fee,
    FinanceError,
    LoanTerms,
    loan_state,
    owed_on,
    payoff,
    period_days,
    schedule,
)

from .helpers import worked_payments, worked_terms

D = Decimal


def weilidai(method: str = "equal_principal", **kw: object) -> LoanTerms:
    return LoanTerms(
        D("5000.00"),
        Rate(D("0.0005"), "day"),
        method,  # type: ignore[arg-type]
        5,
        date(2026, 6, 1),
        **{"start": date(2026, 5, 1), "interest": "daily", **kw},  # type: ignore[arg-type]
    )


def test_weilidai_daily_interest_equal_principal() -> None:
    rows = schedule(weilidai())
    assert [r.interest for r in rows] == [
        D("77.50"),
        D("60.00"),
        D("46.50"),
        D("31.00"),
        D("15.00"),
    ]
    assert sum(r.interest for r in rows) == D("230.00")
    assert [r.payment for r in rows] == [
        D("1077.50"),
        D("1060.00"),
        D("1046.50"),
        D("1031.00"),
        D("1015.00"),
    ]
    assert period_days(weilidai()) == [31, 30, 31, 31, 30]


def test_jiebei_daily_rate_times_30() -> None:
    terms = LoanTerms(
        D("1000.00"), Rate(D("0.0004"), "day"), "equal_principal", 12, date(2026, 6, 1)
    )
    rows = schedule(terms)
    assert rows[0].payment == D("95.33")
    assert rows[1].payment == D("94.33")
    assert rows[0].interest == D("12.00")  # 1,000 × 0.0004 × 30


def test_default_start_is_one_month_before_first_due() -> None:
    assert worked_terms().start_date() == date(2026, 1, 15)
    bullet = LoanTerms(
        D("1000.00"), Rate(D("0.001"), "day"), "bullet", 14, date(2026, 3, 1), term_unit="day"
    )
    assert bullet.start_date() == date(2026, 2, 15)
    # A given start leaves monthly interest as it was.
    moved = LoanTerms(
        D("12000.00"), Rate(D("0.18")), "equal_installment", 12, date(2026, 2, 15),
        start=date(2026, 1, 2),
    )  # fmt: skip
    assert schedule(moved) == schedule(worked_terms())


def test_daily_interest_over_february_leap_and_common_years() -> None:
    for year, feb_days in ((2027, 28), (2028, 29)):
        terms = LoanTerms(
            D("3000.00"),
            Rate(D("0.0005"), "day"),
            "interest_first",
            3,
            date(year, 2, 1),
            start=date(year, 1, 1),
            interest="daily",
        )
        rows = schedule(terms)
        # Jan 1 → Feb 1: 31 days; Feb 1 → Mar 1: 28 or 29 days; Mar 1 → Apr 1: 31 days.
        assert [r.interest for r in rows] == [
            D("46.50"),
            (D("3000") * D("0.0005") * feb_days).quantize(D("0.01"), ROUND_HALF_UP),
            D("46.50"),
        ]


def test_daily_first_period_runs_from_start() -> None:
    terms = weilidai(start=None)
    assert terms.start_date() == date(2026, 5, 1)
    later = LoanTerms(
        D("5000.00"), Rate(D("0.0005"), "day"), "equal_principal", 5, date(2026, 6, 1),
        start=date(2026, 5, 11), interest="daily",
    )  # fmt: skip
    assert schedule(later)[0].interest == D("52.50")  # 21 days: May 11 → Jun 1
    with pytest.raises(FinanceError, match=r"^start:"):
        LoanTerms(D("5000.00"), Rate(D("0.0005"), "day"), "equal_principal", 5,
                  date(2026, 6, 1), start=date(2026, 6, 1))  # fmt: skip


def test_daily_equal_installment_keeps_the_monthly_payment() -> None:
    terms = weilidai("equal_installment")
    rows = schedule(terms)
    # A from i = 0.0005 × 360 / 12 = 0.015: 5,000 over 5 months.
    assert round(npf.pmt(0.015, 5, -5000), 2) == 1045.45  # the independent annuity
    assert rows[0].payment == D("1045.45")
    assert rows[0].interest == D("77.50")
    assert rows[0].principal == D("967.95")
    assert [r.payment for r in rows[:-1]] == [D("1045.45")] * 4
    # Later periods: the balance after the first × 0.0005 × 30 days (June).
    assert rows[1].interest == (D("4032.05") * D("0.0005") * 30).quantize(D("0.01"), ROUND_HALF_UP)
    assert sum(r.principal for r in rows) == D("5000.00")
    assert rows[-1].balance_after == D("0.00")


@settings(max_examples=60, deadline=None)
@given(
    cents=st.integers(min_value=10_000, max_value=50_000_000),
    bp=st.integers(min_value=1, max_value=30),  # 0.01 %–0.30 % a day
    months=st.integers(min_value=1, max_value=36),
    first=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    method=st.sampled_from(["equal_installment", "equal_principal", "interest_first"]),
    day_count=st.sampled_from([360, 365]),
)
def test_daily_principal_parts_add_up(
    cents: int, bp: int, months: int, first: date, method: str, day_count: int
) -> None:
    terms = LoanTerms(
        D(cents) / 100,
        Rate(D(bp) / 10_000, "day", day_count),
        method,  # type: ignore[arg-type]
        months,
        first,
        interest="daily",
    )
    rows = schedule(terms)
    assert sum(r.principal for r in rows) == terms.principal
    assert all(r.payment == r.principal + r.interest + r.fees for r in rows)
    assert all(r.principal >= 0 and r.balance_after >= 0 for r in rows)
    # Each row's interest is the balance × daily rate × the period's calendar days.
    balance = terms.principal
    for row, days in zip(rows, period_days(terms), strict=True):
        assert row.interest == (balance * D(bp) / 10_000 * days).quantize(D("0.01"), ROUND_HALF_UP)
        balance -= row.principal


def test_365_day_year_converts_a_yearly_quote() -> None:
    terms = LoanTerms(
        D("3650.00"), Rate(D("0.365"), "year", 365), "interest_first", 2, date(2026, 3, 1),
        start=date(2026, 1, 1), interest="daily",
    )  # fmt: skip
    # 0.365 / 365 = 0.001 a day: Jan 1 → Mar 1 is 59 days, then 31.
    assert [r.interest for r in schedule(terms)] == [D("215.35"), D("113.15")]


def test_upfront_fee_is_kept_back_not_scheduled() -> None:
    terms = LoanTerms(
        D("10000.00"), Rate(D("0.18")), "equal_installment", 12, date(2026, 2, 15),
        fees=(Fee("service", D("1000.00"), "upfront"),),
    )  # fmt: skip
    assert terms.received() == D("9000.00")
    rows = schedule(terms)
    assert all(r.fees == 0 for r in rows)
    assert sum(r.principal for r in rows) == D("10000.00")
    with pytest.raises(FinanceError, match=r"^fees:"):
        LoanTerms(D("100.00"), Rate(D("0.18")), "equal_installment", 12, date(2026, 2, 15),
                  fees=(Fee("all", D("100.00"), "upfront"),))  # fmt: skip


def test_penalty_times_contract_on_principal() -> None:
    # The quoted 0.05 % a day gives way to 1.5 × the contract's 0.18 / 360 a day.
    terms = worked_terms(penalty_times_contract=D("1.5"), penalty_base="overdue_principal")
    state = loan_state(terms, [], date(2026, 2, 15) + timedelta(days=30))
    first = state.installments[0]
    assert first.unpaid_principal == D("920.16")
    assert first.penalty == D("20.70")  # 920.16 × 0.00075 × 30


def test_contract_interest_continues_on_overdue_principal() -> None:
    plain = worked_terms(penalty_base="overdue_principal")
    going_on = worked_terms(penalty_base="overdue_principal", contract_interest_continues=True)
    day = date(2026, 3, 17)  # 30 days after the first due date
    base = loan_state(plain, [], day).installments[0]
    more = loan_state(going_on, [], day).installments
    # 920.16 × 0.0005 × 30 = 13.80 penalty, and the contract's 0.18 / 360 × 30 on top: interest,
    # not penalty (walk 6's zh 23: a penalty waiver waived it too).
    assert base.penalty == D("13.80")
    assert (more[0].penalty, more[0].late_interest) == (D("13.80"), D("13.80"))
    assert more[0].owed == base.owed + D("13.80")
    owed = owed_on(going_on, [], day)
    assert owed.penalty == more[0].penalty + more[1].penalty
    assert owed.late_interest == more[0].late_interest + more[1].late_interest
    plain_owed = owed_on(plain, [], day)
    assert owed.penalty == plain_owed.penalty
    # inside overdue and interest: the total is as it was
    assert owed.overdue == plain_owed.overdue + owed.late_interest
    assert owed.interest == plain_owed.interest + owed.late_interest
    assert owed.total == plain_owed.total + owed.late_interest


def test_a_penalty_waiver_waives_the_penalty_not_the_contract_interest() -> None:
    """Walk 6's zh 23: penalty 1.5 × the contract rate and the contract's interest running on:
    "penalty waived 100 %" forgives the penalty only (20.70 = 920.16 × 0.00075 × 30), not the
    contract's 13.80 (920.16 × 0.0005 × 30); an interest waiver is what takes that."""
    from ashore.finance import Waivers, proposal_base

    terms = worked_terms(
        penalty_times_contract=D("1.5"),
        penalty_base="overdue_principal",
        contract_interest_continues=True,
    )
    day = date(2026, 3, 17)  # the first installment 30 days late, the second 2
    owed = owed_on(terms, [], day)
    first, second = loan_state(terms, [], day).installments[:2]
    assert (first.penalty, first.late_interest) == (D("20.70"), D("13.80"))
    assert owed.penalty == first.penalty + second.penalty
    assert owed.late_interest == first.late_interest + second.late_interest
    base = proposal_base(owed, Waivers(penalty=D("1")), "CNY")
    assert base.waived_penalty == owed.penalty
    assert base.amount == owed.total - owed.penalty
    interest = proposal_base(owed, Waivers(interest=D("1")), "CNY")
    assert interest.waived_interest == owed.interest  # the scheduled interest and the run-on


def test_payoff_of_the_worked_example() -> None:
    result = payoff(worked_terms(), worked_payments(), date(2026, 11, 28))
    assert result.owed.total == D("9348.71")
    assert result.accrued_interest == D("13.99")  # round(2,151.81 × 0.015 × 13 / 30)
    assert result.prepayment_fee == D("0.00")
    assert result.total == D("9362.70")


def test_payoff_with_a_prepayment_fee_and_daily_interest() -> None:
    terms = weilidai(prepayment_fee=D("0.01"))
    result = payoff(terms, [], date(2026, 5, 21))
    # Nothing is due yet: 5,000 principal, 20 days of interest since the start, 1 % fee.
    assert result.owed.total == D("5000.00")
    assert result.accrued_interest == D("50.00")
    assert result.prepayment_fee == D("50.00")
    assert result.total == D("5100.00")


def test_payoff_before_the_first_due_date_counts_from_start_monthly() -> None:
    result = payoff(worked_terms(), [], date(2026, 1, 30))
    # From 2026-01-15 (the default start) to 01-30: 15 of 31 days of 180.00.
    assert result.accrued_interest == (D("12000") * D("0.015") * 15 / 31).quantize(
        D("0.01"), ROUND_HALF_UP
    )
    assert result.total == D("12000.00") + result.accrued_interest
