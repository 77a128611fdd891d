"""Comparison of status quo, original schedule and proposals; claim checks."""

from __future__ import annotations

from datetime import date

import pytest

from ashore.finance import (
    FinanceError,
    Payment,
    ProposalTerms,
    Reamortize,
    Waivers,
    check_claim,
    compare,
    propose,
    summarize,
)

from .helpers import D, worked_payments, worked_terms


def test_compare_the_worked_example() -> None:
    terms, payments = worked_terms(), worked_payments()
    waived = Waivers(D("1"), D("1"))
    plan = propose(terms, payments, ProposalTerms(date(2026, 12, 15), Reamortize(24), waived))
    result = compare(
        terms,
        payments,
        date(2026, 11, 28),
        date(2027, 11, 28),
        [("24 months, penalty waived", plan)],
        monthly_budget=D("1000.00"),
        claims=[(date(2026, 11, 20), D("9830.55"))],
    )
    quo, original, (proposal,) = result.status_quo, result.original, result.proposals
    # Nothing paid until 2027-11-28: 8801.31 overdue + 1866.43 penalty + 400.00 late fees.
    assert quo.total_paid == D("11067.74")
    assert (quo.saving, quo.end_date, quo.months_over_budget) == (D("0"), date(2027, 11, 28), 1)

    # Catch up today (9348.71 − 2151.81), then the last two installments as scheduled.
    assert original.monthly == (
        ((2026, 11), D("7196.90")),
        ((2026, 12), D("1100.16")),
        ((2027, 1), D("1100.19")),
    )
    assert original.total_paid == D("9397.25")
    assert original.saving == D("1670.49")
    assert (original.largest_monthly, original.median_monthly) == (D("7196.90"), D("1100.19"))
    assert (original.end_date, original.months_over_budget) == (date(2027, 1, 15), 3)

    assert proposal.label == "24 months, penalty waived"
    assert proposal.total_paid == D("8785.05")
    assert proposal.saving == D("2282.69")
    assert (proposal.largest_monthly, proposal.median_monthly) == (D("366.13"), D("366.04"))
    assert (proposal.end_date, proposal.months_over_budget) == (date(2028, 12, 15), 0)
    assert [o.label for o in result.options] == ["status_quo", "original", proposal.label]

    # Ours on 2026-11-20: 6600.96 + 269.54 penalty + 300.00 + 2151.81 = 9322.31.
    (claim,) = result.claims
    assert (claim.ours, claim.difference) == (D("9322.31"), D("508.24"))


def test_months_over_budget_and_even_median() -> None:
    flows = [
        (date(2026, 1, 5), D("100.00")),
        (date(2026, 1, 20), D("150.00")),
        (date(2026, 2, 5), D("200.00")),
        (date(2026, 3, 5), D("120.00")),
        (date(2026, 4, 5), D("101.00")),
    ]
    s = summarize("x", flows, baseline=D("1000.00"), monthly_budget=D("150.00"))
    # Months: 250.00, 200.00, 120.00, 101.00; median (200 + 120) / 2.
    assert s.monthly[0] == ((2026, 1), D("250.00"))
    assert (s.total_paid, s.saving, s.median_monthly, s.months_over_budget) == (
        D("671.00"),
        D("329.00"),
        D("160.00"),
        2,
    )


def test_claim_check_on_its_own() -> None:
    check = check_claim(worked_terms(), worked_payments(), date(2026, 11, 28), D("9300.00"))
    assert (check.ours, check.difference) == (D("9348.71"), D("-48.71"))


def test_horizon_before_today_is_refused() -> None:
    with pytest.raises(FinanceError, match=r"^horizon:"):
        compare(worked_terms(), [], date(2026, 5, 1), date(2026, 4, 1))


def test_typical_installment_is_the_most_common_amount_else_the_median() -> None:
    from ashore.finance.compare import typical_installment

    assert typical_installment([D("1100.16")] * 11 + [D("1100.19")]) == D("1100.16")
    assert typical_installment([D("7196.90"), D("1100.16"), D("1100.16"), D("1100.19")]) == D(
        "1100.16"
    )
    # falling payments (equal principal): none repeats, the median
    assert typical_installment([D("300.00"), D("200.00"), D("100.01"), D("100.00")]) == D("150.01")


def test_every_option_counts_the_same_payments_from_the_start() -> None:
    """Counted from a plan's start (the agreement in force): a payment made under it is in its
    column (its table, fixed) and not in what doing nothing or the original start from, so no
    saving moves; a plan that began before the start owes what its table still asks then."""
    terms, payments = worked_terms(), worked_payments()
    start = date(2026, 12, 15)
    plan = propose(terms, payments, ProposalTerms(start, Reamortize(24), Waivers(D("1"), D("1"))))
    horizon = date(2028, 12, 15)

    def options(paid: list, today: date, begin: date) -> list:  # type: ignore[type-arg]
        result = compare(terms, paid, today, horizon, [("p", plan)], start=begin)
        assert result.counted_from == begin
        return [(o.total_paid, o.saving) for o in result.options]

    before = options(payments, start, start)
    assert before[2][0] == plan.total_paid == D("8785.05")
    paid = [*payments, Payment(date(2026, 12, 15), D("500.00"))]
    assert options(paid, date(2027, 2, 1), start) == before
    # counted from a later day, the plan that began on Dec 15 asks its table less the 500.00
    later = compare(terms, paid, date(2027, 2, 1), horizon, [("p", plan)], start=date(2027, 2, 1))
    (left,) = later.proposals
    assert left.total_paid == plan.total_paid - D("500.00")
    first, second = plan.installments[0], plan.installments[1]
    # January's 366.13 was paid by the 500.00 and 133.87 of February's: the rest is due then
    assert left.monthly[0] == ((2027, 2), second.payment - (D("500.00") - first.payment))
