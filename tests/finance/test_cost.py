"""DOMAIN.md "The true yearly cost (APR) and the legal lines": APR by IRR, the effective yearly
rate, bullet loans, proposals, the LPR table's lines and the cost of lateness."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ashore.domain.money import Rate
from ashore.finance import (
    Fee,
    LoanTerms,
    LprEntry,
    ProposalTerms,
    Reamortize,
    Waivers,
    lateness_cost,
    loan_cost,
    loan_state,
    lpr_on,
    month_time,
    proposal_cost,
    propose,
    rate_lines,
    schedule,
)

from .helpers import worked_payments, worked_terms

D = Decimal


def test_worked_example_apr_is_the_quoted_rate() -> None:
    cost = loan_cost(worked_terms())
    assert cost.apr == D("0.1800")
    assert cost.effective == D("0.1956")  # 1.015^12 − 1
    assert cost.received == D("12000.00")


def test_card_installment_point_six_a_month() -> None:
    terms = LoanTerms(
        D("10000.00"), Rate(D("0")), "equal_principal", 12, date(2026, 2, 15),
        fees=(Fee("installment fee", D("60.00")),),
    )  # fmt: skip
    cost = loan_cost(terms)
    assert cost.apr == D("0.1303")
    assert cost.effective == D("0.1384")


def test_upfront_fee_raises_the_cost() -> None:
    terms = LoanTerms(
        D("10000.00"), Rate(D("0.18")), "equal_installment", 12, date(2026, 2, 15),
        fees=(Fee("kept back", D("1000.00"), "upfront"),),
    )  # fmt: skip
    cost = loan_cost(terms)
    assert cost.received == D("9000.00")
    assert cost.apr == D("0.3880")


def test_bullet_apr_formula() -> None:
    terms = LoanTerms(
        D("1000.00"), Rate(D("0.001"), "day"), "bullet", 14, date(2026, 3, 1), term_unit="day",
        fees=(Fee("service", D("10.00"), "once"),),
    )  # fmt: skip
    row = schedule(terms)[0]
    assert row.payment == D("1024.00")  # 1,000 + 14.00 interest + 10.00 fee
    cost = loan_cost(terms)
    # (1,024 − 1,000) / 1,000 × 365 / 14 = 0.625714…
    assert cost.apr == D("0.6257")
    assert cost.effective == ((D("1.024") ** (D(365) / 14)) - 1).quantize(D("0.0001"))


def test_zero_percent_proposal_is_zero() -> None:
    plan = propose(
        worked_terms(),
        worked_payments(),
        ProposalTerms(date(2026, 12, 15), Reamortize(24, D("0")), Waivers(D("1"), D("1"))),
    )
    cost = proposal_cost(plan)
    assert cost.apr == D("0.0000")
    assert cost.effective == D("0.0000")
    assert cost.received == plan.base.amount


def test_proposal_at_a_rate_has_that_apr() -> None:
    plan = propose(
        worked_terms(),
        worked_payments(),
        ProposalTerms(date(2026, 12, 15), Reamortize(24, D("0.06"))),
    )
    assert proposal_cost(plan).apr == D("0.0600")


def test_month_time() -> None:
    assert month_time(date(2026, 1, 15), date(2026, 2, 15)) == 1
    assert month_time(date(2026, 1, 15), date(2027, 1, 15)) == 12
    assert month_time(date(2026, 1, 15), date(2026, 1, 30)) == D(15) / 31
    assert month_time(date(2026, 1, 31), date(2026, 2, 28)) == 1


@settings(max_examples=80, deadline=None)
@given(
    cents=st.integers(min_value=100_000, max_value=10_000_000),
    bp=st.integers(min_value=0, max_value=4800),
    fee=st.integers(min_value=0, max_value=20_000),
    upfront=st.integers(min_value=0, max_value=50),
    months=st.integers(min_value=2, max_value=36),
    method=st.sampled_from(["equal_installment", "equal_principal", "interest_first"]),
)
def test_apr_matches_numpy_financial_irr(
    cents: int, bp: int, fee: int, upfront: int, months: int, method: str
) -> None:
    principal = D(cents) / 100
    kept = (principal * upfront / 100).quantize(D("0.01"))
    fees = [Fee("monthly", D(fee) / 100)]
    if kept:
        fees.append(Fee("upfront", kept, "upfront"))
    terms = LoanTerms(
        principal,
        Rate(D(bp) / 10_000),
        method,  # type: ignore[arg-type]
        months,
        date(2026, 1, 31),
        fees=tuple(fees),
    )
    rows = schedule(terms)
    flows = [-float(terms.received())] + [float(r.payment) for r in rows]
    expected = npf.irr(flows) * 12
    cost = loan_cost(terms)
    assert abs(float(cost.apr) - expected) <= 0.0001
    assert abs(float(cost.effective) - ((1 + expected / 12) ** 12 - 1)) <= 0.0001


LPR = (
    ("2019-08-20", "0.0425"),
    ("2019-09-20", "0.0420"),
    ("2019-11-20", "0.0415"),
    ("2020-02-20", "0.0405"),
    ("2020-04-20", "0.0385"),
    ("2021-12-20", "0.0380"),
    ("2022-01-20", "0.0370"),
    ("2022-08-22", "0.0365"),
    ("2023-06-20", "0.0355"),
    ("2023-08-21", "0.0345"),
    ("2024-07-22", "0.0335"),
    ("2024-10-21", "0.0310"),
    ("2025-05-20", "0.0300"),
)
TABLE = tuple(LprEntry(date.fromisoformat(d), D(r)) for d, r in LPR)


@pytest.mark.parametrize(("index", "since"), list(enumerate(d for d, _r in LPR)))
def test_lpr_line_on_each_change_date_and_the_day_before(index: int, since: str) -> None:
    day = date.fromisoformat(since)
    lines = rate_lines(D("0.18"), day, TABLE)
    assert lines.lpr4 == D(LPR[index][1]) * 4
    assert lines.lpr_since == day
    before = rate_lines(D("0.18"), day - timedelta(days=1), TABLE)
    if index == 0:
        assert before.lpr4 is None
        assert not before.over_lpr4
    else:
        assert before.lpr4 == D(LPR[index - 1][1]) * 4
        assert before.lpr_since == date.fromisoformat(LPR[index - 1][0])


def test_lines_crossed() -> None:
    lines = rate_lines(D("0.3880"), date(2026, 1, 15), TABLE)
    assert lines.lpr4 == D("0.1200")
    assert lines.crossed == ("lpr4", "24", "36")
    assert rate_lines(D("0.1800"), date(2026, 1, 15), TABLE).crossed == ("lpr4",)
    assert rate_lines(D("0.2400"), date(2026, 1, 15), TABLE).crossed == ("lpr4",)  # equal: not over
    assert rate_lines(D("0.1200"), date(2026, 1, 15), TABLE).crossed == ()
    assert lpr_on(TABLE, date(2026, 11, 28)) == TABLE[-1]


def test_cost_of_lateness_as_a_yearly_rate() -> None:
    state = loan_state(worked_terms(), worked_payments(), date(2026, 11, 28))
    # The June installment: 1,100.16, 166 days late, 91.31 penalty + 50.00 late fee.
    june = state.installments[4]
    assert (june.penalty, june.late_fee, june.days_overdue) == (D("91.31"), D("50.00"), 166)
    # On the whole overdue amount (issue 13; not the newest installment alone, 13 days late,
    # whose 50.00 fee read as 145.85 % a year): 295.94 penalty + 300.00 late fees over 1,100.16
    # × (166 + 136 + 105 + 74 + 44 + 13) amount-days, a year of 365 days.
    days = 166 + 136 + 105 + 74 + 44 + 13
    expected = ((D("295.94") + D("300.00")) / (D("1100.16") * days) * 365).quantize(D("0.0001"))
    assert expected == D("0.3675")
    assert lateness_cost(state) == expected
    assert lateness_cost(loan_state(worked_terms(), [], date(2026, 1, 1))) is None
