"""Properties over thousands of random loans: annuity payments against numpy_financial, exact sums,
no negative balances, and a ledger that never loses money.

Each example draws a batch of loans, so thousands of loans are checked while the suite stays fast
(hypothesis spends more time per example than the engine spends on a loan).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

import numpy_financial as npf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ashore.domain.money import Rate
from ashore.finance import (
    Deferral,
    FinanceError,
    LoanTerms,
    OverdueRules,
    Owed,
    Payment,
    ProposalTerms,
    Reamortize,
    ReducedInstallment,
    Waivers,
    loan_state,
    owed_on,
    plan_proposal,
    projection,
    schedule,
)

CENT = Decimal("0.01")

principals = st.integers(min_value=10_000, max_value=100_000_000).map(lambda c: Decimal(c) / 100)
annual_rates = st.integers(min_value=0, max_value=6000).map(lambda bp: Decimal(bp) / 10_000)
terms_months = st.integers(min_value=1, max_value=60)
methods = st.sampled_from(["equal_installment", "equal_principal", "interest_first"])
first_dues = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


BATCH = 8


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(principals, annual_rates, terms_months, first_dues),
        min_size=BATCH,
        max_size=BATCH,
    )
)
def test_equal_installment_matches_numpy_financial(
    loans: list[tuple[Decimal, Decimal, int, date]],
) -> None:
    """1,200 loans (150 × 8): every payment within a cent of numpy_financial.pmt but the last."""
    for principal, rate, n, first_due in loans:
        check_annuity(principal, rate, n, first_due)


def check_annuity(principal: Decimal, rate: Decimal, n: int, first_due: date) -> None:
    rows = schedule(LoanTerms(principal, Rate(rate), "equal_installment", n, first_due))
    # The reference is float (numpy); it is only compared against, never used for money.
    reference = Decimal(repr(float(-npf.pmt(float(rate) / 12, n, float(principal)))))
    for row in rows[:-1]:
        assert abs(row.payment - reference) <= CENT
    # Rounding drift collects in the last row: up to a cent per period (A and the interest are
    # each off by at most half a cent), growing with the rate like the balance does.
    i = rate / 12
    growth = Decimal(n) if i == 0 else ((1 + i) ** n - 1) / i
    assert abs(rows[-1].payment - reference) <= CENT * growth + CENT
    assert sum(r.principal for r in rows) == principal
    assert all(r.balance_after >= 0 and r.principal >= 0 for r in rows)
    assert rows[-1].balance_after == 0


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(principals, annual_rates, terms_months, methods, first_dues),
        min_size=BATCH,
        max_size=BATCH,
    )
)
def test_every_method_sums_exactly(loans: list[tuple[Decimal, Decimal, int, str, date]]) -> None:
    """800 loans (100 × 8), every monthly method: exact sums, no negative balance, rounding."""
    for principal, rate, n, method, first_due in loans:
        check_sums(principal, rate, n, method, first_due)


def check_sums(principal: Decimal, rate: Decimal, n: int, method: str, first_due: date) -> None:
    rows = schedule(LoanTerms(principal, Rate(rate), method, n, first_due))  # type: ignore[arg-type]
    assert len(rows) == n
    assert sum(r.principal for r in rows) == principal
    balance = principal
    for row in rows:
        assert row.payment == row.principal + row.interest + row.fees
        assert row.interest == (balance * rate / 12).quantize(CENT, rounding="ROUND_HALF_UP")
        balance -= row.principal
        assert row.balance_after == balance >= 0
        assert row.payment.as_tuple().exponent == -2
    # Due dates keep the day of first_due where the month has it.
    assert all(r.due.day == min(first_due.day, r.due.day) for r in rows)


payment_lists = st.lists(
    st.tuples(
        st.integers(min_value=-20, max_value=400),
        st.integers(min_value=1, max_value=300_000).map(lambda c: Decimal(c) / 100),
    ),
    max_size=8,
)


overdue_rules = st.builds(
    OverdueRules,
    penalty_rate=st.sampled_from(
        [
            None,
            Rate(Decimal("0.0005"), "day"),
            Rate(Decimal("0.24")),
            Rate(Decimal("0.02"), "month"),
        ]
    ),
    penalty_base=st.sampled_from(["overdue_amount", "overdue_principal"]),
    late_fee=st.sampled_from([Decimal("0.00"), Decimal("30.00")]),
    grace_days=st.integers(min_value=0, max_value=5),
    accelerates_after_days=st.sampled_from([None, 0, 30, 90]),
    charges_cap=st.sampled_from([None, Rate(Decimal("0.24"), "year", 365)]),
)
allocations = st.permutations(["fees", "penalty", "interest", "principal"]).map(tuple)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    principals,
    annual_rates,
    st.integers(min_value=1, max_value=12),
    payment_lists,
    overdue_rules,
    allocations,
    st.integers(min_value=-40, max_value=500),
)
def test_ledger_never_loses_money(
    principal: Decimal,
    rate: Decimal,
    n: int,
    raw: list[tuple[int, Decimal]],
    rules: OverdueRules,
    allocation: tuple[str, ...],
    offset: int,
) -> None:
    """Any rules, any payments: money in = money applied + surplus; figures add up both ways."""
    first_due = date(2026, 1, 31)
    terms = LoanTerms(
        principal,
        Rate(rate),
        "equal_installment",
        n,
        first_due,
        overdue=rules,
        allocation=allocation,
    )
    payments = [Payment(first_due + timedelta(days=d), amount) for d, amount in raw]
    as_of = first_due + timedelta(days=offset)
    state = loan_state(terms, payments, as_of)
    paid_in = sum((p.amount for p in payments if p.date <= as_of), Decimal(0))
    # Everything paid went to an installment or to the surplus: nothing is lost or made up.
    assert sum((s.paid for s in state.installments), Decimal(0)) + state.surplus == paid_in
    owed = state.owed
    assert owed.total == owed.overdue + owed.due + owed.penalty + owed.late_fees + owed.not_yet_due
    assert min(owed.overdue, owed.due, owed.penalty, owed.late_fees, owed.not_yet_due) >= 0
    # The daily fast path (Owed) and the per-installment path (InstallmentState) agree.
    # (Installments not yet due count only their principal: their interest is not owed yet.)
    by_installment = sum(
        (s.owed if s.due <= as_of or s.accelerated else s.unpaid_principal)
        for s in state.installments
    )
    assert owed.total == by_installment
    assert owed.penalty == sum((s.penalty for s in state.installments), Decimal(0))
    if state.surplus > 0:
        assert owed.total == 0
    # The incremental projection gives what a fresh replay gives, day after day.
    days = projection(terms, payments, as_of, as_of + timedelta(days=45))
    for row in days[::9]:
        assert row == owed_on(terms, [p for p in payments if p.date <= as_of], row.as_of)


shares = st.integers(min_value=0, max_value=100).map(lambda p: Decimal(p) / 100)
plans = st.one_of(
    st.builds(Reamortize, st.integers(min_value=1, max_value=60), annual_rates),
    st.builds(
        ReducedInstallment,
        st.integers(min_value=100, max_value=5_000_000).map(lambda c: Decimal(c) / 100),
        annual_rates,
    ),
    st.builds(
        Deferral,
        st.integers(min_value=1, max_value=12),
        st.integers(min_value=1, max_value=48),
        st.sampled_from(["accrue", "freeze"]),
        annual_rates,
    ),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(principals, principals, principals, shares, shares, shares, plans)
def test_proposal_tables_add_up(
    overdue: Decimal,
    penalty: Decimal,
    not_yet_due: Decimal,
    waive_penalty: Decimal,
    waive_late: Decimal,
    waive_interest: Decimal,
    plan: Reamortize | ReducedInstallment | Deferral,
) -> None:
    start = date(2026, 12, 15)
    interest = (overdue / 7).quantize(CENT)
    late = Decimal("50.00")
    total = overdue + penalty + late + not_yet_due
    owed = Owed(start, overdue, Decimal("0.00"), interest, penalty, late, not_yet_due, total)
    proposal = ProposalTerms(start, plan, Waivers(waive_penalty, waive_late, waive_interest))
    refused: FinanceError | None = None
    try:
        result = plan_proposal(owed, proposal)
    except FinanceError as error:
        refused = error
    if refused is not None:
        # only a fixed installment that cannot even pay the interest is refused, by its amount
        assert isinstance(plan, ReducedInstallment)
        assert str(refused).startswith("amount: ")
        return
    base = result.base
    assert base.amount == total - base.waived_total
    assert base.waived_penalty <= penalty
    assert base.waived_interest <= interest
    rows = result.installments
    assert sum(r.principal for r in rows) == base.amount + result.capitalized_interest
    assert result.total_paid == base.amount - result.forgiven + result.total_interest
    assert result.forgiven == 0
    assert all(r.balance_after >= 0 and r.principal >= 0 for r in rows)
    assert all(a.due < b.due for a, b in pairwise(rows))
    assert result.end_date == rows[-1].due
